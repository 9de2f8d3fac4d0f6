import { describe, expect, it } from 'vitest'
import type { CalendarYear } from '../sync'
import { BUILTIN_CALENDAR } from './builtin'
import { addWorkingDays, isWorkingDay, mergeCalendars } from './workingDays'

const due = (start: string, days: number) => addWorkingDays(start, days).dueDate

describe('BUILTIN_CALENDAR', () => {
  it('covers 2024 to 2026 with a source for each year', () => {
    expect(BUILTIN_CALENDAR.map((y) => y.year)).toEqual([2024, 2025, 2026])
    for (const y of BUILTIN_CALENDAR) expect(y.source).toMatch(/国务院办公厅/)
  })

  it('lists only weekend days as 调休 working days, and only dates of its own year', () => {
    for (const y of BUILTIN_CALENDAR) {
      for (const d of y.workingWeekends) expect([0, 6]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay())
      for (const d of [...y.holidays, ...y.workingWeekends]) expect(d.startsWith(`${y.year}-`)).toBe(true)
    }
  })

  it('has the announced number of days off per year', () => {
    const counts = Object.fromEntries(BUILTIN_CALENDAR.map((y) => [y.year, y.holidays.length]))
    // 2024: 1+8+3+5+1+3+7; 2025: 1+8+3+5+3+8; 2026: 3+9+3+5+3+3+7
    expect(counts).toEqual({ 2024: 28, 2025: 28, 2026: 33 })
  })
})

describe('isWorkingDay', () => {
  it('knows holidays, ordinary weekends and 调休 weekends', () => {
    expect(isWorkingDay('2026-02-14')).toBe(true)
    expect(isWorkingDay('2026-02-16')).toBe(false)
    expect(isWorkingDay('2026-03-07')).toBe(false)
    expect(isWorkingDay('2026-03-09')).toBe(true)
    expect(isWorkingDay('2024-02-09')).toBe(true)
  })

  it('falls back to Mon–Fri in a year without a calendar', () => {
    expect(isWorkingDay('2027-01-01')).toBe(true)
    expect(isWorkingDay('2027-01-02')).toBe(false)
  })
})

describe('addWorkingDays', () => {
  it('skips the 2024 Spring Festival and counts its working Sundays', () => {
    expect(due('2024-02-02', 1)).toBe('2024-02-04')
    expect(due('2024-02-08', 1)).toBe('2024-02-09')
    expect(due('2024-02-08', 2)).toBe('2024-02-18')
    expect(due('2024-02-08', 3)).toBe('2024-02-19')
  })

  it('skips the 2024 National Day holiday', () => {
    expect(due('2024-09-27', 1)).toBe('2024-09-29')
    expect(due('2024-09-27', 3)).toBe('2024-10-08')
    expect(due('2024-09-27', 7)).toBe('2024-10-12')
    expect(due('2024-09-27', 8)).toBe('2024-10-14')
  })

  it('skips the 2025 Spring Festival and counts 01-26 and 02-08', () => {
    expect(due('2025-01-24', 1)).toBe('2025-01-26')
    expect(due('2025-01-24', 3)).toBe('2025-02-05')
    expect(due('2025-01-24', 6)).toBe('2025-02-08')
    expect(due('2025-01-24', 7)).toBe('2025-02-10')
  })

  it('skips the eight-day 2025 National Day and Mid-Autumn break', () => {
    expect(due('2025-09-26', 1)).toBe('2025-09-28')
    expect(due('2025-09-26', 4)).toBe('2025-10-09')
    expect(due('2025-09-26', 6)).toBe('2025-10-11')
    expect(due('2025-09-26', 7)).toBe('2025-10-13')
  })

  it('skips the nine-day 2026 Spring Festival and counts 02-14 and 02-28', () => {
    expect(due('2026-02-12', 2)).toBe('2026-02-14')
    expect(due('2026-02-12', 3)).toBe('2026-02-24')
    expect(due('2026-02-12', 7)).toBe('2026-02-28')
    expect(due('2026-02-12', 8)).toBe('2026-03-02')
  })

  it('skips Mid-Autumn and National Day 2026 and counts 09-20 and 10-10', () => {
    expect(due('2026-09-18', 1)).toBe('2026-09-20')
    expect(due('2026-09-18', 6)).toBe('2026-09-28')
    expect(due('2026-09-18', 9)).toBe('2026-10-08')
    expect(due('2026-09-18', 11)).toBe('2026-10-10')
    expect(due('2026-09-18', 12)).toBe('2026-10-12')
  })

  it('crosses a year end into 2026 New Year with its working Sunday', () => {
    expect(addWorkingDays('2025-12-30', 2)).toEqual({ dueDate: '2026-01-04', provisional: false })
    expect(addWorkingDays('2025-12-30', 3)).toEqual({ dueDate: '2026-01-05', provisional: false })
  })

  it('does not count the start day, so a holiday intake starts from the next working day', () => {
    expect(due('2026-10-01', 1)).toBe('2026-10-08')
    expect(addWorkingDays('2026-10-01', 0)).toEqual({ dueDate: '2026-10-01', provisional: false })
  })

  it('is provisional when counting runs into a year the calendar does not cover', () => {
    expect(addWorkingDays('2026-12-30', 1)).toEqual({ dueDate: '2026-12-31', provisional: false })
    expect(addWorkingDays('2026-12-30', 2)).toEqual({ dueDate: '2027-01-01', provisional: true })
    expect(addWorkingDays('2023-06-01', 1)).toEqual({ dueDate: '2023-06-02', provisional: true })
  })

  it('uses the calendar it is given', () => {
    const cal: CalendarYear[] = [{ year: 2027, holidays: ['2027-01-01'], workingWeekends: [], source: 'test' }]
    expect(addWorkingDays('2026-12-31', 1)).toEqual({ dueDate: '2027-01-01', provisional: true })
    expect(addWorkingDays('2026-12-31', 1, cal)).toEqual({ dueDate: '2027-01-04', provisional: false })
  })

  it('rejects dates that are not real and day counts that are not whole and non-negative', () => {
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError)
    expect(() => addWorkingDays('2026-2-3', 1)).toThrow(/YYYY-MM-DD/)
    expect(() => addWorkingDays('2026-03-02', -1)).toThrow(RangeError)
    expect(() => addWorkingDays('2026-03-02', 1.5)).toThrow(/whole number/)
    expect(() => addWorkingDays('2026-03-02', Number.NaN)).toThrow(RangeError)
    expect(() => isWorkingDay('not a date')).toThrow(RangeError)
  })
})

describe('mergeCalendars', () => {
  it('lets a synced year replace the built-in one and adds new years in order', () => {
    const synced: CalendarYear[] = [
      { year: 2027, holidays: [], workingWeekends: [], source: 'synced 2027' },
      { year: 2026, holidays: ['2026-03-02'], workingWeekends: [], source: 'synced 2026' },
    ]
    const merged = mergeCalendars(BUILTIN_CALENDAR, synced)
    expect(merged.map((y) => `${y.year}:${y.source}`)).toEqual([
      `2024:${BUILTIN_CALENDAR[0]!.source}`,
      `2025:${BUILTIN_CALENDAR[1]!.source}`,
      '2026:synced 2026',
      '2027:synced 2027',
    ])
    expect(isWorkingDay('2026-03-02', merged)).toBe(false)
    expect(isWorkingDay('2026-02-16', merged)).toBe(true)
  })
})
