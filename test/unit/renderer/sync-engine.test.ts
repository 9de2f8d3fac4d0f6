import { describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import { MAX_PUSH_BATCH } from '../../../shared/index'
import { SyncEngine, clockIsOff, type Clock, type EngineOptions } from '../../../renderer/sync/engine'
import { SPLIT_AFTER_SERVER_ERRORS } from '../../../renderer/sync/push'
import { rejectedEvents, retryHeld } from '../../../renderer/db/outbox'
import { inProcessLock } from '../../../renderer/sync/lock'
import { META, type KioskDb } from '../../../renderer/db/index'
import { FakePlatform, json } from './fake-platform'
import { freshDb, queueRequests } from './helpers'

const creds = { platformUrl: 'http://platform.test', token: 'device-token-0123456789abcdef' }

/** Timers that only fire when the test says so; records every delay the engine asked for. */
class ManualClock implements Clock {
  t = 1_700_000_000_000
  timers: Array<{ fn: () => void; at: number; ms: number; cleared: boolean }> = []
  now = () => this.t
  setTimeout = (fn: () => void, ms: number) => {
    const timer = { fn, at: this.t + ms, ms, cleared: false }
    this.timers.push(timer)
    return timer
  }
  clearTimeout = (handle: unknown) => {
    ;(handle as { cleared: boolean }).cleared = true
  }
  get live() {
    return this.timers.filter((t) => !t.cleared)
  }
}

function engineFor(db: KioskDb, platform: FakePlatform, extra: Partial<EngineOptions> = {}): SyncEngine {
  return new SyncEngine({ db, credentials: () => creds, lock: inProcessLock(), fetch: platform.fetch, ...extra })
}

describe('push', () => {
  it('sends the outbox oldest first in batches of at most 200 and empties it', async () => {
    const db = freshDb()
    const platform = new FakePlatform()
    const requests = await queueRequests(db, 450)
    const engine = engineFor(db, platform)
    const progress: Array<{ done: number; total: number } | null> = []
    engine.subscribe((s) => {
      const p = s.progress && { ...s.progress }
      if (JSON.stringify(p) !== JSON.stringify(progress.at(-1))) progress.push(p)
    })
    const result = await engine.syncOnce()
    expect(progress.filter((p) => p !== null)).toEqual([
      { done: 0, total: 450 },
      { done: 200, total: 450 },
      { done: 400, total: 450 },
      { done: 450, total: 450 },
    ])
    expect(progress.at(-1)).toBeNull()
    expect(engine.status.lastError).toBeNull()
    expect(result).toBe('synced')
    expect(platform.pushCalls).toEqual([MAX_PUSH_BATCH, MAX_PUSH_BATCH, 50])
    expect([...platform.events.values()].map((e) => e.requestId)).toEqual(requests.map((r) => r.id))
    expect(await db.outbox.count()).toBe(0)
  })

  it('keeps a rejected event with its reason, never resends it, and lets the rest through', async () => {
    const db = freshDb()
    const platform = new FakePlatform()
    const [first] = await queueRequests(db, 1, 1000)
    // An 'accepted' for a request the platform never saw: the shared reducer refuses it.
    const orphan = { id: uuidv7(), requestId: uuidv7(), at: '2026-11-28T10:00:00.000Z', type: 'accepted' as const, author: { kind: 'staff' as const, id: 's1', name: '李四' } }
    await db.events.add(orphan)
    await db.outbox.add({ eventId: orphan.id, requestId: orphan.requestId, state: 'pending', attempts: 0, createdAt: 0 })
    await queueRequests(db, 3, 2000)
    const engine = engineFor(db, platform)
    expect(await engine.syncOnce()).toBe('synced')
    const row = await db.outbox.get(orphan.id)
    expect(row).toMatchObject({ state: 'rejected', reason: 'cannot accepted now', attempts: 1 })
    expect(await db.outbox.count()).toBe(1)
    expect(platform.events.has(first!.id)).toBe(false)
    expect(platform.events.size).toBe(4)
    const sentBefore = platform.pushCalls.reduce((a, b) => a + b, 0)
    await queueRequests(db, 2, 3000)
    expect(await engine.syncOnce()).toBe('synced')
    expect(platform.pushCalls.reduce((a, b) => a + b, 0) - sentBefore).toBe(2)
    expect(await db.outbox.get(orphan.id)).toMatchObject({ state: 'rejected', attempts: 1 })
  })

  it('treats a truncated or malformed answer as a failure and resends later without doubling', async () => {
    const db = freshDb()
    const platform = new FakePlatform()
    await queueRequests(db, 5)
    let mode: 'truncate' | 'wrong' | 'ok' = 'truncate'
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const res = await platform.fetch(String(input), init)
      if (mode === 'ok') return res
      const text = await res.text()
      return new Response(mode === 'truncate' ? text.slice(0, text.length / 2) : '{"results":"nope"}', { status: 200 })
    }
    const engine = engineFor(db, platform, { fetch })
    expect(await engine.syncOnce()).toBe('failed')
    expect(engine.status.lastError).toMatch(/not JSON/)
    mode = 'wrong'
    expect(await engine.syncOnce()).toBe('failed')
    expect(engine.status.lastError).toMatch(/protocol/)
    expect(await db.outbox.count()).toBe(5)
    mode = 'ok'
    expect(await engine.syncOnce()).toBe('synced')
    expect(await db.outbox.count()).toBe(0)
    expect(platform.events.size).toBe(5)
  })

  it('gives up on a hung connection after the timeout', async () => {
    const db = freshDb()
    await queueRequests(db, 1)
    const hung: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))))
    const engine = engineFor(db, new FakePlatform(), { fetch: hung, timeoutMs: 50 })
    expect(await engine.syncOnce()).toBe('failed')
    expect(engine.status.online).toBe(false)
    expect(await db.outbox.count()).toBe(1)
  })
})

