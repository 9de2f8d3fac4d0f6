import { z } from 'zod'
import { RequestEvent } from './events'
import { Catalog } from './catalog/schema'

/** Protocol of the provincial platform, /api/v1. Both sides parse with these schemas. */
export const API_PREFIX = '/api/v1'
export const MAX_PUSH_BATCH = 200
export const MAX_PULL_LIMIT = 1000

export const EnrollRequest = z.object({
  code: z.string().trim().regex(/^[A-Z0-9]{6,16}$/, 'must be an enrollment code of 6-16 capitals and digits'),
  deviceName: z.string().trim().min(1).max(64),
})
export type EnrollRequest = z.infer<typeof EnrollRequest>

export const Enrollment = z.object({
  deviceId: z.string().min(1),
  /** Short code used in ticket numbers, e.g. K03. */
  kioskCode: z.string().regex(/^[A-Z0-9]{2,8}$/),
  centerId: z.string().min(1),
  /** Short code used in ticket numbers, e.g. HZ01. */
  centerCode: z.string().regex(/^[A-Z0-9]{2,8}$/),
  centerName: z.object({ zh: z.string(), en: z.string() }),
  token: z.string().min(20),
  platformUrl: z.url(),
})
export type Enrollment = z.infer<typeof Enrollment>

export const PushRequest = z.object({ events: z.array(z.unknown()).min(1).max(MAX_PUSH_BATCH) })
export type PushRequest = { events: RequestEvent[] }

export const PushResult = z.object({
  id: z.string(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  reason: z.string().optional(),
})
export type PushResult = z.infer<typeof PushResult>
export const PushResponse = z.object({ results: z.array(PushResult) })
export type PushResponse = z.infer<typeof PushResponse>

export const StaffMember = z.object({
  id: z.string(),
  name: z.string(),
  departmentId: z.string(),
  role: z.enum(['clerk', 'handler', 'lead']),
})
export type StaffMember = z.infer<typeof StaffMember>

/** Calendar data as sync delivers it; same shape as the built-in calendar in shared/calendar. */
export const CalendarYear = z.object({
  year: z.number().int(),
  /** Days off (holidays), YYYY-MM-DD. */
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  /** 调休: weekend days that are working days. */
  workingWeekends: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  source: z.string(),
})
export type CalendarYear = z.infer<typeof CalendarYear>

export const Change = z.discriminatedUnion('kind', [
  z.object({ seq: z.number().int(), kind: z.literal('event'), event: RequestEvent }),
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
})
export type PullResponse = z.infer<typeof PullResponse>

export const TrackResponse = z.object({
  ticketNo: z.string(),
  status: z.enum(['submitted', 'accepted', 'assigned', 'resolved', 'closed', 'withdrawn']),
  escalated: z.boolean(),
  departments: z.array(z.object({ id: z.string(), name: z.object({ zh: z.string(), en: z.string() }) })),
  assigneeName: z.string().optional(),
  dueDate: z.string(),
  dueDateProvisional: z.boolean(),
  timeline: z.array(z.object({ type: z.string(), at: z.string() })),
})
export type TrackResponse = z.infer<typeof TrackResponse>

/** Error body of every 4xx/5xx answer. */
export const ApiError = z.object({
  error: z.string(),
  message: z.string(),
  field: z.string().optional(),
})
export type ApiError = z.infer<typeof ApiError>
