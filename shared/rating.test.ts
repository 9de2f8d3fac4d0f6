import { describe, expect, it } from 'vitest'
import { BUILTIN_CATALOG } from './catalog/index'
import { authorityRefusal, type AuthorityContext } from './authority'
import { BUILTIN_CALENDAR } from './calendar/index'
import { RequestEvent } from './events'
import { publicView } from './public-view'
import {
  RECTIFICATION_WORKING_DAYS,
  mayRate,
  reasonsFor,
  rectificationDue,
  rectificationDueRefusal,
} from './rating'
import { canApply, reduceRequest } from './reducer'
import { rectificationOverdue } from './deadline'
import type { ServiceRequest } from './request'
import type { StaffMember } from './sync'

const REQUEST_ID = '0193a1b2-0000-7000-8000-000000000001'
const id = (n: number) => `0193a1b2-0000-7000-8000-${String(n).padStart(12, '0')}`
const clerk = { kind: 'staff' as const, id: 'clerk-1', name: '陈敏' }
const visitor = { kind: 'visitor' as const, id: 'device-1', name: '' }
const lead = { kind: 'staff' as const, id: 'lead-tax', name: '王建国' }

const request = {
  id: REQUEST_ID,
  ticketNo: 'HZ01-K01-20261104-0001',
  dueDate: '2026-11-20',
  dueDateProvisional: false,
  departmentIds: ['amr'],
  itemIds: ['business-registration'],
  catalogVersion: 'v1',
} as ServiceRequest

type Body = RequestEvent extends infer E ? (E extends RequestEvent ? Omit<E, 'id' | 'requestId' | 'at' | 'author'> : never) : never
function ev(n: number, at: string, author: RequestEvent['author'], body: Body): RequestEvent {
  return { id: id(n), requestId: REQUEST_ID, at, author, ...body } as RequestEvent
}

const resolvedHistory = [
  ev(1, '2026-11-04T01:00:00Z', clerk, { type: 'submitted', request }),
  ev(2, '2026-11-04T02:00:00Z', clerk, { type: 'accepted' }),
  ev(3, '2026-11-04T03:00:00Z', clerk, { type: 'assigned', departmentId: 'tax', assigneeName: '王五' }),
  ev(4, '2026-11-05T03:00:00Z', lead, { type: 'resolved', resolution: '已办结' }),
]
const RATED_AT = '2026-11-06T02:00:00Z'
const lowRating = ev(5, RATED_AT, visitor, {
  type: 'rated',
  level: 2,
  comment: '跑了三次',
  reasons: ['runaround'],
  rectificationDue: rectificationDue(RATED_AT),
})

const STAFF: StaffMember[] = [
  { id: 'lead-tax', name: '王建国', departmentId: 'tax', role: 'lead' },
  { id: 'lead-amr', name: '赵敏', departmentId: 'amr', role: 'lead' },
  { id: 'handler-tax', name: '孙丽', departmentId: 'tax', role: 'handler' },
]

function ctx(credential: AuthorityContext['credential'], events: RequestEvent[]): AuthorityContext {
  return { credential, staff: STAFF, departments: ['tax', 'amr', 'service-center'], state: reduceRequest(events) }
}
const counter = { kind: 'device' as const, centerId: 'c', deviceId: 'd', mode: 'counter' as const }

describe('the rectification deadline', () => {
  it('is 15 working days after the China date of the rating, on the shared calendar', () => {
    // 2026-11-06 is a Friday: 15 working days on, over two weekends, is Friday 2026-11-27.
    expect(RECTIFICATION_WORKING_DAYS).toBe(15)
    expect(rectificationDue(RATED_AT)).toEqual({ dueDate: '2026-11-27', provisional: false })
    // 23:30 UTC is already the next day in China.
    expect(rectificationDue('2026-11-05T23:30:00Z').dueDate).toBe('2026-11-27')
    // Across the National Day holiday of 2026 (1–7 October; Saturday 10 October is worked).
    expect(rectificationDue('2026-09-29T02:00:00Z', BUILTIN_CALENDAR).dueDate).toBe('2026-10-26')
  })

  it('is refused when counted wrong, and accepted on any calendar the receiver served', () => {
    const event = { at: RATED_AT, level: 1, rectificationDue: { dueDate: '2026-11-26', provisional: false } }
    expect(rectificationDueRefusal(event, [BUILTIN_CALENDAR])).toContain('should be 2026-11-27')
    const everyFridayOff = [{ year: 2026, holidays: ['2026-11-13', '2026-11-20'], workingWeekends: [], source: 'test' }]
    expect(rectificationDueRefusal({ ...event, rectificationDue: { dueDate: '2026-12-01', provisional: false } }, [BUILTIN_CALENDAR, everyFridayOff])).toBeUndefined()
  })

  it('is overdue the day after it falls due, in China time', () => {
    expect(rectificationOverdue({ dueDate: '2026-11-27' }, new Date('2026-11-27T15:59:00Z'))).toBe(false)
    expect(rectificationOverdue({ dueDate: '2026-11-27' }, new Date('2026-11-27T16:00:00Z'))).toBe(true)
    expect(rectificationOverdue({ dueDate: '2026-11-27', closed: { at: '', response: '', authorName: '' } }, new Date('2027-01-01'))).toBe(false)
  })
})

