import { describe, expect, it } from 'vitest'
import { BUILTIN_CATALOG } from '../shared/catalog/index'
import { Catalog } from '../shared/catalog/schema'
import { Enrollment, TrackResponse } from '../shared/sync'
import { sha256 } from './canonical'
import { TEST_ENTERPRISE, TEST_MOBILE, TEST_USCC, appealRequest, submitted } from './test-support/fixtures'
import { bearer, enroll, pullAll, push, pushOk, type TestEnrollment } from './test-support/http'
import { OFFICE_HZ, OFFICE_QZ, TEST_ADMIN_TOKEN as ADMIN, usePlatform } from './test-support/platform'
import { visitorEvent } from '../test/integration/platform/actors'

const platform = usePlatform({ adminToken: ADMIN })

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  platform.app.inject({ method: 'POST', url, payload: payload as object, headers })

const CHECK_CODE = 'K7M2QX'

const intakeAt = (kiosk: TestEnrollment, seq = 1) => platform.pushIntake(kiosk, seq, { checkCode: CHECK_CODE })

describe('health, CORS and content types', () => {
  it('answers /healthz after asking the database', async () => {
    const res = await platform.app.inject({ url: '/healthz' })
    expect(res.json()).toEqual({ ok: true })
  })

  it('answers preflights and allows any origin', async () => {
    const pre = await platform.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/sync/push',
      headers: { origin: 'http://kiosk.local', 'access-control-request-method': 'POST' },
    })
    expect(pre.statusCode).toBe(204)
    expect(pre.headers['access-control-allow-origin']).toBe('*')
    expect(pre.headers['access-control-allow-methods']).toContain('POST')
    expect(pre.headers['access-control-allow-headers']).toContain('authorization')
    const get = await platform.app.inject({ url: '/api/v1/catalog', headers: { origin: 'http://x' } })
    expect(get.headers['access-control-allow-origin']).toBe('*')
  })

  it('refuses bodies that are not JSON with 415, broken JSON with 400, unknown routes with 404', async () => {
    const text = await platform.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: 'code=DEMO2026', headers: { 'content-type': 'text/plain' } })
    expect(text.statusCode).toBe(415)
    expect(text.json()).toMatchObject({ error: 'unsupported_media_type' })
    const form = await platform.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(form.statusCode).toBe(415)
    const broken = await platform.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: '{"code":', headers: { 'content-type': 'application/json' } })
    expect(broken.statusCode).toBe(400)
    expect(broken.json()).toMatchObject({ error: 'invalid_json', field: 'body' })
    expect((await platform.app.inject({ url: '/api/v1/nothing' })).json()).toMatchObject({ error: 'not_found' })
  })
})

