import { createHash } from 'node:crypto'
import type { RequestEvent } from '../../shared/events'
import type { SqlRunner } from './sql'
import type { CenterWriter, NewEvent, StoredEventRef, StoredRequest, WriteSnapshot } from './types'

/**
 * Another center's transaction took an event or request id this one checked as free (ids are global).
 * The whole unit of work is rolled back and run again; its checks then see the committed row.
 */
export class IdTakenMeanwhile extends Error {
  constructor() {
    super('an event or request id was taken by a concurrent transaction')
  }
}

/**
 * The advisory lock key of a request id or ticket number: 64 bits of its sha-256. Two names that
 * share a key only wait for each other; keys are taken in ascending order, so two writers never
 * wait for each other crosswise.
 */
function lockKeys(names: readonly string[]): string[] {
  const keys = new Set(names.map((name) => createHash('sha256').update(name).digest().readBigInt64BE(0)))
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String)
}

/** Events by id, wherever they were stored: one round trip. */
export async function findEvents(db: SqlRunner, ids: readonly string[]): Promise<Map<string, StoredEventRef>> {
  if (ids.length === 0) return new Map()
  const rows = await db.query<{ id: string; center_id: string; content_hash: string }>(
    'SELECT id, center_id, content_hash FROM events WHERE id = ANY($1::uuid[])',
    [ids],
  )
  return new Map(rows.map((r) => [r.id, { centerId: r.center_id, contentHash: r.content_hash }]))
}

interface SnapshotRow {
  kind: 'event' | 'request' | 'ticket'
  id: string | null
  center_id: string | null
  value: string
  bodies: RequestEvent[] | null
}

export function centerWriter(tx: SqlRunner, centerId: string, at: Date): CenterWriter {
  return {
    centerId,

    async prepare(eventIds, requestIds, ticketNos) {
      const keys = lockKeys([...requestIds.map((id) => `request:${id}`), ...ticketNos.map((t) => `ticket:${t}`)])
      // A statement of its own: the reads below must start after the locks are held, to see what
      // the writer we waited for committed.
      if (keys.length > 0) {
        await tx.query('SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) WITH ORDINALITY AS t(k, n)', [keys])
      }
      const rows = await tx.query<SnapshotRow>(
        `SELECT 'event' AS kind, id::text AS id, center_id, content_hash AS value, NULL::jsonb AS bodies
           FROM events WHERE id = ANY($1::uuid[])
         UNION ALL
         SELECT 'request', r.id::text, r.center_id, r.ticket_no, (SELECT jsonb_agg(e.body) FROM events e WHERE e.request_id = r.id)
           FROM requests r WHERE r.id = ANY($2::uuid[])
         UNION ALL
         SELECT 'ticket', NULL, NULL, ticket_no, NULL FROM requests WHERE ticket_no = ANY($3::text[])`,
        [eventIds, requestIds, ticketNos],
      )
      const snapshot: WriteSnapshot = { events: new Map(), requests: new Map<string, StoredRequest>(), tickets: new Set() }
      for (const r of rows) {
        if (r.kind === 'event') snapshot.events.set(r.id!, { centerId: r.center_id!, contentHash: r.value })
        else if (r.kind === 'request') snapshot.requests.set(r.id!, { centerId: r.center_id!, ticketNo: r.value, events: r.bodies ?? [] })
        else snapshot.tickets.add(r.value)
      }
      return snapshot
    },

    async append(events, states) {
      if (events.length === 0) return
      const requestRows = states.map((s) => ({
        id: s.id,
        ticket_no: s.request.ticketNo,
        status: s.status,
        state: s,
        created_at: s.request.createdAt,
      }))
      const eventRows = events.map((e: NewEvent, i) => ({
        id: e.event.id,
        request_id: e.event.requestId,
        n: i + 1,
        type: e.event.type,
        body: e.event,
        content_hash: e.contentHash,
        device_id: e.deviceId ?? null,
      }))
      // One statement: the request states, the feed's sequence numbers (this locks the center's
      // feed until the commit), the events and their feed entries. The requests' WHERE keeps a
      // request of another center untouched should its id ever collide with ours, and the events'
      // ON CONFLICT leaves a concurrent holder of the same id in place; the counts tell.
      const [counts] = await tx.query<{ centers: number; requests: number; events: number }>(
        `WITH upserted AS (
           INSERT INTO requests (id, center_id, ticket_no, status, state, created_at, updated_at)
           SELECT r.id, $1, r.ticket_no, r.status, r.state, r.created_at, $2
             FROM jsonb_to_recordset($3::jsonb) AS r(id uuid, ticket_no text, status text, state jsonb, created_at timestamptz)
           ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at
            WHERE requests.center_id = EXCLUDED.center_id
           RETURNING id
         ), feed AS (
           UPDATE centers SET feed_seq = feed_seq + $5 WHERE id = $1 RETURNING feed_seq - $5 AS base
         ), inserted AS (
           INSERT INTO events (id, request_id, center_id, type, body, content_hash, device_id, received_at)
           SELECT r.id, r.request_id, $1, r.type, r.body, r.content_hash, r.device_id, $2
             FROM jsonb_to_recordset($4::jsonb)
               AS r(id uuid, request_id uuid, type text, body jsonb, content_hash text, device_id text)
           ON CONFLICT (id) DO NOTHING
           RETURNING id
         ), fed AS (
           INSERT INTO changes (center_id, seq, kind, event_id)
           SELECT $1, feed.base + r.n, 'event', r.id
             FROM jsonb_to_recordset($4::jsonb) AS r(id uuid, n bigint)
             JOIN inserted ON inserted.id = r.id
             CROSS JOIN feed
           RETURNING seq
         )
         SELECT (SELECT count(*) FROM feed)::int AS centers, (SELECT count(*) FROM upserted)::int AS requests,
                (SELECT count(*) FROM fed)::int AS events`,
        [centerId, at.toISOString(), JSON.stringify(requestRows), JSON.stringify(eventRows), events.length],
      )
      if (!counts || counts.centers !== 1) throw new Error(`no center ${centerId}`)
      if (counts.requests !== requestRows.length || counts.events !== eventRows.length) throw new IdTakenMeanwhile()
    },
  }
}
