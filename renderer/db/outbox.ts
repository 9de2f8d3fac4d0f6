import Dexie from 'dexie'
import type { RequestEvent } from '../../shared/index'
import type { KioskDb } from './kiosk-db'
import type { OutboxRow } from './rows'

export interface OutboxCounts {
  pending: number
  rejected: number
}

/** The outbox rows in one state, oldest first: the one query the counts, the lists and push use. */
export function outboxRows(db: KioskDb, state: OutboxRow['state']) {
  return db.outbox.where('[state+createdAt]').between([state, Dexie.minKey], [state, Dexie.maxKey])
}

export async function outboxCounts(db: KioskDb): Promise<OutboxCounts> {
  return { pending: await outboxRows(db, 'pending').count(), rejected: await outboxRows(db, 'rejected').count() }
}

/**
 * What staff need to follow a refused event up, and nothing of the visitor: the list stays live in
 * a store while strangers use the screen.
 */
export interface RejectedEvent {
  eventId: string
  reason?: string
  /** 'server_error' when the platform kept failing on this event alone, else its refusal code. */
  code?: string
  type?: RequestEvent['type']
  at?: string
  ticketNo?: string
}

/** Events the platform refused, with its reason and the ticket they belong to, for staff to follow up. */
export async function rejectedEvents(db: KioskDb, limit = 200): Promise<RejectedEvent[]> {
  const rows = await outboxRows(db, 'rejected').limit(limit).toArray()
  const events = await db.events.bulkGet(rows.map((r) => r.eventId))
  const requests = await db.requests.bulkGet(rows.map((r) => r.requestId))
  return rows.map((row, i) => ({
    eventId: row.eventId,
    reason: row.reason,
    code: row.code,
    type: events[i]?.type,
    at: events[i]?.at,
    ticketNo: requests[i]?.ticketNo,
  }))
}

/**
 * Staff sending again an event the platform kept failing on (code 'server_error'), once IT says the
 * platform was fixed. Events the platform refused are not sent again: it would refuse them again.
 */
export async function retryHeld(db: KioskDb, eventId: string): Promise<boolean> {
  return db.transaction('rw', db.outbox, async () => {
    const row = await db.outbox.get(eventId)
    if (!row || row.state !== 'rejected' || row.code !== 'server_error') return false
    await db.outbox.update(eventId, { state: 'pending', serverFailures: 0, reason: undefined, code: undefined })
    return true
  })
}
