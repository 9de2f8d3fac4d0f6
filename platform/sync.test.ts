import { beforeEach, describe, expect, it } from 'vitest'
import { BUILTIN_CATALOG } from '../shared/catalog/index'
import { type Change, PullResponse, PushResponse } from '../shared/sync'
import { sha256 } from './canonical'
import { appealRequest, submitted, submittedBatch, tick } from './test-support/fixtures'
import { bearer, enroll, pull, pullAll, push, pushOk, type TestEnrollment } from './test-support/http'
import { usePlatform } from './test-support/platform'
import { staffEvent, staffMember, visitorEvent } from '../test/integration/platform/actors'

const platform = usePlatform()
/** Lobby kiosks of the two demo centers. */
let hz: TestEnrollment
let qz: TestEnrollment
/** Counter PCs (assisted mode) of the two centers: they receive the events themselves. */
let hzCounter: TestEnrollment
let qzCounter: TestEnrollment

// After usePlatform's: on the platform it made for this test.
beforeEach(async () => {
  hz = await enroll(platform.app, 'DEMO2026', 'hz kiosk')
  qz = await enroll(platform.app, 'QUZHOU2026', 'qz kiosk')
  hzCounter = await enroll(platform.app, 'COUNTER2026', 'hz counter')
  await platform.storage.addEnrollCode({ codeHash: sha256('QZCOUNTER1'), centerId: qz.centerId, maxUses: 1, mode: 'counter' }, new Date(platform.clock))
  qzCounter = await enroll(platform.app, 'QZCOUNTER1', 'qz counter')
})

/** A clerk's follow-up at the counter (assisted mode). */
async function clerk<T extends Parameters<typeof staffEvent>[2]>(requestId: string, type: T, body: Parameters<typeof staffEvent<T>>[3]) {
  return staffEvent(await staffMember(platform.storage, hz.centerId, 'lead', 'service-center'), requestId, type, body, tick())
}

const eventsOf = (changes: Change[]) => changes.flatMap((c) => (c.kind === 'event' ? [c.event] : []))

