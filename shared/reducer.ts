import { z } from 'zod'
import type { RequestEvent } from './events'
import { mayRate, ratingShapeOk, type RatingLevel, type Rectification } from './rating'
import type { LocalizedText } from './i18n-text'
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
  /** Absent in states the platform stored before it was recorded. */
  authorId?: string
  /** The free text an event carries (reason, note, resolution, comment), if any. */
  text?: string
  /** `material_requested`: the materials asked for. */
  materials?: string[]
  /** `escalated`: the departments consulted; `assigned`: the department assigned. */
  departmentIds?: string[]
  /** `noted`: the note says the material asked for was supplied. */
  materialSupplied?: boolean
}

/** 补正材料: what the request waits for from the enterprise. */
export interface AwaitedMaterial {
  materials: string[]
  note?: string
  /** When it was asked for. */
  at: string
}

export interface RequestState {
  id: string
  request: ServiceRequest
  status: RequestStatus
  escalated: boolean
  /** 会商: the departments consulted, in the order they were first named (absent in states stored before it). */
  consulted?: string[]
  assignee?: { departmentId: string; name: string }
  /** Set from a material request until the material is supplied or the request moves on (accepted, resolved, closed, withdrawn). */
  awaitingMaterial?: AwaitedMaterial
  deadline: { dueDate: string; provisional: boolean }
  rating?: { level: RatingLevel; comment?: string; reasons?: string[]; at: string }
  /** 差评整改: the task a 不满意 or 非常不满意 rating opened (shared/rating.ts). */
  rectification?: Rectification
  timeline: TimelineEntry[]
  /** Events that arrived but could not apply where they fell in order (kept, never dropped). */
  conflicts: string[]
}

const OPEN: readonly RequestStatus[] = ['submitted', 'accepted', 'assigned']

/** Still being handled: the deadline runs and handling actions apply. Resolved, closed and withdrawn are done. */
export function isOpenStatus(status: RequestStatus): boolean {
  return OPEN.includes(status)
}

/** Why a done request takes no more handling, in both languages. */
const DONE: Partial<Record<RequestStatus, LocalizedText>> = {
  resolved: { zh: '该办件已办结', en: 'This request is already resolved' },
  closed: { zh: '该办件已归档', en: 'This request is already closed and filed' },
  withdrawn: { zh: '该办件已撤回', en: 'This request was withdrawn' },
}

function done(state: RequestState, then: LocalizedText): LocalizedText {
  const why = DONE[state.status] ?? { zh: '该办件的当前状态', en: 'The request\'s current status' }
  return { zh: `${why.zh}，${then.zh}`, en: `${why.en}; ${then.en}` }
}

/**
 * Why `event` may not follow `state`, in both languages, or undefined when it may. The one rule the
 * kiosk (before it stores an action) and the platform (on push and back-office actions) apply.
 */
