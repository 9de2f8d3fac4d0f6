import { describe, expect, it } from 'vitest'
import { ROLE_ACTIONS, actionOf, allowedActions, authorityRefusal, type Credential } from './authority'
import type { RequestEvent } from './events'
import { canApply, reduceRequest } from './reducer'
import type { ServiceRequest } from './request'
import type { StaffMember, StaffRole } from './sync'

const REQUEST_ID = '0193a1b2-0000-7000-8000-000000000001'
const id = (n: number) => `0193a1b2-0000-7000-8000-${String(n).padStart(12, '0')}`
const counter: Credential = { kind: 'device', centerId: 'c1', deviceId: 'd1', mode: 'counter' }
const DEPARTMENTS = ['service-center', 'hrss', 'tax']

const STAFF: StaffMember[] = [
  { id: 'clerk-sc', name: '沈佳怡', departmentId: 'service-center', role: 'clerk' },
  { id: 'clerk-hrss', name: '蒋文静', departmentId: 'hrss', role: 'clerk' },
  { id: 'handler-hrss', name: '钱志远', departmentId: 'hrss', role: 'handler' },
  { id: 'lead-hrss', name: '孔令华', departmentId: 'hrss', role: 'lead' },
  { id: 'handler-tax', name: '陶然', departmentId: 'tax', role: 'handler' },
  { id: 'lead-tax', name: '韩雪', departmentId: 'tax', role: 'lead' },
  { id: 'lead-sc', name: '邵明', departmentId: 'service-center', role: 'lead' },
]

/** A request routed to hrss. */
const request = { id: REQUEST_ID, departmentIds: ['hrss'], dueDate: '2026-03-02', dueDateProvisional: false } as ServiceRequest

type Body = RequestEvent extends infer E ? (E extends RequestEvent ? Omit<E, 'id' | 'requestId' | 'at' | 'author'> : never) : never
let seq = 10
function ev(authorId: string, body: Body): RequestEvent {
  return { id: id(seq++), requestId: REQUEST_ID, at: '2026-02-12T02:00:00Z', author: { kind: 'staff', id: authorId, name: '某' }, ...body } as RequestEvent
}

const submitted = ev('clerk-sc', { type: 'submitted', request })
const accepted = ev('clerk-sc', { type: 'accepted' })
const assignedHrss = ev('clerk-sc', { type: 'assigned', departmentId: 'hrss', assigneeName: '钱志远' })
const resolved = ev('handler-hrss', { type: 'resolved', resolution: '已办结' })

const at = {
  submitted: reduceRequest([submitted])!,
  accepted: reduceRequest([submitted, accepted])!,
  assigned: reduceRequest([submitted, accepted, assignedHrss])!,
  resolved: reduceRequest([submitted, accepted, assignedHrss, resolved])!,
}

/** An event of this type by this person, with what its type needs. */
function action(authorId: string, type: 'accepted' | 'assigned' | 'escalated' | 'noted' | 'resolved' | 'closed' | 'withdrawn'): RequestEvent {
  switch (type) {
    case 'assigned':
      return ev(authorId, { type, departmentId: 'tax', assigneeName: '陶然' })
    case 'escalated':
      return ev(authorId, { type, reason: '需税务局会商', departmentIds: ['tax'] })
    case 'noted':
      return ev(authorId, { type, note: '已电话联系企业' })
    case 'resolved':
      return ev(authorId, { type, resolution: '已办结' })
    case 'withdrawn':
      return ev(authorId, { type, reason: '企业撤回' })
    default:
      return ev(authorId, { type })
  }
}

function refusal(event: RequestEvent, state = at.accepted) {
  return authorityRefusal(event, { credential: counter, staff: STAFF, departments: DEPARTMENTS, state })
}

