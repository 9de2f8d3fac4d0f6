import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { Heartbeat } from '../../shared/fleet'
import { sampleHeartbeat } from '../../test/fixtures/heartbeat'
import { bearer, enroll, type TestEnrollment } from '../test-support/http'
import { TEST_ADMIN_TOKEN as ADMIN, usePlatform } from '../test-support/platform'
import type { FleetOverview } from './overview'
import { FLEET_PAGE_CSP } from './page'

const MIN = 60_000

const platform = usePlatform({ adminToken: ADMIN, start: Date.parse('2026-03-03T02:00:00.000Z') })

const heartbeat = (over: Partial<Heartbeat> = {}) => sampleHeartbeat(over, new Date(platform.clock).toISOString())

const beat = (kiosk: TestEnrollment | string, body: unknown) =>
  platform.app.inject({ method: 'POST', url: '/api/v1/fleet/heartbeat', headers: bearer(typeof kiosk === 'string' ? kiosk : kiosk.token), payload: body as object })

const fleet = async (query = '') => {
  const res = await platform.app.inject({ url: `/api/v1/admin/fleet${query}`, headers: bearer(ADMIN) })
  expect(res.statusCode).toBe(200)
  return res.json() as FleetOverview
}

const basic = (password: string) => ({ authorization: `Basic ${Buffer.from(`it:${password}`).toString('base64')}` })

describe('heartbeat', () => {
  it('is stored for the device that sent it, and replaces its previous one', async () => {
    const kiosk = await enroll(platform.app, 'DEMO2026', '一楼大厅 1 号机')
    const first = await beat(kiosk, heartbeat({ pendingEvents: 3 }))
    expect(first.statusCode).toBe(200)
    expect(first.json()).toEqual({ ok: true, receivedAt: new Date(platform.clock).toISOString() })
    platform.clock += 5 * MIN
    expect((await beat(kiosk, heartbeat({ pendingEvents: 0 }))).statusCode).toBe(200)
    const [device] = (await fleet()).centers.flatMap((c) => c.devices)
    expect(device).toMatchObject({ deviceId: kiosk.deviceId, kioskCode: 'K01', receivedAt: new Date(platform.clock).toISOString(), heartbeat: { pendingEvents: 0 } })
  })

  it('needs the device token: 401 without, 401 with an unknown one, 403 when revoked', async () => {
    expect((await platform.app.inject({ method: 'POST', url: '/api/v1/fleet/heartbeat', payload: heartbeat() })).statusCode).toBe(401)
    expect((await beat('not-a-device-token-0123456789', heartbeat())).statusCode).toBe(401)
    const kiosk = await enroll(platform.app)
    await platform.app.inject({ method: 'POST', url: `/api/v1/admin/devices/${kiosk.deviceId}/revoke`, headers: bearer(ADMIN) })
    const revoked = await beat(kiosk, heartbeat())
    expect(revoked.statusCode).toBe(403)
    expect(revoked.json()).toMatchObject({ error: 'device_revoked' })
  })

  it.each([
    ['a visitor name', { ...heartbeat(), contactName: '张三' }, ''],
    ['a ticket number tucked into the printer', { ...heartbeat(), printer: { state: 'ready', lastTicket: 'HZ01-K01-20260303-0001' } }, 'printer'],
    ['a negative count', heartbeat({ pendingEvents: -1 }), 'pendingEvents'],
    ['a NUL in an error', heartbeat({ lastError: { at: new Date(platform.clock).toISOString(), message: 'boom\u0000' } }), 'lastError.message'],
    ['no version', { ...heartbeat(), appVersion: undefined }, 'appVersion'],
  ])('refuses %s with a 400 naming the field, and stores nothing', async (_name, body, field) => {
    const kiosk = await enroll(platform.app)
    const res = await beat(kiosk, body)
    expect(res.statusCode).toBe(400)
    expect(res.json().field).toBe(field || 'body')
    expect((await fleet()).centers[0]?.devices[0]?.heartbeat).toBeNull()
  })

  it('refuses a body the size of a novel', async () => {
    const kiosk = await enroll(platform.app)
    const res = await beat(kiosk, { ...heartbeat(), padding: 'x'.repeat(20_000) })
    expect(res.statusCode).toBe(413)
  })
})

