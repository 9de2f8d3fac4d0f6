import { DEFAULT_RETENTION_DAYS } from '../../shared/provisioning'
import { BUILTIN_CATALOG } from '../../shared/catalog/index'
import { publicView, reduceRequest, type DeviceMode, type PublicCatalog } from '../../shared/index'
import { newestCatalog } from './catalogs'
import type { KioskDb } from './kiosk-db'
import { outboxRows } from './outbox'
import { META, type RequestRow, type TrackRow } from './rows'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/**
 * A lobby kiosk keeps the personal data of the intakes it took this long after they reached the
 * platform (long enough to send them again should the platform be restored from a backup), then
 * only their public state, as every other request of its center.
 */
export const VISITOR_KIOSK_PERSONAL_DATA_HOURS = 72

export interface RetentionOptions {
  /** Days anything about a request is kept on this kiosk (IT's provisioning, else the default). */
  days?: number
  /** A lobby kiosk also drops the personal data of its own intakes soon after they are synced. */
  mode?: DeviceMode
  /** This device: on a lobby kiosk, intakes another device took (pulled before device modes) go at once. */
  deviceId?: string
  now?: Date
}

export interface Purged {
  /** Requests deleted with their events, by age. */
  requests: number
  /** Public states deleted, by age. */
  tracks: number
  /** Own intakes whose personal data was dropped (a lobby kiosk), keeping their public state. */
  redacted: number
}

/**
 * Personal data is kept only as long as needed (PIPL). By age whatever the status: a request
 * created more than `days` ago is deleted with its events once nothing of it waits to be sent
 * (an event the platform refused is kept just as long, for staff to follow up), and so is a
 * public state of that age. A lobby kiosk drops its own intakes sooner, keeping their public state.
 */
export async function purgeExpired(db: KioskDb, opts: RetentionOptions = {}): Promise<Purged> {
  const now = opts.now ?? new Date()
  const cutoff = new Date(now.getTime() - (opts.days ?? DEFAULT_RETENTION_DAYS) * DAY_MS).toISOString()
  const personalCutoff = new Date(now.getTime() - VISITOR_KIOSK_PERSONAL_DATA_HOURS * HOUR_MS).toISOString()
  const catalog = (await newestCatalog(db)) ?? BUILTIN_CATALOG
  return db.transaction('rw', [db.requests, db.events, db.outbox, db.meta, db.tracks], async () => {
    const pending = new Set((await outboxRows(db, 'pending').toArray()).map((r) => r.requestId))
    const expired = (await db.requests.where('createdAt').below(cutoff).primaryKeys()).filter((id) => !pending.has(id))
    const tracks = await db.tracks.where('createdAt').below(cutoff).primaryKeys()
    let redacted: string[] = []
    if (opts.mode !== 'counter') {
      const due = (r: RequestRow) => r.createdAt < personalCutoff || (opts.deviceId !== undefined && r.intake.deviceId !== opts.deviceId)
      const candidates = (await db.requests.where('createdAt').aboveOrEqual(cutoff).toArray()).filter((r) => due(r) && !pending.has(r.id))
      // An intake the platform refused stays whole until staff have dealt with it (or it expires).
      const refused = new Set((await db.outbox.where('requestId').anyOf(candidates.map((r) => r.id)).toArray()).map((r) => r.requestId))
      const drop = candidates.filter((r) => !refused.has(r.id))
      redacted = drop.map((r) => r.id)
      await db.tracks.bulkPut(await publicRecords(db, drop, catalog, now))
    }
    const remove = [...expired, ...redacted]
    if (remove.length > 0) {
      await db.events.where('requestId').anyOf(remove).delete()
      await db.outbox.where('requestId').anyOf(expired).delete()
      await db.requests.bulkDelete(remove)
    }
    if (tracks.length > 0) {
      // A lobby kiosk's rating of a request it knew only by its public state goes with that state.
      const followed = (await db.tracks.bulkGet(tracks as string[])).flatMap((t) => (t && !pending.has(t.requestId) ? [t.requestId] : []))
      const held = new Set(await db.requests.where('id').anyOf(followed).primaryKeys())
      const orphans = followed.filter((id) => !held.has(id))
      if (orphans.length > 0) {
        await db.events.where('requestId').anyOf(orphans).delete()
        await db.outbox.where('requestId').anyOf(orphans).delete()
      }
      await db.tracks.bulkDelete(tracks as string[])
    }
    await db.meta.put({ key: META.lastPurgeAt, value: now.toISOString() })
    return { requests: expired.length, tracks: tracks.length, redacted: redacted.length }
  })
}

/** The public state of requests about to lose their intake, unless the platform sent one already. */
async function publicRecords(db: KioskDb, rows: RequestRow[], catalog: PublicCatalog, now: Date): Promise<TrackRow[]> {
  const ids = rows.map((r) => r.id)
  const events = await db.events.where('requestId').anyOf(ids).toArray()
  const known = new Set((await db.tracks.where('requestId').anyOf(ids).toArray()).map((t) => t.requestId))
  return rows.flatMap((r) => {
    const state = reduceRequest(events.filter((e) => e.requestId === r.id))
    if (!state || known.has(r.id)) return []
    const { checkCode } = r.intake
    const record: TrackRow = { requestId: r.id, ticketNo: r.ticketNo, createdAt: r.createdAt, view: publicView(state, catalog), receivedAt: now.toISOString() }
    return [checkCode ? { ...record, checkCode } : record]
  })
}

/** Runs retention at most once an hour (the personal data of a lobby kiosk's intakes is dropped within the hour). */
export async function purgeIfDue(db: KioskDb, opts: RetentionOptions = {}): Promise<Purged | undefined> {
  const now = opts.now ?? new Date()
  const last = (await db.meta.get(META.lastPurgeAt))?.value
  if (typeof last === 'string' && now.getTime() - Date.parse(last) < HOUR_MS) return undefined
  return purgeExpired(db, { ...opts, now })
}
