import { describe, expect, it } from 'vitest'
import { authorityRefusal, maySee, type AuthorityContext } from './authority'
import type { RequestEvent } from './events'
import { reduceRequest, type RequestState } from './reducer'
import type { ServiceRequest } from './request'
import type { StaffMember } from './sync'

const REQUEST_ID = '0193a1b2-0000-7000-8000-000000000001'
const id = (n: number) => `0193a1b2-0000-7000-8000-${String(n).padStart(12, '0')}`
const request = { id: REQUEST_ID, dueDate: '2026-03-02', dueDateProvisional: false, departmentIds: ['hr-bureau'] } as ServiceRequest
const staff: StaffMember[] = [
  { id: 'c1', name: '周一', departmentId: 'service-center', role: 'clerk' },
  { id: 'h1', name: '吴二', departmentId: 'hr-bureau', role: 'handler' },
  { id: 'h2', name: '郑三', departmentId: 'tax', role: 'handler' },
  { id: 'l1', name: '王四', departmentId: 'hr-bureau', role: 'lead' },
  { id: 'l2', name: '冯五', departmentId: 'land', role: 'lead' },
]
const by = (s: StaffMember) => ({ kind: 'staff' as const, id: s.id, name: s.name })
const state = reduceRequest([
  { id: id(1), requestId: REQUEST_ID, at: '2026-02-12T01:00:00Z', author: by(staff[0]!), type: 'submitted', request },
]) as RequestState
const ctx: AuthorityContext = {
  credential: { kind: 'device', centerId: 'c', deviceId: 'd', mode: 'counter' },
  staff,
  departments: ['service-center', 'hr-bureau', 'tax', 'land'],
  state,
}
const ask = (s: StaffMember): RequestEvent => ({ id: id(2), requestId: REQUEST_ID, at: '2026-02-12T02:00:00Z', author: by(s), type: 'material_requested', materials: ['营业执照'] })

describe('maySee', () => {
  it('lets clerks and the coordinating department see every request, others only their department\'s', () => {
    expect(maySee(staff[0]!, state)).toBe(true)
    expect(maySee({ role: 'handler', departmentId: 'service-center' }, state)).toBe(true)
    expect(maySee(staff[1]!, state)).toBe(true)
    expect(maySee(staff[2]!, state)).toBe(false)
    expect(maySee(staff[4]!, state)).toBe(false)
  })

  it('shows a request to the departments consulted and the one assigned', () => {
    const consulted = { ...state, consulted: ['land'] }
    expect(maySee(staff[4]!, consulted)).toBe(true)
    expect(maySee(staff[2]!, { ...state, assignee: { departmentId: 'tax', name: '郑三' } })).toBe(true)
  })
})

describe('material_requested and escalated in the role table', () => {
  it('lets handlers and leads of a responsible department ask for material, not clerks or other departments', () => {
    expect(authorityRefusal(ask(staff[1]!), ctx)).toBeUndefined()
    expect(authorityRefusal(ask(staff[3]!), ctx)).toBeUndefined()
    expect(authorityRefusal(ask(staff[0]!), ctx)?.code).toBe('forbidden')
    expect(authorityRefusal(ask(staff[2]!), ctx)?.code).toBe('forbidden')
  })

  it('wants an escalation to name departments of the center', () => {
    const base = { id: id(3), requestId: REQUEST_ID, at: '2026-02-12T02:00:00Z', author: by(staff[3]!), type: 'escalated' as const, reason: '会商' }
    expect(authorityRefusal({ ...base, departmentIds: ['tax', 'land'] }, ctx)).toBeUndefined()
    expect(authorityRefusal({ ...base, departmentIds: ['mars'] }, ctx)).toMatchObject({ code: 'invalid' })
    expect(authorityRefusal(base, ctx)).toMatchObject({ code: 'invalid', reason: 'departmentIds: name the departments consulted' })
  })
})