describe('a rating in the reducer', () => {
  it('is taken only once the request is resolved, and only once', () => {
    expect(mayRate('assigned', false)).toBe(false)
    expect(mayRate('resolved', false)).toBe(true)
    expect(mayRate('closed', false)).toBe(true)
    expect(mayRate('closed', true)).toBe(false)
    const early = ev(9, '2026-11-04T04:00:00Z', visitor, { type: 'rated', level: 5 })
    expect(canApply(reduceRequest(resolvedHistory.slice(0, 3)), early)).toBe(false)
    const state = reduceRequest([...resolvedHistory, lowRating])!
    const second = ev(10, '2026-11-06T03:00:00Z', visitor, { type: 'rated', level: 5 })
    expect(canApply(state, second)).toBe(false)
    expect(reduceRequest([...resolvedHistory, lowRating, second])!.conflicts).toEqual([second.id])
  })

  it('needs a due date for a low rating and none for the others', () => {
    const state = reduceRequest(resolvedHistory)
    expect(canApply(state, ev(9, RATED_AT, visitor, { type: 'rated', level: 1 }))).toBe(false)
    expect(canApply(state, ev(9, RATED_AT, visitor, { type: 'rated', level: 3, rectificationDue: rectificationDue(RATED_AT) }))).toBe(false)
    expect(canApply(state, ev(9, RATED_AT, visitor, { type: 'rated', level: 3 }))).toBe(true)
  })

  it('opens a rectification for the department of the person responsible, closed by a written response', () => {
    const state = reduceRequest([...resolvedHistory, lowRating])!
    expect(state.rating).toEqual({ level: 2, comment: '跑了三次', reasons: ['runaround'], at: RATED_AT })
    expect(state.rectification).toEqual({ departmentId: 'tax', ratingEventId: lowRating.id, openedAt: RATED_AT, dueDate: '2026-11-27', provisional: false })
    const rectified = ev(6, '2026-11-10T02:00:00Z', lead, { type: 'rectified', response: '已约谈窗口人员，材料一次告知' })
    const after = reduceRequest([...resolvedHistory, lowRating, rectified])!
    expect(after.rectification?.closed).toEqual({ at: '2026-11-10T02:00:00Z', response: '已约谈窗口人员，材料一次告知', authorName: '王建国' })
    expect(canApply(after, { ...rectified, id: id(7), at: '2026-11-11T02:00:00Z' } as RequestEvent)).toBe(false)
    expect(after.timeline.at(-1)).toMatchObject({ type: 'rectified', text: '已约谈窗口人员，材料一次告知' })
  })

  it('opens nothing for a rating of 基本满意 or better, and refuses a response then', () => {
    const fine = ev(5, RATED_AT, visitor, { type: 'rated', level: 3 })
    const state = reduceRequest([...resolvedHistory, fine])!
    expect(state.rectification).toBeUndefined()
    expect(canApply(state, ev(6, '2026-11-10T02:00:00Z', lead, { type: 'rectified', response: '答复' }))).toBe(false)
  })

  it('refuses an empty response by the event schema (the shared text rule)', () => {
    const blank = { ...ev(6, '2026-11-10T02:00:00Z', lead, { type: 'rectified', response: 'x' }), response: '   ' }
    expect(RequestEvent.safeParse(blank).success).toBe(false)
    expect(RequestEvent.safeParse({ ...lowRating, reasons: ['bribe'] }).success).toBe(false)
    expect(RequestEvent.safeParse({ ...lowRating, comment: 'a\u0000b' }).success).toBe(false)
  })
})

