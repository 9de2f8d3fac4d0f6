import type { AuthorKind, EventType, RequestEvent } from './events'
import { canApply, compareEvents, responsibleDepartments, type RequestState } from './reducer'
import { CLOCK_RULES, type DeviceMode, type RefusalCode, type StaffMember, type StaffRole } from './sync'

/**
 * Who may author which event, checked against the credential that delivered it: one rule for the
 * platform (on push and on back-office actions) and the kiosk (before it stores a staff action, and
 * to show staff only the actions they may take).
 *
 * - A visitor (at a lobby kiosk, or at the counter with a clerk's help) submits, withdraws and rates.
 * - Staff act by role (DESIGN.md), as ROLE_ACTIONS says: the clerk takes intakes and routes them
 *   (accepts, assigns a first time, escalates, notes, records a withdrawal the enterprise asks for at
 *   the counter); a handler works the department's requests (notes, asks for material, resolves); a
 *   lead does all of that for the department, also closes and reassigns, and answers the
 *   rectification a low rating opens for their department.
 * - A department's back office acts for that department, like its lead.
 * - Handlers, leads and departments act only on requests their department is responsible for,
 *   except the center's coordinating department (`service-center`), which routes everything;
 *   clerks take and route every request at the counter.
 */

/** The center's own department: its clerks and back office route every request. */
export const COORDINATING_DEPARTMENT = 'service-center'

/** What authenticated the event's delivery, as the receiver knows it (never what the event claims). */
export type Credential =
  | { kind: 'device'; centerId: string; deviceId: string; mode: DeviceMode }
  | { kind: 'office'; centerId: string; departmentId: string }
  /** The platform's public /t/ page: whoever holds the receipt's ticket number and check code. */
  | { kind: 'tracking'; centerId: string }

/** The acting party whose permissions apply: a staff member's role, or a department. */
type Actor = { kind: 'staff'; role: StaffRole; departmentId: string } | { kind: 'department'; departmentId: string }

/**
 * What a role may do: an event type, or `reassigned` (an `assigned` on a request that already has an
 * assignee). A new event type is given to roles by adding it to the lists below; a type no list
 * names is refused to everyone.
 */
export type StaffAction = EventType | 'reassigned'

const VISITOR_EVENTS: ReadonlySet<EventType> = new Set(['submitted', 'withdrawn', 'rated'])

const CLERK_ACTIONS: readonly StaffAction[] = ['submitted', 'withdrawn', 'accepted', 'assigned', 'escalated', 'noted']
const HANDLER_ACTIONS: readonly StaffAction[] = ['noted', 'material_requested', 'resolved']
const LEAD_ONLY_ACTIONS: readonly StaffAction[] = ['closed', 'reassigned', 'rectified']

export const ROLE_ACTIONS: Readonly<Record<StaffRole, ReadonlySet<StaffAction>>> = {
  clerk: new Set(CLERK_ACTIONS),
  handler: new Set(HANDLER_ACTIONS),
  lead: new Set([...CLERK_ACTIONS, ...HANDLER_ACTIONS, ...LEAD_ONLY_ACTIONS]),
}
const DEPARTMENT_ACTIONS = ROLE_ACTIONS.lead

/** Roles whose actions are limited to the requests of their own department (unless it coordinates). */
const SCOPED_ROLES: ReadonlySet<StaffRole> = new Set(['handler', 'lead'])

/** The action an event is, on the request as it stands: an assignment over an assignee is a reassignment. */
export function actionOf(type: EventType, state: RequestState | undefined): StaffAction {
  return type === 'assigned' && state?.assignee ? 'reassigned' : type
}
/** The public tracking page only takes the enterprise's rating. */
const TRACKING_EVENTS: ReadonlySet<EventType> = new Set(['rated'])

/** Which author kinds a credential may deliver. */
const DELIVERS: Record<DeviceMode | 'office' | 'tracking', ReadonlySet<AuthorKind>> = {
  visitor: new Set(['visitor']),
  counter: new Set(['visitor', 'staff']),
  office: new Set(['department']),
  tracking: new Set(['visitor']),
}

/** Whether a device in this mode may deliver events of this author kind (e.g. send them again after a restore). */
export function mayDeliver(mode: DeviceMode, author: AuthorKind): boolean {
  return DELIVERS[mode].has(author)
}

/**
 * A staff member as an event's author is looked up: role and department; and when they were
 * deactivated, if they were, so what they did while still on the staff list is kept.
 */