describe('admin fleet API', () => {
  it('needs the admin token', async () => {
    expect((await platform.app.inject({ url: '/api/v1/admin/fleet' })).statusCode).toBe(401)
    expect((await platform.app.inject({ url: '/api/v1/admin/fleet', headers: bearer('wrong') })).statusCode).toBe(401)
    const off = platform.appWith()
    expect((await off.inject({ url: '/api/v1/admin/fleet', headers: bearer(ADMIN) })).statusCode).toBe(404)
  })

  it('lists devices by center with their last heartbeat; stale, refused and old ones first', async () => {
    const fine = await enroll(platform.app, 'DEMO2026', 'fine')
    const old = await enroll(platform.app, 'DEMO2026', 'old')
    const refused = await enroll(platform.app, 'DEMO2026', 'refused')
    const silent = await enroll(platform.app, 'DEMO2026', 'silent')
    const quzhou = await enroll(platform.app, 'QUZHOU2026', 'quzhou')
    await beat(silent, heartbeat({ appVersion: '1.5.0' }))
    platform.clock += 20 * MIN
    await beat(fine, heartbeat({ appVersion: '1.5.0' }))
    await beat(old, heartbeat({ appVersion: '1.4.2' }))
    await beat(refused, heartbeat({ appVersion: '1.5.0', rejectedEvents: 2 }))
    await beat(quzhou, heartbeat({ appVersion: '1.5.0' }))

    const overview = await fleet()
    expect(overview.latestVersion).toBe('1.5.0')
    expect(overview.totals).toEqual({ devices: 5, stale: 1, refused: 1, oldVersion: 1, printerFault: 0, lowDisk: 0, revoked: 0 })
    expect(overview.attention.map((d) => d.name)).toEqual(['silent', 'refused', 'old'])
    expect(overview.centers.map((c) => c.code)).toEqual(['HZ01', 'QZ01'])
    expect(overview.centers[0]?.devices.map((d) => d.name)).toEqual(['silent', 'refused', 'old', 'fine'])
    expect(overview.centers[1]?.devices[0]).toMatchObject({ name: 'quzhou', stale: false, refused: false, oldVersion: false, heartbeat: { appVersion: '1.5.0' } })
  })

  it('lists one center when asked, and says so when the center does not exist', async () => {
    await enroll(platform.app, 'DEMO2026', 'hz')
    await enroll(platform.app, 'QUZHOU2026', 'qz')
    const quzhou = (await fleet('?centerId=zj-quzhou-01')).centers
    expect(quzhou.map((c) => c.devices.map((d) => d.name))).toEqual([['qz']])
    const unknown = await platform.app.inject({ url: '/api/v1/admin/fleet?centerId=nowhere', headers: bearer(ADMIN) })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json()).toMatchObject({ field: 'centerId' })
  })

  it('shows a device that never reported as stale, and a revoked one apart', async () => {
    await enroll(platform.app, 'DEMO2026', 'never')
    const gone = await enroll(platform.app, 'DEMO2026', 'gone')
    await platform.app.inject({ method: 'POST', url: `/api/v1/admin/devices/${gone.deviceId}/revoke`, headers: bearer(ADMIN) })
    const overview = await fleet()
    expect(overview.centers[0]?.devices.map((d) => [d.name, d.stale, d.revoked])).toEqual([
      ['never', true, false],
      ['gone', false, true],
    ])
    expect(overview.totals).toMatchObject({ devices: 1, stale: 1, revoked: 1 })
  })
})

describe('fleet page', () => {
  it('asks a browser for the admin token as a password', async () => {
    const res = await platform.app.inject({ url: '/admin/fleet' })
    expect(res.statusCode).toBe(401)
    expect(res.headers['www-authenticate']).toBe('Basic realm="kiosk fleet", charset="UTF-8"')
    expect((await platform.app.inject({ url: '/admin/fleet', headers: basic('wrong') })).statusCode).toBe(401)
  })

  it('is not there at all when administration is off', async () => {
    const off = platform.appWith()
    expect((await off.inject({ url: '/admin/fleet', headers: basic(ADMIN) })).statusCode).toBe(404)
  })

  it('shows the fleet at a glance, with a strict CSP and no script', async () => {
    const kiosk = await enroll(platform.app, 'DEMO2026', '<script>alert(1)</script>')
    await beat(kiosk, heartbeat({ rejectedEvents: 2, lastError: { at: new Date(platform.clock).toISOString(), message: 'HTTP 503 <b>' } }))
    const res = await platform.app.inject({ url: '/admin/fleet', headers: basic(ADMIN) })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.headers['content-security-policy']).toBe(FLEET_PAGE_CSP)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.body).not.toContain('<script')
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(res.body).toContain('HTTP 503 &lt;b&gt;')
    expect(res.body).toContain('HZ01-K01')
    expect(res.body).toContain('有被拒收事件')
    expect(res.body).toContain('<meta http-equiv="refresh" content="60">')
  })

  it('takes the admin token as a bearer token too, for scripts', async () => {
    expect((await platform.app.inject({ url: '/admin/fleet', headers: bearer(ADMIN) })).statusCode).toBe(200)
  })

  it('allows exactly its own style sheet', async () => {
    const res = await platform.app.inject({ url: '/admin/fleet', headers: basic(ADMIN) })
    const style = /<style>([\s\S]*?)<\/style>/.exec(res.body)?.[1] ?? ''
    expect(FLEET_PAGE_CSP).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`)
    expect(FLEET_PAGE_CSP).toContain("default-src 'none'")
    expect(FLEET_PAGE_CSP).not.toContain('unsafe-inline')
  })
})