describe('enroll', () => {
  it('enrolls kiosks with consecutive kiosk codes and a token stored only as a hash', async () => {
    const first = await enroll(platform.app, 'DEMO2026', '一楼大厅 1 号机')
    const second = await enroll(platform.app, 'DEMO2026', '一楼大厅 2 号机')
    expect(Enrollment.omit({ platformUrl: true }).parse(first)).toMatchObject({
      kioskCode: 'K01',
      centerCode: 'HZ01',
      centerName: { zh: '杭州市企业综合服务中心（演示）', en: 'Hangzhou Enterprise Service Center (demo)' },
    })
    expect(second.kioskCode).toBe('K02')
    expect((await enroll(platform.app, 'QUZHOU2026')).kioskCode).toBe('K01')
    const rows = await platform.storage.sql.query<{ token_hash: string }>('SELECT token_hash FROM devices')
    expect(rows.map((r) => r.token_hash)).not.toContain(first.token)
  })

  it('answers 400 naming the field for a bad body', async () => {
    const res = await post('/api/v1/enroll', { code: 'DEMO2026' })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ error: 'invalid_request', field: 'deviceName' })
    expect((await post('/api/v1/enroll', { code: 'demo 2026', deviceName: 'k' })).json()).toMatchObject({ field: 'code' })
  })

  it('refuses an unknown, used-up or expired code with 403 and a clear reason', async () => {
    expect((await post('/api/v1/enroll', { code: 'NOSUCHCODE', deviceName: 'k' })).json()).toMatchObject({
      error: 'enroll_code_unknown',
    })
    const center = (await platform.storage.getCenter('zj-hangzhou-01'))!
    await platform.storage.addEnrollCode({ codeHash: sha256('ONCEONLY1'), centerId: center.id, maxUses: 1 }, new Date(platform.clock))
    await platform.storage.addEnrollCode(
      { codeHash: sha256('SHORTLIVED'), centerId: center.id, maxUses: 5, expiresAt: new Date(platform.clock + 3_600_000).toISOString() },
      new Date(platform.clock),
    )
    await enroll(platform.app, 'ONCEONLY1')
    const usedUp = await post('/api/v1/enroll', { code: 'ONCEONLY1', deviceName: 'k' })
    expect(usedUp.statusCode).toBe(403)
    expect(usedUp.json()).toMatchObject({ error: 'enroll_code_used_up', field: 'code' })
    await enroll(platform.app, 'SHORTLIVED')
    platform.clock += 2 * 3_600_000
    const expired = await post('/api/v1/enroll', { code: 'SHORTLIVED', deviceName: 'k' })
    expect(expired.statusCode).toBe(403)
    expect(expired.json().error).toBe('enroll_code_expired')
  })

  it('slows down an address that keeps guessing codes, yet a real code still enrolls from it', async () => {
    const guess = (ip: string, code: string) =>
      platform.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: { code, deviceName: 'k' }, remoteAddress: ip })
    for (let i = 0; i < 20; i++) expect((await guess('10.0.0.7', `GUESS${100 + i}`)).statusCode).toBe(403)
    const limited = await guess('10.0.0.7', 'GUESS999')
    expect(limited.statusCode).toBe(429)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect((await guess('10.0.0.8', 'GUESS998')).statusCode).toBe(403)
    // The center's shared address is over its limit, but IT's real code is not locked out.
    expect((await guess('10.0.0.7', 'DEMO2026')).statusCode).toBe(200)
    platform.clock += 16 * 60_000
    expect((await guess('10.0.0.7', 'GUESS997')).statusCode).toBe(403)
  })

  it('slows down one code value tried again and again from many addresses', async () => {
    const guess = (ip: string) =>
      platform.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: { code: 'LEAKED2025', deviceName: 'k' }, remoteAddress: ip })
    for (let i = 0; i < 5; i++) expect((await guess(`10.0.1.${i}`)).statusCode).toBe(403)
    expect((await guess('10.0.1.99')).statusCode).toBe(429)
  })
})

describe('catalog', () => {
  it('serves the current catalog', async () => {
    const res = await platform.app.inject({ url: '/api/v1/catalog' })
    const catalog = Catalog.parse(res.json())
    expect(catalog.version).toBe(BUILTIN_CATALOG.version)
    expect(catalog.appealCategories.length).toBeGreaterThan(0)
  })
})