describe('role table', () => {
  it('gives a lead everything a clerk and a handler may do, and closing, reassigning and answering a rectification besides', () => {
    for (const a of [...ROLE_ACTIONS.clerk, ...ROLE_ACTIONS.handler]) expect(ROLE_ACTIONS.lead.has(a)).toBe(true)
    expect([...ROLE_ACTIONS.lead].filter((a) => !ROLE_ACTIONS.clerk.has(a) && !ROLE_ACTIONS.handler.has(a)).sort()).toEqual(['closed', 'reassigned', 'rectified'])
  })
})

describe('authorityRefusal by role', () => {
  const cases: Array<[StaffRole, string, 'accepted' | 'assigned' | 'escalated' | 'noted' | 'resolved' | 'closed' | 'withdrawn', boolean]> = [
    // clerk: intake, withdrawal for the enterprise, accept, first assignment, escalate, note; on any request
    ['clerk', 'clerk-sc', 'accepted', true],
    ['clerk', 'clerk-sc', 'assigned', true],
    ['clerk', 'clerk-sc', 'escalated', true],
    ['clerk', 'clerk-sc', 'noted', true],
    ['clerk', 'clerk-sc', 'withdrawn', true],
    ['clerk', 'clerk-sc', 'resolved', false],
    ['clerk', 'clerk-sc', 'closed', false],
    ['clerk', 'clerk-hrss', 'accepted', true],
    // handler: note and resolve, own department only
    ['handler', 'handler-hrss', 'noted', true],
    ['handler', 'handler-hrss', 'resolved', true],
    ['handler', 'handler-hrss', 'accepted', false],
    ['handler', 'handler-hrss', 'assigned', false],
    ['handler', 'handler-hrss', 'escalated', false],
    ['handler', 'handler-hrss', 'closed', false],
    ['handler', 'handler-tax', 'noted', false],
    ['handler', 'handler-tax', 'resolved', false],
    // lead: all of it for the department
    ['lead', 'lead-hrss', 'accepted', true],
    ['lead', 'lead-hrss', 'assigned', true],
    ['lead', 'lead-hrss', 'escalated', true],
    ['lead', 'lead-hrss', 'resolved', true],
    ['lead', 'lead-hrss', 'withdrawn', true],
    ['lead', 'lead-tax', 'noted', false],
    ['lead', 'lead-tax', 'accepted', false],
    // the coordinating department's lead routes everything
    ['lead', 'lead-sc', 'resolved', true],
  ]
  it.each(cases)('%s %s: %s → %s', (_role, who, type, allowed) => {
    const result = refusal(action(who, type))
    if (allowed) expect(result).toBeUndefined()
    else expect(result?.code).toBe('forbidden')
  })

  it('lets a lead close a resolved request of the department, and no one else', () => {
    expect(refusal(action('lead-hrss', 'closed'), at.resolved)).toBeUndefined()
    expect(refusal(action('handler-hrss', 'closed'), at.resolved)?.reason).toMatch(/a handler may not record "closed"/)
    expect(refusal(action('clerk-sc', 'closed'), at.resolved)?.reason).toMatch(/a clerk may not record "closed"/)
    expect(refusal(action('lead-tax', 'closed'), at.resolved)?.reason).toMatch(/department tax is not responsible/)
  })

  it('refuses a reassignment to all but a lead: a clerk assigns only the first time', () => {
    expect(refusal(action('clerk-sc', 'assigned'), at.assigned)?.reason).toMatch(/a clerk may not reassign/)
    expect(refusal(action('handler-hrss', 'assigned'), at.assigned)?.code).toBe('forbidden')
    expect(refusal(action('lead-hrss', 'assigned'), at.assigned)).toBeUndefined()
    // Reassigned to tax, the request is now tax's too: its lead may act on it.
    expect(refusal(action('lead-tax', 'noted'), reduceRequest([submitted, accepted, assignedHrss, action('lead-hrss', 'assigned')]))).toBeUndefined()
  })

  it('lets a clerk take an intake at the counter, and refuses one by a handler', () => {
    expect(authorityRefusal(ev('clerk-sc', { type: 'submitted', request }), { credential: counter, staff: STAFF, departments: DEPARTMENTS })).toBeUndefined()
    expect(authorityRefusal(ev('handler-hrss', { type: 'submitted', request }), { credential: counter, staff: STAFF, departments: DEPARTMENTS })?.code).toBe('forbidden')
  })

  it('refuses staff events from a lobby kiosk, and an author missing from the staff list', () => {
    const lobby: Credential = { ...counter, mode: 'visitor' }
    expect(authorityRefusal(action('clerk-sc', 'accepted'), { credential: lobby, staff: STAFF, departments: DEPARTMENTS, state: at.submitted })?.code).toBe('forbidden')
    expect(refusal(action('someone-else', 'noted'))?.reason).toMatch(/not a staff member/)
  })

  it('takes what a deactivated member recorded before they left, and refuses what is dated from then on', () => {
    const note = action('clerk-sc', 'noted') // at 2026-02-12T02:00:00Z
    const left = (deactivatedAt: string) => ({ credential: counter, staff: STAFF.map((m) => (m.id === 'clerk-sc' ? { ...m, deactivatedAt } : m)), departments: DEPARTMENTS, state: at.submitted })
    expect(authorityRefusal(note, left('2026-02-12T02:00:01Z'))).toBeUndefined()
    expect(authorityRefusal(note, left('2026-02-12T02:00:00Z'))).toMatchObject({ code: 'forbidden', reason: expect.stringMatching(/clerk-sc was deactivated at 2026-02-12T02:00:00Z/) })
    expect(authorityRefusal(note, left('2026-02-11T10:00:00+08:00'))?.code).toBe('forbidden')
  })
})

