import { DEFAULT_RETENTION_DAYS } from '../../shared/provisioning'
import type { KioskDb } from './kiosk-db'
import { META } from './rows'

const DAY_MS = 86_400_000

/**
 * Personal data is kept only as long as needed: a request that became final (closed or withdrawn,
 * per the reducer) more than `days` ago and whose every event has reached the platform is deleted
 * with its events. Returns the number of requests purged.
 */
export async function purgeExpired(db: KioskDb, opts: { days?: number; now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date()
  const cutoff = new Date(now.getTime() - (opts.days ?? DEFAULT_RETENTION_DAYS) * DAY_MS).toISOString()
  return db.transaction('rw', [db.requests, db.events, db.outbox, db.meta], async () => {
    const expired = await db.requests.where('closedAt').below(cutoff).primaryKeys()
    const unsynced = new Set(expired.length > 0 ? await db.outbox.where('requestId').anyOf(expired).keys() : [])
    const purge = expired.filter((id) => !unsynced.has(id))
    if (purge.length > 0) {
      await db.events.where('requestId').anyOf(purge).delete()
      await db.requests.bulkDelete(purge)
    }
    await db.meta.put({ key: META.lastPurgeAt, value: now.toISOString() })
    return purge.length
  })
}

/** Runs retention at most once a day. */
export async function purgeIfDue(db: KioskDb, opts: { days?: number; now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date()
  const last = (await db.meta.get(META.lastPurgeAt))?.value
  if (typeof last === 'string' && now.getTime() - Date.parse(last) < DAY_MS) return 0
  return purgeExpired(db, { ...opts, now })
}
