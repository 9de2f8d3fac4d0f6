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
  const found = await db.events.bulkGet(rows.map((r) => r.eventId))
  const events = found.filter((e): e is RequestEvent => e !== undefined)
  const response = events.length > 0 ? await client.push(events) : { results: [] }
  return recordResults(db, rows, new Map(response.results.map((r) => [r.id, r])), new Set(events.map((e) => e.id)))
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