describe('who may rate and who may answer', () => {
  const state = [...resolvedHistory, lowRating]
  const rectified = ev(6, '2026-11-10T02:00:00Z', lead, { type: 'rectified', response: '已整改' })

  it('lets only the lead of the rectification’s department answer it', () => {
    expect(authorityRefusal(rectified, ctx(counter, state))).toBeUndefined()
    const otherLead = { ...rectified, author: { kind: 'staff' as const, id: 'lead-amr', name: '赵敏' } } as RequestEvent
    expect(authorityRefusal(otherLead, ctx(counter, state))?.reason).toContain('rectification is for department tax')
    const handler = { ...rectified, author: { kind: 'staff' as const, id: 'handler-tax', name: '孙丽' } } as RequestEvent
    expect(authorityRefusal(handler, ctx(counter, state))?.code).toBe('forbidden')
    const office = { ...rectified, author: { kind: 'department' as const, id: 'tax', name: '税务局' } } as RequestEvent
    expect(authorityRefusal(office, ctx({ kind: 'office', centerId: 'c', departmentId: 'tax' }, state))).toBeUndefined()
    expect(authorityRefusal(office, ctx({ kind: 'device', centerId: 'c', deviceId: 'd', mode: 'visitor' }, state))?.code).toBe('forbidden')
  })

  it('lets the public tracking page record a visitor’s rating and nothing else', () => {
    const tracking = { kind: 'tracking' as const, centerId: 'c' }
    expect(authorityRefusal(lowRating, ctx(tracking, resolvedHistory))).toBeUndefined()
    const withdrawn = ev(9, RATED_AT, visitor, { type: 'withdrawn' })
    expect(authorityRefusal(withdrawn, ctx(tracking, resolvedHistory))?.code).toBe('forbidden')
    expect(authorityRefusal(rectified, ctx(tracking, state))?.code).toBe('forbidden')
  })
})

describe('what the enterprise sees', () => {
  it('shows the level and the rectification with its response, never the comment', () => {
    const rectified = ev(6, '2026-11-10T02:00:00Z', lead, { type: 'rectified', response: '已整改，向您致歉' })
    const open = publicView(reduceRequest([...resolvedHistory, lowRating])!, undefined)
    expect(open.rating).toEqual({ level: 2 })
    expect(open.rectification).toEqual({ dueDate: '2026-11-27', provisional: false })
    const closed = publicView(reduceRequest([...resolvedHistory, lowRating, rectified])!, undefined)
    expect(closed.rectification).toEqual({ dueDate: '2026-11-27', provisional: false, closedAt: '2026-11-10T02:00:00Z', response: '已整改，向您致歉' })
    expect(JSON.stringify(closed)).not.toContain('跑了三次')
  })

  it('names what was asked for from the catalog, or by id when the catalog lacks it; an appeal by its category only', () => {
    const state = reduceRequest(resolvedHistory)!
    expect(publicView(state, BUILTIN_CATALOG).subject).toEqual({ kind: 'application', names: [{ id: 'business-registration', name: BUILTIN_CATALOG.items.find((i) => i.id === 'business-registration')!.name }] })
    expect(publicView(state, undefined).subject).toEqual({ kind: 'application', names: [{ id: 'business-registration', name: { zh: 'business-registration', en: 'business-registration' } }] })
    const appeal = { ...request, itemIds: [], kind: 'appeal', appeal: { categoryId: 'labor', description: '拖欠工资三个月', desiredOutcome: '补发' } } as ServiceRequest
    const view = publicView({ ...state, request: appeal }, BUILTIN_CATALOG)
    expect(view.subject).toEqual({ kind: 'appeal', names: [{ id: 'labor', name: BUILTIN_CATALOG.appealCategories.find((c) => c.id === 'labor')!.name }] })
    expect(JSON.stringify(view)).not.toContain('拖欠工资')
  })

  it('offers praise for the upper levels and complaints for the lower', () => {
    expect(reasonsFor(5)).toContain('fast')
    expect(reasonsFor(1)).toContain('runaround')
    expect(reasonsFor(3)).not.toContain('rude')
  })
})
