import { z } from 'zod'
import { RequestEvent } from './events'
import { Catalog } from './catalog/schema'
import { LocalizedText } from './i18n-text'
import { PublicView } from './public-view'
import { CheckCode, IsoDate, IsoDateTime, UuidV7 } from './request'
import { Id, Line, TEXT_LIMITS } from './text'
import { PIN_HASH_PATTERN } from './pin'

/** Protocol of the provincial platform, /api/v1. Both sides parse with these schemas. */
export const API_PREFIX = '/api/v1'
export const MAX_PUSH_BATCH = 200
export const MAX_PULL_LIMIT = 1000

/** 注册码: 6-16 capitals and digits. */
export const ENROLL_CODE_PATTERN = /^[A-Z0-9]{6,16}$/

/** 注册码: what IT types on a new kiosk, or provisions it with. */
export const EnrollCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(ENROLL_CODE_PATTERN, 'must be an enrollment code of 6-16 capitals and digits')

/**
 * 终端 / 柜台机: a lobby kiosk for visitors, or a counter PC for staff (assisted mode). Only counter
 * devices receive the personal data of requests (they handle them); a visitor kiosk gets the public
 * state of its center's requests and keeps the personal data of its own intakes only briefly.
 */
export const DeviceMode = z.enum(['visitor', 'counter'])
export type DeviceMode = z.infer<typeof DeviceMode>

export const EnrollRequest = z.object({
  code: EnrollCode,
  deviceName: Line(64, 1),
})
export type EnrollRequest = z.infer<typeof EnrollRequest>

export const Enrollment = z.object({
  deviceId: Id,
  /** Short code used in ticket numbers, e.g. K03. */
  kioskCode: z.string().regex(/^[A-Z0-9]{2,8}$/),
  centerId: Id,
  /** Short code used in ticket numbers, e.g. HZ01. */
  centerCode: z.string().regex(/^[A-Z0-9]{2,8}$/),
  centerName: LocalizedText,
  /** Platforms older than device modes send none: such a device is a visitor kiosk (`modeOf`). */
  mode: DeviceMode.optional(),
  token: z.string().min(20).max(200),
  platformUrl: z.url(),
})
export type Enrollment = z.infer<typeof Enrollment>

export function modeOf(enrollment: Pick<Enrollment, 'mode'>): DeviceMode {
  return enrollment.mode ?? 'visitor'
}

export const PushRequest = z.object({ events: z.array(z.unknown()).min(1).max(MAX_PUSH_BATCH) })
export type PushRequest = { events: RequestEvent[] }

/**
 * Why the platform refused an event, for software: `clock_ahead` means "not yet" (the device clock
 * runs fast; the same event is accepted once the platform's clock has caught up), every other
 * refusal is final.
 */
export const RefusalCode = z.enum(['invalid', 'forbidden', 'conflict', 'backdated', 'clock_ahead', 'too_old', 'unknown_request'])
export type RefusalCode = z.infer<typeof RefusalCode>

export const PushResult = z.object({
  id: z.string(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  reason: z.string().optional(),
  /** Platforms before refusal codes send none. */
  code: z.string().optional(),
})
export type PushResult = z.infer<typeof PushResult>
export const PushResponse = z.object({ results: z.array(PushResult) })
export type PushResponse = z.infer<typeof PushResponse>

/** 窗口人员 / 承办人 / 负责人: see DESIGN.md and `shared/authority.ts` for what each may do. */
export const StaffRole = z.enum(['clerk', 'handler', 'lead'])
export type StaffRole = z.infer<typeof StaffRole>

export const StaffMember = z.object({
  /** 工号: what the person types to sign in, and the id their events are authored by. */
  id: Id,
  name: Line(50, 1),
  departmentId: Id,
  role: StaffRole,
  /**
   * The sign-in PIN's hash (shared/pin.ts), set by the platform's admin API: devices check a PIN
   * offline against it. Absent until a PIN is set: that person cannot sign in yet.
   */
  pinHash: z.string().max(200).regex(PIN_HASH_PATTERN).optional(),
})
export type StaffMember = z.infer<typeof StaffMember>

/** Calendar data as sync delivers it; same shape as the built-in calendar in shared/calendar. */
export const CalendarYear = z.object({
  year: z.number().int(),
  /** Days off (holidays), YYYY-MM-DD. */
  holidays: z.array(IsoDate),
  /** 调休: weekend days that are working days. */
  workingWeekends: z.array(IsoDate),
  source: Line(TEXT_LIMITS.line),
})
export type CalendarYear = z.infer<typeof CalendarYear>

/**
 * The public state of one request, as a visitor kiosk receives it instead of the request's events:
 * enough to answer 查询办件进度 offline (with the check code the visitor must type), nothing personal.
 */
export const TrackRecord = z.object({
  requestId: UuidV7,
  createdAt: IsoDateTime,
  checkCode: CheckCode.optional(),
  view: PublicView,
})
export type TrackRecord = z.infer<typeof TrackRecord>

export const Change = z.discriminatedUnion('kind', [
  z.object({ seq: z.number().int(), kind: z.literal('event'), event: RequestEvent }),
  z.object({ seq: z.number().int(), kind: z.literal('track'), track: TrackRecord }),
  z.object({ seq: z.number().int(), kind: z.literal('catalog'), catalog: Catalog }),
  z.object({ seq: z.number().int(), kind: z.literal('staff'), staff: z.array(StaffMember) }),
  z.object({ seq: z.number().int(), kind: z.literal('calendar'), calendar: z.array(CalendarYear) }),
])
export type Change = z.infer<typeof Change>

export const PullResponse = z.object({
  changes: z.array(Change),
  /** Pass back as `since` next time; saved in the same transaction as the changes. */
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /**
   * Made when the platform's database was created or restored. A kiosk that sees it change pulls
   * from 0 and sends again every event it holds: the sequence it followed no longer exists.
   */
  epoch: z.string().min(1).max(64).optional(),
  /** The platform's clock when it answered, so a kiosk can tell staff its own clock is off. */
  serverTime: IsoDateTime.optional(),
})
export type PullResponse = z.infer<typeof PullResponse>

/** What /api/v1/track answers: the public view (shared/public-view.ts). */
export const TrackResponse = PublicView
export type TrackResponse = PublicView

/** Error body of every 4xx/5xx answer. */
export const ApiError = z.object({
  error: z.string(),
  message: z.string(),
  field: z.string().optional(),
})
export type ApiError = z.infer<typeof ApiError>

/** The allowed difference between a device's clock and the platform's, and what that means. */
export const CLOCK_RULES = {
  /** An event stamped further ahead of the platform's clock is refused for now (`clock_ahead`). */
  maxAheadMs: 5 * 60_000,
  /** Staff are warned when their kiosk's clock is off by more than this. */
  warnAfterMs: 2 * 60_000,
  /** An event older than this is refused (`too_old`): the device clock was reset, or it slept a year. */
  maxAgeMs: 400 * 86_400_000,
} as const
