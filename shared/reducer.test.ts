import { describe, expect, it } from 'vitest'
import { RequestEvent } from './events'
import { applyEvent, canApply, compareEvents, reduceRequest, refusalOf, responsibleDepartments } from './reducer'
import type { ServiceRequest } from './request'

const REQUEST_ID = '0193a1b2-0000-7000-8000-000000000001'
const id = (n: number) => `0193a1b2-0000-7000-8000-${String(n).padStart(12, '0')}`
const staff = { kind: 'staff' as const, id: 's1', name: '李四' }

const request = {
  id: REQUEST_ID,
  dueDate: '2026-03-02',
  dueDateProvisional: false,
} as ServiceRequest

type Body = RequestEvent extends infer E ? (E extends RequestEvent ? Omit<E, 'id' | 'requestId' | 'at' | 'author'> : never) : never
function ev(n: number, at: string, body: Body): RequestEvent {
  return { id: id(n), requestId: REQUEST_ID, at, author: staff, ...body } as RequestEvent
}

const submitted = ev(1, '2026-02-12T01:00:00Z', { type: 'submitted', request })
const accepted = ev(2, '2026-02-12T02:00:00Z', { type: 'accepted' })
const assigned = ev(3, '2026-02-12T03:00:00Z', { type: 'assigned', departmentId: 'tax', assigneeName: '王五' })
const resolved = ev(4, '2026-02-13T03:00:00Z', { type: 'resolved', resolution: '已办结' })
const closed = ev(5, '2026-02-13T04:00:00Z', { type: 'closed' })
const rated = ev(6, '2026-02-13T05:00:00Z', { type: 'rated', level: 5, comment: '很快' })

describe('reduceRequest', () => {
  it('walks a request through its whole life', () => {
    const s = reduceRequest([submitted, accepted, assigned, resolved, closed, rated])!
    expect(s.status).toBe('closed')
    expect(s.assignee).toEqual({ departmentId: 'tax', name: '王五' })
    expect(s.rating).toEqual({ level: 5, comment: '很快', at: '2026-02-13T05:00:00Z' })
    expect(s.deadline).toEqual({ dueDate: '2026-03-02', provisional: false })
    expect(s.timeline.map((t) => t.type)).toEqual(['submitted', 'accepted', 'assigned', 'resolved', 'closed', 'rated'])
    expect(s.timeline[2]!.text).toBe('王五')
    expect(s.conflicts).toEqual([])
  })

  it('gives the same state whatever order events arrive in, and ignores duplicates', () => {
    const inOrder = reduceRequest([submitted, accepted, assigned, resolved, closed, rated])
    expect(reduceRequest([rated, closed, assigned, submitted, resolved, accepted, assigned, rated])).toEqual(inOrder)
  })

  it('roots the request at its intake even when the kiosk clock ran late', () => {
    const lateIntake = { ...submitted, at: '2026-02-12T09:00:00Z' } as RequestEvent
    const s = reduceRequest([accepted, lateIntake])!
    expect(s.status).toBe('accepted')
    expect(s.conflicts).toEqual([])
  })

  it('keeps an event that cannot apply as a conflict instead of dropping it', () => {
    const earlyClose = ev(7, '2026-02-12T01:30:00Z', { type: 'closed' })
    const s = reduceRequest([submitted, earlyClose, accepted])!
    expect(s.status).toBe('accepted')
    expect(s.conflicts).toEqual([earlyClose.id])
  })

  it('marks escalation without changing the status, and lets a note come at any time', () => {
    const escalated = ev(8, '2026-02-12T04:00:00Z', { type: 'escalated', reason: '跨部门' })
    const noted = ev(9, '2026-02-14T00:00:00Z', { type: 'noted', note: '回访' })
    const s = reduceRequest([submitted, accepted, escalated, resolved, closed, noted])!
    expect(s).toMatchObject({ status: 'closed', escalated: true, conflicts: [] })
    expect(s.timeline.at(-1)!.text).toBe('回访')
  })

  it('lets the visitor withdraw an open request but not a resolved one', () => {
    const withdrawn = ev(10, '2026-02-12T05:00:00Z', { type: 'withdrawn', reason: '不需要了' })
    expect(reduceRequest([submitted, accepted, withdrawn])!.status).toBe('withdrawn')
    const late = ev(11, '2026-02-14T00:00:00Z', { type: 'withdrawn' })
    expect(reduceRequest([submitted, accepted, resolved, late])!).toMatchObject({ status: 'resolved', conflicts: [late.id] })
  })

  it('orders by instant, not by how the time string is written', () => {
    const noon8 = ev(12, '2026-02-12T09:00:00+08:00', { type: 'accepted' })
    const laterZ = ev(13, '2026-02-12T01:00:01Z', { type: 'escalated', reason: 'x' })
    expect(compareEvents(noon8, laterZ)).toBe(-1)
    const whole = ev(14, '2026-02-12T01:00:00Z', { type: 'noted', note: 'a' })
    const half = ev(15, '2026-02-12T01:00:00.500Z', { type: 'noted', note: 'b' })
    expect(compareEvents(whole, half)).toBe(-1)
    expect(compareEvents(half, whole)).toBe(1)
  })

  it('has no state without an intake', () => {
    expect(reduceRequest([accepted, resolved])).toBeUndefined()
  })
})

