import { z } from 'zod'
import type { RequestEvent } from './events'
import { mayRate, ratingShapeOk, type RatingLevel, type Rectification } from './rating'
import type { ServiceRequest } from './request'

/** Where a request stands; computed by `reduceRequest`, never stored as a field anyone writes. */
export const RequestStatus = z.enum(['submitted', 'accepted', 'assigned', 'resolved', 'closed', 'withdrawn'])
export type RequestStatus = z.infer<typeof RequestStatus>

export interface TimelineEntry {
  eventId: string
  type: RequestEvent['type']
  at: string
  authorName: string
  authorKind: RequestEvent['author']['kind']
  /** The free text an event carries (reason, note, resolution, comment), if any. */
  text?: string
}

export interface RequestState {
  id: string
  request: ServiceRequest
  status: RequestStatus
  escalated: boolean
  assignee?: { departmentId: string; name: string }
  deadline: { dueDate: string; provisional: boolean }
  rating?: { level: RatingLevel; comment?: string; reasons?: string[]; at: string }
  /** 差评整改: the task a 不满意 or 非常不满意 rating opened (shared/rating.ts). */
  rectification?: Rectification
  timeline: TimelineEntry[]
  /** Events that arrived but could not apply where they fell in order (kept, never dropped). */
  conflicts: string[]
}

const OPEN: RequestStatus[] = ['submitted', 'accepted', 'assigned']

/** Whether `event` may follow `state`. The platform rejects an event for which this is false. */
export function canApply(state: RequestState | undefined, event: RequestEvent): boolean {
  if (event.type === 'submitted') return state === undefined && event.request.id === event.requestId
  if (!state || state.id !== event.requestId) return false
  switch (event.type) {
    case 'accepted':
      return state.status === 'submitted'
    case 'assigned':
    case 'escalated':
    case 'withdrawn':
      return OPEN.includes(state.status)
    case 'resolved':
      return state.status === 'accepted' || state.status === 'assigned'
    case 'closed':
      return state.status === 'resolved'
    case 'rated':
      return mayRate(state.status, state.rating !== undefined) && ratingShapeOk(event.level, event.rectificationDue)
    case 'rectified':
      return state.rectification !== undefined && state.rectification.closed === undefined
    case 'noted':
      return true
  }
}

function textOf(event: RequestEvent): string | undefined {
  switch (event.type) {
    case 'escalated':
      return event.reason
    case 'noted':
      return event.note
    case 'resolved':
      return event.resolution
    case 'rated':
      return event.comment
    case 'withdrawn':
      return event.reason
    case 'rectified':
      return event.response
    case 'assigned':
      return event.assigneeName
    default:
      return undefined
  }
}

/** Apply one event; returns a new state, or the same state with the event listed as a conflict. */
export function applyEvent(state: RequestState | undefined, event: RequestEvent): RequestState | undefined {
  if (!canApply(state, event)) {
    return state ? { ...state, conflicts: [...state.conflicts, event.id] } : state
  }
  const entry: TimelineEntry = {
    eventId: event.id,
    type: event.type,
    at: event.at,
    authorName: event.author.name,
    authorKind: event.author.kind,
    text: textOf(event),
  }
  if (event.type === 'submitted') {
    return {
      id: event.requestId,
      request: event.request,
      status: 'submitted',
      escalated: false,
      deadline: { dueDate: event.request.dueDate, provisional: event.request.dueDateProvisional },
      timeline: [entry],
      conflicts: [],
    }
  }
  const s: RequestState = { ...state!, timeline: [...state!.timeline, entry] }
  switch (event.type) {
    case 'accepted':
      s.status = 'accepted'
      break
    case 'assigned':
      s.status = 'assigned'
      s.assignee = { departmentId: event.departmentId, name: event.assigneeName }
      break
    case 'escalated':
      s.escalated = true
      break
    case 'resolved':
      s.status = 'resolved'
      break
    case 'closed':
      s.status = 'closed'
      break
    case 'rated':
      s.rating = { level: event.level, comment: event.comment, ...(event.reasons ? { reasons: event.reasons } : {}), at: event.at }
      if (event.rectificationDue) {
        s.rectification = {
          // 谁在负责: the department the person responsible belongs to, else the first responsible one.
          departmentId: s.assignee?.departmentId ?? s.request.departmentIds[0]!,
          ratingEventId: event.id,
          openedAt: event.at,
          dueDate: event.rectificationDue.dueDate,
          provisional: event.rectificationDue.provisional,
        }
      }
      break
    case 'rectified':
      s.rectification = { ...s.rectification!, closed: { at: event.at, response: event.response, authorName: event.author.name } }
      break
    case 'withdrawn':
      s.status = 'withdrawn'
      break
    case 'noted':
      break
  }
  return s
}

/** A malformed time sorts last (and consistently) rather than poisoning the order. */
function instant(at: string): number {
  const t = Date.parse(at)
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t
}

/**
 * Canonical order of events: by instant, then by id (UUIDv7 ids also sort by time). Instants are
 * compared as times, not strings: "09:00+08:00" is before "02:00:01Z", and ".5Z" after "Z".
 */
export function compareEvents(a: RequestEvent, b: RequestEvent): number {
  const ta = instant(a.at)
  const tb = instant(b.at)
  if (ta !== tb) return ta < tb ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Status, assignee and deadline of one request, computed from its events in any arrival order. */
export function reduceRequest(events: readonly RequestEvent[]): RequestState | undefined {
  const sorted = [...events].sort(compareEvents)
  const submitted = sorted.findIndex((e) => e.type === 'submitted')
  // The intake is the root of the request whatever its timestamp says (kiosk clocks drift).
  if (submitted > 0) sorted.unshift(...sorted.splice(submitted, 1))
  let state: RequestState | undefined
  const seen = new Set<string>()
  for (const e of sorted) {
    if (seen.has(e.id)) continue
    seen.add(e.id)
    state = applyEvent(state, e)
  }
  return state
}
