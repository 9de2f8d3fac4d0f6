import { z } from 'zod'
import { IsoDateTime, ServiceRequest, UuidV7 } from './request'

export const Author = z.object({
  kind: z.enum(['visitor', 'staff', 'department', 'system']),
  id: z.string().min(1).max(64),
  name: z.string().max(50),
})
export type Author = z.infer<typeof Author>

const base = {
  id: UuidV7,
  requestId: UuidV7,
  at: IsoDateTime,
  author: Author,
}

export const RATING_LEVELS = [5, 4, 3, 2, 1] as const

/** Every change to a request is one of these, appended, never edited. */
export const RequestEvent = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('submitted'), request: ServiceRequest }),
  z.object({ ...base, type: z.literal('accepted') }),
  z.object({
    ...base,
    type: z.literal('assigned'),
    departmentId: z.string().min(1).max(64),
    assigneeName: z.string().trim().min(1).max(50),
  }),
  z.object({ ...base, type: z.literal('escalated'), reason: z.string().trim().min(1).max(1000) }),
  z.object({ ...base, type: z.literal('noted'), note: z.string().trim().min(1).max(2000) }),
  z.object({ ...base, type: z.literal('resolved'), resolution: z.string().trim().min(1).max(2000) }),
  z.object({ ...base, type: z.literal('closed') }),
  z.object({
    ...base,
    type: z.literal('rated'),
    level: z.union([z.literal(5), z.literal(4), z.literal(3), z.literal(2), z.literal(1)]),
    comment: z.string().trim().max(500).optional(),
  }),
  z.object({ ...base, type: z.literal('withdrawn'), reason: z.string().trim().max(500).optional() }),
])
export type RequestEvent = z.infer<typeof RequestEvent>
export type EventType = RequestEvent['type']
export const EVENT_TYPES = RequestEvent.options.map((o) => o.shape.type.value) as EventType[]
