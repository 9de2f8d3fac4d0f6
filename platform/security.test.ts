import { beforeEach, describe, expect, it } from 'vitest'
import { CLOCK_RULES } from '../shared/sync'
import { staffEvent, staffMember, visitorEvent } from '../test/integration/platform/actors'
import { sha256 } from './canonical'
import { DEMO_DEFAULTS, disableDemo, seedDemo } from './seed/demo'
import { checkFeedEpoch } from './storage/epoch'
import { TEST_ENTERPRISE, TEST_MOBILE, TEST_USCC, appealRequest, submitted } from './test-support/fixtures'
import { bearer, enroll, pull, pullAll, push, pushOk, type TestEnrollment } from './test-support/http'
import { OFFICE_HZ, OFFICE_QZ, TEST_ADMIN_TOKEN as ADMIN, usePlatform } from './test-support/platform'

/**
 * One test per finding of the security review (issue 7): each failed before its fix. The fuzz suite
 * (test/integration/platform/fuzz.test.ts) covers malformed input at volume.
 */

const HZ = 'zj-hangzhou-01'

const platform = usePlatform({ adminToken: ADMIN })
let kiosk: TestEnrollment

// After usePlatform's: on the platform it made for this test.
beforeEach(async () => {
  kiosk = await enroll(platform.app, 'DEMO2026', 'lobby 1')
})

const at = (secondsFromNow: number) => new Date(platform.clock + secondsFromNow * 1000).toISOString()
const office = platform.officeAction
const intake = (by: TestEnrollment = kiosk, seq = 1) => platform.pushIntake(by, seq, { checkCode: 'K7M2QX' })

describe('1. demo credentials', () => {
  it('are refused once the platform runs without the demo seed: codes, device tokens and office tokens', async () => {
    const ticket = (await intake()).request.ticketNo
    const removed = await disableDemo(platform.storage, new Date(platform.clock))
    expect(removed.devices).toBeGreaterThan(0)
    const again = await platform.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: { code: 'DEMO2026', deviceName: 'x' } })
    expect(again.json()).toMatchObject({ error: 'enroll_code_unknown' })
    expect((await platform.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: { code: 'QUZHOU2026', deviceName: 'x' } })).statusCode).toBe(403)
    expect((await platform.app.inject({ url: '/api/v1/sync/pull', headers: bearer(kiosk.token) })).json()).toMatchObject({ error: 'device_revoked' })
    expect((await office(ticket, { type: 'accepted' })).statusCode).toBe(401)
  })

  it('given earlier with other values stop working when the seed runs with new ones', async () => {
    await seedDemo(platform.storage, { ...DEMO_DEFAULTS, enrollCodes: { HZ01: 'PILOT2026', QZ01: 'PILOTQZ26' }, officeTokens: { HZ01: 'pilot-office-token-hz01', QZ01: 'pilot-office-token-qz01' } }, new Date(platform.clock))
    expect((await platform.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: { code: 'DEMO2026', deviceName: 'x' } })).statusCode).toBe(403)
    expect((await enroll(platform.app, 'PILOT2026')).centerCode).toBe('HZ01')
    expect((await platform.app.inject({ url: '/api/v1/office/requests', headers: bearer(OFFICE_HZ) })).statusCode).toBe(401)
    expect((await platform.app.inject({ url: '/api/v1/office/requests', headers: bearer('pilot-office-token-hz01') })).statusCode).toBe(200)
  })

  it('are stored as hashes only: a copy of the database enrolls nothing', async () => {
    const rows = await platform.storage.sql.query<Record<string, unknown>>('SELECT * FROM enroll_codes')
    expect(rows.length).toBeGreaterThan(0)
    expect(JSON.stringify(rows)).not.toContain('DEMO2026')
    expect(rows.map((r) => r.code_hash)).toContain(sha256('DEMO2026'))
  })

  it('a lobby kiosk enrolled with the public code does not receive another kiosk’s intake', async () => {
    const other = await enroll(platform.app, 'DEMO2026', 'lobby 2')
    await intake(other)
    const body = JSON.stringify(await pullAll(platform.app, kiosk.token))
    for (const secret of [TEST_ENTERPRISE, TEST_USCC, TEST_MOBILE, '张三', '扶持资金']) expect(body).not.toContain(secret)
  })
})

