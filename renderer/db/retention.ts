import { reduceRequest } from '../../shared/index'
import type { KioskDb } from './kiosk-db'
import { META } from './rows'

export const DEFAULT_RETENTION_DAYS = 180
const DAY_MS = 86_400_000

/** The moment a request became final (closed or withdrawn), from the reducer; undefined while open. */
function finalAt(events: Parameters<typeof reduceRequest>[0]): string | undefined {
  const state = reduceRequest(events)
  if (!state || (state.status !== 'closed' && state.status !== 'withdrawn')) return undefined
  return [...state.timeline].reverse().find((t) => t.type === state.status)?.at
}

/**
 * Personal data is kept only as long as needed: a request that is final, whose every event has
 * reached the platform, and that has been final for `days`, is deleted with its events.
 * Returns the number of requests purged.
 */
export async function purgeExpired(db: KioskDb, opts: { days?: number; now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date()
  const cutoff = now.getTime() - (opts.days ?? DEFAULT_RETENTION_DAYS) * DAY_MS
  let purged = 0
  await db.transaction('rw', [db.requests, db.events, db.outbox, db.meta], async () => {
    const ids = await db.requests.toCollection().primaryKeys()
    for (const id of ids) {
      const events = await db.events.where('requestId').equals(id).toArray()
      const at = finalAt(events)
      if (!at || Date.parse(at) > cutoff) continue
      if ((await db.outbox.where('requestId').equals(id).count()) > 0) continue
      await db.events.bulkDelete(events.map((e) => e.id))
      await db.requests.delete(id)
      purged++
    }
    await db.meta.put({ key: META.lastPurgeAt, value: now.toISOString() })
  })
  return purged
}

/** Retention runs at most once a day: it walks every request. */
export async function purgeIfDue(db: KioskDb, opts: { days?: number; now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date()
  const last = (await db.meta.get(META.lastPurgeAt))?.value
  if (typeof last === 'string' && now.getTime() - Date.parse(last) < DAY_MS) return 0
  return purgeExpired(db, { ...opts, now })
}