describe('track', () => {
  const track = (ticketNo: string, code?: string) =>
    platform.app.inject({ url: `/api/v1/track/${ticketNo}${code === undefined ? '' : `?checkCode=${code}`}` })

  it('shows the shared public view for ticket and check code, and no personal data', async () => {
    const kiosk = await enroll(platform.app)
    const intake = await intakeAt(kiosk)
    const res = await track(intake.request.ticketNo, CHECK_CODE)
    const view = TrackResponse.parse(res.json())
    const department = BUILTIN_CATALOG.departments.find((d) => d.id === intake.request.departmentIds[0])!
    const category = BUILTIN_CATALOG.appealCategories.find((c) => c.id === intake.request.appeal!.categoryId)!
    expect(view).toEqual({
      ticketNo: intake.request.ticketNo,
      status: 'submitted',
      escalated: false,
      subject: { kind: 'appeal', names: [{ id: category.id, name: category.name }] },
      departments: [{ id: department.id, name: department.name }],
      dueDate: intake.request.dueDate,
      dueDateProvisional: intake.request.dueDateProvisional,
      timeline: [{ type: 'submitted', at: intake.at }],
    })
    for (const secret of [TEST_ENTERPRISE, TEST_USCC, TEST_MOBILE, '张三', '扶持资金']) expect(res.body).not.toContain(secret)
  })

  it('accepts the ticket in lower case or without dashes, and the code in lower case', async () => {
    const kiosk = await enroll(platform.app)
    const intake = await intakeAt(kiosk)
    const compact = intake.request.ticketNo.replaceAll('-', '').toLowerCase()
    expect((await track(compact, CHECK_CODE.toLowerCase())).statusCode).toBe(200)
  })

  it('needs the check code: without it 400, with a wrong one the same 404 as an unknown ticket', async () => {
    const kiosk = await enroll(platform.app)
    const intake = await intakeAt(kiosk)
    expect((await track(intake.request.ticketNo)).json()).toMatchObject({ error: 'invalid_request', field: 'checkCode' })
    const wrong = await track(intake.request.ticketNo, 'ZZZZZZ')
    const unknown = await track('HZ01-K01-20260302-9999', CHECK_CODE)
    expect([wrong.statusCode, unknown.statusCode]).toEqual([404, 404])
    expect(wrong.json().error).toBe(unknown.json().error)
    expect((await track('nonsense', CHECK_CODE)).json()).toMatchObject({ error: 'invalid_request', field: 'ticketNo' })
  })

  it('does not track an intake recorded without a check code (kiosks older than the code)', async () => {
    const kiosk = await enroll(platform.app)
    const legacy = submitted(appealRequest(kiosk, 7))
    await pushOk(platform.app, kiosk.token, [legacy])
    expect((await track(legacy.request.ticketNo, CHECK_CODE)).statusCode).toBe(404)
  })

  it('limits wrong check codes per ticket, wherever they come from, and lookups per address', async () => {
    const kiosk = await enroll(platform.app)
    const intake = await intakeAt(kiosk)
    const from = (ip: string, code: string) =>
      platform.app.inject({ url: `/api/v1/track/${intake.request.ticketNo}?checkCode=${code}`, remoteAddress: ip })
    for (let i = 0; i < 10; i++) expect((await from(`10.9.0.${i}`, `WRNG${'ABCDEFGHJK'[i]}Z`)).statusCode).toBe(404)
    const locked = await from('10.9.1.1', CHECK_CODE)
    expect(locked.statusCode).toBe(429)
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0)
    platform.clock += 61 * 60_000
    expect((await from('10.9.1.1', CHECK_CODE)).statusCode).toBe(200)
    let answered = 0
    for (let i = 0; i < 70; i++) if ((await from('10.9.2.2', CHECK_CODE)).statusCode === 200) answered++
    expect(answered).toBe(60)
  })

  it('serves an escaped HTML page with a strict CSP for the receipt QR code, the assignee by surname only', async () => {
    const kiosk = await enroll(platform.app)
    const intake = await intakeAt(kiosk)
    await platform.officeAction(intake.request.ticketNo, { type: 'accepted' })
    const assigned = await platform.officeAction(intake.request.ticketNo, { type: 'assigned', departmentId: 'ndrc', assigneeName: '李志强' })
    expect(assigned.statusCode).toBe(200)
    const page = await platform.app.inject({ url: `/t/${intake.request.ticketNo}?c=${CHECK_CODE}` })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toContain('text/html')
    expect(page.headers['content-security-policy']).toContain("default-src 'none'")
    expect(page.body).toContain('lang="zh-CN"')
    expect(page.body).toContain('办理中')
    expect(page.body).toContain('In progress')
    expect(page.body).toContain('李**')
    expect(page.body).not.toContain('志强')
    expect(page.body).not.toContain(TEST_ENTERPRISE)
    const missing = await platform.app.inject({ url: '/t/%3Cb%3Ex' })
    expect(missing.statusCode).toBe(404)
    expect(missing.body).toContain('&lt;b&gt;x')
    expect(missing.body).not.toContain('<b>x')
  })

  it('asks for the check code when the link has none', async () => {
    const kiosk = await enroll(platform.app)
    const intake = await intakeAt(kiosk)
    const page = await platform.app.inject({ url: `/t/${intake.request.ticketNo}` })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('name="c"')
    expect(page.body).not.toContain('办理记录')
  })
})

