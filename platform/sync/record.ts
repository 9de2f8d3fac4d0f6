import type { RequestEvent } from '../../shared/events'
import { type RequestState, canApply, reduceRequest } from '../../shared/reducer'
import type { PushResult } from '../../shared/sync'
import type { CenterWriter, NewEvent, StoredRequest } from '../storage/types'

/** An event offered to the center's log: parsed, hashed, and with any reason found before the lock. */
export interface Candidate {
  event: RequestEvent
  contentHash: string
  deviceId?: string
  /** Set when a check that needs no database (intake rules, ownership) already refused it. */
  refusal?: string
}

export type Outcome = PushResult & { cannotApply?: boolean }

/**
 * Decides and stores, in order, the candidates of one center: duplicates by id and content hash,
 * intake uniqueness, and the reducer's canApply on the request's current state. Runs with the
 * center's feed locked, so what it reads stays true until it commits.
 */
export async function recordEvents(w: CenterWriter, candidates: readonly Candidate[]): Promise<Outcome[]> {
  const ids = candidates.map((c) => c.event.id)
  const requestIds = [...new Set(candidates.map((c) => c.event.requestId))]
  const tickets = candidates.flatMap((c) => (c.event.type === 'submitted' ? [c.event.request.ticketNo] : []))
  // One after another: they share the transaction's single connection.
  const stored = await w.findEvents(ids)
  const requests = await w.loadRequests(requestIds)
  const taken = await w.takenTickets(tickets)

  const seen = new Map<string, string>()
  const touched = new Map<string, StoredRequest>()
  const accepted: NewEvent[] = []

  const decide = (c: Candidate): Outcome => {
    const { event } = c
    const earlierHash = seen.get(event.id) ?? stored.get(event.id)?.contentHash
    if (earlierHash !== undefined) {
      return earlierHash === c.contentHash
        ? { id: event.id, status: 'duplicate' }
        : { id: event.id, status: 'rejected', reason: 'id reused with different content' }
    }
    if (c.refusal) return { id: event.id, status: 'rejected', reason: c.refusal }
    const request = touched.get(event.requestId) ?? requests.get(event.requestId)
    if (event.type === 'submitted') {
      if (request) return { id: event.id, status: 'rejected', reason: `request ${event.requestId} was submitted before` }
      if (taken.has(event.request.ticketNo)) {
        return { id: event.id, status: 'rejected', reason: `ticketNo ${event.request.ticketNo} is already used by another request` }
      }
      taken.add(event.request.ticketNo)
      touched.set(event.requestId, { centerId: w.centerId, ticketNo: event.request.ticketNo, events: [event] })
      return { id: event.id, status: 'accepted' }
    }
    if (!request || request.centerId !== w.centerId) {
      return { id: event.id, status: 'rejected', reason: `requestId: no request ${event.requestId} at this center` }
    }
    const state = reduceRequest(request.events)
    if (!canApply(state, event)) {
      return {
        id: event.id,
        status: 'rejected',
        reason: `cannot apply "${event.type}" to a request that is ${state?.status ?? 'unknown'}`,
        cannotApply: true,
      }
    }
    // The reducer orders by time, so the event must also apply where its timestamp puts it.
    const events = [...request.events, event]
    if (reduceRequest(events)?.conflicts.includes(event.id)) {
      return {
        id: event.id,
        status: 'rejected',
        reason: `"${event.type}" at ${event.at} falls before the events it depends on; is the device clock behind?`,
        cannotApply: true,
      }
    }
    touched.set(event.requestId, { ...request, events })
    return { id: event.id, status: 'accepted' }
  }

  const outcomes = candidates.map((c) => {
    const outcome = decide(c)
    if (outcome.status === 'accepted') accepted.push({ event: c.event, contentHash: c.contentHash, deviceId: c.deviceId })
    if (!seen.has(c.event.id) && outcome.status !== 'rejected') seen.set(c.event.id, c.contentHash)
    return outcome
  })
  const states = [...touched.values()].map((r) => reduceRequest(r.events)).filter((s): s is RequestState => s !== undefined)
  await w.append(accepted, states)
  return outcomes
}
