import Dexie from 'dexie'
import type { RequestEvent } from '../../shared/index'
import type { KioskDb } from './kiosk-db'
import type { OutboxRow } from './rows'

export interface OutboxCounts {
  pending: number
  rejected: number
}

export async function outboxCounts(db: KioskDb): Promise<OutboxCounts> {
  const count = (state: OutboxRow['state']) =>
    db.outbox.where('[state+createdAt]').between([state, Dexie.minKey], [state, Dexie.maxKey]).count()
  return { pending: await count('pending'), rejected: await count('rejected') }
}

/**
 * What staff need to follow a refused event up, and nothing of the visitor: the list stays live in
 * a store while strangers use the screen.
 */
export interface RejectedEvent {
  eventId: string
  reason?: string
  type?: RequestEvent['type']
  at?: string
  ticketNo?: string
}

/** Events the platform refused, with its reason and the ticket they belong to, for staff to follow up. */
export async function rejectedEvents(db: KioskDb, limit = 200): Promise<RejectedEvent[]> {
  const rows = await db.outbox
    .where('[state+createdAt]')
    .between(['rejected', Dexie.minKey], ['rejected', Dexie.maxKey])
    .limit(limit)
    .toArray()
  const events = await db.events.bulkGet(rows.map((r) => r.eventId))
  const requests = await db.requests.bulkGet(rows.map((r) => r.requestId))
  return rows.map((row, i) => ({
    eventId: row.eventId,
    reason: row.reason,
    type: events[i]?.type,
    at: events[i]?.at,
    ticketNo: requests[i]?.ticketNo,
  }))
}
