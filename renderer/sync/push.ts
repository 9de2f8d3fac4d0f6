import Dexie from 'dexie'
import { MAX_PUSH_BATCH, type PushResult, type RequestEvent } from '../../shared/index'
import type { KioskDb, OutboxRow } from '../db/index'
import { ApiFailure, type PlatformClient } from './api'

export interface PushOutcome {
  /** Events sent in this batch. */
  sent: number
  /** Accepted or already known: removed from the outbox. */
  done: number
  rejected: number
}

/** The oldest pending outbox rows; rejected rows are skipped, so they never hold the rest back. */
export function pendingBatch(db: KioskDb, limit = MAX_PUSH_BATCH): Promise<OutboxRow[]> {
  return db.outbox
    .where('[state+createdAt]')
    .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
    .limit(Math.min(limit, MAX_PUSH_BATCH))
    .toArray()
}

/** Push one batch and record the platform's answer per event. Throws ApiFailure when it did not answer. */
export async function pushBatch(db: KioskDb, client: Pick<PlatformClient, 'push'>, limit = MAX_PUSH_BATCH): Promise<PushOutcome> {
  const rows = await pendingBatch(db, limit)
  if (rows.length === 0) return { sent: 0, done: 0, rejected: 0 }
  return pushRows(db, client, rows)
}

async function pushRows(db: KioskDb, client: Pick<PlatformClient, 'push'>, rows: OutboxRow[]): Promise<PushOutcome> {
  const found = await db.events.bulkGet(rows.map((r) => r.eventId))
  const events = found.filter((e): e is RequestEvent => e !== undefined)
  let response: { results: PushResult[] }
  try {
    response = events.length > 0 ? await client.push(events) : { results: [] }
  } catch (e) {
    if (!refusedWhole(e)) throw e
    if (rows.length === 1) {
      return recordResults(db, rows, new Map([[rows[0]!.eventId, { id: rows[0]!.eventId, status: 'rejected', reason: e.message }]]), new Set([rows[0]!.eventId]))
    }
    const half = Math.ceil(rows.length / 2)
    const a = await pushRows(db, client, rows.slice(0, half))
    const b = await pushRows(db, client, rows.slice(half))
    return { sent: a.sent + b.sent, done: a.done + b.done, rejected: a.rejected + b.rejected }
  }
  return recordResults(db, rows, new Map(response.results.map((r) => [r.id, r])), new Set(events.map((e) => e.id)))
}

/**
 * The platform itself (its error body, not a proxy page) refused the request as a whole: some event
 * in it is unacceptable. Halving until that event is alone rejects it with the platform's words and
 * sends the rest. Anything else (404 from a wrong address, 5xx) is retried, never rejected.
 */
function refusedWhole(e: unknown): e is ApiFailure {
  return e instanceof ApiFailure && e.kind === 'client' && e.code !== undefined && [400, 413, 422].includes(e.status ?? 0)
}

async function recordResults(
  db: KioskDb,
  rows: OutboxRow[],
  results: Map<string, PushResult>,
  sentIds: Set<string>,
): Promise<PushOutcome> {
  let done = 0
  let rejected = 0
  let unanswered = 0
  await db.transaction('rw', db.outbox, async () => {
    const remove: string[] = []
    for (const row of rows) {
      const result = results.get(row.eventId)
      if (!sentIds.has(row.eventId)) {
        rejected++
        await db.outbox.update(row.eventId, { state: 'rejected', reason: 'local event missing', attempts: row.attempts + 1 })
      } else if (result?.status === 'accepted' || result?.status === 'duplicate') {
        done++
        remove.push(row.eventId)
      } else if (result?.status === 'rejected') {
        rejected++
        await db.outbox.update(row.eventId, {
          state: 'rejected',
          reason: result.reason ?? 'rejected',
          attempts: row.attempts + 1,
        })
      } else {
        unanswered++
        await db.outbox.update(row.eventId, { attempts: row.attempts + 1 })
      }
    }
    await db.outbox.bulkDelete(remove)
  })
  // Sending again is safe (the platform keeps the first copy by id), so silence means "retry later".
  if (unanswered > 0) throw new ApiFailure('protocol', `the platform did not answer for ${unanswered} events`)
  return { sent: rows.length, done, rejected }
}
