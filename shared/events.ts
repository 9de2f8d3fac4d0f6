import { z } from 'zod'
import { RATING_COMMENT_MAX, RECTIFICATION_RESPONSE_MAX, RatingLevel, RatingReason, RectificationDue } from './rating'
import { IsoDateTime, ServiceRequest, UuidV7 } from './request'
import { Id, Line, Paragraph, PersonName, TEXT_LIMITS } from './text'

export const AuthorKind = z.enum(['visitor', 'staff', 'department', 'system'])
export type AuthorKind = z.infer<typeof AuthorKind>

export const Author = z.object({
  kind: AuthorKind,
  id: Id,
  /** Empty for a visitor: the intake carries the contact, and a name here would outlive its retention. */
  name: Line(TEXT_LIMITS.name),
})
export type Author = z.infer<typeof Author>

const base = {
  id: UuidV7,
  requestId: UuidV7,
  at: IsoDateTime,
  author: Author,
}

/** Longest line naming one material asked for. */
export const MATERIAL_LINE = 100

/** Every change to a request is one of these, appended, never edited. */
export const RequestEvent = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('submitted'), request: ServiceRequest }),
  z.object({ ...base, type: z.literal('accepted') }),
  z.object({ ...base, type: z.literal('assigned'), departmentId: Id, assigneeName: PersonName }),
  z.object({
    ...base,
    type: z.literal('escalated'),
    reason: Paragraph(1000, 1),
    /** 会商: the departments consulted. Events recorded before it was asked for have none. */
    departmentIds: z.array(Id).min(1).max(10).optional(),
  }),
  z.object({
    ...base,
    type: z.literal('material_requested'),
    /** 补正材料: what the enterprise is asked to bring, one short line each (a catalog material's name, or typed). */
    materials: z.array(Line(MATERIAL_LINE, 1)).min(1).max(20),
    note: Paragraph(500).optional(),
  }),
  z.object({
    ...base,
    type: z.literal('noted'),
    note: Paragraph(TEXT_LIMITS.paragraph, 1),
    /** The material asked for has been supplied: the request no longer waits for it. */
    materialSupplied: z.literal(true).optional(),
  }),
  z.object({ ...base, type: z.literal('resolved'), resolution: Paragraph(TEXT_LIMITS.paragraph, 1) }),
  z.object({ ...base, type: z.literal('closed') }),
  z.object({
    ...base,
    type: z.literal('rated'),
    level: RatingLevel,
    comment: Paragraph(RATING_COMMENT_MAX).optional(),
    /** Quick-pick reasons (shared/rating.ts). */
    reasons: z.array(RatingReason).max(9).optional(),
    /** A low rating opens a rectification task due then (shared/rating.ts, one deadline rule). */
    rectificationDue: RectificationDue.optional(),
  }),
  /** 差评整改: the responsible department's lead closes the task a low rating opened, with a written response. */
  z.object({ ...base, type: z.literal('rectified'), response: Paragraph(RECTIFICATION_RESPONSE_MAX, 1) }),
  z.object({ ...base, type: z.literal('withdrawn'), reason: Paragraph(500).optional() }),
])
export type RequestEvent = z.infer<typeof RequestEvent>

/** The kinds of event, as one schema: the timeline, the labels and the author rule are keyed by it. */
export const EventType = z.enum([
  'submitted',
  'accepted',
  'assigned',
  'escalated',
  'material_requested',
  'noted',
  'resolved',
  'closed',
  'rated',
  'withdrawn',
  'rectified',
])
export type EventType = z.infer<typeof EventType>

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Assert<T extends true> = T
/** Compiles only while the enum and the union list the same kinds. */
export type EventTypesMatch = Assert<Same<EventType, RequestEvent['type']>>
