import { describe, expect, it } from 'vitest'
import { rectificationDue } from '../../shared/rating'
import { TrackResponse } from '../../shared/sync'
import { visitorEvent } from '../../test/integration/platform/actors'
import { enroll, pullAll, pushOk } from '../test-support/http'
import { usePlatform } from '../test-support/platform'

const CODE = 'K7M2QX'

const platform = usePlatform()
const act = (ticketNo: string, body: object) => platform.officeAction(ticketNo, body)

/** An intake from one lobby kiosk, resolved by the coordinating department. */
async function resolvedIntake(resolve = true) {
  const intake = await platform.pushIntake(await enroll(platform.app, 'DEMO2026', 'kiosk-1'), 1, { checkCode: CODE })
  expect((await act(intake.request.ticketNo, { type: 'accepted' })).statusCode).toBe(200)
  // Assigned to the coordinating department, so the demo back office is the one to answer a rectification.
  expect((await act(intake.request.ticketNo, { type: 'assigned', departmentId: 'service-center', assigneeName: '李志强' })).statusCode).toBe(200)
  if (resolve) expect((await act(intake.request.ticketNo, { type: 'resolved', resolution: '已办结' })).statusCode).toBe(200)
  platform.clock += 1000
  return intake
}

const rateForm = (ticketNo: string, fields: Array<[string, string]>, ip = '10.1.1.1') =>
  platform.app.inject({
    method: 'POST',
    url: `/t/${ticketNo}`,
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    remoteAddress: ip,
  })

const view = async (ticketNo: string) => TrackResponse.parse((await platform.app.inject({ url: `/api/v1/track/${ticketNo}?checkCode=${CODE}` })).json())

describe('a rating pushed by a lobby kiosk that did not take the request', () => {
  it('is accepted under the shared rules, once, and reaches every lobby kiosk as public state', async () => {
    const intake = await resolvedIntake()
    const other = await enroll(platform.app, 'DEMO2026', 'kiosk-2')
    const at = new Date(platform.clock).toISOString()
    const low = visitorEvent(other.deviceId, intake.requestId, 'rated', { level: 1, rectificationDue: rectificationDue(at) }, at)
    expect(await pushOk(platform.app, other.token, [low])).toMatchObject([{ status: 'accepted' }])
    const again = visitorEvent(other.deviceId, intake.requestId, 'rated', { level: 5 }, new Date(platform.clock + 1000).toISOString())
    expect(await pushOk(platform.app, other.token, [again])).toMatchObject([{ status: 'rejected', code: 'conflict' }])
    const tracks = (await pullAll(platform.app, other.token)).flatMap((c) => (c.kind === 'track' ? [c.track] : []))
    expect(tracks.at(-1)?.view).toMatchObject({ rating: { level: 1 }, rectification: rectificationDue(at) })
  })

  it('is refused when the rectification date was counted wrong', async () => {
    const intake = await resolvedIntake()
    const other = await enroll(platform.app, 'DEMO2026', 'kiosk-2')
    const at = new Date(platform.clock).toISOString()
    const wrong = visitorEvent(other.deviceId, intake.requestId, 'rated', { level: 2, rectificationDue: { dueDate: '2099-01-01', provisional: false } }, at)
    expect(await pushOk(platform.app, other.token, [wrong])).toMatchObject([{ status: 'rejected', code: 'invalid', reason: expect.stringContaining('rectificationDue') }])
  })
})

describe('the /t/ page’s rating form', () => {
  it('offers the form only once resolved, with the check code, and no script', async () => {
    const open = await resolvedIntake(false)
    const before = await platform.app.inject({ url: `/t/${open.request.ticketNo}?c=${CODE}` })
    expect(before.body).not.toContain('name="level"')
    await act(open.request.ticketNo, { type: 'resolved', resolution: '已办结' })
    const page = await platform.app.inject({ url: `/t/${open.request.ticketNo}?c=${CODE}` })
    expect(page.body).toContain('name="level"')
    expect(page.body).toContain(`name="c" value="${CODE}"`)
    expect(page.body).not.toContain('<script')
    expect(page.headers['content-security-policy']).toContain("form-action 'self'")
  })

  it('records a low rating as a visitor event, opens the rectification, and shows the department’s response', async () => {
    const intake = await resolvedIntake()
    const ticket = intake.request.ticketNo
    const at = new Date(platform.clock).toISOString()
    const res = await rateForm(ticket, [['c', CODE.toLowerCase()], ['level', '2'], ['reasons', 'slow'], ['reasons', 'runaround'], ['comment', '跑了三趟']])
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-security-policy']).toContain("default-src 'none'")
    expect(res.body).toContain('感谢您的评价')
    expect(res.body).toContain('不满意')
    expect(res.body).not.toContain('name="level"')
    expect(await view(ticket)).toMatchObject({ rating: { level: 2 }, rectification: rectificationDue(at) })

    const counter = await enroll(platform.app, 'COUNTER2026', 'counter-1')
    const rated = (await pullAll(platform.app, counter.token)).flatMap((c) => (c.kind === 'event' && c.event.type === 'rated' ? [c.event] : []))
    expect(rated).toMatchObject([{ level: 2, comment: '跑了三趟', reasons: ['slow', 'runaround'], author: { kind: 'visitor', id: 'public-track', name: '' } }])

    expect((await rateForm(ticket, [['c', CODE], ['level', '5']])).statusCode).toBe(409)
    expect((await act(ticket, { type: 'rectified', response: '已约谈窗口，材料一次告知。' })).statusCode).toBe(200)
    const page = await platform.app.inject({ url: `/t/${ticket}?c=${CODE}` })
    expect(page.body).toContain('已约谈窗口，材料一次告知。')
    expect((await view(ticket)).rectification?.response).toBe('已约谈窗口，材料一次告知。')
  })

  it('needs the right check code, keeps what was typed when the comment breaks the text rule, and the API still refuses forms', async () => {
    const intake = await resolvedIntake()
    const ticket = intake.request.ticketNo
    expect((await rateForm(ticket, [['c', 'ZZZZZZ'], ['level', '5']])).statusCode).toBe(404)
    expect((await rateForm(ticket, [['level', '5']])).statusCode).toBe(404)
    // The right code without a level: the page says what is missing, for that request.
    const noLevel = await rateForm(ticket, [['c', CODE]])
    expect(noLevel.statusCode).toBe(400)
    expect(noLevel.body).toContain('请选择满意程度')
    const bad = await rateForm(ticket, [['c', CODE], ['level', '4'], ['comment', `很好\u0007<b>`], ['reasons', 'fast']])
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('控制字符')
    expect(bad.body).toContain('很好\u0007&lt;b&gt;')
    expect(bad.body).toMatch(/value="4" required checked/)
    expect((await rateForm(ticket, [['c', CODE], ['level', '4'], ['reasons', 'bribe']])).statusCode).toBe(400)
    expect((await view(ticket)).rating).toBeUndefined()
    const api = await platform.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: 'code=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(api.statusCode).toBe(415)
  })

  it('limits ratings per address', async () => {
    const intake = await resolvedIntake()
    let limited = 0
    for (let i = 0; i < 22; i++) if ((await rateForm(intake.request.ticketNo, [['c', CODE], ['level', '9']], '10.7.7.7')).statusCode === 429) limited++
    // Malformed posts (level 9) do not count; 20 well-formed ones do.
    expect(limited).toBe(0)
    for (let i = 0; i < 21; i++) if ((await rateForm(intake.request.ticketNo, [['c', CODE], ['level', '5']], '10.7.7.8')).statusCode === 429) limited++
    expect(limited).toBe(1)
  })
})