describe('push', () => {
  it('accepts a new intake, then answers duplicate for the same event', async () => {
    const [event] = submittedBatch(hz, 1)
    expect(await pushOk(platform.app, hz.token, [event])).toEqual([{ id: event!.id, status: 'accepted' }])
    expect(await pushOk(platform.app, hz.token, [event])).toEqual([{ id: event!.id, status: 'duplicate' }])
    const res = await push(platform.app, hz.token, [event])
    expect(PushResponse.parse(res.json())).toBeTruthy()
  })

  it('rejects an id reused with different content', async () => {
    const [event] = submittedBatch(hz, 1)
    await pushOk(platform.app, hz.token, [event])
    const altered = { ...event!, at: new Date(Date.parse(event!.at) + 1000).toISOString() }
    expect(await pushOk(platform.app, hz.token, [altered])).toEqual([
      { id: event!.id, status: 'rejected', reason: 'id reused with different content', code: 'conflict' },
    ])
  })

  it('treats the same event twice in one batch as one', async () => {
    const [event] = submittedBatch(hz, 1)
    const results = await pushOk(platform.app, hz.token, [event, event])
    expect(results.map((r) => r.status)).toEqual(['accepted', 'duplicate'])
  })

  it('answers one result per event in order; a rejected event does not block the others', async () => {
    const [a, b] = submittedBatch(hz, 2)
    const badUscc = submitted(appealRequest(hz, 9, { enterprise: { uscc: '91330106MA2H1234YX', name: '杭州示例科技有限公司' } }))
    const malformed = { ...a!, id: 'not-a-uuid' }
    const results = await pushOk(platform.app, hz.token, [a, malformed, badUscc, b])
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'rejected', 'accepted'])
    expect(results[1]).toMatchObject({ id: 'not-a-uuid', reason: expect.stringContaining('id') })
    expect(results[2]!.reason).toContain('enterprise.uscc')
  })

  it('names the field of a malformed event and never answers 500', async () => {
    const [event] = submittedBatch(hz, 1)
    const noMobile = { ...event!, request: { ...event!.request, contact: { name: '张三' } } }
    const results = await pushOk(platform.app, hz.token, [noMobile, 42, null, { type: 'teleported' }])
    expect(results.every((r) => r.status === 'rejected')).toBe(true)
    expect(results[0]!.reason).toContain('request.contact.mobile')
    expect(results.map((r) => r.id)).toEqual([event!.id, '#1', '#2', '#3'])
  })

  it('validates the intake against the catalog version it names', async () => {
    const unknownVersion = submitted(appealRequest(hz, 1, { catalogVersion: '1999.01.01' }))
    const wrongDate = submitted(appealRequest(hz, 2, { dueDate: '2099-01-01' }))
    const results = await pushOk(platform.app, hz.token, [unknownVersion, wrongDate])
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('1999.01.01') })
    expect(results[1]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('dueDate') })
  })

  it('keeps ticket numbers unique', async () => {
    const first = submitted(appealRequest(hz, 5))
    const second = submitted(appealRequest(hz, 5, { createdAt: first.request.createdAt }))
    expect(second.request.ticketNo).toBe(first.request.ticketNo)
    const results = await pushOk(platform.app, hz.token, [first, second])
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected'])
    expect(results[1]!.reason).toContain('ticketNo')
  })

  it('takes only intakes made on this device for this center', async () => {
    const otherDevice = submitted(appealRequest({ ...hz, deviceId: 'someone-else' }, 1))
    const otherCenter = submitted(appealRequest({ ...hz, centerId: qz.centerId }, 2))
    const otherKioskCode = submitted(appealRequest({ ...hz, kioskCode: 'K99' }, 3))
    const results = await pushOk(platform.app, hz.token, [otherDevice, otherCenter, otherKioskCode])
    expect(results.map((r) => r.reason)).toEqual([
      expect.stringContaining('request.deviceId'),
      expect.stringContaining('request.centerId'),
      expect.stringContaining('request.ticketNo'),
    ])
  })

  it('takes a re-enrolled kiosk’s intakes recorded under its earlier enrollment at the same center', async () => {
    const again = await enroll(platform.app, 'DEMO2026', 'hz kiosk, enrolled again')
    const takenBefore = submitted(appealRequest(hz, 1))
    const qzIntake = submitted(appealRequest(qz, 2))
    const results = await pushOk(platform.app, again.token, [takenBefore, { ...qzIntake, request: { ...qzIntake.request, centerId: hz.centerId } }])
    expect(results[0]).toEqual({ id: takenBefore.id, status: 'accepted' })
    expect(results[1]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('request.deviceId') })
  })

  it('applies status events only where the reducer allows them', async () => {
    const intake = submitted(appealRequest(hz, 1, { checkCode: 'K7M2QX' }))
    await pushOk(platform.app, hz.token, [intake])
    const accept = await clerk(intake.requestId, 'accepted', {})
    const closeTooEarly = await clerk(intake.requestId, 'closed', {})
    const resolve = await clerk(intake.requestId, 'resolved', { resolution: '资金已拨付' })
    const close = await clerk(intake.requestId, 'closed', {})
    const results = await pushOk(platform.app, hzCounter.token, [accept, closeTooEarly, resolve, close])
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted', 'accepted'])
    expect(results[1]).toMatchObject({ code: 'conflict', reason: expect.stringContaining('cannot apply "closed"') })
    const track = await platform.app.inject({ url: `/api/v1/track/${intake.request.ticketNo}?checkCode=K7M2QX` })
    expect(track.json()).toMatchObject({ status: 'closed' })
  })

  it('rejects events for a request it does not know', async () => {
    const stray = visitorEvent(hz.deviceId, '01930000-0000-7000-8000-000000000000', 'withdrawn', { reason: '无主事件' }, tick())
    expect(await pushOk(platform.app, hz.token, [stray])).toEqual([
      { id: stray.id, status: 'rejected', code: 'unknown_request', reason: expect.stringContaining('no request') },
    ])
  })

  it('answers 400 naming the field for a bad batch', async () => {
    const empty = await push(platform.app, hz.token, [])
    expect(empty.statusCode).toBe(400)
    expect(empty.json()).toMatchObject({ error: 'invalid_request', field: 'events' })
    const tooMany = await push(platform.app, hz.token, Array.from({ length: 201 }, () => ({})))
    expect(tooMany.statusCode).toBe(400)
    expect(tooMany.json()).toMatchObject({ field: 'events' })
    const notObject = await platform.app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: bearer(hz.token), payload: [1] })
    expect(notObject.statusCode).toBe(400)
  })

  it('answers 401 without or with a bad token and 403 for a revoked device', async () => {
    const [event] = submittedBatch(hz, 1)
    expect((await platform.app.inject({ method: 'POST', url: '/api/v1/sync/push', payload: { events: [event] } })).statusCode).toBe(401)
    expect((await push(platform.app, 'x'.repeat(43), [event])).statusCode).toBe(401)
    await platform.storage.revokeDevice(hz.deviceId, new Date(platform.clock))
    const revoked = await push(platform.app, hz.token, [event])
    expect(revoked.statusCode).toBe(403)
    expect(revoked.json()).toMatchObject({ error: 'device_revoked' })
    expect((await platform.app.inject({ url: '/api/v1/sync/pull', headers: bearer(hz.token) })).statusCode).toBe(403)
  })
})

