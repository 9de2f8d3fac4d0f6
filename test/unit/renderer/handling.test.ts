import { beforeEach, describe, expect, it } from 'vitest'
import type { StaffMember } from '../../../shared/index'
import type { KioskDb } from '../../../renderer/db/kiosk-db'
import { HandlingError, allowedActions, recordHandling, requestDetail, type HandlingContext } from '../../../renderer/db/handling'
import { requestRow } from '../../../renderer/db/summary'
import { worklistPage } from '../../../renderer/db/worklist'
import { freshDb, sampleRequest, submittedEvent } from './helpers'

const clerk: StaffMember = { id: 'c1', name: '周一', departmentId: 'service-center', role: 'clerk' }
const hrHandler: StaffMember = { id: 'h1', name: '吴二', departmentId: 'hrss', role: 'handler' }
const taxHandler: StaffMember = { id: 'h2', name: '郑三', departmentId: 'tax', role: 'handler' }
const hrLead: StaffMember = { id: 'l1', name: '王四', departmentId: 'hrss', role: 'lead' }
const ctx: HandlingContext = {
  credential: { kind: 'device', centerId: 'center-hz01', deviceId: 'device-1', mode: 'counter' },
  departments: ['service-center', 'hrss', 'tax', 'amr'],
}
let db: KioskDb
let requestId: string
let t = Date.parse('2026-11-28T01:00:00Z')
// Each action a minute after the last, as people act one after another.
const at = () => ({ ...ctx, now: new Date((t += 60_000)) })

beforeEach(async () => {
  db = freshDb()
  const intake = sampleRequest({ departmentIds: ['hrss'], createdAt: new Date(t).toISOString() })
  const submitted = submittedEvent(intake)
  await db.staff.bulkPut([clerk, hrHandler, taxHandler, hrLead])
  await db.events.add(submitted)
  await db.requests.add(requestRow(intake, [submitted]))
  requestId = intake.id
})

describe('handling on the device', () => {
  it('records each action as an event by the member with its outbox entry, and the row follows', async () => {
    await recordHandling(db, clerk, requestId, { type: 'accepted' }, at())
    await recordHandling(db, clerk, requestId, { type: 'assigned', departmentId: 'hrss', assigneeName: '吴二' }, at())
    await recordHandling(db, hrHandler, requestId, { type: 'material_requested', materials: ['劳动合同', '社保缴纳证明'], note: '  ' }, at())
    expect((await db.requests.get(requestId))?.awaitingMaterials).toEqual(['劳动合同', '社保缴纳证明'])
    await recordHandling(db, hrHandler, requestId, { type: 'noted', note: '材料已收齐', materialSupplied: true }, at())
    await recordHandling(db, hrHandler, requestId, { type: 'escalated', departmentIds: ['tax'], reason: '涉及税收优惠' }, at())
    await recordHandling(db, hrHandler, requestId, { type: 'resolved', resolution: '补贴已发放' }, at())
    const state = await recordHandling(db, hrLead, requestId, { type: 'closed' }, at())
    expect(state.status).toBe('closed')
    expect(state.timeline.map((e) => [e.type, e.authorName])).toEqual([
      ['submitted', '王小明'],
      ['accepted', '周一'],
      ['assigned', '周一'],
      ['material_requested', '吴二'],
      ['noted', '吴二'],
      ['escalated', '吴二'],
      ['resolved', '吴二'],
      ['closed', '王四'],
    ])
    expect(await db.outbox.where('requestId').equals(requestId).count()).toBe(7)
    const material = (await db.events.where('requestId').equals(requestId).toArray()).find((e) => e.type === 'material_requested')
    expect(material).not.toHaveProperty('note')
    const row = await db.requests.get(requestId)
    expect(row).toMatchObject({ status: 'closed', open: 0, departments: ['hrss', 'tax'] })
    expect(row).not.toHaveProperty('awaitingMaterials')
    expect((await requestDetail(db, requestId))?.state.consulted).toEqual(['tax'])
  })

  it('refuses closing a request never accepted, with the reducer\'s reason, and stores nothing', async () => {
    const refused = await recordHandling(db, hrLead, requestId, { type: 'closed' }, at()).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(HandlingError)
    expect(refused).toMatchObject({ code: 'conflict', text: { zh: '该办件从未受理，不能归档', en: 'This request was never accepted; it cannot be closed' } })
    expect(await db.outbox.count()).toBe(0)
    expect(await db.events.count()).toBe(1)
  })

  it('refuses a handler of another department and a role that may not take the step', async () => {
    await recordHandling(db, clerk, requestId, { type: 'accepted' }, at())
    await expect(recordHandling(db, taxHandler, requestId, { type: 'resolved', resolution: '完成' }, at())).rejects.toMatchObject({
      code: 'forbidden',
      text: { zh: '该办件不属于您所在的部门' },
    })
    await expect(recordHandling(db, clerk, requestId, { type: 'resolved', resolution: '完成' }, at())).rejects.toMatchObject({
      code: 'forbidden',
      text: { zh: '您的岗位不能进行这一步' },
    })
  })

  it('offers each member only the actions the shared rules allow', async () => {
    const submitted = (await requestDetail(db, requestId))!.state
    expect(allowedActions(clerk, submitted, at())).toEqual(['accepted', 'assigned', 'noted'])
    expect(allowedActions(hrHandler, submitted, at())).toEqual(['escalated', 'material_requested', 'noted'])
    expect(allowedActions(taxHandler, submitted, at())).toEqual([])
    const accepted = await recordHandling(db, clerk, requestId, { type: 'accepted' }, at())
    expect(allowedActions(hrLead, accepted, at())).toEqual(['assigned', 'escalated', 'material_requested', 'noted', 'resolved'])
  })

  it('shows a consulted department the request in its worklist', async () => {
    const taxView = { role: 'handler' as const, departmentId: 'tax' }
    expect((await worklistPage(db, taxView, { now: new Date(t) })).rows).toEqual([])
    await recordHandling(db, hrLead, requestId, { type: 'escalated', departmentIds: ['tax'], reason: '会商' }, at())
    expect((await worklistPage(db, taxView, { now: new Date(t) })).rows.map((r) => r.id)).toEqual([requestId])
  })
})
