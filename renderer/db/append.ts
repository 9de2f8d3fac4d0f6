import { RequestEvent, canApply, reduceRequest, type RequestState } from '../../shared/index'
import { EventConflictError, SubmitError, isQuotaError } from './errors'
import type { KioskDb } from './kiosk-db'
import { requestRow } from './summary'

/** A request's state from its local events, by the one reducer in shared/. */
export async function localState(db: KioskDb, requestId: string): Promise<RequestState | undefined> {
  return reduceRequest(await db.events.where('requestId').equals(requestId).toArray())
}

/**
 * Record a staff action taken on this kiosk: the event and its outbox entry in one strict
 * transaction, refused (EventConflictError) when the reducer says it cannot follow the current status.
 */
export async function appendEvent(db: KioskDb, event: RequestEvent, now = new Date()): Promise<RequestState> {
  const parsed = RequestEvent.parse(JSON.parse(JSON.stringify(event)))
  try {
    return await db.transaction('rw', [db.requests, db.events, db.outbox], async () => {
      const events = await db.events.where('requestId').equals(parsed.requestId).toArray()
      const state = reduceRequest(events)
      if (events.some((e) => e.id === parsed.id) || !canApply(state, parsed)) {
        throw new EventConflictError(parsed.id, parsed.type)
      }
      await db.events.add(parsed)
      await db.outbox.add({
        eventId: parsed.id,
        requestId: parsed.requestId,
        state: 'pending',
        attempts: 0,
        createdAt: now.getTime(),
      })
      const next = reduceRequest([...events, parsed])!
      const row = await db.requests.get(parsed.requestId)
      if (row) await db.requests.put(requestRow(row.intake, [...events, parsed]))
      return next
    })
  } catch (e) {
    if (e instanceof EventConflictError) throw e
    if (isQuotaError(e)) throw new SubmitError('quota', [], { cause: e })
    throw e
  }
}