describe('allowedActions', () => {
  const member = (id: string) => STAFF.find((s) => s.id === id)!
  const here = { credential: counter, departments: DEPARTMENTS }
  it('offers each role what it may do now, and nothing on another department’s request', () => {
    expect(allowedActions(member('clerk-sc'), at.submitted, here).sort()).toEqual(['accepted', 'assigned', 'escalated', 'noted', 'withdrawn'])
    expect(allowedActions(member('clerk-sc'), at.assigned, here).sort()).toEqual(['escalated', 'noted', 'withdrawn'])
    expect(allowedActions(member('handler-hrss'), at.assigned, here).sort()).toEqual(['material_requested', 'noted', 'resolved'])
    expect(allowedActions(member('handler-tax'), at.assigned, here)).toEqual([])
    expect(allowedActions(member('lead-hrss'), at.assigned, here).sort()).toEqual(['escalated', 'material_requested', 'noted', 'reassigned', 'resolved', 'withdrawn'])
    expect(allowedActions(member('lead-hrss'), at.resolved, here).sort()).toEqual(['closed', 'noted'])
    expect(allowedActions(member('lead-sc'), at.resolved, here).sort()).toEqual(['closed', 'noted'])
  })

  it('offers nothing on a lobby kiosk, and no routing where the center has no department to name', () => {
    expect(allowedActions(member('lead-sc'), at.accepted, { ...here, credential: { ...counter, mode: 'visitor' } })).toEqual([])
    expect(allowedActions(member('clerk-sc'), at.submitted, { ...here, departments: [] }).sort()).toEqual(['accepted', 'noted', 'withdrawn'])
  })

  it('offers exactly what authorityRefusal and the reducer accept', () => {
    const types = ['accepted', 'assigned', 'escalated', 'noted', 'resolved', 'closed', 'withdrawn'] as const
    for (const m of STAFF) {
      for (const state of Object.values(at)) {
        const offered = allowedActions(m, state, here)
        for (const type of types) {
          const event = action(m.id, type)
          const accepted = !refusal(event, state) && canApply(state, event)
          expect(offered.includes(actionOf(type, state)), `${m.id} ${type} at ${state.status}`).toBe(accepted)
        }
      }
    }
  })
})
