import type { Catalog } from '../../shared/catalog/schema'
import type { RequestEvent } from '../../shared/events'
import type { RequestState } from '../../shared/reducer'
import type { CalendarYear, StaffMember } from '../../shared/sync'
import type { SqlRunner } from './sql'
import type { ChangesPage, FeedChange } from './types'

/** Locks the center's feed until the transaction ends; other writers of the center wait. */
export async function lockCenterFeed(tx: SqlRunner, centerId: string): Promise<boolean> {
  const rows = await tx.query('SELECT feed_seq FROM centers WHERE id = $1 FOR UPDATE', [centerId])
  return rows.length > 0
}

/** Takes `count` sequence numbers of the center's feed; returns the first. Call with the feed locked. */
export async function takeSeqs(tx: SqlRunner, centerId: string, count: number): Promise<number> {
  const [row] = await tx.query<{ feed_seq: string | number }>(
    'UPDATE centers SET feed_seq = feed_seq + $2 WHERE id = $1 RETURNING feed_seq',
    [centerId, count],
  )
  if (!row) throw new Error(`no center ${centerId}`)
  return Number(row.feed_seq) - count + 1
}

/** Adds a catalog, staff or calendar change to the feeds of the given centers (all, when undefined). */
export async function feedToCenters(
  tx: SqlRunner,
  change: { kind: 'catalog'; version: string } | { kind: 'staff' | 'calendar'; payload: unknown },
  centerIds?: readonly string[],
): Promise<void> {
  // Locked in id order: the only writer that holds more than one center, so no deadlock with pushes.
  const centers = await tx.query<{ id: string }>(
    centerIds
      ? 'SELECT id FROM centers WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE'
      : 'SELECT id FROM centers ORDER BY id FOR UPDATE',
    centerIds ? [centerIds] : [],
  )
  for (const { id } of centers) {
    const seq = await takeSeqs(tx, id, 1)
    await tx.query(
      'INSERT INTO changes (center_id, seq, kind, catalog_version, payload) VALUES ($1, $2, $3, $4, $5::jsonb)',
      [
        id,
        seq,
        change.kind,
        change.kind === 'catalog' ? change.version : null,
        change.kind === 'catalog' ? null : JSON.stringify(change.payload),
      ],
    )
  }
}

interface ChangeRow {
  seq: string | number
  kind: 'event' | 'catalog' | 'staff' | 'calendar'
  body: unknown
  state: RequestState | null
}

function toChange(row: ChangeRow): FeedChange {
  const seq = Number(row.seq)
  switch (row.kind) {
    case 'event':
      return row.state ? { seq, kind: 'state', state: row.state } : { seq, kind: 'event', event: row.body as RequestEvent }
    case 'catalog':
      return { seq, kind: 'catalog', catalog: row.body as Catalog }
    case 'staff':
      return { seq, kind: 'staff', staff: row.body as StaffMember[] }
    case 'calendar':
      return { seq, kind: 'calendar', calendar: row.body as CalendarYear[] }
  }
}

/**
 * The center's changes after `since`. With `publicOnly` (a visitor kiosk) an event change is read as
 * its request's current state instead of the event, so no intake or free text leaves the platform.
 */
export async function changesSince(db: SqlRunner, centerId: string, since: number, limit: number, publicOnly: boolean): Promise<ChangesPage> {
  // Every join is tied to the center too: a change row can only ever show its own center's data.
  const rows = await db.query<ChangeRow>(
    publicOnly
      ? `SELECT c.seq, c.kind, COALESCE(k.body, c.payload) AS body, r.state
           FROM changes c
           LEFT JOIN events e ON c.kind = 'event' AND e.id = c.event_id AND e.center_id = c.center_id
           LEFT JOIN requests r ON r.id = e.request_id AND r.center_id = c.center_id
           LEFT JOIN catalogs k ON c.kind = 'catalog' AND k.version = c.catalog_version
          WHERE c.center_id = $1 AND c.seq > $2
          ORDER BY c.seq
          LIMIT $3`
      : `SELECT c.seq, c.kind, COALESCE(e.body, k.body, c.payload) AS body, NULL AS state
           FROM changes c
           LEFT JOIN events e ON c.kind = 'event' AND e.id = c.event_id AND e.center_id = c.center_id
           LEFT JOIN catalogs k ON c.kind = 'catalog' AND k.version = c.catalog_version
          WHERE c.center_id = $1 AND c.seq > $2
          ORDER BY c.seq
          LIMIT $3`,
    [centerId, since, limit + 1],
  )
  const [head] = await db.query<{ feed_seq: string | number }>('SELECT feed_seq FROM centers WHERE id = $1', [centerId])
  return {
    changes: rows.slice(0, limit).map(toChange),
    hasMore: rows.length > limit,
    head: Number(head?.feed_seq ?? 0),
  }
}