describe('office', () => {
  const act = platform.officeAction

  it('walks a request to closed, each step feeding the kiosks', async () => {
    const kiosk = await enroll(platform.app)
    const intake = await intakeAt(kiosk)
    const ticket = intake.request.ticketNo
    expect((await act(ticket, { type: 'accepted' })).json()).toMatchObject({ status: 'accepted' })
    const assigned = await act(ticket, { type: 'assigned', departmentId: 'ndrc', assigneeName: '李志强' })
    expect(TrackResponse.parse(assigned.json())).toMatchObject({ status: 'assigned', assigneeName: '李**' })
    expect((await act(ticket, { type: 'escalated', reason: '超过三天未响应', departmentIds: ['ndrc', 'tax'] })).json()).toMatchObject({ escalated: true })
    const asked = TrackResponse.parse((await act(ticket, { type: 'material_requested', materials: ['项目备案证明'], note: '请补齐' })).json())
    expect(asked.awaitingMaterials).toEqual(['项目备案证明'])
    expect((await act(ticket, { type: 'noted', note: '已电话联系企业', materialSupplied: true })).json()).not.toHaveProperty('awaitingMaterials')
    expect((await act(ticket, { type: 'resolved', resolution: '资金已拨付到位' })).json()).toMatchObject({ status: 'resolved' })
    const closed = TrackResponse.parse((await act(ticket, { type: 'closed' })).json())
    expect(closed.timeline.map((t) => t.type)).toEqual(['submitted', 'accepted', 'assigned', 'escalated', 'material_requested', 'noted', 'resolved', 'closed'])

    const counter = await enroll(platform.app, 'COUNTER2026', '一号窗口')
    const pulled = (await pullAll(platform.app, counter.token)).flatMap((c) => (c.kind === 'event' ? [c.event] : []))
    expect(pulled.map((e) => e.type)).toEqual(closed.timeline.map((t) => t.type))
    expect(pulled[1]!.author).toEqual({ kind: 'department', id: 'service-center', name: '杭州市企业综合服务中心' })
    expect(pulled[1]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/)
    // The lobby kiosk that took it learns the public state, once per page, with the check code.
    const tracks = (await pullAll(platform.app, kiosk.token)).flatMap((c) => (c.kind === 'track' ? [c.track] : []))
    expect(tracks).toEqual([{ requestId: intake.requestId, createdAt: intake.request.createdAt, checkCode: CHECK_CODE, view: closed }])
  })

  it('answers 409 when the action cannot apply, 400 naming the field for a bad body', async () => {
    const kiosk = await enroll(platform.app)
    const intake = await intakeAt(kiosk)
    const ticket = intake.request.ticketNo
    const tooEarly = await act(ticket, { type: 'closed' })
    expect(tooEarly.statusCode).toBe(409)
    expect(tooEarly.json()).toMatchObject({ error: 'conflict', message: expect.stringContaining('This request was never accepted; it cannot be closed') })
    expect(tooEarly.json().message).toContain('该办件从未受理，不能归档')
    expect((await act(ticket, { type: 'escalated', reason: '会商' })).json()).toMatchObject({ field: 'departmentIds' })
    expect((await act(ticket, { type: 'escalated', reason: '会商', departmentIds: ['mars'] })).json()).toMatchObject({ field: 'departmentIds' })
    expect((await act(ticket, { type: 'material_requested', materials: [] })).json()).toMatchObject({ field: 'materials' })
    expect((await act(ticket, { type: 'teleported' })).json()).toMatchObject({ field: 'type' })
    expect((await act(ticket, { type: 'assigned', departmentId: 'ndrc' })).json()).toMatchObject({ field: 'assigneeName' })
    expect((await act(ticket, { type: 'assigned', departmentId: 'nowhere', assigneeName: '李' })).json()).toMatchObject({
      field: 'departmentId',
    })
    expect((await act(ticket, { type: 'noted', note: '   ' })).json()).toMatchObject({ field: 'note' })
  })

  it('keeps each back office to its own center and needs a token', async () => {
    const kiosk = await enroll(platform.app)
    const intake = await intakeAt(kiosk)
    const ticket = intake.request.ticketNo
    const foreign = await act(ticket, { type: 'accepted' }, OFFICE_QZ)
    expect(foreign.statusCode).toBe(403)
    expect(foreign.body).not.toContain(TEST_ENTERPRISE)
    expect((await post(`/api/v1/office/requests/${ticket}/actions`, { type: 'accepted' })).statusCode).toBe(401)
    expect((await act(ticket, { type: 'accepted' }, 'wrong-token')).statusCode).toBe(401)
    const list = await platform.app.inject({ url: '/api/v1/office/requests', headers: bearer(OFFICE_QZ) })
    expect(list.json()).toEqual({ requests: [] })
  })

  it('lists the center’s requests, filtered by status', async () => {
    const kiosk = await enroll(platform.app)
    const a = await intakeAt(kiosk, 1)
    await intakeAt(kiosk, 2)
    await act(a.request.ticketNo, { type: 'accepted' })
    const all = (await platform.app.inject({ url: '/api/v1/office/requests', headers: bearer(OFFICE_HZ) })).json()
    expect(all.requests).toHaveLength(2)
    const accepted = (await platform.app.inject({ url: '/api/v1/office/requests?status=accepted', headers: bearer(OFFICE_HZ) })).json()
    expect(accepted.requests.map((r: { ticketNo: string }) => r.ticketNo)).toEqual([a.request.ticketNo])
    expect(accepted.requests[0].request.enterprise.name).toBe(TEST_ENTERPRISE)
    const bad = await platform.app.inject({ url: '/api/v1/office/requests?status=lost', headers: bearer(OFFICE_HZ) })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().field).toBe('status')
  })

  it('takes actions made within the same millisecond in the order they were made', async () => {
    const kiosk = await enroll(platform.app)
    for (let i = 1; i <= 10; i++) {
      const ticket = (await intakeAt(kiosk, i)).request.ticketNo
      platform.clock += 1000
      const at = (body: unknown) => post(`/api/v1/office/requests/${ticket}/actions`, body, bearer(OFFICE_HZ))
      expect((await at({ type: 'accepted' })).statusCode).toBe(200)
      expect((await at({ type: 'noted', note: '已联系' })).statusCode).toBe(200)
    }
  })

  it('lets a kiosk rate a request the office resolved, in time order', async () => {
    const kiosk = await enroll(platform.app)
    const intake = await intakeAt(kiosk)
    const ticket = intake.request.ticketNo
    await act(ticket, { type: 'accepted' })
    await act(ticket, { type: 'resolved', resolution: '已解决' })
    const skewed = visitorEvent(kiosk.deviceId, intake.requestId, 'rated', { level: 5, comment: '很满意' }, new Date(platform.clock - 1500).toISOString())
    const [refused] = await pushOk(platform.app, kiosk.token, [skewed])
    expect(refused).toMatchObject({ status: 'rejected', code: 'backdated', reason: expect.stringContaining('device clock') })
    const rated = visitorEvent(kiosk.deviceId, intake.requestId, 'rated', { level: 5, comment: '很满意' }, new Date(platform.clock + 1000).toISOString())
    expect(await pushOk(platform.app, kiosk.token, [rated])).toEqual([{ id: rated.id, status: 'accepted' }])
  })
})