export type AuthorMember = Pick<StaffMember, 'id' | 'name' | 'role' | 'departmentId'> & { deactivatedAt?: string }

export interface AuthorityContext {
  credential: Credential
  /**
   * The center's staff: a staff author is looked up here for their role and department. The
   * platform passes deactivated members too, so events a counter PC recorded offline before the
   * member left still land; a device passes its list of active members.
   */
  staff: readonly AuthorMember[]
  /** The center's departments (the catalog's): an assignment must name one of them. */
  departments: readonly string[]
  /** The request's current state; undefined for `submitted`. */
  state?: RequestState
}

export interface Refusal {
  code: RefusalCode
  reason: string
}

function refuse(code: RefusalCode, reason: string): Refusal {
  return { code, reason }
}

/** The author kinds this credential may deliver. */
function deliveredBy(credential: Credential): ReadonlySet<AuthorKind> {
  return credential.kind === 'device' ? DELIVERS[credential.mode] : DELIVERS[credential.kind]
}

/** Why this credential may not deliver this event, or undefined when it may. */
export function authorityRefusal(event: RequestEvent, ctx: AuthorityContext): Refusal | undefined {
  const { author } = event
  if (!deliveredBy(ctx.credential).has(author.kind)) {
    const by = ctx.credential.kind === 'device' ? `a ${ctx.credential.mode} device` : ctx.credential.kind === 'office' ? 'a back-office token' : 'the public tracking page'
    return refuse('forbidden', `author.kind: ${by} may not deliver events authored by ${author.kind === 'system' ? 'the system' : `a ${author.kind}`}`)
  }
  if (ctx.credential.kind === 'tracking' && !TRACKING_EVENTS.has(event.type)) {
    return refuse('forbidden', `type: the public tracking page may not record "${event.type}"`)
  }
  if (author.kind === 'visitor') {
    return VISITOR_EVENTS.has(event.type) ? undefined : refuse('forbidden', `author.kind: a visitor may not record "${event.type}"`)
  }
  let actor: Actor
  if (author.kind === 'department') {
    if (ctx.credential.kind !== 'office' || author.id !== ctx.credential.departmentId) {
      return refuse('forbidden', `author.id: this credential acts for department ${ctx.credential.kind === 'office' ? ctx.credential.departmentId : '(none)'}, not ${author.id}`)
    }
    actor = { kind: 'department', departmentId: author.id }
  } else {
    const member = ctx.staff.find((s) => s.id === author.id)
    if (!member) return refuse('forbidden', `author.id: ${author.id} is not a staff member of this center`)
    if (member.deactivatedAt !== undefined && Date.parse(event.at) >= Date.parse(member.deactivatedAt)) {
      return refuse('forbidden', `author.id: ${author.id} was deactivated at ${member.deactivatedAt}, before this event`)
    }
    actor = { kind: 'staff', role: member.role, departmentId: member.departmentId }
  }
  const allowed = actor.kind === 'staff' ? ROLE_ACTIONS[actor.role] : DEPARTMENT_ACTIONS
  const action = actionOf(event.type, ctx.state)
  if (!allowed.has(action)) {
    const who = actor.kind === 'staff' ? `a ${actor.role}` : 'a department'
    const what = action === 'reassigned' ? 'reassign a request that has an assignee' : `record "${event.type}"`
    return refuse('forbidden', `author: ${who} may not ${what}`)
  }
  if (event.type === 'assigned' && !ctx.departments.includes(event.departmentId)) {
    return refuse('invalid', `departmentId: ${event.departmentId} is not a department of this center`)
  }
  if (event.type === 'escalated') {
    if (!event.departmentIds) return refuse('invalid', 'departmentIds: name the departments consulted')
    const unknown = event.departmentIds.find((d) => !ctx.departments.includes(d))
    if (unknown) return refuse('invalid', `departmentIds: ${unknown} is not a department of this center`)
  }
  return scopeRefusal(event.type, actor, ctx.state)
}

/**
 * Handlers, leads and departments act only on requests their department is responsible for; a
 * rectification is answered by the lead of the department it was opened for, and only them.
 */