describe('2. a bad character never becomes a 500', () => {
  it('NUL or a lone surrogate in an intake is refused per event, naming the field, and the rest are kept', async () => {
    const [nul, surrogate, good] = [1, 2, 3].map((seq) => submitted(appealRequest(kiosk, seq)))
    nul!.request.appeal!.description = '资金\u0000未到'
    surrogate!.request.contact.name = '张\ud83d'
    const res = await push(platform.app, kiosk.token, [nul, surrogate, good])
    expect(res.statusCode).toBe(200)
    const results = res.json().results
    expect(results.map((r: { status: string }) => r.status)).toEqual(['rejected', 'rejected', 'accepted'])
    expect(results[0].reason).toContain('request.appeal.description')
    expect(results[1].reason).toContain('request.contact.name')
  })

  it('in every other route it is a 400 naming the field', async () => {
    const ticket = (await intake()).request.ticketNo
    const enroll = await platform.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: { code: 'DEMO2026', deviceName: 'k\u0000' } })
    expect(enroll.json()).toMatchObject({ error: 'invalid_request', field: 'deviceName' })
    const note = await office(ticket, { type: 'noted', note: '已联系\ud800' })
    expect(note.json()).toMatchObject({ error: 'invalid_request', field: 'note' })
    const revoke = await platform.app.inject({ method: 'POST', url: '/api/v1/admin/devices/%00/revoke', headers: bearer(ADMIN) })
    expect(revoke.statusCode).toBe(400)
    expect(revoke.json()).toMatchObject({ field: 'id' })
    const code = await platform.app.inject({ method: 'POST', url: '/api/v1/admin/enroll-codes', payload: { centerId: 'zj\u0000' }, headers: bearer(ADMIN) })
    expect(code.json()).toMatchObject({ field: 'centerId' })
    const center = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/admin/centers',
      payload: { id: 'x-1', code: 'X1', name: { zh: '中心\ud83d', en: 'Center' } },
      headers: bearer(ADMIN),
    })
    expect(center.json()).toMatchObject({ field: 'name.zh' })
    expect((await platform.app.inject({ url: '/api/v1/track/%00?checkCode=K7M2QX' })).statusCode).toBe(400)
    expect((await platform.app.inject({ url: '/api/v1/sync/pull?since=1e30', headers: bearer(kiosk.token) })).statusCode).toBe(400)
  })
})