describe('admin', () => {
  const admin = bearer(ADMIN)

  it('is disabled without ADMIN_TOKEN', async () => {
    const off = platform.appWith()
    const res = await off.inject({ method: 'POST', url: '/api/v1/admin/enroll-codes', payload: { centerId: 'zj-hangzhou-01' }, headers: admin })
    expect(res.statusCode).toBe(404)
    expect(res.json().error).toBe('admin_disabled')
  })

  it('needs the admin token', async () => {
    expect((await post('/api/v1/admin/enroll-codes', { centerId: 'zj-hangzhou-01' })).statusCode).toBe(401)
    expect((await post('/api/v1/admin/enroll-codes', { centerId: 'zj-hangzhou-01' }, bearer('nope'))).statusCode).toBe(401)
  })

  it('makes enrollment codes that work, with their limits', async () => {
    const res = await post('/api/v1/admin/enroll-codes', { centerId: 'zj-quzhou-01', maxUses: 2, expiresInHours: 1 }, admin)
    expect(res.statusCode).toBe(201)
    const { code } = res.json()
    expect(code).toMatch(/^[A-Z2-9]{10}$/)
    expect((await enroll(platform.app, code)).centerCode).toBe('QZ01')
    await enroll(platform.app, code)
    expect((await post('/api/v1/enroll', { code, deviceName: 'k' })).json().error).toBe('enroll_code_used_up')
    expect((await post('/api/v1/admin/enroll-codes', { centerId: 'nowhere' }, admin)).json()).toMatchObject({ field: 'centerId' })
    expect((await post('/api/v1/admin/enroll-codes', { centerId: 'zj-quzhou-01', maxUses: 0 }, admin)).json()).toMatchObject({
      field: 'maxUses',
    })
  })

  it('revokes a device', async () => {
    const kiosk = await enroll(platform.app)
    const res = await platform.app.inject({ method: 'POST', url: `/api/v1/admin/devices/${kiosk.deviceId}/revoke`, headers: admin })
    expect(res.json()).toEqual({ ok: true, deviceId: kiosk.deviceId })
    expect((await push(platform.app, kiosk.token, [submitted(appealRequest(kiosk, 1))])).statusCode).toBe(403)
    const unknown = await platform.app.inject({ method: 'POST', url: '/api/v1/admin/devices/nobody/revoke', headers: admin })
    expect(unknown.statusCode).toBe(404)
  })

  it('creates a center that kiosks enroll at and that has the catalog in its feed', async () => {
    const center = { id: 'zj-ningbo-01', code: 'NB01', name: { zh: '宁波市企业综合服务中心', en: 'Ningbo Enterprise Service Center' } }
    expect((await post('/api/v1/admin/centers', center, admin)).statusCode).toBe(201)
    expect((await post('/api/v1/admin/centers', { ...center, id: 'zj-ningbo-02' }, admin)).json()).toMatchObject({ error: 'center_exists' })
    const listed = (await platform.app.inject({ url: '/api/v1/admin/centers', headers: admin })).json().centers
    expect(listed.map((c: { code: string }) => c.code)).toEqual(['HZ01', 'NB01', 'QZ01'])
    const { code } = (await post('/api/v1/admin/enroll-codes', { centerId: center.id, mode: 'counter' }, admin)).json()
    const device = await enroll(platform.app, code, '宁波一号窗口')
    expect(device).toMatchObject({ centerCode: 'NB01', kioskCode: 'K01', mode: 'counter' })
    const kinds = (await pullAll(platform.app, device.token)).map((c) => c.kind)
    expect(kinds).toEqual(expect.arrayContaining(['catalog', 'calendar']))
  })

  it('lists and revokes enrollment codes without ever showing a code again', async () => {
    const made = (await post('/api/v1/admin/enroll-codes', { centerId: 'zj-quzhou-01', maxUses: 3 }, admin)).json()
    const list = await platform.app.inject({ url: '/api/v1/admin/enroll-codes?centerId=zj-quzhou-01', headers: admin })
    expect(list.body).not.toContain(made.code)
    expect(list.json().codes).toContainEqual(expect.objectContaining({ id: made.id, uses: 0, maxUses: 3, mode: 'visitor' }))
    expect((await post(`/api/v1/admin/enroll-codes/${made.id}/revoke`, {}, admin)).json()).toEqual({ ok: true, id: made.id })
    expect((await post('/api/v1/enroll', { code: made.code, deviceName: 'k' })).json().error).toBe('enroll_code_revoked')
    expect((await post('/api/v1/admin/enroll-codes/not-a-uuid/revoke', {}, admin)).json()).toMatchObject({ field: 'id' })
    expect((await post('/api/v1/admin/enroll-codes/00000000-0000-4000-8000-000000000000/revoke', {}, admin)).statusCode).toBe(404)
  })

  it('makes office tokens per department, shows each once, and revokes them', async () => {
    const res = await post('/api/v1/admin/centers/zj-hangzhou-01/office-tokens', { departmentId: 'ndrc', name: '市发改委' }, admin)
    expect(res.statusCode).toBe(201)
    const { id, token } = res.json()
    expect((await platform.app.inject({ url: '/api/v1/office/requests', headers: bearer(token) })).statusCode).toBe(200)
    const list = await platform.app.inject({ url: '/api/v1/admin/office-tokens?centerId=zj-hangzhou-01', headers: admin })
    expect(list.body).not.toContain(token)
    expect(list.json().tokens).toContainEqual(expect.objectContaining({ id, departmentId: 'ndrc', name: '市发改委' }))
    await post(`/api/v1/admin/office-tokens/${id}/revoke`, {}, admin)
    expect((await platform.app.inject({ url: '/api/v1/office/requests', headers: bearer(token) })).json()).toMatchObject({ error: 'token_revoked' })
    const unknownDepartment = await post('/api/v1/admin/centers/zj-hangzhou-01/office-tokens', { departmentId: 'mars', name: 'x' }, admin)
    expect(unknownDepartment.json()).toMatchObject({ field: 'departmentId' })
  })

  it('lists devices and sets a device’s mode', async () => {
    const kiosk = await enroll(platform.app)
    const devices = (await platform.app.inject({ url: '/api/v1/admin/devices?centerId=zj-hangzhou-01', headers: admin })).json().devices
    expect(devices).toEqual([expect.objectContaining({ id: kiosk.deviceId, kioskCode: 'K01', mode: 'visitor' })])
    expect((await post(`/api/v1/admin/devices/${kiosk.deviceId}/mode`, { mode: 'counter' }, admin)).json()).toMatchObject({ mode: 'counter' })
    await pushOk(platform.app, kiosk.token, [submitted(appealRequest(kiosk, 1))])
    expect((await pullAll(platform.app, kiosk.token)).some((c) => c.kind === 'event')).toBe(true)
    expect((await post(`/api/v1/admin/devices/${kiosk.deviceId}/mode`, { mode: 'root' }, admin)).json()).toMatchObject({ field: 'mode' })
  })
})
