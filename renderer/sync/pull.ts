import { MAX_PULL_LIMIT, mayDeliver, type Change, type DeviceMode, type PullResponse, type RequestEvent } from '../../shared/index'
import { META, type KioskDb } from '../db/index'
import { byRequest, requestRow } from '../db/summary'
import { ApiFailure, type PlatformClient } from './api'

export interface PullOutcome {
  changes: number
  /** Changes this kiosk could not read (from a newer platform), passed over. */
  skipped: number
  hasMore: boolean
  cursor: number
  /** The platform's clock when it answered, if it said. */
  serverTime?: string
}

export async function readCursor(db: KioskDb): Promise<number> {
  const value = (await db.meta.get(META.cursor))?.value
  return typeof value === 'number' ? value : 0
}

export interface PullOptions {
  limit?: number
  /** This device's mode: after a reset or restore it sends again only events it may deliver. */
  mode?: DeviceMode
}

/** Fetch one page of changes after our cursor and store it. */
export async function pullPage(db: KioskDb, client: Pick<PlatformClient, 'pull'>, opts: PullOptions = {}): Promise<PullOutcome> {
  const limit = opts.limit ?? MAX_PULL_LIMIT
  const mode = opts.mode ?? 'visitor'
  const since = await readCursor(db)
  let page: Awaited<ReturnType<PlatformClient['pull']>>
  try {
    page = await client.pull(since, Math.min(limit, MAX_PULL_LIMIT))
  } catch (e) {
    if (e instanceof ApiFailure && e.code === 'cursor_ahead') {
      await resendAfterPlatformReset(db, { mode })
      return { changes: 0, skipped: 0, hasMore: true, cursor: 0 }
    }
    throw e
  }
  const epoch = (await db.meta.get(META.epoch))?.value
  if (page.epoch && typeof epoch === 'string' && page.epoch !== epoch) {
    // The feed our cursor counts in is gone: this page is numbered in another one.
    await resendAfterPlatformReset(db, { epoch: page.epoch, mode })
    return { changes: 0, skipped: 0, hasMore: true, cursor: 0, serverTime: page.serverTime }
  }
  await applyPullPage(db, page)
  // A page that does not move the cursor would loop forever; take it as the end for this round.
  return {
    changes: page.changes.length,
    skipped: page.skipped,
    hasMore: page.hasMore && page.cursor > since,
    cursor: page.cursor,
    serverTime: page.serverTime,
  }
}

/**
 * The platform's data is not what our cursor counted: it was reset (it never handed out our
 * cursor), or restored from a backup (its feed has a new epoch). Pull from the start again, and
 * queue every event this kiosk still holds, so whatever the platform lost reaches it again (it
 * answers 'duplicate' for what it kept). Events this device may not deliver (a department's, pulled
 * to a counter PC) are the platform's own business and are not sent.
 */
export async function resendAfterPlatformReset(
  db: KioskDb,
  opts: { epoch?: string; mode?: DeviceMode; now?: number } = {},
): Promise<void> {
  const now = opts.now ?? Date.now()
  const mode = opts.mode ?? 'visitor'
  await db.transaction('rw', [db.events, db.outbox, db.meta], async () => {
    const queued = new Set((await db.outbox.toCollection().primaryKeys()) as string[])
    const events = await db.events.toArray()
    await db.outbox.bulkAdd(
      events
        .filter((e) => !queued.has(e.id) && mayDeliver(mode, e.author.kind))
        .map((e) => ({ eventId: e.id, requestId: e.requestId, state: 'pending' as const, attempts: 0, createdAt: now })),
    )
    await db.meta.put({ key: META.cursor, value: 0 })
    if (opts.epoch) await db.meta.put({ key: META.epoch, value: opts.epoch })
  })
}

/**
 * One page and its cursor in ONE transaction: a crash leaves either both or neither, and pulling a
 * page again is harmless because events merge by id and the rest are replaced whole.
 */
export async function applyPullPage(db: KioskDb, page: PullResponse, now = new Date()): Promise<void> {
  const tables = [db.events, db.requests, db.meta, db.catalogs, db.staff, db.calendar, db.tracks]
  await db.transaction('rw', tables, async () => {
    await mergeEvents(db, page.changes.flatMap((c) => (c.kind === 'event' ? [c.event] : [])))
    // A lobby kiosk's page is mostly track records: one bulkPut, later ones of a ticket winning.
    const tracks = page.changes.flatMap((c) => (c.kind === 'track' ? [c.track] : []))
    await db.tracks.bulkPut(tracks.map((track) => ({ ...track, ticketNo: track.view.ticketNo, receivedAt: now.toISOString() })))
    for (const change of page.changes) if (change.kind !== 'event' && change.kind !== 'track') await applyReference(db, change, now)
    await db.meta.put({ key: META.cursor, value: page.cursor })
    if (page.epoch) await db.meta.put({ key: META.epoch, value: page.epoch })
  })
}

async function applyReference(db: KioskDb, change: Exclude<Change, { kind: 'event' | 'track' }>, now: Date): Promise<void> {
  switch (change.kind) {
    case 'catalog':
      await db.catalogs.put({ version: change.catalog.version, catalog: change.catalog, receivedAt: now.toISOString() })
      break
    case 'staff':
      await db.staff.clear()
      await db.staff.bulkPut(change.staff)
      break
    case 'calendar':
      await db.calendar.bulkPut(change.calendar)
      break
  }
}

/**
 * Add the events we do not have yet and refresh the summaries of the requests they touch. A
 * `submitted` event from another channel brings its request with it; an event for a request this
 * kiosk does not hold (purged after retention) is not kept.
 */
async function mergeEvents(db: KioskDb, events: RequestEvent[]): Promise<void> {
  if (events.length === 0) return
  const have = new Set((await db.events.bulkGet(events.map((e) => e.id))).flatMap((e) => (e ? [e.id] : [])))
  const requestIds = [...new Set(events.map((e) => e.requestId))]
  const intakes = new Map((await db.requests.bulkGet(requestIds)).flatMap((r) => (r ? [[r.id, r.intake] as const] : [])))
  const fresh = new Set<string>()
  const newEvents: RequestEvent[] = []
  for (const event of events) {
    if (have.has(event.id)) continue
    have.add(event.id)
    if (event.type === 'submitted' && !intakes.has(event.requestId)) {
      intakes.set(event.requestId, event.request)
      fresh.add(event.requestId)
    }
    if (intakes.has(event.requestId)) newEvents.push(event)
  }
  if (newEvents.length === 0) return
  // A ticket number already held by another request would abort the page on every retry, stalling
  // sync for good; such a request is left on the platform rather than block everything behind it.
  const freshTickets = [...fresh].map((id) => intakes.get(id)!.ticketNo)
  const taken = new Set(
    freshTickets.length > 0 ? (await db.requests.where('ticketNo').anyOf(freshTickets).toArray()).map((r) => r.ticketNo) : [],
  )
  const skip = new Set([...fresh].filter((id) => taken.has(intakes.get(id)!.ticketNo)))
  const added = newEvents.filter((e) => !skip.has(e.requestId))
  await db.events.bulkAdd(added)
  const touched = byRequest(added)
  // A request new to this kiosk has just the events of this page; only the others are read back.
  const held = [...touched.keys()].filter((id) => !fresh.has(id))
  const all = held.length > 0 ? byRequest(await db.events.where('requestId').anyOf(held).toArray()) : new Map<string, RequestEvent[]>()
  await db.requests.bulkPut([...touched].map(([id, events]) => requestRow(intakes.get(id)!, all.get(id) ?? events)))
}
