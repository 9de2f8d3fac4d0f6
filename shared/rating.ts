import { z } from 'zod'
import { addWorkingDays, chinaDateOf } from './calendar/index'
import type { LocalizedText } from './i18n-text'
import type { PublicView } from './public-view'
import { IsoDate, IsoDateTime } from './request'
import type { CalendarYear } from './sync'

/**
 * 好差评 and 差评整改: the five levels, the quick-pick reasons, and the one rule for when a rating
 * opens a rectification task and when that task is due. The reducer, the kiosk and the platform's
 * /t/ page all use these, so a rating means the same wherever it was given.
 */

export const RATING_LEVELS = [5, 4, 3, 2, 1] as const
export type RatingLevel = (typeof RATING_LEVELS)[number]
export const RatingLevel = z.union([z.literal(5), z.literal(4), z.literal(3), z.literal(2), z.literal(1)])

export const RATING_WORDS: Record<RatingLevel, LocalizedText> = {
  5: { zh: '非常满意', en: 'Very satisfied' },
  4: { zh: '满意', en: 'Satisfied' },
  3: { zh: '基本满意', en: 'Fairly satisfied' },
  2: { zh: '不满意', en: 'Dissatisfied' },
  1: { zh: '非常不满意', en: 'Very dissatisfied' },
}

/** Quick-pick reasons: praise for the upper levels, complaints for the lower, shown by level. */
export const RATING_REASONS = {
  fast: { zh: '办理速度快', en: 'Handled quickly' },
  clear: { zh: '告知清楚', en: 'Clearly explained' },
  attitude: { zh: '服务态度好', en: 'Courteous service' },
  solved: { zh: '问题解决了', en: 'Problem solved' },
  slow: { zh: '办理太慢', en: 'Too slow' },
  unclear: { zh: '告知不清楚', en: 'Not clearly explained' },
  runaround: { zh: '来回跑、重复提交材料', en: 'Sent back and forth, materials asked twice' },
  unsolved: { zh: '问题没有解决', en: 'Problem not solved' },
  rude: { zh: '服务态度差', en: 'Discourteous service' },
} as const satisfies Record<string, LocalizedText>
export type RatingReason = keyof typeof RATING_REASONS
export const RatingReason = z.enum(Object.keys(RATING_REASONS) as [RatingReason, ...RatingReason[]])

const PRAISE: readonly RatingReason[] = ['fast', 'clear', 'attitude', 'solved']
const COMPLAINT: readonly RatingReason[] = ['slow', 'unclear', 'runaround', 'unsolved', 'rude']

/** The reasons offered for a level: praise from 基本满意 up, complaints below it. */
export function reasonsFor(level: RatingLevel): readonly RatingReason[] {
  return level >= 3 ? PRAISE : COMPLAINT
}

/** Longest comment a visitor may leave (the shared text rule applies to it). */
export const RATING_COMMENT_MAX = 500
/** Longest written response closing a rectification. */
export const RECTIFICATION_RESPONSE_MAX = 2000

/** 不满意 and 非常不满意 open a rectification task. */
export const RECTIFICATION_LEVELS: ReadonlySet<number> = new Set([2, 1])
/** Working days the responsible department's lead has to close a rectification task. */
export const RECTIFICATION_WORKING_DAYS = 15

export function opensRectification(level: number): boolean {
  return RECTIFICATION_LEVELS.has(level)
}

/** When a rectification task opened by a rating given at `ratedAt` is due: 15 working days on. */
export const RectificationDue = z.object({ dueDate: IsoDate, provisional: z.boolean() })
export type RectificationDue = z.infer<typeof RectificationDue>

export function rectificationDue(ratedAt: string, calendar?: CalendarYear[]): RectificationDue {
  return addWorkingDays(chinaDateOf(ratedAt), RECTIFICATION_WORKING_DAYS, calendar)
}

/**
 * Whether a rating carries the due date its level calls for: a low rating must name the task's
 * due date, any other none. Whether the date itself was counted right is the platform's check
 * (`rectificationDueRefusal`), against the calendars it served.
 */
export function ratingShapeOk(level: number, due: RectificationDue | undefined): boolean {
  return opensRectification(level) === (due !== undefined)
}

/**
 * One rating per request, and only for a request the department has resolved (or filed after
 * resolving): the rule the reducer applies, and the lobby kiosk on a request it knows only by its
 * public state.
 */
export function mayRate(status: string, alreadyRated: boolean): boolean {
  return !alreadyRated && (status === 'resolved' || status === 'closed')
}

/**
 * Why a rating's rectification due date is wrong, or undefined when some calendar the receiver
 * served yields it (an offline kiosk may have counted on an older one).
 */
export function rectificationDueRefusal(
  event: { at: string; level: number; rectificationDue?: RectificationDue },
  calendars: readonly CalendarYear[][],
): string | undefined {
  if (!event.rectificationDue) return undefined
  const given = event.rectificationDue
  const options = calendars.length > 0 ? calendars : [undefined]
  for (const calendar of options) {
    const due = rectificationDue(event.at, calendar)
    if (due.dueDate === given.dueDate && due.provisional === given.provisional) return undefined
  }
  const expected = rectificationDue(event.at, calendars[0])
  return `rectificationDue.dueDate: should be ${expected.dueDate} (${RECTIFICATION_WORKING_DAYS} working days after the rating), not ${given.dueDate}`
}

/** A rectification task as the reducer keeps it, and as staff see it. */
export interface Rectification {
  /** The department whose lead must answer: the one responsible when the rating came. */
  departmentId: string
  ratingEventId: string
  openedAt: string
  dueDate: string
  provisional: boolean
  closed?: { at: string; response: string; authorName: string }
}

/** What the enterprise sees of it when tracking: the due date, and the written response once closed. */
export const PublicRectification = z.object({
  dueDate: IsoDate,
  provisional: z.boolean(),
  closedAt: IsoDateTime.optional(),
  response: z.string().max(RECTIFICATION_RESPONSE_MAX).optional(),
})
export type PublicRectification = z.infer<typeof PublicRectification>

export function publicRectification(r: Rectification): PublicRectification {
  return {
    dueDate: r.dueDate,
    provisional: r.provisional,
    ...(r.closed ? { closedAt: r.closed.at, response: r.closed.response } : {}),
  }
}

/**
 * The public view with a rating this device recorded and has not yet seen come back from the
 * platform (a lobby kiosk rating a request it knows only by its public state), so the visitor
 * sees at once that it was taken.
 */
export function withPendingRating(
  view: PublicView,
  rated: { at: string; level: RatingLevel; rectificationDue?: RectificationDue },
): PublicView {
  if (view.rating) return view
  return {
    ...view,
    rating: { level: rated.level },
    ...(rated.rectificationDue ? { rectification: { ...rated.rectificationDue } } : {}),
    timeline: [...view.timeline, { type: 'rated', at: rated.at }],
  }
}
