import { z } from 'zod'
import { addWorkingDays } from './calendar/workingDays'
import { chinaDateOf } from './calendar/chinaDate'
import type { LocalizedText } from './i18n-text'
import type { Rectification } from './rating'
import { isOpenStatus, type RequestStatus } from './reducer'
import type { CalendarYear } from './sync'

/**
 * 限时办结, as the center manages it: where each request stands against its promised date. The
 * promise itself (`dueDate`) is fixed at intake from the item's working days and the holiday
 * calendar (shared/intake.ts `requestTerms`) and never moves; this rule only reads it against today.
 */
export const DueState = z.enum(['overdue', 'dueSoon', 'onTime', 'done'])
export type DueState = z.infer<typeof DueState>

/** A request is "due soon" from this many working days before its promised date. */
export const DUE_SOON_WORKING_DAYS = 2

export const DUE_STATE_WORDS: Record<DueState, LocalizedText> = {
  overdue: { zh: '已超期', en: 'Overdue' },
  dueSoon: { zh: '即将到期', en: 'Due soon' },
  onTime: { zh: '未到期', en: 'On time' },
  done: { zh: '已办结', en: 'Done' },
}

/** What the worklist compares due dates with: today in China, and the last date that is "due soon". */
export interface DueBounds {
  /** Today, YYYY-MM-DD in China time: a promised date before it is overdue. */
  today: string
  /** The `DUE_SOON_WORKING_DAYS`-th working day after today: a promised date up to it is due soon. */
  soonUntil: string
}

export function dueBounds(now: Date, calendar?: CalendarYear[]): DueBounds {
  const today = chinaDateOf(now.toISOString())
  return { today, soonUntil: addWorkingDays(today, DUE_SOON_WORKING_DAYS, calendar).dueDate }
}

/**
 * Overdue once the promised date has passed without the request being done (resolved, closed or
 * withdrawn); due soon within `DUE_SOON_WORKING_DAYS` working days of it, today included.
 */
export function dueState(request: { status: RequestStatus; dueDate: string }, bounds: DueBounds): DueState {
  return dueStateOf(isOpenStatus(request.status), request.dueDate, bounds)
}

/** Overdue: the promised date is before `today` (YYYY-MM-DD, China time). */
function pastDue(dueDate: string, today: string): boolean {
  return dueDate < today
}

/** A 差评整改 task still open past its due date, on the China date of `now` (the overdue of `dueStateOf`). */
export function rectificationOverdue(r: Pick<Rectification, 'dueDate' | 'closed'>, now: Date): boolean {
  return !r.closed && pastDue(r.dueDate, chinaDateOf(now.toISOString()))
}

/** The same rule for any task with a due date (a request, a rectification): done once it is no longer open. */
export function dueStateOf(open: boolean, dueDate: string, bounds: DueBounds): DueState {
  if (!open) return 'done'
  if (pastDue(dueDate, bounds.today)) return 'overdue'
  if (dueDate <= bounds.soonUntil) return 'dueSoon'
  return 'onTime'
}
