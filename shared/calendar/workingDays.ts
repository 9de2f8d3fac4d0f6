import type { CalendarYear } from '../sync'
import { BUILTIN_CALENDAR } from './builtin'

const DAY_MS = 86_400_000

interface YearRules {
  holidays: Set<string>
  workingWeekends: Set<string>
}

const lookups = new WeakMap<CalendarYear[], Map<number, YearRules>>()

function rulesOf(calendar: CalendarYear[]): Map<number, YearRules> {
  let map = lookups.get(calendar)
  if (!map) {
    map = new Map(
      calendar.map((y) => [y.year, { holidays: new Set(y.holidays), workingWeekends: new Set(y.workingWeekends) }]),
    )
    lookups.set(calendar, map)
  }
  return map
}

/** Milliseconds at UTC midnight of a real YYYY-MM-DD date; throws RangeError otherwise. */
export function parseIsoDate(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof date === 'string' ? date : '')
  if (!m) throw new RangeError(`"${String(date)}" is not a date in the form YYYY-MM-DD`)
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  if (new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`"${date}" is not a real calendar date`)
  }
  return ms
}

function toIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

function dayKind(ms: number, rules: Map<number, YearRules>): { working: boolean; covered: boolean } {
  const iso = toIso(ms)
  const year = rules.get(new Date(ms).getUTCFullYear())
  const weekday = new Date(ms).getUTCDay()
  const weekend = weekday === 0 || weekday === 6
  if (!year) return { working: !weekend, covered: false }
  if (year.workingWeekends.has(iso)) return { working: true, covered: true }
  return { working: !weekend && !year.holidays.has(iso), covered: true }
}

/** Mon–Fri that is not a holiday, or a 调休 weekend; plain Mon–Fri in a year the calendar lacks. */
export function isWorkingDay(date: string, calendar: CalendarYear[] = BUILTIN_CALENDAR): boolean {
  return dayKind(parseIsoDate(date), rulesOf(calendar)).working
}

/**
 * 限时办结: the `days`-th working day after `startIsoDate` (the intake day itself is not counted).
 * `provisional` warns that part of the count ran through a year without an official calendar.
 */
export function addWorkingDays(
  startIsoDate: string,
  days: number,
  calendar: CalendarYear[] = BUILTIN_CALENDAR,
): { dueDate: string; provisional: boolean } {
  let ms = parseIsoDate(startIsoDate)
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`working days must be a whole number of 0 or more, got ${String(days)}`)
  }
  const rules = rulesOf(calendar)
  let provisional = false
  for (let left = days; left > 0; ) {
    ms += DAY_MS
    const kind = dayKind(ms, rules)
    if (!kind.covered) provisional = true
    if (kind.working) left--
  }
  return { dueDate: toIso(ms), provisional }
}

/** Synced years replace built-in ones, so a corrected or newly announced year takes effect. */
export function mergeCalendars(builtin: CalendarYear[], synced: CalendarYear[]): CalendarYear[] {
  const byYear = new Map<number, CalendarYear>()
  for (const y of builtin) byYear.set(y.year, y)
  for (const y of synced) byYear.set(y.year, y)
  return [...byYear.values()].sort((a, b) => a.year - b.year)
}