describe('scheduling', () => {
  it('backs off with full jitter after failures, capped, and resets after a success', async () => {
    const db = freshDb()
    const platform = new FakePlatform()
    platform.failWith = 503
    const clock = new ManualClock()
    const engine = engineFor(db, platform, { clock, random: () => 0.999, backoff: { baseMs: 1000, capMs: 8000 }, intervalMs: 30_000 })
    await engine.start()
    const delays: number[] = []
    for (let i = 0; i < 6; i++) {
      const timer = clock.live.at(-1)!
      timer.cleared = true
      timer.fn()
      await until(() => clock.live.length === 1 && !engine.status.syncing)
      delays.push(clock.live[0]!.ms)
    }
    expect(delays).toEqual([999, 1998, 3996, 7992, 7992, 7992])
    expect(engine.status.failures).toBe(6)
    platform.failWith = null
    const timer = clock.live[0]!
    timer.cleared = true
    timer.fn()
    await until(() => engine.status.failures === 0 && clock.live.length === 1)
    expect(clock.live[0]!.ms).toBe(30_000)
    engine.stop()
  })

  it('syncs right after a submit asks for it, and again after a round that was already running', async () => {
    const db = freshDb()
    const platform = new FakePlatform()
    const clock = new ManualClock()
    const engine = engineFor(db, platform, { clock, intervalMs: 30_000 })
    await engine.start()
    const first = clock.live[0]!
    first.cleared = true
    first.fn()
    engine.requestSync()
    await until(() => !engine.status.syncing && clock.live.length === 1)
    expect(clock.live[0]!.ms).toBe(0)
    clock.live[0]!.cleared = true
    await queueRequests(db, 2)
    engine.requestSync()
    expect(clock.live.map((t) => t.ms)).toEqual([0])
    clock.live[0]!.cleared = true
    clock.timers.at(-1)!.fn()
    await until(() => platform.events.size === 2 && clock.live.length === 1)
    expect(clock.live[0]!.ms).toBe(30_000)
    engine.stop()
  })

  it('stops retrying on 401 and asks for re-enrollment', async () => {
    const db = freshDb()
    const platform = new FakePlatform()
    platform.failWith = 401
    await queueRequests(db, 1)
    const clock = new ManualClock()
    const engine = engineFor(db, platform, { clock })
    await engine.start()
    clock.live[0]!.fn()
    await until(() => engine.status.needsReenroll)
    expect(clock.live.length).toBe(1) // only the first, already fired
    clock.live[0]!.cleared = true
    engine.requestSync()
    expect(clock.live.length).toBe(0)
    expect(await engine.syncOnce()).toBe('auth')
    expect(await db.outbox.count()).toBe(1)
  })

  it('runs only one sync at a time across engines sharing the lock', async () => {
    const db = freshDb()
    const platform = new FakePlatform()
    await queueRequests(db, 10)
    const lock = inProcessLock()
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    let inFlight = 0
    let maxInFlight = 0
    const slow: typeof fetch = async (input, init) => {
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      await gate
      inFlight--
      return platform.fetch(String(input), init)
    }
    const a = engineFor(db, platform, { lock, fetch: slow })
    const b = engineFor(db, platform, { lock, fetch: slow })
    const first = a.syncOnce()
    await until(() => inFlight === 1)
    expect(await b.syncOnce()).toBe('busy')
    release()
    expect(await first).toBe('synced')
    expect(maxInFlight).toBe(1)
    expect(platform.pushCalls).toEqual([10])
  })
})

