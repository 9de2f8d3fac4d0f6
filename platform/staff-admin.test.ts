import { v7 as uuidv7 } from 'uuid'
import { describe, expect, it } from 'vitest'
import { verifyPin } from '../shared/pin'
import type { StaffMember } from '../shared/sync'
import { DEMO_DEFAULTS } from './seed/demo'
import { bearer, enroll, pullAll, pushOk } from './test-support/http'
import { follow } from './test-support/fixtures'
import { usePlatform } from './test-support/platform'

const ADMIN = 'admin-token-for-staff-tests-0123456789'
const HZ = 'zj-hangzhou-01'
const QZ = 'zj-quzhou-01'

const platform = usePlatform({ adminToken: ADMIN })

const call = (method: 'GET' | 'POST', url: string, payload?: unknown, token = ADMIN) =>
  platform.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }), headers: bearer(token) })

/** The staff list a device of the center receives last. */
async function staffOnDevice(token: string): Promise<StaffMember[]> {
  const changes = await pullAll(platform.app, token)
  const last = changes.filter((c) => c.kind === 'staff').at(-1)
  return last?.kind === 'staff' ? last.staff : []
}

describe('staff administration', () => {
  it('creates a member with a PIN that devices of the center can check, and never answers the PIN or its hash', async () => {
    const created = await call('POST', `/api/v1/admin/centers/${HZ}/staff`, { id: 'HZ3001', name: '林晓', departmentId: 'tax', role: 'handler', pin: '802468' })
    expect(created.statusCode).toBe(201)
    expect(created.json()).toEqual({ id: 'HZ3001', name: '林晓', departmentId: 'tax', role: 'handler', centerId: HZ, hasPin: true })

    const list = await call('GET', `/api/v1/admin/centers/${HZ}/staff`)
    expect(list.body).not.toContain('802468')
    expect(list.body).not.toContain('pbkdf2')
    expect(list.json().staff).toContainEqual(expect.objectContaining({ id: 'HZ3001', hasPin: true }))

    const counter = await enroll(platform.app, DEMO_DEFAULTS.counterCode)
    const member = (await staffOnDevice(counter.token)).find((m) => m.id === 'HZ3001')!
    expect(member.pinHash).toMatch(/^pbkdf2-sha256\$\d+\$/)
    expect(Number(member.pinHash!.split('$')[1])).toBeGreaterThanOrEqual(200_000)
    expect(await verifyPin('802468', member.pinHash!)).toBe(true)
  })

  it('resets a PIN with a new salt, and deactivating takes the member off the devices’ list', async () => {
    await call('POST', `/api/v1/admin/centers/${HZ}/staff`, { id: 'HZ3002', name: '周航', departmentId: 'hrss', role: 'clerk', pin: '111222' })
    const kiosk = await enroll(platform.app, DEMO_DEFAULTS.enrollCodes.HZ01)
    const before = (await staffOnDevice(kiosk.token)).find((m) => m.id === 'HZ3002')!.pinHash!

    expect((await call('POST', `/api/v1/admin/centers/${HZ}/staff/HZ3002/pin`, { pin: '111222' })).json()).toEqual({ ok: true, id: 'HZ3002' })
    const after = (await staffOnDevice(kiosk.token)).find((m) => m.id === 'HZ3002')!.pinHash!
    expect(after).not.toBe(before)
    expect(await verifyPin('111222', after)).toBe(true)

    expect((await call('POST', `/api/v1/admin/centers/${HZ}/staff/HZ3002/deactivate`)).json()).toEqual({ ok: true, id: 'HZ3002' })
    expect((await staffOnDevice(kiosk.token)).some((m) => m.id === 'HZ3002')).toBe(false)
    expect((await call('GET', `/api/v1/admin/centers/${HZ}/staff`)).json().staff).toContainEqual(expect.objectContaining({ id: 'HZ3002', deactivatedAt: expect.any(String) }))
    // A deactivated member keeps their number: it is not given to someone else, and gets no PIN.
    expect((await call('POST', `/api/v1/admin/centers/${HZ}/staff`, { id: 'HZ3002', name: '别人', departmentId: 'hrss', role: 'clerk' })).statusCode).toBe(409)
    expect((await call('POST', `/api/v1/admin/centers/${HZ}/staff/HZ3002/pin`, { pin: '333444' })).statusCode).toBe(404)
  })

  it('keeps what a member recorded offline before being deactivated, and refuses what is dated after', async () => {
    const counter = await enroll(platform.app, DEMO_DEFAULTS.counterCode)
    const intake = await platform.pushIntake(counter)
    const clerk = { kind: 'staff' as const, id: 'HZ1001', name: '沈佳怡' }
    // Accepted at the counter while the network was down, two days ago.
    const accepted = { ...follow(intake.requestId, 'accepted', {}), author: clerk }
    platform.clock += 1000
    expect((await call('POST', `/api/v1/admin/centers/${HZ}/staff/HZ1001/deactivate`)).statusCode).toBe(200)
    platform.clock += 1000
    // Whoever still holds the counter PC after that cannot act in their name.
    const later = { id: uuidv7(), requestId: intake.requestId, at: new Date(platform.clock).toISOString(), author: clerk, type: 'noted', note: '离职后' }
    const [kept, refused] = await pushOk(platform.app, counter.token, [accepted, later])
    expect(kept).toMatchObject({ id: accepted.id, status: 'accepted' })
    expect(refused).toMatchObject({ id: later.id, status: 'rejected', code: 'forbidden' })
    expect(refused!.reason).toContain('HZ1001 was deactivated')
  })

  it('refuses a bad body naming the field, an unknown department, a taken number and an unknown center', async () => {
    const bad = await call('POST', `/api/v1/admin/centers/${HZ}/staff`, { id: 'HZ3003', name: '王', departmentId: 'tax', role: 'boss' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().field).toBe('role')
    expect((await call('POST', `/api/v1/admin/centers/${HZ}/staff`, { id: 'HZ3003', name: '王', departmentId: 'tax', role: 'clerk', pin: '12345' })).json().field).toBe('pin')
    expect((await call('POST', `/api/v1/admin/centers/${HZ}/staff`, { id: 'HZ3003', name: '王', departmentId: 'nowhere', role: 'clerk' })).json().field).toBe('departmentId')
    expect((await call('POST', `/api/v1/admin/centers/${HZ}/staff`, { id: 'HZ1001', name: '王', departmentId: 'tax', role: 'clerk' })).statusCode).toBe(409)
    expect((await call('POST', '/api/v1/admin/centers/nowhere/staff', { id: 'HZ3003', name: '王', departmentId: 'tax', role: 'clerk' })).statusCode).toBe(404)
    expect((await call('POST', `/api/v1/admin/centers/${HZ}/staff/HZ1001/pin`, { pin: 'abcdef' })).json().field).toBe('pin')
  })
})

describe('staff administration security', () => {
  it('needs the admin token on every staff route', async () => {
    for (const token of ['', 'nope', DEMO_DEFAULTS.officeTokens.HZ01]) {
      expect((await call('GET', `/api/v1/admin/centers/${HZ}/staff`, undefined, token)).statusCode).toBe(401)
      expect((await call('POST', `/api/v1/admin/centers/${HZ}/staff`, { id: 'X1', name: '某', departmentId: 'tax', role: 'lead', pin: '123456' }, token)).statusCode).toBe(401)
      expect((await call('POST', `/api/v1/admin/centers/${HZ}/staff/HZ1001/pin`, { pin: '123456' }, token)).statusCode).toBe(401)
      expect((await call('POST', `/api/v1/admin/centers/${HZ}/staff/HZ1001/deactivate`, undefined, token)).statusCode).toBe(401)
    }
    const hz = await call('GET', `/api/v1/admin/centers/${HZ}/staff`)
    expect(hz.json().staff.some((m: { id: string }) => m.id === 'X1')).toBe(false)
    expect(hz.json().staff.find((m: { id: string }) => m.id === 'HZ1001').deactivatedAt).toBeUndefined()
  })

  it('does not reach another center’s staff through a center’s path', async () => {
    // HZ1001 is HZ01's: QZ01's path neither resets their PIN nor deactivates them.
    expect((await call('POST', `/api/v1/admin/centers/${QZ}/staff/HZ1001/pin`, { pin: '999999' })).statusCode).toBe(404)
    expect((await call('POST', `/api/v1/admin/centers/${QZ}/staff/HZ1001/deactivate`)).statusCode).toBe(404)
    const qzKiosk = await enroll(platform.app, DEMO_DEFAULTS.enrollCodes.QZ01)
    expect((await staffOnDevice(qzKiosk.token)).some((m) => m.id === 'HZ1001')).toBe(false)
    const hzKiosk = await enroll(platform.app, DEMO_DEFAULTS.enrollCodes.HZ01)
    const member = (await staffOnDevice(hzKiosk.token)).find((m) => m.id === 'HZ1001')!
    expect(await verifyPin('135790', member.pinHash!)).toBe(true)
  })
})
