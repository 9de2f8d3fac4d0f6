import { reduceRequest, type RequestEvent, type RequestState, type ServiceRequest } from '../../shared/index'
import type { RequestRow } from './rows'

/** The moment a request became final, from the reducer's timeline; undefined while it is open. */
export function finalAt(state: RequestState): string | undefined {
  if (state.status !== 'closed' && state.status !== 'withdrawn') return undefined
  return [...state.timeline].reverse().find((t) => t.type === state.status)?.at
}

/** A request row from its intake and events; status and closure come only from the shared reducer. */
export function requestRow(intake: ServiceRequest, events: readonly RequestEvent[]): RequestRow {
  const state = reduceRequest(events)
  const row: RequestRow = {
    id: intake.id,
    ticketNo: intake.ticketNo,
    // In UTC, so the index orders instants whatever offset a channel wrote (retention compares them).
    createdAt: new Date(intake.createdAt).toISOString(),
    intake,
    status: state?.status ?? 'submitted',
  }
  const closedAt = state ? finalAt(state) : undefined
  // Stored in UTC so the index compares instants, whatever offset the event was written with.
  if (closedAt) row.closedAt = new Date(closedAt).toISOString()
  return row
}

/** Events grouped by request id. */
export function byRequest(events: readonly RequestEvent[]): Map<string, RequestEvent[]> {
  const map = new Map<string, RequestEvent[]>()
  for (const e of events) {
    const list = map.get(e.requestId)
    if (list) list.push(e)
    else map.set(e.requestId, [e])
  }
  return map
}
