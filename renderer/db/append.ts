import {
  RequestEvent,
  authorityRefusal,
  placementRefusal,
  reduceRequest,
  refusalOf,
  type Credential,
  type RequestState,
} from '../../shared/index'
import { EventConflictError, EventRefusedError, SubmitError, isQuotaError } from './errors'
import type { KioskDb } from './kiosk-db'
import { requestRow } from './summary'

/** A request's state from its local events, by the one reducer in shared/. */
export async function localState(db: KioskDb, requestId: string): Promise<RequestState | undefined> {
  return reduceRequest(await db.events.where('requestId').equals(requestId).toArray())
}

export interface AppendContext {
  /** This device, as the platform will know it when the event is pushed. */
  credential: Extract<Credential, { kind: 'device' }>
  /** The center's departments (the catalog's). */
  departments: readonly string[]
  now?: Date
}

/**
 * Record an action taken on this kiosk (a staff action in assisted mode, a visitor's withdrawal or
 * rating): the event and its outbox entry in one strict transaction. Refused before anything is
 * stored by the same rules the platform applies: who may author it from this device
 * (EventRefusedError), when it may land (EventRefusedError), and whether it may follow the
 * request's current status (EventConflictError).
 */
export async function appendEvent(db: KioskDb, event: RequestEvent, ctx: AppendContext): Promise<RequestState> {
  const parsed = RequestEvent.parse(JSON.parse(JSON.stringify(event)))
  const now = ctx.now ?? new Date()
  try {
    return await db.transaction('rw', [db.requests, db.events, db.outbox, db.staff], async () => {
      const events = await db.events.where('requestId').equals(parsed.requestId).toArray()
      const state = reduceRequest(events)
      const staff = parsed.author.kind === 'staff' ? await db.staff.toArray() : []
      const refusal =
        placementRefusal(parsed, events, now.getTime()) ??
        authorityRefusal(parsed, { credential: ctx.credential, staff, departments: ctx.departments, state })
      if (refusal) throw new EventRefusedError(parsed.id, parsed.type, refusal)
      if (events.some((e) => e.id === parsed.id)) {
        throw new EventConflictError(parsed.id, parsed.type, { zh: '这一步已经记录过', en: 'This step was recorded already' })
      }
      const conflict = refusalOf(state, parsed)
      if (conflict) throw new EventConflictError(parsed.id, parsed.type, conflict)
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
    if (e instanceof EventConflictError || e instanceof EventRefusedError) throw e
    if (isQuotaError(e)) throw new SubmitError('quota', [], { cause: e })
    throw e
  }
}