export function refusalOf(state: RequestState | undefined, event: RequestEvent): LocalizedText | undefined {
  if (event.type === 'submitted') {
    if (event.request.id !== event.requestId) return { zh: '提交记录与办件编号不符', en: 'The intake does not belong to this request' }
    return state === undefined ? undefined : { zh: '该办件已经提交过', en: 'This request was submitted before' }
  }
  if (!state || state.id !== event.requestId) return { zh: '找不到该办件', en: 'The request is not known here' }
  const open = isOpenStatus(state.status)
  switch (event.type) {
    case 'accepted':
      if (state.status === 'submitted') return undefined
      return open ? { zh: '该办件已受理，不需要再受理', en: 'This request was already accepted' } : done(state, { zh: '不能再受理', en: 'it cannot be accepted' })
    case 'assigned':
      return open ? undefined : done(state, { zh: '不能再指派', en: 'it cannot be assigned' })
    case 'escalated':
      return open ? undefined : done(state, { zh: '不能再会商', en: 'it cannot be taken to a consultation' })
    case 'material_requested':
      return open ? undefined : done(state, { zh: '不能再要求补正材料', en: 'no more material can be asked for' })
    case 'withdrawn':
      return open ? undefined : done(state, { zh: '不能撤回', en: 'it cannot be withdrawn' })
    case 'resolved':
      if (state.status === 'accepted' || state.status === 'assigned') return undefined
      if (state.status === 'submitted') return { zh: '该办件尚未受理，不能办结', en: 'This request has not been accepted; it cannot be resolved' }
      return done(state, { zh: '不能再办结', en: 'it cannot be resolved again' })
    case 'closed':
      if (state.status === 'resolved') return undefined
      if (state.status === 'submitted') return { zh: '该办件从未受理，不能归档', en: 'This request was never accepted; it cannot be closed' }
      if (open) return { zh: '该办件尚未办结，不能归档', en: 'This request is not resolved yet; it cannot be closed' }
      return done(state, { zh: '不能再归档', en: 'it cannot be closed' })
    case 'rated':
      if (state.rating !== undefined) return { zh: '该办件已经评价过，每个办件只能评价一次', en: 'This request was rated before; each request is rated once' }
      if (!mayRate(state.status, false)) return { zh: '办件办结后才能评价', en: 'A request can be rated once it is resolved' }
      if (!ratingShapeOk(event.level, event.rectificationDue)) {
        return { zh: '不满意的评价须附整改期限，其他评价不附', en: 'A low rating carries its rectification due date, and no other rating does' }
      }
      return undefined
    case 'rectified':
      if (!state.rectification) return { zh: '该办件没有待整改的差评', en: 'This request has no rectification to answer' }
      return state.rectification.closed ? { zh: '该差评整改已经答复过', en: 'This rectification was answered before' } : undefined
    case 'noted':
      if (event.materialSupplied && !state.awaitingMaterial) return { zh: '该办件没有待补正的材料', en: 'This request awaits no material' }
      return undefined
  }
}

/** Whether `event` may follow `state`. The platform rejects an event for which this is false. */
export function canApply(state: RequestState | undefined, event: RequestEvent): boolean {
  return refusalOf(state, event) === undefined
}

/**
 * The departments a request is the business of: those the intake named, the one assigned and those
 * consulted. Staff of these departments see it and work on it (shared/authority.ts).
 */
export function responsibleDepartments(state: RequestState): string[] {
  return [...new Set([...state.request.departmentIds, ...(state.assignee ? [state.assignee.departmentId] : []), ...(state.consulted ?? [])])]
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
    case 'material_requested':
      return event.note
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
    authorId: event.author.id,
    text: textOf(event),
  }
  if (event.type === 'material_requested') entry.materials = event.materials
  if (event.type === 'escalated' && event.departmentIds) entry.departmentIds = event.departmentIds
  if (event.type === 'assigned') entry.departmentIds = [event.departmentId]
  if (event.type === 'noted' && event.materialSupplied) entry.materialSupplied = true
  if (event.type === 'submitted') {
    return {
      id: event.requestId,
      request: event.request,
      status: 'submitted',
      escalated: false,
      consulted: [],
      deadline: { dueDate: event.request.dueDate, provisional: event.request.dueDateProvisional },
      timeline: [entry],
      conflicts: [],
    }
  }
  const s: RequestState = { ...state!, timeline: [...state!.timeline, entry] }
  switch (event.type) {
    case 'accepted':
      s.status = 'accepted'
      delete s.awaitingMaterial
      break
    case 'assigned':
      s.status = 'assigned'
      s.assignee = { departmentId: event.departmentId, name: event.assigneeName }
      break
    case 'escalated':
      s.escalated = true
      s.consulted = [...new Set([...(s.consulted ?? []), ...(event.departmentIds ?? [])])]
      break
    case 'material_requested':
      s.awaitingMaterial = { materials: event.materials, at: event.at, ...(event.note ? { note: event.note } : {}) }
      break
    case 'resolved':
      s.status = 'resolved'
      delete s.awaitingMaterial
      break
    case 'closed':
      s.status = 'closed'
      delete s.awaitingMaterial
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
      delete s.awaitingMaterial
      break
    case 'noted':
      if (event.materialSupplied) delete s.awaitingMaterial
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
