// The kiosk's own code in Chromium: durable submit beside the raw IndexedDB floor over a database
// of 100,000 requests, and push and pull through the sync client against a real platform.
import { BUILTIN_CATALOG } from '../../../shared/catalog/index'
import { chinaDateOf } from '../../../shared/calendar/chinaDate'
import { KioskDb } from '../../../renderer/db/kiosk-db'
import { submitRequest } from '../../../renderer/db/submit'
import { requestRow } from '../../../renderer/db/summary'
import { PlatformClient } from '../../../renderer/sync/api'
import { pullPage } from '../../../renderer/sync/pull'
import { pushBatch } from '../../../renderer/sync/push'
import type { Enrollment } from '../../../shared/index'
import { appealDraft } from '../../unit/renderer/drafts'
import { submittedAppeal, type BenchEnrollment } from '../intake'
import { p95 } from '../stats'

const DAY_MS = 86_400_000

export async function freshDb(name: string): Promise<KioskDb> {
  await new KioskDb(name).delete()
  const db = new KioskDb(name)
  await db.open()
  return db
}

/** Raw IndexedDB puts in one transaction, resolved when it completes with the given durability. */
function rawPut(idb: IDBDatabase, rows: Record<string, readonly unknown[]>, durability: 'strict' | 'relaxed'): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(Object.keys(rows), 'readwrite', { durability })
    for (const [store, values] of Object.entries(rows)) for (const v of values) tx.objectStore(store).put(v)
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error)
  })
}

/**
 * `count` requests with their `submitted` events, over the last 200 days, written in large relaxed
 * transactions (seeding is not what is measured). Rows are made by the kiosk's own requestRow.
 */
export async function seedRequests(db: KioskDb, count: number, enrollment: BenchEnrollment): Promise<void> {
  const idb = db.backendDB()
  const now = Date.now()
  const chunk = 2_000
  for (let start = 0; start < count; start += chunk) {
    const requests: unknown[] = []
    const events: unknown[] = []
    for (let i = start; i < Math.min(count, start + chunk); i++) {
      // 500 a day, so every ticket of a day fits its four digits.
      const at = new Date(now - (1 + Math.floor(i / 500)) * DAY_MS + (i % 500) * 60_000)
      const event = submittedAppeal({ ...enrollment, kioskCode: 'S01' }, 1 + (i % 500), at)
      requests.push(requestRow(event.request, [event]))
      events.push(event)
    }
    await rawPut(idb, { requests, events }, 'relaxed')
  }
}

export interface SubmitFigures {
  submit_p95_ms: number
  idb_floor_p95_ms: number
}

/**
 * Durable submits (submitRequest, strict) and, after each, one raw strict transaction writing the
 * same four records under new keys: the floor IndexedDB itself sets on this machine, same run.
 */
export async function measureSubmit(db: KioskDb, enrollment: BenchEnrollment, samples: number): Promise<SubmitFigures> {
  const submit: number[] = []
  const floor: number[] = []
  const idb = db.backendDB()
  const ctx = { enrollment, catalog: BUILTIN_CATALOG }
  for (let i = 0; i < samples; i++) {
    let t = performance.now()
    const request = await submitRequest(db, appealDraft(i), ctx)
    submit.push(performance.now() - t)
    const [row, event, outbox, seq] = await Promise.all([
      db.requests.get(request.id),
      db.events.where('requestId').equals(request.id).first(),
      db.outbox.where('requestId').equals(request.id).first(),
      db.meta.get(`ticketSeq:${chinaDateOf(request.createdAt)}`),
    ])
    const copyId = crypto.randomUUID()
    const ticketNo = `${request.ticketNo.slice(0, -4)}F${String(i).padStart(3, '0')}`
    const rows = {
      requests: [{ ...row!, id: copyId, ticketNo }],
      events: [{ ...event!, id: crypto.randomUUID(), requestId: copyId }],
      outbox: [{ ...outbox!, eventId: crypto.randomUUID(), requestId: copyId }],
      meta: [{ key: `floor:${i}`, value: seq!.value }],
    }
    t = performance.now()
    await rawPut(idb, rows, 'strict')
    floor.push(performance.now() - t)
  }
  return { submit_p95_ms: p95(submit), idb_floor_p95_ms: p95(floor) }
}

/** `count` intakes waiting in the outbox, as a kiosk holds them after a day offline. */
export async function seedPending(db: KioskDb, enrollment: BenchEnrollment, count: number, firstSeq: number): Promise<void> {
  const events = Array.from({ length: count }, (_, i) => submittedAppeal(enrollment, firstSeq + i))
  const now = Date.now()
  await db.transaction('rw', [db.requests, db.events, db.outbox], async () => {
    await db.requests.bulkAdd(events.map((e) => requestRow(e.request, [e])))
    await db.events.bulkAdd(events)
    await db.outbox.bulkAdd(events.map((e, i) => ({ eventId: e.id, requestId: e.requestId, state: 'pending' as const, attempts: 0, createdAt: now + i })))
  })
}

/** Events per second from a full outbox to none pending, batch after batch as the sync engine sends them. */
export async function measurePush(db: KioskDb, enrollment: Enrollment, count: number): Promise<number> {
  await seedPending(db, enrollment, count, 1)
  const client = new PlatformClient({ baseUrl: enrollment.platformUrl, token: enrollment.token, timeoutMs: 60_000 })
  const t = performance.now()
  let accepted = 0
  for (;;) {
    const outcome = await pushBatch(db, client)
    if (outcome.sent === 0) break
    accepted += outcome.done
  }
  const seconds = (performance.now() - t) / 1000
  if (accepted !== count) throw new Error(`push: the platform took ${accepted} of ${count} events`)
  return count / seconds
}

/** Events per second pulled and stored from cursor 0 to the head of the feed. */
export async function measurePull(db: KioskDb, enrollment: Enrollment, expected: number): Promise<number> {
  const client = new PlatformClient({ baseUrl: enrollment.platformUrl, token: enrollment.token, timeoutMs: 60_000 })
  const t = performance.now()
  let changes = 0
  for (;;) {
    const page = await pullPage(db, client, { mode: enrollment.mode })
    changes += page.changes
    if (!page.hasMore) break
  }
  const seconds = (performance.now() - t) / 1000
  if (changes < expected) throw new Error(`pull: ${changes} changes, expected at least ${expected}`)
  return changes / seconds
}
