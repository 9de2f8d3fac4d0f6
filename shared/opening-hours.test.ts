import { describe, expect, it } from 'vitest'
import { chinaClock, isOpenAt, type OpeningPeriod } from './opening-hours'

const WEEKDAYS_9_TO_5: OpeningPeriod[] = [{ days: 'workdays', from: '09:00', to: '17:00' }]

/** An instant given in China time. */
const china = (local: string) => new Date(`${local}+08:00`)

describe('opening hours', () => {
  it('reads the China date, weekday and minute whatever the machine time zone', () => {
    expect(chinaClock(new Date('2026-03-02T16:30:00Z'))).toEqual({ date: '2026-03-03', weekday: 'tue', minute: 30 })
  })

  it('is open from "from" up to, not including, "to"', () => {
    expect(isOpenAt(WEEKDAYS_9_TO_5, china('2026-03-03T08:59:00'))).toBe(false)
    expect(isOpenAt(WEEKDAYS_9_TO_5, china('2026-03-03T09:00:00'))).toBe(true)
    expect(isOpenAt(WEEKDAYS_9_TO_5, china('2026-03-03T16:59:00'))).toBe(true)
    expect(isOpenAt(WEEKDAYS_9_TO_5, china('2026-03-03T17:00:00'))).toBe(false)
  })

  it('follows the official calendar for "workdays": closed on a holiday, open on a 调休 Saturday', () => {
    // 2026-10-01 is National Day (Thursday); 2026-10-10 is a Saturday worked in exchange.
    expect(isOpenAt(WEEKDAYS_9_TO_5, china('2026-10-01T10:00:00'))).toBe(false)
    expect(isOpenAt(WEEKDAYS_9_TO_5, china('2026-10-10T10:00:00'))).toBe(true)
    expect(isOpenAt(WEEKDAYS_9_TO_5, china('2026-03-07T10:00:00'))).toBe(false)
  })

  it('takes named weekdays as they are, and several periods a day', () => {
    const hours: OpeningPeriod[] = [
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:30', to: '12:00' },
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '13:30', to: '17:30' },
      { days: ['sat'], from: '09:00', to: '12:00' },
    ]
    expect(isOpenAt(hours, china('2026-03-03T12:30:00'))).toBe(false)
    expect(isOpenAt(hours, china('2026-03-03T13:30:00'))).toBe(true)
    expect(isOpenAt(hours, china('2026-03-07T11:59:00'))).toBe(true)
    expect(isOpenAt(hours, china('2026-03-08T10:00:00'))).toBe(false)
  })

  it('is always open when IT set no hours', () => {
    expect(isOpenAt(undefined, china('2026-03-08T03:00:00'))).toBe(true)
    expect(isOpenAt([], china('2026-03-08T03:00:00'))).toBe(true)
  })

  it('runs to midnight with 24:00', () => {
    expect(isOpenAt([{ days: ['sun'], from: '20:00', to: '24:00' }], china('2026-03-08T23:59:00'))).toBe(true)
  })
})
