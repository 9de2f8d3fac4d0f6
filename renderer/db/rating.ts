import { v7 as uuidv7 } from 'uuid'
import {
  RequestEvent,
  authorityRefusal,
  mayRate,
  normalizeCheckCode,
  normalizeTicketNo,
  opensRectification,
  placementRefusal,
  rectificationDue,
  reduceRequest,
  type CalendarYear,
  type RatingLevel,
  type RatingReason,
} from '../../shared/index'
import { appendEvent, type AppendContext } from './append'
import { EventConflictError, EventRefusedError, SubmitError, isQuotaError } from './errors'
import type { KioskDb } from './kiosk-db'

export interface RatingInput {
  ticketNo: string
  checkCode: string
  level: RatingLevel
  comment?: string
  reasons?: RatingReason[]
}

export interface RatingContext extends AppendContext {
  /** The calendar in force here: a low rating's rectification is due 15 working days on it. */
  calendar: CalendarYear[]
}

/**
 * 好差评 at the kiosk, for the visitor who holds the receipt (ticket number and check code). Saved
 * like any event, with its outbox entry in one strict transaction, before the visitor is thanked.
 *
 * A request this kiosk took (or a counter PC holds) is rated through its events and the shared
 * reducer. A lobby kiosk holds only the public state of requests taken elsewhere: there the same
 * rules are applied to that state (resolved, not yet rated here or on the platform), and the
 * platform applies the reducer again when the rating arrives. Throws EventConflictError when the
 * request may not be rated (not resolved, already rated), EventRefusedError, SubmitError 'quota',
 * or Error 'not found' when no request here matches the ticket and code.
 */
export async function recordRating(db: KioskDb, input: RatingInput, ctx: RatingContext): Promise<RequestEvent> {
  const ticketNo = normalizeTicketNo(input.ticketNo)
  const code = normalizeCheckCode(input.checkCode)
  const row = ticketNo ? await db.requests.where('ticketNo').equals(ticketNo).first() : undefined
  const track = ticketNo ? await db.tracks.get(ticketNo) : undefined
  const requestId = !code ? undefined : row && row.intake.checkCode === code ? row.id : track && track.checkCode === code ? track.requestId : undefined
  if (!requestId) throw new Error('no request with this ticket number and check code on this kiosk')
  const now = ctx.now ?? new Date()
  const at = now.toISOString()
  const comment = input.comment?.trim()
  const event = RequestEvent.parse({
    id: uuidv7(),
    requestId,
    at,
    // The enterprise is named in the intake only: an author name would outlive its retention.
    author: { kind: 'visitor', id: ctx.credential.deviceId, name: '' },
    type: 'rated',
    level: input.level,
    ...(comment ? { comment } : {}),
    ...(input.reasons && input.reasons.length > 0 ? { reasons: [...new Set(input.reasons)] } : {}),
    ...(opensRectification(input.level) ? { rectificationDue: rectificationDue(at, ctx.calendar) } : {}),
  })
  // Where this device holds the request's events up to its resolution (a counter PC, or whatever
  // the kiosk did itself), the reducer decides; a lobby kiosk's own intake has only its submit event
  // there, and the platform's public state tells how far it went.
  const local = row?.id === requestId ? reduceRequest(await db.events.where('requestId').equals(requestId).toArray()) : undefined
  if (local && (mayRate(local.status, local.rating !== undefined) || !track || track.checkCode !== code)) {
    await appendEvent(db, event, ctx)
    return event
  }
  try {
    await db.transaction('rw', [db.events, db.outbox, db.tracks], async () => {
      const known = await db.events.where('requestId').equals(requestId).toArray()
      const view = (await db.tracks.get(ticketNo!))?.view
      const refusal =
        placementRefusal(event, known, now.getTime()) ??
        authorityRefusal(event, { credential: ctx.credential, staff: [], departments: ctx.departments })
      if (refusal) throw new EventRefusedError(event.id, event.type, refusal)
      const rated = view?.rating !== undefined || known.some((e) => e.type === 'rated')
      if (!view || !mayRate(view.status, rated)) throw new EventConflictError(event.id, event.type)
      await db.events.add(event)
      await db.outbox.add({ eventId: event.id, requestId, state: 'pending', attempts: 0, createdAt: now.getTime() })
    })
  } catch (e) {
    if (e instanceof EventConflictError || e instanceof EventRefusedError) throw e
    if (isQuotaError(e)) throw new SubmitError('quota', [], { cause: e })
    throw e
  }
  return event
}
