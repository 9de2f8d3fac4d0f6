import { type AuthorMember, type Credential, type Refusal, authorityRefusal, placementRefusal } from '../../shared/authority'
import type { RequestEvent } from '../../shared/events'
import { type RequestState, reduceRequest, refusalOf } from '../../shared/reducer'
import type { PushResult } from '../../shared/sync'
import type { CenterWriter, NewEvent, StoredRequest } from '../storage/types'

/** An event offered to the center's log: parsed, hashed, and with any reason found before the lock. */
export interface Candidate {
  event: RequestEvent
  contentHash: string
  deviceId?: string
  /** Set when a check that needs no database (intake rules, ownership) already refused it. */
  refusal?: Refusal
}

/** What the shared rules need to know about the sender and the center (shared/authority.ts). */
export interface RecordRules {
  credential: Credential
  staff: readonly AuthorMember[]
  departments: readonly string[]
  now: Date
}

export type Outcome = PushResult

function rejected(id: string, refusal: Refusal): Outcome {
  return { id, status: 'rejected', reason: refusal.reason, code: refusal.code }
}

/**
 * Decides and stores, in order, the candidates of one center: duplicates by id and content hash,
 * then who may author it and when it may land (shared/authority.ts), intake uniqueness, and the
 * reducer's canApply on the request's current state. What it reads is locked (CenterWriter.prepare),
 * so it stays true until the write commits.
 */
export async function recordEvents(w: CenterWriter, candidates: readonly Candidate[], rules: RecordRules): Promise<Outcome[]> {
  const ids = candidates.map((c) => c.event.id)
  const requestIds = [...new Set(candidates.map((c) => c.event.requestId))]
  const tickets = candidates.flatMap((c) => (c.event.type === 'submitted' ? [c.event.request.ticketNo] : []))
  const { events: stored, requests, tickets: taken } = await w.prepare(ids, requestIds, tickets)

  const seen = new Map<string, string>()
  const touched = new Map<string, StoredRequest>()
  const accepted: NewEvent[] = []

  const decide = (c: Candidate): Outcome => {
    const { event } = c
    const earlierHash = seen.get(event.id) ?? stored.get(event.id)?.contentHash
    if (earlierHash !== undefined) {
      return earlierHash === c.contentHash
        ? { id: event.id, status: 'duplicate' }
        : rejected(event.id, { code: 'conflict', reason: 'id reused with different content' })
    }
    if (c.refusal) return rejected(event.id, c.refusal)
    const request = touched.get(event.requestId) ?? requests.get(event.requestId)
    const known = request && request.centerId === w.centerId ? request.events : []
    const placement = placementRefusal(event, known, rules.now.getTime())
    if (placement) return rejected(event.id, placement)
    if (event.type === 'submitted') {
      const authority = authorityRefusal(event, { ...rules })
      if (authority) return rejected(event.id, authority)
      if (request) return rejected(event.id, { code: 'conflict', reason: `request ${event.requestId} was submitted before` })
      if (taken.has(event.request.ticketNo)) {
        return rejected(event.id, { code: 'conflict', reason: `ticketNo ${event.request.ticketNo} is already used by another request` })
      }
      taken.add(event.request.ticketNo)
      touched.set(event.requestId, { centerId: w.centerId, ticketNo: event.request.ticketNo, events: [event] })
      return { id: event.id, status: 'accepted' }
    }
    if (!request || request.centerId !== w.centerId) {
      return rejected(event.id, { code: 'unknown_request', reason: `requestId: no request ${event.requestId} at this center` })
    }
    const state = reduceRequest(request.events)
    const authority = authorityRefusal(event, { ...rules, state })
    if (authority) return rejected(event.id, authority)
    const refusal = refusalOf(state, event)
    if (refusal) {
      // The reducer's own words, as the kiosk shows them to staff before it stores an action.
      return rejected(event.id, { code: 'conflict', reason: `cannot apply "${event.type}" to a request that is ${state?.status ?? 'unknown'}: ${refusal.en} (${refusal.zh})` })
    }
    // Placement put it after every recorded event, so the reducer applies it last; checked all the same.
    const events = [...request.events, event]
    if (reduceRequest(events)?.conflicts.includes(event.id)) {
      return rejected(event.id, { code: 'backdated', reason: `"${event.type}" at ${event.at} falls before the events it depends on` })
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
