import type { RequestEvent } from '../../shared/events'
import { takeSeqs } from './feed'
import type { SqlRunner } from './sql'
import type { CenterWriter, NewEvent, StoredEventRef, StoredRequest } from './types'

/**
 * Another center's transaction took an event or request id this one checked as free (ids are global).
 * The whole unit of work is rolled back and run again; its checks then see the committed row.
 */
export class IdTakenMeanwhile extends Error {
  constructor() {
    super('an event or request id was taken by a concurrent transaction')
  }
}

export function centerWriter(tx: SqlRunner, centerId: string, at: Date): CenterWriter {
  return {
    centerId,

    async findEvents(ids) {
      if (ids.length === 0) return new Map()
      const rows = await tx.query<{ id: string; center_id: string; content_hash: string }>(
        'SELECT id, center_id, content_hash FROM events WHERE id = ANY($1::uuid[])',
        [ids],
      )
      return new Map<string, StoredEventRef>(rows.map((r) => [r.id, { centerId: r.center_id, contentHash: r.content_hash }]))
    },

    async loadRequests(ids) {
      if (ids.length === 0) return new Map()
      const rows = await tx.query<{ id: string; center_id: string; ticket_no: string; bodies: RequestEvent[] | null }>(
        `SELECT r.id, r.center_id, r.ticket_no,
                (SELECT jsonb_agg(e.body) FROM events e WHERE e.request_id = r.id) AS bodies
           FROM requests r WHERE r.id = ANY($1::uuid[])`,
        [ids],
      )
      return new Map<string, StoredRequest>(
        rows.map((r) => [r.id, { centerId: r.center_id, ticketNo: r.ticket_no, events: r.bodies ?? [] }]),
      )
    },

    async takenTickets(ticketNos) {
      if (ticketNos.length === 0) return new Set()
      const rows = await tx.query<{ ticket_no: string }>('SELECT ticket_no FROM requests WHERE ticket_no = ANY($1::text[])', [
        ticketNos,
      ])
      return new Set(rows.map((r) => r.ticket_no))
    },

    async append(events, states) {
      if (events.length === 0) return
      const receivedAt = at.toISOString()
      const requestRows = states.map((s) => ({
        id: s.id,
        ticket_no: s.request.ticketNo,
        status: s.status,
        state: s,
        created_at: s.request.createdAt,
      }))
      // The WHERE keeps a request of another center untouched should its id ever collide with ours.
      const upserted = await tx.query(
        `INSERT INTO requests (id, center_id, ticket_no, status, state, created_at, updated_at)
         SELECT r.id, $1, r.ticket_no, r.status, r.state, r.created_at, $2
           FROM jsonb_to_recordset($3::jsonb) AS r(id uuid, ticket_no text, status text, state jsonb, created_at timestamptz)
         ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at
          WHERE requests.center_id = EXCLUDED.center_id
         RETURNING id`,
        [centerId, receivedAt, JSON.stringify(requestRows)],
      )
      if (upserted.length !== requestRows.length) throw new IdTakenMeanwhile()

      const first = await takeSeqs(tx, centerId, events.length)
      const eventRows = events.map((e: NewEvent, i) => ({
        id: e.event.id,
        request_id: e.event.requestId,
        seq: first + i,
        type: e.event.type,
        body: e.event,
        content_hash: e.contentHash,
        device_id: e.deviceId ?? null,
      }))
      // One statement stores the events and their feed entries; ON CONFLICT leaves a concurrent
      // holder of the same id in place, and the count tells us it happened.
      const inserted = await tx.query(
        `WITH ins AS (
           INSERT INTO events (id, request_id, center_id, type, body, content_hash, device_id, received_at)
           SELECT r.id, r.request_id, $1, r.type, r.body, r.content_hash, r.device_id, $2
             FROM jsonb_to_recordset($3::jsonb)
               AS r(id uuid, request_id uuid, seq bigint, type text, body jsonb, content_hash text, device_id text)
           ON CONFLICT (id) DO NOTHING
           RETURNING id
         )
         INSERT INTO changes (center_id, seq, kind, event_id)
         SELECT $1, r.seq, 'event', r.id
           FROM jsonb_to_recordset($3::jsonb) AS r(id uuid, seq bigint)
           JOIN ins ON ins.id = r.id
         RETURNING seq`,
        [centerId, receivedAt, JSON.stringify(eventRows)],
      )
      if (inserted.length !== eventRows.length) throw new IdTakenMeanwhile()
    },
  }
}