function scopeRefusal(type: EventType, actor: Actor, state: RequestState | undefined): Refusal | undefined {
  if (type === 'rectified') {
    const owner = state?.rectification?.departmentId
    if (owner === undefined || owner === actor.departmentId) return undefined
    return refuse('forbidden', `author: the rectification is for department ${owner}, not ${actor.departmentId}`)
  }
  if (!isScoped(actor)) return undefined
  if (!state) return type === 'submitted' ? undefined : refuse('unknown_request', 'requestId: the request is not known here')
  if (isResponsible(actor.departmentId, state)) return undefined
  return refuse('forbidden', `author: department ${actor.departmentId} is not responsible for this request`)
}

function isScoped(actor: Actor): boolean {
  if (actor.departmentId === COORDINATING_DEPARTMENT) return false
  return actor.kind === 'department' || SCOPED_ROLES.has(actor.role)
}

/** The departments the request was routed to, the assignee's and those consulted (the reducer's one list). */
function isResponsible(departmentId: string, state: RequestState): boolean {
  return responsibleDepartments(state).includes(departmentId)
}

/** Where a staff screen runs, and the center's departments: what decides its offer besides the member and the request. */
export type ActingContext = Pick<AuthorityContext, 'credential' | 'departments'>

/**
 * THE rule for what a staff screen offers: the actions this member may take on this request now,
 * on this device, exactly those `authorityRefusal` (delivery, role, department, rectification
 * owner) and the reducer's `refusalOf` (what may follow the request's status) would accept, the
 * member being on the center's staff list (they signed in by it). `reassigned` stands for an
 * `assigned` over the current assignee. Built from the same pieces as `authorityRefusal`, so the
 * two cannot part; test/unit/renderer/handling.test.ts probes every action to prove it.
 */
export function allowedActions(member: Pick<StaffMember, 'role' | 'departmentId'>, state: RequestState, ctx: ActingContext): StaffAction[] {
  if (!deliveredBy(ctx.credential).has('staff')) return []
  const actor: Actor = { kind: 'staff', role: member.role, departmentId: member.departmentId }
  return [...ROLE_ACTIONS[member.role]].filter((action) => {
    const type: EventType = action === 'reassigned' ? 'assigned' : action
    // An intake is not an action on a request; an assignment is offered as such or as a reassignment, never both.
    if (type === 'submitted' || actionOf(type, state) !== action) return false
    // An assignment names a department of the center, an escalation at least one: none to name, no offer.
    if ((type === 'assigned' || type === 'escalated') && ctx.departments.length === 0) return false
    if (scopeRefusal(type, actor, state)) return false
    // canApply reads only the type and the request id of an event that is not an intake.
    return canApply(state, { type, requestId: state.id } as RequestEvent)
  })
}

/**
 * Whether a staff member sees a request in the worklist: clerks and the coordinating department
 * see every request of the center; handlers and leads those their department is responsible for
 * (named at intake, assigned or consulted). The same scope as who may act on it.
 */
export function maySee(member: Pick<StaffMember, 'role' | 'departmentId'>, state: RequestState): boolean {
  return seesWholeCenter(member) || isResponsible(member.departmentId, state)
}

/** Clerks and the coordinating department route every request, so they see the whole center. */
export function seesWholeCenter(member: Pick<StaffMember, 'role' | 'departmentId'>): boolean {
  return member.role === 'clerk' || member.departmentId === COORDINATING_DEPARTMENT
}

/**
 * Whether an event may land where its time puts it: not after the platform's clock by more than
 * the allowed skew, not absurdly old, and never before an event already acknowledged for its
 * request (a backdated event would rewrite the history others have seen). `known` are the
 * request's acknowledged events; `now` the receiver's clock.
 */
export function placementRefusal(event: RequestEvent, known: readonly RequestEvent[], now: number): Refusal | undefined {
  const at = Date.parse(event.at)
  if (at > now + CLOCK_RULES.maxAheadMs) {
    const minutes = Math.round((at - now) / 60_000)
    return refuse('clock_ahead', `at: ${event.at} is ${minutes} minutes ahead of the platform's clock; is the device clock fast?`)
  }
  if (at < now - CLOCK_RULES.maxAgeMs) {
    return refuse('too_old', `at: ${event.at} is older than the platform accepts; is the device clock wrong?`)
  }
  const later = known.find((k) => k.id !== event.id && k.type !== 'submitted' && compareEvents(k, event) > 0)
  if (later && event.type !== 'submitted') {
    return refuse('backdated', `at: "${event.type}" at ${event.at} falls before "${later.type}" at ${later.at}, already recorded; is the device clock behind?`)
  }
  return undefined
}