describe('3. who may author an event', () => {
  it('a lobby kiosk cannot forge department actions, nor an HTML payload as the assignee', async () => {
    const event = await intake()
    const forged = (type: string, extra: object = {}) => ({
      ...visitorEvent(kiosk.deviceId, event.requestId, 'withdrawn', {}, at(1)),
      type,
      author: { kind: 'department', id: 'service-center', name: '杭州市企业综合服务中心' },
      ...extra,
    })
    const results = await pushOk(platform.app, kiosk.token, [
      forged('accepted'),
      forged('assigned', { departmentId: 'ndrc', assigneeName: '<img src=x onerror=alert(1)>' }),
      forged('resolved', { resolution: '已解决' }),
    ])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected'])
    expect(results[0]).toMatchObject({ code: 'forbidden' })
    expect(results[1]).toMatchObject({ code: 'invalid', reason: expect.stringContaining('assigneeName') })
    expect(results[2]).toMatchObject({ code: 'forbidden' })
    const stored = await platform.storage.sql.query<{ type: string }>('SELECT type FROM events')
    expect(stored.map((r) => r.type)).toEqual(['submitted'])
  })

  it('a lobby kiosk cannot pose as staff, and a counter PC only as staff of its center with a role that allows the action', async () => {
    const event = await intake()
    const counter = await enroll(platform.app, 'COUNTER2026', 'window 1')
    const clerk = await staffMember(platform.storage, HZ, 'clerk')
    const handler = (await platform.storage.getStaff(HZ)).find((s) => s.role === 'handler' && ![...event.request.departmentIds, 'service-center'].includes(s.departmentId))!
    const stranger = { ...clerk, id: 'qz01-staff-001' }
    expect(await pushOk(platform.app, kiosk.token, [staffEvent(clerk, event.requestId, 'accepted', {}, at(1))])).toMatchObject([{ code: 'forbidden' }])
    expect(await pushOk(platform.app, counter.token, [staffEvent(stranger, event.requestId, 'accepted', {}, at(2))])).toMatchObject([
      { code: 'forbidden', reason: expect.stringContaining('not a staff member') },
    ])
    expect(await pushOk(platform.app, counter.token, [staffEvent(clerk, event.requestId, 'closed', {}, at(3))])).toMatchObject([
      { code: 'forbidden', reason: expect.stringContaining('clerk') },
    ])
    // A handler works what its department is responsible for; this appeal went elsewhere.
    expect(await pushOk(platform.app, counter.token, [staffEvent(handler, event.requestId, 'noted', { note: '查看' }, at(4))])).toMatchObject([
      { code: 'forbidden', reason: expect.stringContaining('not responsible') },
    ])
    expect(await pushOk(platform.app, counter.token, [staffEvent(clerk, event.requestId, 'accepted', {}, at(5))])).toMatchObject([{ status: 'accepted' }])
    expect(
      await pushOk(platform.app, counter.token, [staffEvent(clerk, event.requestId, 'assigned', { departmentId: 'nowhere', assigneeName: '李志强' }, at(6))]),
    ).toMatchObject([{ code: 'invalid', reason: expect.stringContaining('departmentId') }])
  })

  it('a back office acts as its own department only, on requests of its center', async () => {
    const event = await intake()
    const foreign = await office(event.request.ticketNo, { type: 'accepted' }, OFFICE_QZ)
    expect(foreign.statusCode).toBe(403)
    expect(foreign.body).not.toContain(TEST_ENTERPRISE)
    const named = await office(event.request.ticketNo, { type: 'assigned', departmentId: 'ndrc', assigneeName: '<b>李</b>' })
    expect(named.json()).toMatchObject({ error: 'invalid_request', field: 'assigneeName' })
  })
})

describe('4. backdated events', () => {
  it('may not land before events already recorded for the request, so history stays as others saw it', async () => {
    const event = await intake()
    const ticket = event.request.ticketNo
    expect((await office(ticket, { type: 'accepted' })).statusCode).toBe(200)
    const backdated = visitorEvent(kiosk.deviceId, event.requestId, 'withdrawn', { reason: '不办了' }, at(-30))
    expect(await pushOk(platform.app, kiosk.token, [backdated])).toMatchObject([{ status: 'rejected', code: 'backdated' }])
    expect((await office(ticket, { type: 'resolved', resolution: '已办结' })).statusCode).toBe(200)
    const view = await platform.app.inject({ url: `/api/v1/track/${ticket}?checkCode=K7M2QX` })
    expect(view.json().timeline.map((t: { type: string }) => t.type)).toEqual(['submitted', 'accepted', 'resolved'])
  })

  it('stamped beyond the allowed skew ahead of the platform’s platform.clock, or absurdly old, are refused with the reason', async () => {
    const event = await intake()
    const ahead = visitorEvent(kiosk.deviceId, event.requestId, 'withdrawn', {}, at(CLOCK_RULES.maxAheadMs / 1000 + 60))
    expect(await pushOk(platform.app, kiosk.token, [ahead])).toMatchObject([{ status: 'rejected', code: 'clock_ahead', reason: expect.stringContaining('ahead') }])
    const ancient = submitted(appealRequest(kiosk, 9, { createdAt: '2001-01-02T03:04:05.000Z', consentAt: '2001-01-02T03:04:05.000Z' }))
    expect(await pushOk(platform.app, kiosk.token, [ancient])).toMatchObject([{ status: 'rejected' }])
    // Once the platform's clock has caught up, the same event is taken.
    platform.clock += CLOCK_RULES.maxAheadMs + 120_000
    expect(await pushOk(platform.app, kiosk.token, [ahead])).toMatchObject([{ status: 'accepted' }])
  })
})

