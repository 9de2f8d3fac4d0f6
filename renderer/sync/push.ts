import { MAX_PUSH_BATCH, type PushResult, type RequestEvent } from '../../shared/index'
import type { KioskDb, OutboxRow } from '../db/index'
import { outboxRows } from '../db/outbox'
import { ApiFailure, type PlatformClient } from './api'

export interface PushOutcome {
  /** Events sent in this batch. */
  sent: number
  /** Accepted or already known: removed from the outbox. */
  done: number
  rejected: number
}

/** A batch that failed with a server error this many times running is split to find the event that causes it. */
export const SPLIT_AFTER_SERVER_ERRORS = 3

export interface PushOptions {
  limit?: number
  /**
   * Whether the platform answers at all (e.g. a pull). Asked before a failing batch is split: during
   * an outage every batch fails, and splitting it would only multiply the requests.
   */
  probe?: () => Promise<boolean>
}

/** The oldest pending outbox rows; rejected rows are skipped, so they never hold the rest back. */
export function pendingBatch(db: KioskDb, limit = MAX_PUSH_BATCH): Promise<OutboxRow[]> {
  return outboxRows(db, 'pending').limit(Math.min(limit, MAX_PUSH_BATCH)).toArray()
}

/** Push one batch and record the platform's answer per event. Throws ApiFailure when it did not answer. */
export async function pushBatch(db: KioskDb, client: Pick<PlatformClient, 'push'>, opts: PushOptions = {}): Promise<PushOutcome> {
  const rows = await pendingBatch(db, opts.limit)
  if (rows.length === 0) return { sent: 0, done: 0, rejected: 0 }
  return pushRows(db, client, rows, { probe: opts.probe ?? (async () => false) })
}

interface Round {
  probe: () => Promise<boolean>
  /** Known once asked: the platform answers, so a batch that keeps failing holds a bad event. */
  healthy?: boolean
  /** Server errors in a row for the one event being tried alone. */
  alone?: number
}

async function pushRows(db: KioskDb, client: Pick<PlatformClient, 'push'>, rows: OutboxRow[], round: Round): Promise<PushOutcome> {
  const found = await db.events.bulkGet(rows.map((r) => r.eventId))
  const events = found.filter((e): e is RequestEvent => e !== undefined)
  let response: { results: PushResult[] }
  try {
    response = events.length > 0 ? await client.push(events) : { results: [] }
  } catch (e) {
    if (refusedWhole(e)) {
      if (rows.length === 1) return hold(db, rows[0]!, e.message, e.code)
      return split(db, client, rows, round)
    }
    if (!serverFault(e)) throw e
    // A 5xx is retried, but one that follows the same events round after round is about them: one
    // event the platform chokes on must not hold back every event queued behind it for good.
    const failures = await countServerFailure(db, rows)
    if (round.healthy === undefined && failures < SPLIT_AFTER_SERVER_ERRORS) throw e
    round.healthy ??= await round.probe()
    if (!round.healthy) throw e
    if (rows.length > 1) return split(db, client, rows, round)
    // Alone, it is tried again a few times at once: a stray 5xx must not mark a good event.
    round.alone = (round.alone ?? 0) + 1
    if (round.alone < SPLIT_AFTER_SERVER_ERRORS) return pushRows(db, client, rows, round)
    round.alone = 0
    return hold(db, rows[0]!, `the platform failed on this event again and again (${e.message})`, 'server_error')
  }
  round.alone = 0
  return recordResults(db, rows, new Map(response.results.map((r) => [r.id, r])), new Set(events.map((e) => e.id)))
}

async function split(db: KioskDb, client: Pick<PlatformClient, 'push'>, rows: OutboxRow[], round: Round): Promise<PushOutcome> {
  const half = Math.ceil(rows.length / 2)
  const a = await pushRows(db, client, rows.slice(0, half), round)
  const b = await pushRows(db, client, rows.slice(half), round)
  return { sent: a.sent + b.sent, done: a.done + b.done, rejected: a.rejected + b.rejected }
}

/** Kept, marked and shown to staff with the reason; never sent again by itself. */
async function hold(db: KioskDb, row: OutboxRow, reason: string, code?: string): Promise<PushOutcome> {
  await db.outbox.update(row.eventId, { state: 'rejected', reason, ...(code ? { code } : {}), attempts: row.attempts + 1 })
  return { sent: 1, done: 0, rejected: 1 }
}

/** Counts one more server failure on each row; returns the highest count among them. */
async function countServerFailure(db: KioskDb, rows: OutboxRow[]): Promise<number> {
  let most = 0
  await db.transaction('rw', db.outbox, async () => {
    for (const row of rows) {
      const failures = (row.serverFailures ?? 0) + 1
      most = Math.max(most, failures)
      row.serverFailures = failures
      await db.outbox.update(row.eventId, { serverFailures: failures })
    }
  })
  return most
}

/**
 * The platform itself (its error body, not a proxy page) refused the request as a whole: some event
 * in it is unacceptable. Halving until that event is alone rejects it with the platform's words and
 * sends the rest.
 */
function refusedWhole(e: unknown): e is ApiFailure {
  return e instanceof ApiFailure && e.kind === 'client' && e.code !== undefined && [400, 413, 422].includes(e.status ?? 0)
}

/** A server error that may be about what we sent: not "busy" (429) nor "down for maintenance" (503). */
function serverFault(e: unknown): e is ApiFailure {
  const status = e instanceof ApiFailure ? (e.status ?? 0) : 0
  return e instanceof ApiFailure && e.kind === 'server' && status >= 500 && status !== 503
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
      } else if (result?.status === 'rejected' && result.code === 'clock_ahead') {
        // Not yet: this kiosk's clock runs fast. The same event is taken once the platform's clock
        // catches up, so it stays queued; staff see the clock warning meanwhile.
        await db.outbox.update(row.eventId, { attempts: row.attempts + 1, reason: result.reason, code: result.code, serverFailures: 0 })
      } else if (result?.status === 'rejected') {
        rejected++
        await db.outbox.update(row.eventId, {
          state: 'rejected',
          reason: result.reason ?? 'rejected',
          ...(result.code ? { code: result.code } : {}),
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
