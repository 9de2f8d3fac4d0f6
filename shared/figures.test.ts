import { describe, expect, it } from 'vitest'
import { BUILTIN_CATALOG } from './catalog/index'
import type { RequestEvent } from './events'
import { computeFigures, keywordsOf, previousPeriod, workingDaysBetween } from './figures'
import { rectificationDue } from './rating'
import { reduceRequest, type RequestState } from './reducer'
import type { ServiceRequest } from './request'

let seq = 0
const nextId = () => `0193a1b2-0000-7000-8000-${String(++seq).padStart(12, '0')}`
const clerk = { kind: 'staff' as const, id: 'clerk-1', name: '陈敏' }
const visitor = { kind: 'visitor' as const, id: 'device-1', name: '' }
const item = BUILTIN_CATALOG.items[0]!

interface Spec {
  created: string
  due: string
  channel?: 'kiosk' | 'counter'
  appeal?: { categoryId: string; description: string }
  assigned?: string
  resolved?: string
  closed?: string
  rated?: { at: string; level: 1 | 2 | 3 | 4 | 5 }
  withdrawn?: string
}

function state(spec: Spec): RequestState {
  const id = nextId()
  const request = {
    id,
    ticketNo: `HZ01-K01-${spec.created.slice(0, 10).replaceAll('-', '')}-${String(seq).padStart(4, '0')}`,
    channel: spec.channel ?? 'kiosk',
    kind: spec.appeal ? 'appeal' : 'application',
    itemIds: spec.appeal ? [] : [item.id],
    ...(spec.appeal ? { appeal: { ...spec.appeal, desiredOutcome: '无' } } : {}),
    createdAt: spec.created,
    dueDate: spec.due,
    dueDateProvisional: false,
    departmentIds: [spec.appeal ? 'ndrc' : item.departmentId],
  } as unknown as ServiceRequest
  const e = (at: string, body: object, author: RequestEvent['author'] = clerk) => ({ id: nextId(), requestId: id, at, author, ...body }) as RequestEvent
  const events: RequestEvent[] = [e(spec.created, { type: 'submitted', request })]
  if (spec.assigned || spec.resolved) events.push(e(spec.assigned ?? spec.resolved!, { type: 'accepted' }))
  if (spec.assigned) events.push(e(spec.assigned, { type: 'assigned', departmentId: 'tax', assigneeName: '王五' }))
  if (spec.resolved) events.push(e(spec.resolved, { type: 'resolved', resolution: '已办结' }))
  if (spec.closed) events.push(e(spec.closed, { type: 'closed' }))
  if (spec.withdrawn) events.push(e(spec.withdrawn, { type: 'withdrawn' }, visitor))
  if (spec.rated) {
    const { at, level } = spec.rated
    events.push(e(at, { type: 'rated', level, ...(level <= 2 ? { rectificationDue: rectificationDue(at) } : {}) }, visitor))
  }
  const s = reduceRequest(events)!
  expect(s.conflicts).toEqual([])
  return s
}

// November 2026 (30 days), and October before it. "Now" is Monday 30 November, 10:00 in China.
const NOW = new Date('2026-11-30T02:00:00Z')
const PERIOD = { from: '2026-11-01', to: '2026-11-30' }

const STATES = [
  // resolved the next working day, on time, 非常满意 (Mon 2 → Tue 3: 1 working day)
  state({ created: '2026-11-02T01:00:00Z', due: '2026-11-10', resolved: '2026-11-03T06:00:00Z', closed: '2026-11-04T01:00:00Z', rated: { at: '2026-11-04T02:00:00Z', level: 5 } }),
  // resolved late (Wed 4 → Fri 13: 7 working days), 不满意 with a rectification open since the 16th, due 7 Dec
  state({ created: '2026-11-04T01:00:00Z', due: '2026-11-11', assigned: '2026-11-04T02:00:00Z', resolved: '2026-11-13T06:00:00Z', rated: { at: '2026-11-16T02:00:00Z', level: 2 } }),
  // an appeal at the counter, open and overdue since the 20th
  state({ created: '2026-11-09T02:00:00Z', due: '2026-11-20', channel: 'counter', assigned: '2026-11-09T03:00:00Z', appeal: { categoryId: 'policy-fulfilment', description: '政策补贴资金一直没有兑现' } }),
  // an appeal at the kiosk, resolved the same day (0 working days), 满意
  state({ created: '2026-11-10T02:00:00Z', due: '2026-11-24', resolved: '2026-11-10T08:00:00Z', appeal: { categoryId: 'policy-fulfilment', description: '补贴资金拨付太慢' }, rated: { at: '2026-11-11T01:00:00Z', level: 4 } }),
  // open and not yet due: counts nowhere in the on-time rate
  state({ created: '2026-11-27T02:00:00Z', due: '2026-12-11', channel: 'counter' }),
  // withdrawn
  state({ created: '2026-11-05T02:00:00Z', due: '2026-11-19', withdrawn: '2026-11-05T03:00:00Z' }),
  // 23:30 on 31 October UTC is 1 November in China: in the period
  state({ created: '2026-10-31T17:30:00Z', due: '2026-11-13', resolved: '2026-11-12T02:00:00Z', rated: { at: '2026-11-12T03:00:00Z', level: 5 } }),
  // October: two requests, one appeal on financing with the same keyword, one on time
  state({ created: '2026-10-12T02:00:00Z', due: '2026-10-20', resolved: '2026-10-14T02:00:00Z', appeal: { categoryId: 'financing', description: '贷款审批慢，补贴资金不到位' } }),
  state({ created: '2026-10-15T02:00:00Z', due: '2026-10-22', resolved: '2026-10-26T02:00:00Z', rated: { at: '2026-10-27T02:00:00Z', level: 1 } }),
  // September: outside both periods, but overdue and open, so on the overdue list
  state({ created: '2026-09-01T02:00:00Z', due: '2026-09-10', assigned: '2026-09-01T03:00:00Z' }),
]