describe('5. personal data stays with the devices that need it', () => {
  it('a lobby kiosk pulls the public state and check code of the center’s requests, a counter PC the intake', async () => {
    const event = await intake()
    expect((await office(event.request.ticketNo, { type: 'noted', note: '已电话联系企业法人' })).statusCode).toBe(200)
    const lobby = await pullAll(platform.app, kiosk.token)
    expect(lobby.some((c) => c.kind === 'event')).toBe(false)
    expect(lobby.filter((c) => c.kind === 'track')).toMatchObject([{ track: { requestId: event.requestId, checkCode: 'K7M2QX' } }])
    expect(JSON.stringify(lobby)).not.toContain('已电话联系')
    const counter = await enroll(platform.app, 'COUNTER2026', 'window 1')
    const desk = await pullAll(platform.app, counter.token)
    expect(desk.filter((c) => c.kind === 'event')).toHaveLength(2)
    expect(JSON.stringify(desk)).toContain(TEST_ENTERPRISE)
  })
})

describe('no credential, another center’s credential', () => {
  it('answers 401 without a credential on every authenticated route', async () => {
    for (const [method, url] of [
      ['POST', '/api/v1/sync/push'],
      ['GET', '/api/v1/sync/pull'],
      ['GET', '/api/v1/office/requests'],
      ['POST', '/api/v1/office/requests/HZ01-K01-20260302-0001/actions'],
      ['GET', '/api/v1/admin/devices'],
      ['POST', '/api/v1/admin/enroll-codes'],
    ] as const) {
      const res = await platform.app.inject({ method, url, ...(method === 'POST' ? { payload: {} } : {}) })
      expect(res.statusCode, url).toBe(401)
    }
  })

  it('answers 403 to another center’s back office and leaks nothing; its lists stay empty', async () => {
    const event = await intake()
    const res = await office(event.request.ticketNo, { type: 'noted', note: '看看' }, OFFICE_QZ)
    expect(res.statusCode).toBe(403)
    for (const secret of [TEST_ENTERPRISE, TEST_USCC, event.requestId]) expect(res.body).not.toContain(secret)
    expect((await platform.app.inject({ url: '/api/v1/office/requests', headers: bearer(OFFICE_QZ) })).json()).toEqual({ requests: [] })
    const qz = await enroll(platform.app, 'QUZHOU2026')
    expect(JSON.stringify(await pullAll(platform.app, qz.token))).not.toContain(event.requestId)
  })
})

describe('7. rate limits behind a proxy', () => {
  it('believe X-Forwarded-For only from the configured proxy', async () => {
    const behind = platform.appWith({ trustProxy: ['10.0.0.1'] })
    const guess = (remoteAddress: string, forwarded: string, n: number) =>
      behind.inject({
        method: 'POST',
        url: '/api/v1/enroll',
        payload: { code: `WRONG${1000 + n}`, deviceName: 'k' },
        remoteAddress,
        headers: { 'x-forwarded-for': forwarded },
      })
    // A client that writes its own X-Forwarded-For is still counted by its own address.
    const answers = []
    for (let i = 0; i < 30; i++) answers.push((await guess('203.0.113.9', `198.51.100.${i}`, i)).statusCode)
    expect(answers.filter((s) => s === 429).length).toBeGreaterThan(0)
    // Through the real proxy, clients are told apart by the address it forwards.
    for (let i = 0; i < 25; i++) expect((await guess('10.0.0.1', `198.51.100.${i}`, 100 + i)).statusCode).toBe(403)
  })
})

describe('8. restore detection', () => {
  it('every pull carries the feed epoch; it changes when the database turns out to be restored', async () => {
    const before = await pull(platform.app, kiosk.token)
    expect(before.epoch).toMatch(/^[0-9a-f-]{36}$/)
    await platform.storage.sql.query("UPDATE platform_meta SET value = 'another-cluster:1' WHERE key = 'database_fingerprint'")
    expect(await checkFeedEpoch(platform.storage.sql)).toBe(true)
    const after = await pull(platform.app, kiosk.token)
    expect(after.epoch).not.toBe(before.epoch)
    expect(await checkFeedEpoch(platform.storage.sql)).toBe(false)
    expect(await checkFeedEpoch(platform.storage.sql, true)).toBe(true)
  })
})