describe('canApply', () => {
  it('allows one intake, whose record must be the request it names', () => {
    expect(canApply(undefined, submitted)).toBe(true)
    const state = applyEvent(undefined, submitted)
    expect(canApply(state, { ...submitted, id: id(20) } as RequestEvent)).toBe(false)
    const mismatched = { ...submitted, request: { ...request, id: id(99) } } as RequestEvent
    expect(canApply(undefined, mismatched)).toBe(false)
  })

  it('refuses events of another request', () => {
    const state = applyEvent(undefined, submitted)
    expect(canApply(state, { ...accepted, requestId: id(99) } as RequestEvent)).toBe(false)
  })

  it('allows rating only once the request is resolved or closed', () => {
    const open = applyEvent(undefined, submitted)
    expect(canApply(open, rated)).toBe(false)
    expect(canApply(reduceRequest([submitted, accepted, resolved]), rated)).toBe(true)
  })
})

describe('material requests (补正材料)', () => {
  const asked = ev(30, '2026-02-12T01:30:00Z', { type: 'material_requested', materials: ['营业执照副本', '法定代表人身份证'], note: '请一周内补齐' })

  it('shows which material is awaited until the request is accepted', () => {
    const waiting = reduceRequest([submitted, asked])!
    expect(waiting.status).toBe('submitted')
    expect(waiting.awaitingMaterial).toEqual({ materials: ['营业执照副本', '法定代表人身份证'], note: '请一周内补齐', at: asked.at })
    expect(waiting.timeline.at(-1)).toMatchObject({ type: 'material_requested', materials: ['营业执照副本', '法定代表人身份证'], text: '请一周内补齐', authorName: '李四', authorId: 's1' })
    expect(reduceRequest([submitted, asked, accepted])!.awaitingMaterial).toBeUndefined()
  })

  it('stops waiting when a note says the material was supplied, not on a plain note or an assignment', () => {
    const later = ev(31, '2026-02-12T04:30:00Z', { type: 'material_requested', materials: ['租赁合同'] })
    const plain = ev(32, '2026-02-12T05:00:00Z', { type: 'noted', note: '已电话提醒' })
    const supplied = ev(33, '2026-02-12T06:00:00Z', { type: 'noted', note: '材料已收', materialSupplied: true })
    const state = reduceRequest([submitted, accepted, assigned, later, plain])!
    expect(state.awaitingMaterial?.materials).toEqual(['租赁合同'])
    expect(reduceRequest([submitted, accepted, assigned, later, plain, supplied])!.awaitingMaterial).toBeUndefined()
    expect(reduceRequest([submitted, accepted, later, resolved])!.awaitingMaterial).toBeUndefined()
  })

  it('refuses a material request on a request that is done, and "supplied" when nothing is awaited', () => {
    const late = ev(34, '2026-02-14T00:00:00Z', { type: 'material_requested', materials: ['x'] })
    expect(refusalOf(reduceRequest([submitted, accepted, resolved]), late)).toEqual({
      zh: '该办件已办结，不能再要求补正材料',
      en: 'This request is already resolved; no more material can be asked for',
    })
    const supplied = ev(35, '2026-02-14T00:00:00Z', { type: 'noted', note: '收到', materialSupplied: true })
    expect(refusalOf(reduceRequest([submitted]), supplied)?.zh).toBe('该办件没有待补正的材料')
  })
})

describe('escalation (会商)', () => {
  it('records the departments consulted, and they become responsible too', () => {
    const consult = ev(40, '2026-02-12T04:00:00Z', { type: 'escalated', reason: '涉及用地', departmentIds: ['land', 'tax'] })
    const again = ev(41, '2026-02-12T05:00:00Z', { type: 'escalated', reason: '再议', departmentIds: ['env'] })
    const s = reduceRequest([submitted, accepted, consult, again])!
    expect(s.escalated).toBe(true)
    expect(s.consulted).toEqual(['land', 'tax', 'env'])
    expect(s.timeline.at(-2)).toMatchObject({ type: 'escalated', departmentIds: ['land', 'tax'], text: '涉及用地' })
    expect(responsibleDepartments({ ...s, request: { ...request, departmentIds: ['hr'] } })).toEqual(['hr', 'land', 'tax', 'env'])
  })

  it('reads an escalation recorded before departments were named', () => {
    const old = { id: id(42), requestId: REQUEST_ID, at: '2026-02-12T04:00:00Z', author: staff, type: 'escalated', reason: '旧记录' }
    expect(RequestEvent.safeParse({ ...old }).success).toBe(true)
    const s = reduceRequest([submitted, old as RequestEvent])!
    expect(s).toMatchObject({ escalated: true, consulted: [], conflicts: [] })
  })
})

describe('refusalOf', () => {
  it('says in both languages why a step may not follow', () => {
    const open = reduceRequest([submitted])
    expect(refusalOf(open, closed)).toEqual({ zh: '该办件从未受理，不能归档', en: 'This request was never accepted; it cannot be closed' })
    expect(refusalOf(open, resolved)).toEqual({ zh: '该办件尚未受理，不能办结', en: 'This request has not been accepted; it cannot be resolved' })
    expect(refusalOf(reduceRequest([submitted, accepted]), closed)?.en).toBe('This request is not resolved yet; it cannot be closed')
    expect(refusalOf(reduceRequest([submitted, accepted]), accepted)?.zh).toBe('该办件已受理，不需要再受理')
    expect(refusalOf(reduceRequest([submitted, accepted, resolved, closed]), assigned)?.zh).toBe('该办件已归档，不能再指派')
    expect(refusalOf(undefined, accepted)?.en).toBe('The request is not known here')
  })

  it('agrees with canApply for every step from every status', () => {
    const histories = [[submitted], [submitted, accepted], [submitted, accepted, assigned], [submitted, accepted, resolved], [submitted, accepted, resolved, closed]]
    for (const h of histories) {
      const state = reduceRequest(h)
      for (const e of [accepted, assigned, resolved, closed, rated]) {
        expect(canApply(state, e)).toBe(refusalOf(state, e) === undefined)
      }
    }
  })
})
