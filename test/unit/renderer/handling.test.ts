import fc from 'fast-check'
import { v7 as uuidv7 } from 'uuid'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  BUILTIN_CATALOG,
  EventType,
  actionOf,
  allowedActions,
  authorityRefusal,
  canApply,
  rectificationDue,
  reduceRequest,
  refusalOf,
  type DeviceMode,
  type RequestEvent,
  type RequestState,
  type StaffMember,
  type StaffRole,
} from '../../../shared/index'
import type { KioskDb } from '../../../renderer/db/kiosk-db'
import { HANDLING_TYPES, HandlingError, offeredActions, recordHandling, requestDetail, type HandlingContext } from '../../../renderer/db/handling'
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
    await recordHandling(db, hrLead, requestId, { type: 'escalated', departmentIds: ['tax'], reason: '涉及税收优惠' }, at())
    await recordHandling(db, hrHandler, requestId, { type: 'resolved', resolution: '补贴已发放' }, at())
    const state = await recordHandling(db, hrLead, requestId, { type: 'closed' }, at())
    expect(state.status).toBe('closed')
    expect(state.timeline.map((e) => [e.type, e.authorName])).toEqual([
      ['submitted', '王小明'],
      ['accepted', '周一'],
      ['assigned', '周一'],
      ['material_requested', '吴二'],
      ['noted', '吴二'],
      ['escalated', '王四'],
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
    expect(offeredActions(clerk, submitted, at())).toEqual(['accepted', 'assigned', 'escalated', 'noted', 'withdrawn'])
    expect(offeredActions(hrHandler, submitted, at())).toEqual(['material_requested', 'noted'])
    expect(offeredActions(taxHandler, submitted, at())).toEqual([])
    const accepted = await recordHandling(db, clerk, requestId, { type: 'accepted' }, at())
    expect(offeredActions(hrLead, accepted, at())).toEqual(['assigned', 'escalated', 'material_requested', 'noted', 'resolved', 'withdrawn'])
  })

  it('records a withdrawal the enterprise asks for at the counter, after which nothing more is offered but a note', async () => {
    const queued = await db.outbox.count()
    const withdrawn = await recordHandling(db, clerk, requestId, { type: 'withdrawn', reason: '企业已通过其他渠道办理' }, at())
    expect(withdrawn.status).toBe('withdrawn')
    expect(offeredActions(clerk, withdrawn, at())).toEqual(['noted'])
    await expect(recordHandling(db, clerk, requestId, { type: 'withdrawn', reason: '再撤一次' }, at())).rejects.toMatchObject({ code: 'conflict' })
    const row = await db.requests.get(requestId)
    expect(row).toMatchObject({ status: 'withdrawn', open: 0 })
    // One event queued for the platform: the refused second withdrawal stored nothing.
    expect(await db.outbox.count()).toBe(queued + 1)
  })

  it('shows a consulted department the request in its worklist', async () => {
    const taxView = { role: 'handler' as const, departmentId: 'tax' }
    expect((await worklistPage(db, taxView, { now: new Date(t) })).rows).toEqual([])
    await recordHandling(db, hrLead, requestId, { type: 'escalated', departmentIds: ['tax'], reason: '会商' }, at())
    expect((await worklistPage(db, taxView, { now: new Date(t) })).rows.map((r) => r.id)).toEqual([requestId])
  })
})

// ---- what the detail screen offers, against the refusal rules themselves ---------------------

/** Departments of the built-in catalog that requests are routed to here, the coordinating one first. */
const ROUTED = ['service-center', 'hrss', 'tax', 'amr', 'ndrc']
const CATALOG = BUILTIN_CATALOG.departments.map((d) => d.id)
const STEPS = ['accepted', 'assigned', 'escalated', 'material_requested', 'noted', 'supplied', 'resolved', 'closed', 'rated-low', 'rated-high', 'rectified', 'withdrawn'] as const
type Step = (typeof STEPS)[number]

