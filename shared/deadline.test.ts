import { describe, expect, it } from 'vitest'
import { BUILTIN_CALENDAR } from './calendar/index'
import { dueBounds, dueState } from './deadline'

describe('dueState (限时办结 against today)', () => {
  // Friday 2026-11-27, 10:00 in China: two working days on is Tuesday 2026-12-01.
  const bounds = dueBounds(new Date('2026-11-27T02:00:00Z'), BUILTIN_CALENDAR)

  it('counts "due soon" in working days from today in China', () => {
    expect(bounds).toEqual({ today: '2026-11-27', soonUntil: '2026-12-01' })
    // 23:30 UTC on the 26th is already the 27th in China.
    expect(dueBounds(new Date('2026-11-26T23:30:00Z')).today).toBe('2026-11-27')
  })

  it('tells overdue, due soon, on time and done apart', () => {
    expect(dueState({ status: 'accepted', dueDate: '2026-11-26' }, bounds)).toBe('overdue')
    expect(dueState({ status: 'submitted', dueDate: '2026-11-27' }, bounds)).toBe('dueSoon')
    expect(dueState({ status: 'assigned', dueDate: '2026-12-01' }, bounds)).toBe('dueSoon')
    expect(dueState({ status: 'assigned', dueDate: '2026-12-02' }, bounds)).toBe('onTime')
    expect(dueState({ status: 'resolved', dueDate: '2026-11-01' }, bounds)).toBe('done')
    expect(dueState({ status: 'withdrawn', dueDate: '2026-11-01' }, bounds)).toBe('done')
  })

  it('skips the National Day holiday when counting working days', () => {
    // 2026-09-30 (Wednesday) before 国庆: the next working days are after the holiday week.
    const b = dueBounds(new Date('2026-09-30T02:00:00Z'), BUILTIN_CALENDAR)
    expect(b.soonUntil > '2026-10-07').toBe(true)
  })
})