describe('the period', () => {
  it('compares with the period of the same length just before', () => {
    expect(previousPeriod(PERIOD)).toEqual({ from: '2026-10-02', to: '2026-10-31' })
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-07' })).toEqual({ from: '2026-02-22', to: '2026-02-28' })
  })

  it('counts working days after the first day up to the last, on the shared calendar', () => {
    expect(workingDaysBetween('2026-11-02', '2026-11-03')).toBe(1)
    expect(workingDaysBetween('2026-11-04', '2026-11-13')).toBe(7)
    expect(workingDaysBetween('2026-11-10', '2026-11-10')).toBe(0)
    // Across the National Day week: 30 Sep, 8, 9, 10 (a worked Saturday) and 12 October.
    expect(workingDaysBetween('2026-09-29', '2026-10-12')).toBe(5)
  })
})

describe('computeFigures', () => {
  const f = computeFigures({ states: STATES, period: PERIOD, now: NOW, catalog: BUILTIN_CATALOG })

  it('counts requests by status, channel, domain and department, beside the previous period', () => {
    expect(f.total).toEqual({ key: 'total', count: 7, previous: 2 })
    expect(f.byStatus).toEqual([
      { key: 'submitted', count: 1, previous: 0 },
      { key: 'accepted', count: 0, previous: 0 },
      { key: 'assigned', count: 1, previous: 0 },
      { key: 'resolved', count: 3, previous: 2 },
      { key: 'closed', count: 1, previous: 0 },
      { key: 'withdrawn', count: 1, previous: 0 },
    ])
    expect(f.byChannel).toEqual([
      { key: 'kiosk', count: 5, previous: 2 },
      { key: 'counter', count: 2, previous: 0 },
      { key: 'online', count: 0, previous: 0 },
    ])
    expect(f.byDomain).toEqual([
      { key: item.domain, count: 5, previous: 1 },
      { key: 'appeal', count: 2, previous: 1 },
    ])
    expect(f.byDepartment.find((d) => d.key === 'tax')).toEqual({ key: 'tax', count: 2, previous: 0 })
    expect(f.byDepartment.reduce((n, d) => n + d.count, 0)).toBe(7)
  })

  it('gives the on-time rate and the average handling time in working days', () => {
    // On time: the 2nd, the 10th, 31 Oct (1 Nov); late: the 4th (resolved late), the 9th (open, overdue).
    expect(f.onTime).toEqual({ onTime: 3, late: 2, rate: 0.6, previousRate: 0.5 })
    // 1 + 7 + 0 + 9 (Sunday 1 Nov → 12 Nov) over four resolved requests.
    expect(f.handlingDays).toEqual({ resolved: 4, average: 4.25, previousAverage: (2 + 7) / 2 })
  })

  it('gives the share of each satisfaction level', () => {
    expect(f.satisfaction.rated).toBe(4)
    expect(f.satisfaction.previousRated).toBe(1)
    expect(f.satisfaction.levels).toEqual([
      { level: 5, count: 2, share: 0.5 },
      { level: 4, count: 1, share: 0.25 },
      { level: 3, count: 0, share: 0 },
      { level: 2, count: 1, share: 0.25 },
      { level: 1, count: 0, share: 0 },
    ])
  })

  it('lists open requests past their date, most overdue first, whatever their period', () => {
    expect(f.overdue.map((o) => [o.dueDate, o.status, o.daysOverdue])).toEqual([
      ['2026-09-10', 'assigned', 53],
      ['2026-11-20', 'assigned', 6],
    ])
    expect(f.overdue[1]!.departmentId).toBe('tax')
    // October's 非常不满意 of the 27th was due on 17 November; November's 不满意 is due on 7 December.
    expect(f.overdueRectifications).toBe(1)
    const later = computeFigures({ states: STATES, period: PERIOD, now: new Date('2026-12-08T02:00:00Z'), catalog: BUILTIN_CATALOG })
    expect(later.overdueRectifications).toBe(2)
  })

  it('ranks the appeal categories and keywords with their trend', () => {
    expect(f.appealCategories).toEqual([
      { key: 'policy-fulfilment', count: 2, previous: 0 },
      { key: 'financing', count: 0, previous: 1 },
    ])
    expect(f.keywords[0]).toEqual({ key: '补贴', count: 2, previous: 1 })
    expect(f.keywords.find((k) => k.key === '资金')).toEqual({ key: '资金', count: 2, previous: 1 })
    expect(f.keywords.find((k) => k.key === '兑现')).toEqual({ key: '兑现', count: 1, previous: 0 })
  })

  it('is empty, not wrong, for a period without requests', () => {
    const empty = computeFigures({ states: STATES, period: { from: '2025-01-01', to: '2025-01-31' }, now: NOW, catalog: BUILTIN_CATALOG })
    expect(empty.total.count).toBe(0)
    expect(empty.onTime.rate).toBeNull()
    expect(empty.handlingDays.average).toBeNull()
    expect(empty.satisfaction.levels.every((l) => l.share === 0)).toBe(true)
  })
})

describe('keywordsOf', () => {
  it('segments Chinese into words, leaving out common words, numbers and single characters', () => {
    expect(keywordsOf('公司申请的政策补贴资金一直没有兑现，希望尽快拨付2026')).toEqual(['申请', '政策', '补贴', '资金', '兑现', '拨付'])
  })
})