function stepEvent(state: RequestState, step: Step, department: string, at: string): RequestEvent {
  const base = { id: uuidv7(), requestId: state.id, at, author: { kind: 'staff' as const, id: 'l1', name: '王四' } }
  const visitor = { kind: 'visitor' as const, id: 'device-1', name: '' }
  switch (step) {
    case 'assigned':
      return { ...base, type: step, departmentId: department, assigneeName: '某' }
    case 'escalated':
      return { ...base, type: step, departmentIds: [department], reason: '会商' }
    case 'material_requested':
      return { ...base, type: step, materials: ['营业执照'] }
    case 'noted':
      return { ...base, type: step, note: '已联系' }
    case 'supplied':
      return { ...base, type: 'noted', note: '材料已收', materialSupplied: true }
    case 'resolved':
      return { ...base, type: step, resolution: '已办结' }
    case 'rated-low':
      return { ...base, author: visitor, type: 'rated', level: 1, rectificationDue: rectificationDue(at) }
    case 'rated-high':
      return { ...base, author: visitor, type: 'rated', level: 5 }
    case 'rectified':
      return { ...base, type: step, response: '已整改' }
    case 'withdrawn':
      return { ...base, author: visitor, type: step }
    default:
      return { ...base, type: step }
  }
}

/** A request as the center may hold it: routed to one or two departments, then any steps the reducer lets follow. */
const requestState = fc
  .tuple(fc.subarray(ROUTED, { minLength: 1, maxLength: 2 }), fc.array(fc.tuple(fc.constantFrom(...STEPS), fc.constantFrom(...ROUTED)), { maxLength: 12 }))
  .map(([departmentIds, steps]) => {
    const submitted = submittedEvent(sampleRequest({ departmentIds }))
    const events = [submitted]
    let state = reduceRequest(events)!
    let time = Date.parse(submitted.at)
    for (const [step, department] of steps) {
      const event = stepEvent(state, step, department, new Date((time += 60_000)).toISOString())
      if (!canApply(state, event)) continue
      events.push(event)
      state = reduceRequest(events)!
    }
    return state
  })

/** The member's event of this type on the request, filled in as a form would; any department of the center will do. */
function probe(member: StaffMember, state: RequestState, type: EventType, departments: readonly string[]): RequestEvent {
  const department = departments[0] ?? 'hrss'
  const bodies: Record<EventType, object> = {
    submitted: { request: state.request },
    accepted: {},
    assigned: { departmentId: department, assigneeName: '某' },
    escalated: { departmentIds: [department], reason: '会商' },
    material_requested: { materials: ['材料'] },
    noted: { note: '备注' },
    resolved: { resolution: '办结' },
    closed: {},
    rated: { level: 5 },
    withdrawn: { reason: '企业撤回' },
    rectified: { response: '答复' },
  }
  return { id: uuidv7(), requestId: state.id, at: new Date().toISOString(), author: { kind: 'staff', id: member.id, name: member.name }, type, ...bodies[type] } as RequestEvent
}

describe('what the detail screen offers', () => {
  it('is exactly the actions whose event authorityRefusal and refusalOf accept, for every role, department, device and request state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<StaffRole>('clerk', 'handler', 'lead'),
        fc.constantFrom(...ROUTED),
        fc.constantFrom<DeviceMode>('counter', 'counter', 'visitor'),
        fc.oneof({ arbitrary: fc.constant(CATALOG), weight: 4 }, { arbitrary: fc.subarray(ROUTED), weight: 1 }),
        requestState,
        (role, departmentId, mode, departments, state) => {
          const member: StaffMember = { id: 'm1', name: '某人', role, departmentId }
          const here: HandlingContext = { credential: { ...ctx.credential, mode }, departments }
          const accepts = (type: EventType) => {
            const event = probe(member, state, type, departments)
            return !authorityRefusal(event, { credential: here.credential, staff: [member], departments, state }) && !refusalOf(state, event)
          }
          const accepted = EventType.options.filter(accepts)
          expect(new Set(allowedActions(member, state, here))).toEqual(new Set(accepted.map((type) => actionOf(type, state))))
          expect(offeredActions(member, state, here)).toEqual(HANDLING_TYPES.filter((type) => accepted.includes(type)))
        },
      ),
      { numRuns: 1000 },
    )
  })
})