describe('pull', () => {
  it('starts a new kiosk with the catalog, the calendar and its center staff', async () => {
    const page = PullResponse.parse(await pull(platform.app, hz.token))
    const kinds = page.changes.map((c) => c.kind)
    expect(kinds).toEqual(expect.arrayContaining(['catalog', 'calendar', 'staff']))
    const catalog = page.changes.find((c) => c.kind === 'catalog')
    expect(catalog).toMatchObject({ catalog: { version: BUILTIN_CATALOG.version } })
    const staff = page.changes.find((c) => c.kind === 'staff')
    expect(staff?.kind === 'staff' && staff.staff.length).toBeGreaterThan(10)
  })

  it('delivers events in seq order with a cursor and hasMore', async () => {
    const batch = submittedBatch(hz, 30)
    await pushOk(platform.app, hz.token, batch)
    const head = await pull(platform.app, hzCounter.token)
    const first = await pull(platform.app, hzCounter.token, 0, 10)
    expect(first.hasMore).toBe(true)
    expect(first.changes).toHaveLength(10)
    expect(first.cursor).toBe(first.changes.at(-1)!.seq)
    const all = await pullAll(platform.app, hzCounter.token, 7)
    expect(all.map((c) => c.seq)).toEqual(head.changes.map((c) => c.seq))
    expect(eventsOf(all).map((e) => e.id)).toEqual(batch.map((e) => e.id))
    const seqs = all.map((c) => c.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    const end = await pull(platform.app, hzCounter.token, head.cursor)
    expect(end).toMatchObject({ changes: [], cursor: head.cursor, hasMore: false })
    expect(end.epoch).toEqual(head.epoch)
  })

  it('answers 400 for a bad since or limit, 409 for a cursor this platform never gave', async () => {
    for (const query of ['since=-1', 'since=abc', 'limit=0', 'limit=100000', 'since=1.5']) {
      const res = await platform.app.inject({ url: `/api/v1/sync/pull?${query}`, headers: bearer(hz.token) })
      expect(res.statusCode, query).toBe(400)
      expect(res.json().field).toBe(query.split('=')[0])
    }
    const ahead = await platform.app.inject({ url: '/api/v1/sync/pull?since=999999', headers: bearer(hz.token) })
    expect(ahead.statusCode).toBe(409)
    expect(ahead.json()).toMatchObject({ error: 'cursor_ahead', field: 'since' })
  })
})

describe('center isolation', () => {
  it('never shows a device another center’s requests', async () => {
    const hzBatch = submittedBatch(hz, 3)
    const qzBatch = submittedBatch(qz, 2)
    await pushOk(platform.app, hz.token, hzBatch)
    await pushOk(platform.app, qz.token, qzBatch)
    expect(eventsOf(await pullAll(platform.app, qzCounter.token)).map((e) => e.id)).toEqual(qzBatch.map((e) => e.id))
    expect(eventsOf(await pullAll(platform.app, hzCounter.token)).map((e) => e.id)).toEqual(hzBatch.map((e) => e.id))
    const qzTracks = (await pullAll(platform.app, qz.token)).flatMap((c) => (c.kind === 'track' ? [c.track.requestId] : []))
    expect(qzTracks).toEqual(qzBatch.map((e) => e.requestId))
    const qzStaff = (await pullAll(platform.app, qz.token)).find((c) => c.kind === 'staff')
    expect(qzStaff?.kind === 'staff' && qzStaff.staff.every((s) => s.id.startsWith('qz01-'))).toBe(true)
  })

  it('refuses a device’s events on another center’s request, even re-pushes of them', async () => {
    const [intake] = submittedBatch(hz, 1)
    await pushOk(platform.app, hz.token, [intake])
    const meddle = visitorEvent(qz.deviceId, intake!.requestId, 'withdrawn', { reason: '不是我的' }, tick())
    expect(await pushOk(platform.app, qz.token, [meddle])).toEqual([
      { id: meddle.id, status: 'rejected', code: 'unknown_request', reason: expect.stringContaining('no request') },
    ])
    const [replay] = await pushOk(platform.app, qz.token, [intake])
    expect(replay!.status).not.toBe('accepted')
    expect(eventsOf(await pullAll(platform.app, qzCounter.token))).toEqual([])
    expect((await pullAll(platform.app, qz.token)).filter((c) => c.kind === 'track')).toEqual([])
  })

  it('lets anyone holding the receipt track it (public), whatever the center', async () => {
    const intake = submitted(appealRequest(hz, 1, { checkCode: 'K7M2QX' }))
    await pushOk(platform.app, hz.token, [intake])
    const res = await platform.app.inject({ url: `/api/v1/track/${intake.request.ticketNo}?checkCode=K7M2QX` })
    expect(res.statusCode).toBe(200)
  })
})

describe('concurrency', () => {
  it('accepts each event of the same 200-event batch pushed three times at once exactly once', async () => {
    const batch = submittedBatch(hz, 200)
    const started = performance.now()
    const answers = await Promise.all([1, 2, 3].map(() => pushOk(platform.app, hz.token, batch)))
    const elapsed = performance.now() - started
    for (let i = 0; i < batch.length; i++) {
      const statuses = answers.map((a) => a[i]!.status).sort()
      expect(statuses).toEqual(['accepted', 'duplicate', 'duplicate'])
    }
    const rows = await platform.storage.sql.query<{ count: number }>('SELECT count(*)::int AS count FROM events')
    expect(rows).toEqual([{ count: 200 }])
    console.info(`3 concurrent pushes of the same 200-event batch: ${elapsed.toFixed(0)} ms`)
  })

  it('keeps the cursor monotonic and complete while kiosks push concurrently', async () => {
    const kiosks = [hz, await enroll(platform.app, 'DEMO2026', 'k2'), await enroll(platform.app, 'DEMO2026', 'k3')]
    const reader = hzCounter
    const batches = kiosks.map((k) => [0, 1, 2, 3].map((b) => submittedBatch(k, 25, b * 25 + 1)))
    const seen: number[] = []
    let cursor = 0
    let pushing = true
    const reading = (async () => {
      while (pushing) {
        // In-memory PGlite answers in microtasks only: yield, or the pushes never get a turn.
        await new Promise((resolve) => setImmediate(resolve))
        const page = await pull(platform.app, reader.token, cursor, 40)
        expect(page.cursor).toBeGreaterThanOrEqual(cursor)
        seen.push(...page.changes.map((c) => c.seq))
        cursor = page.cursor
      }
    })()
    await Promise.all(kiosks.map(async (k, i) => {
      for (const batch of batches[i]!) await pushOk(platform.app, k.token, batch)
    }))
    pushing = false
    await reading
    for (;;) {
      const page = await pull(platform.app, reader.token, cursor, 1000)
      seen.push(...page.changes.map((c) => c.seq))
      cursor = page.cursor
      if (!page.hasMore) break
    }
    expect(seen).toEqual([...new Set(seen)].sort((a, b) => a - b))
    const all = await pullAll(platform.app, reader.token)
    expect(seen).toEqual(all.map((c) => c.seq))
    expect(eventsOf(all)).toHaveLength(300)
  })
})
