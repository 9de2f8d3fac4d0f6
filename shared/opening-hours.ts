import { isWorkingDay } from './calendar/workingDays'
import type { CalendarYear } from './sync'

/** When a service center is open. Centers are in Zhejiang: times are China time (UTC+8, no daylight saving). */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export interface OpeningPeriod {
  /** `workdays`: the official working days (holidays closed, 调休 weekends open); or named weekdays. */
  days: 'workdays' | Weekday[]
  /** HH:MM, inclusive. */
  from: string
  /** HH:MM, exclusive; 24:00 for midnight. */
  to: string
}

export const TIME_OF_DAY = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/

export function minutesOf(time: string): number {
  if (!TIME_OF_DAY.test(time)) return Number.NaN
  const [h, m] = time.split(':').map(Number)
  return h! * 60 + m!
}

const CHINA_OFFSET_MS = 8 * 3_600_000

/** The China calendar date, weekday and minute of the day at an instant. */
export function chinaClock(instant: Date): { date: string; weekday: Weekday; minute: number } {
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MS)
  return {
    date: shifted.toISOString().slice(0, 10),
    // getUTCDay: 0 is Sunday.
    weekday: WEEKDAYS[(shifted.getUTCDay() + 6) % 7]!,
    minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  }
}

/**
 * Whether the center is open at `instant`. No opening hours provisioned means always open: a kiosk
 * that falls asleep in front of a visitor is worse than one that stays lit overnight.
 */
export function isOpenAt(hours: readonly OpeningPeriod[] | undefined, instant: Date, calendar?: CalendarYear[]): boolean {
  if (!hours || hours.length === 0) return true
  const now = chinaClock(instant)
  return hours.some((period) => {
    const today = period.days === 'workdays' ? isWorkingDay(now.date, calendar) : period.days.includes(now.weekday)
    return today && now.minute >= minutesOf(period.from) && now.minute < minutesOf(period.to)
  })
}
