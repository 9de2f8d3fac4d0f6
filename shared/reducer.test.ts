import { describe, expect, it } from 'vitest'
import type { RequestEvent } from './events'
import { applyEvent, canApply, compareEvents, reduceRequest } from './reducer'
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