describe('pull', () => {
  it('stores pages of changes with the cursor and loops while hasMore', async () => {
    const db = freshDb()
    const platform = new FakePlatform()
    const other = freshDb()
    await queueRequests(other, 25)
    await engineFor(other, platform).syncOnce()
    platform.addChange({ kind: 'staff', staff: [{ id: 's1', name: '李四', departmentId: 'hr-bureau', role: 'handler' }] })
    platform.addChange({ kind: 'calendar', calendar: [{ year: 2027, holidays: ['2027-01-01'], workingWeekends: [], source: 'test' }] })
    const engine = engineFor(db, platform, { pullLimit: 10 })
    expect(await engine.syncOnce()).toBe('synced')
    expect(await db.events.count()).toBe(25)
    expect(await db.requests.count()).toBe(25)
    expect(await db.staff.count()).toBe(1)
    expect((await db.calendar.get(2027))?.holidays).toEqual(['2027-01-01'])
    expect((await db.meta.get(META.cursor))?.value).toBe(27)
    expect((await db.meta.get(META.lastSyncAt))?.value).toBeTypeOf('string')
  })
})

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 5))
  }
}

export { json }

describe('poison data', () => {
  it('isolates an event the platform refuses as a whole request, rejecting only it', async () => {
    const db = freshDb()
    const platform = new FakePlatform()
    const requests = await queueRequests(db, 9)
    const poisonId = (await db.events.where('requestId').equals(requests[4]!.id).first())!.id
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (String(init?.body ?? '').includes(poisonId)) return json(400, { error: 'badRequest', message: 'event 5 is malformed' })
      return platform.fetch(String(input), init)
    }
    expect(await engineFor(db, platform, { fetch }).syncOnce()).toBe('synced')
    expect(platform.events.size).toBe(8)
    expect(await db.outbox.toArray()).toMatchObject([{ eventId: poisonId, state: 'rejected', reason: 'event 5 is malformed' }])
  })

  it('splits a batch that keeps failing with a server error, so one event never holds back the rest', async () => {
    const db = freshDb()
    const platform = new FakePlatform()
    const requests = await queueRequests(db, 9)
    const poisonId = (await db.events.where('requestId').equals(requests[2]!.id).first())!.id
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (String(init?.body ?? '').includes(poisonId)) return json(500, { error: 'internal', message: 'the platform failed to answer' })
      return platform.fetch(String(input), init)
    }
    const engine = engineFor(db, platform, { fetch })
    // Retried as usual at first: a 5xx is mostly the platform's own trouble.
    for (let round = 1; round < SPLIT_AFTER_SERVER_ERRORS; round++) expect(await engine.syncOnce()).toBe('failed')
    expect(platform.events.size).toBe(0)
    // Then the batch is split, the rest goes through, and the one event is kept, marked and shown to staff.
    expect(await engine.syncOnce()).toBe('synced')
    expect(platform.events.size).toBe(8)
    const [held] = await db.outbox.toArray()
    expect(held).toMatchObject({ eventId: poisonId, state: 'rejected', code: 'server_error', reason: expect.stringContaining('failed') })
    expect(await rejectedEvents(db)).toMatchObject([{ eventId: poisonId, code: 'server_error', ticketNo: requests[2]!.ticketNo }])
  })

  it('sends a held event again when staff say the platform is fixed, and never re-sends a refused one', async () => {
    const db = freshDb()
    const platform = new FakePlatform()
    const requests = await queueRequests(db, 3)
    const poisonId = (await db.events.where('requestId').equals(requests[1]!.id).first())!.id
    let broken = true
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (broken && String(init?.body ?? '').includes(poisonId)) return json(500, { error: 'internal', message: 'the platform failed to answer' })
      return platform.fetch(String(input), init)
    }
    const engine = engineFor(db, platform, { fetch })
    for (let round = 0; round < SPLIT_AFTER_SERVER_ERRORS; round++) await engine.syncOnce()
    expect(platform.events.size).toBe(2)
    // Held: further rounds leave it alone.
    await engine.syncOnce()
    expect(platform.events.size).toBe(2)
    broken = false
    expect(await retryHeld(db, poisonId)).toBe(true)
    expect(await engine.syncOnce()).toBe('synced')
    expect(platform.events.size).toBe(3)
    expect(await db.outbox.count()).toBe(0)
    // A refused event (not a server error) and an unknown id are not sent again.
    await db.outbox.put({ eventId: 'refused-1', requestId: requests[0]!.id, state: 'rejected', code: 'forbidden', reason: 'bad', attempts: 1, createdAt: Date.now() })
    expect(await retryHeld(db, 'refused-1')).toBe(false)
    expect(await retryHeld(db, 'no-such-event')).toBe(false)
  })

  it('does not split or mark anything while the platform is down', async () => {
    const db = freshDb()
    await queueRequests(db, 6)
    let calls = 0
    const fetch: typeof globalThis.fetch = async () => {
      calls++
      return json(500, { error: 'internal', message: 'down' })
    }
    const engine = engineFor(db, new FakePlatform(), { fetch })
    for (let round = 0; round < 6; round++) expect(await engine.syncOnce()).toBe('failed')
    expect((await db.outbox.toArray()).every((r) => r.state === 'pending')).toBe(true)
    // One push a round, and from the third round one probe of the platform.
    expect(calls).toBe(6 + 4)
  })

  it('keeps an event the platform takes only once its clock has caught up, and tells staff the clock is off', async () => {
    const db = freshDb()
    const platform = new FakePlatform()
    await queueRequests(db, 2)
    const [early] = await db.outbox.toArray()
    const serverTime = new Date(Date.now() - 10 * 60_000).toISOString()
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const url = String(input)
      if (url.includes('/sync/push')) {
        const events = JSON.parse(String(init?.body)).events as Array<{ id: string }>
        const fine = platform.push(events.filter((e) => e.id !== early!.eventId) as never).results
        const ahead = events.some((e) => e.id === early!.eventId)
          ? [{ id: early!.eventId, status: 'rejected', code: 'clock_ahead', reason: 'at: 10 minutes ahead of the platform’s clock' }]
          : []
        return json(200, { results: [...ahead, ...fine] })
      }
      const res = await platform.fetch(url, init)
      return json(200, { ...(await res.json()), serverTime })
    }
    const engine = engineFor(db, platform, { fetch })
    expect(await engine.syncOnce()).toBe('synced')
    expect(await db.outbox.toArray()).toMatchObject([{ eventId: early!.eventId, state: 'pending', code: 'clock_ahead' }])
    expect(engine.status.clockOffsetMs).toBeLessThan(-9 * 60_000)
    expect(clockIsOff(engine.status)).toBe(true)
  })

  it('retries, never rejects, when a 4xx does not come from the platform', async () => {
    const db = freshDb()
    await queueRequests(db, 3)
    const fetch: typeof globalThis.fetch = async () => new Response('<html>Not Found</html>', { status: 404 })
    expect(await engineFor(db, new FakePlatform(), { fetch }).syncOnce()).toBe('failed')
    expect((await db.outbox.toArray()).every((r) => r.state === 'pending')).toBe(true)
  })

  it('skips a pulled change it cannot read and keeps the rest of the page', async () => {
    const db = freshDb()
    const platform = new FakePlatform()
    const other = freshDb()
    await queueRequests(other, 3)
    await engineFor(other, platform).syncOnce()
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const res = await platform.fetch(String(input), init)
      if (!String(input).includes('/sync/pull')) return res
      const page = (await res.json()) as { changes: unknown[] }
      page.changes.splice(1, 0, { seq: 2, kind: 'hologram', data: {} })
      return json(200, page)
    }
    expect(await engineFor(db, platform, { fetch }).syncOnce()).toBe('synced')
    expect(await db.events.count()).toBe(3)
  })
})
