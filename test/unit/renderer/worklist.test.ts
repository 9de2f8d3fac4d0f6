import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import { BUILTIN_CALENDAR, dueBounds, dueState, maySee, rectificationDue, reduceRequest, type RequestEvent, type StaffMember } from '../../../shared/index'
import type { KioskDb } from '../../../renderer/db/kiosk-db'
import type { RequestRow } from '../../../renderer/db/rows'
import { requestRow } from '../../../renderer/db/summary'
import { allWorklistRows, openRectificationCount, overdueCount, searchWorklist, worklistPage, type Viewer, type WorklistFilter } from '../../../renderer/db/worklist'
import { countReads } from './read-counter'
import { freshDb, sampleRequest, submittedEvent } from './helpers'

const NOW = new Date('2026-11-27T02:00:00Z')
const TOTAL = 1200
const DEPARTMENTS = ['hrss', 'tax', 'amr', 'ndrc']
const ITEMS = ['business-registration', 'tax-new-taxpayer', 'project-filing', 'company-seal']
const CHANNELS = ['kiosk', 'counter', 'online'] as const
const NAMES = ['杭州示例科技有限公司', '宁波海港物流有限公司', '温州鞋业集团', 'Zhejiang Bright Tech Co']
const clerk: Viewer = { role: 'clerk', departmentId: 'service-center' }
const taxHandler: Viewer = { role: 'handler', departmentId: 'tax' }
const staffAuthor = { kind: 'staff' as const, id: 'lead-1', name: '周建华' }

/** A reproducible spread of requests: departments, items, channels, due dates and statuses vary. */
function seedRows(): RequestRow[] {
  return Array.from({ length: TOTAL }, (_, i) => {
    const day = 1 + (i % 28)
    const intake = sampleRequest({
      ticketNo: `HZ01-K0${1 + (i % 3)}-202611${String(day).padStart(2, '0')}-${String(1000 + i).padStart(4, '0')}`,
      itemIds: [ITEMS[i % ITEMS.length]!],
      channel: CHANNELS[i % CHANNELS.length]!,
      departmentIds: [DEPARTMENTS[i % DEPARTMENTS.length]!],
      dueDate: `2026-${i % 2 ? '11' : '12'}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`,
      enterprise: { uscc: `9133010${String(i).padStart(11, '0')}`, name: `${NAMES[i % NAMES.length]}${i}` },
    })
    const events: RequestEvent[] = [submittedEvent(intake)]
    const step = (type: string, extra: object = {}) =>
      events.push({ id: uuidv7(), requestId: intake.id, at: new Date(Date.parse(intake.createdAt) + events.length * 60_000).toISOString(), author: staffAuthor, type, ...extra } as RequestEvent)
    if (i % 5 >= 1) step('accepted')
    if (i % 5 >= 2) step('assigned', { departmentId: DEPARTMENTS[(i + 1) % DEPARTMENTS.length], assigneeName: '王五' })
    if (i % 5 >= 3) step('resolved', { resolution: '已办结' })
    if (i % 5 >= 4) step('closed')
    // Every third done request is rated; half of those low, which opens a 差评整改 task (some answered).
    if (i % 5 >= 3 && i % 3 === 0) {
      const at = new Date(Date.parse(intake.createdAt) + 20 * 86_400_000 + (i % 9) * 86_400_000).toISOString()
      const low = i % 4 !== 2
      events.push({ id: uuidv7(), requestId: intake.id, at, author: { kind: 'visitor', id: intake.deviceId, name: '' }, type: 'rated', level: low ? 1 : 5, ...(low ? { rectificationDue: rectificationDue(at, BUILTIN_CALENDAR) } : {}) } as RequestEvent)
      const answeredAt = new Date(Date.parse(at) + 86_400_000).toISOString()
      if (low && (i % 8 === 0 || i % 8 === 7)) events.push({ id: uuidv7(), requestId: intake.id, at: answeredAt, author: staffAuthor, type: 'rectified', response: '已整改' } as RequestEvent)
    }
    return requestRow(intake, events)
  })
}

let rows: RequestRow[]
let db: KioskDb
let reads: ReturnType<typeof countReads>
const bounds = dueBounds(NOW, BUILTIN_CALENDAR)

/** What the worklist must show, by brute force over every row with the shared rules. */
function expected(viewer: Viewer, f: WorklistFilter): string[] {
  return rows
    .filter((r) => maySee({ ...viewer } as StaffMember, { ...reduceRequest([submittedEvent(r.intake)])!, assignee: r.assignee, request: { ...r.intake, departmentIds: r.departments } }))
    .filter((r) => (f.status ? r.status === f.status : true) && (f.channel ? r.channel === f.channel : true) && (f.domain ? r.domains.includes(f.domain) : true))
    .filter((r) => (f.department ? r.departments.includes(f.department) : true))
    .filter((r) => {
      const s = dueState(r, bounds)
      return f.due === undefined ? true : f.due === 'open' ? s !== 'done' : s === f.due
    })
    .sort((a, b) => (a.dueDate + a.id < b.dueDate + b.id ? -1 : 1))
    .map((r) => r.id)
}

/**
 * The 差评整改 tasks a viewer must see, by brute force: those opened for their department (all of
 * them for whoever sees the whole center), still open or answered, by the task's due date.
 */
function expectedTasks(viewer: Viewer, f: WorklistFilter): string[] {
  const scope = viewer.role === 'clerk' ? undefined : viewer.departmentId
  const department = f.department ?? scope
  return rows
    .filter((r) => r.rectification && r.rectification.open === (f.rectification === 'open' ? 1 : 0))
    .filter((r) => (department ? r.rectification!.departmentId === department : true))
    .filter((r) => (scope && department !== scope ? r.departments.includes(scope) : true))
    .filter((r) => (f.status ? r.status === f.status : true) && (f.channel ? r.channel === f.channel : true))
    .sort((a, b) => (a.rectification!.dueDate + a.id < b.rectification!.dueDate + b.id ? -1 : 1))
    .map((r) => r.id)
}

async function allPages(viewer: Viewer, filter: WorklistFilter, limit = 25): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | undefined
  for (let guard = 0; guard < 200; guard++) {
    const page = await worklistPage(db, viewer, { filter, limit, cursor, now: NOW, calendar: BUILTIN_CALENDAR })
    ids.push(...page.rows.map((r) => r.id))
    if (!page.next) return ids
    cursor = page.next
  }
  throw new Error('paging did not end')
}

beforeAll(async () => {
  rows = seedRows()
  db = freshDb()
  reads = countReads(db, 'requests')
  await db.requests.bulkAdd(rows)
})

afterEach(() => reads.reset())

describe('worklist queries', () => {
  const filters: WorklistFilter[] = [
    {},
    { due: 'open' },
    { due: 'overdue' },
    { due: 'dueSoon' },
    { due: 'onTime' },
    { due: 'done' },
    { status: 'assigned' },
    { status: 'closed', channel: 'online' },
    { domain: 'project', due: 'open' },
    { department: 'tax', status: 'accepted' },
    { department: 'amr', channel: 'counter', due: 'overdue' },
  ]
  for (const filter of filters) {
    it(`pages through ${JSON.stringify(filter)} sorted by due date, as the shared rules say`, async () => {
      expect(await allPages(clerk, filter)).toEqual(expected(clerk, filter))
      expect(await allPages(taxHandler, filter)).toEqual(expected(taxHandler, filter))
    })
  }

  it('shows a handler filtering by another department only what their own department shares', async () => {
    const page = await worklistPage(db, taxHandler, { filter: { department: 'hrss' }, now: NOW })
    expect(page.rows.length).toBeGreaterThan(0)
    expect(page.rows.every((r) => r.departments.includes('tax') && r.departments.includes('hrss'))).toBe(true)
  })

  it('reads only the rows of the first page of open overdue requests, never the table', async () => {
    const page = await worklistPage(db, clerk, { filter: { due: 'overdue' }, limit: 20, now: NOW, calendar: BUILTIN_CALENDAR })
    expect(page.rows).toHaveLength(20)
    expect(page.rows.every((r) => r.dueDate < bounds.today && r.open === 1)).toBe(true)
    expect(reads.rows).toBeLessThanOrEqual(21)
  })

  it('reads at most the rows of its department range when a filter is not in the index', async () => {
    reads.reset()
    await worklistPage(db, taxHandler, { filter: { due: 'open', channel: 'online', domain: 'project' }, limit: 20, now: NOW })
    const taxOpen = rows.filter((r) => r.open === 1 && r.departments.includes('tax')).length
    expect(reads.rows).toBeLessThanOrEqual(taxOpen)
    expect(reads.rows).toBeLessThan(TOTAL / 4)
  })

  it('counts overdue requests from the index without reading a row', async () => {
    const want = rows.filter((r) => dueState(r, bounds) === 'overdue')
    expect(await overdueCount(db, clerk, NOW, BUILTIN_CALENDAR)).toBe(want.length)
    expect(await overdueCount(db, taxHandler, NOW, BUILTIN_CALENDAR)).toBe(want.filter((r) => r.departments.includes('tax')).length)
    expect(reads.rows).toBe(0)
  })

  it('fails a full scan: the counter sees every row a table walk reads', async () => {
    await db.requests.filter((r) => r.channel === 'kiosk').limit(5).toArray()
    expect(reads.rows).toBeGreaterThan(5)
  })
})

describe('差评整改 tasks in the worklist', () => {
  const hrLead: Viewer = { role: 'lead', departmentId: 'hrss' }
  const filters: WorklistFilter[] = [
    { rectification: 'open' },
    { rectification: 'answered' },
    { rectification: 'open', channel: 'kiosk' },
    { rectification: 'open', status: 'closed' },
    { rectification: 'open', department: 'tax' },
  ]
  for (const filter of filters) {
    it(`pages through ${JSON.stringify(filter)} by the tasks' due dates`, async () => {
      for (const viewer of [clerk, hrLead, taxHandler]) {
        const want = expectedTasks(viewer, filter)
        expect(await allPages(viewer, filter, 7)).toEqual(want)
      }
      expect(expectedTasks(clerk, filter).length).toBeGreaterThan(0)
    })
  }

  it('lists a lead only the tasks of their own department, and reads no row of another', async () => {
    reads.reset()
    const page = await worklistPage(db, hrLead, { filter: { rectification: 'open' }, limit: 100, now: NOW })
    expect(page.rows.length).toBeGreaterThan(0)
    expect(page.rows.every((r) => r.rectification?.departmentId === 'hrss' && r.rectification.open === 1)).toBe(true)
    expect(reads.rows).toBe(page.rows.length)
  })

  it('counts the open tasks from the index without reading a row', async () => {
    const open = rows.filter((r) => r.rectification?.open === 1)
    reads.reset()
    expect(await openRectificationCount(db, clerk)).toBe(open.length)
    expect(await openRectificationCount(db, hrLead)).toBe(open.filter((r) => r.rectification!.departmentId === 'hrss').length)
    expect(reads.rows).toBe(0)
  })
})

describe('the whole filtered list (export)', () => {
  it('holds every row of every page, in the order shown', async () => {
    for (const filter of [{ due: 'open' }, { department: 'tax', status: 'accepted' }, { rectification: 'open' }] as WorklistFilter[]) {
      const all = await allWorklistRows(db, clerk, { filter, now: NOW, calendar: BUILTIN_CALENDAR })
      expect(all.map((r) => r.id)).toEqual(await allPages(clerk, filter))
    }
    expect((await allWorklistRows(db, clerk, { now: NOW })).length).toBe(TOTAL)
  })
})

describe('worklist search', () => {
  it('finds a ticket typed in lower case without dashes, or by its date and sequence', async () => {
    const row = rows[123]!
    expect((await searchWorklist(db, clerk, row.ticketNo.toLowerCase().replaceAll('-', ''))).map((r) => r.id)).toEqual([row.id])
    expect((await searchWorklist(db, clerk, row.ticketNo.split('-').slice(2).join('-'))).map((r) => r.id)).toContain(row.id)
    expect(reads.rows).toBeLessThan(40)
  })

  it('finds an enterprise by the beginning or any part of its name, and by USCC', async () => {
    const byStart = await searchWorklist(db, clerk, '宁波海港', 10)
    expect(byStart).toHaveLength(10)
    expect(byStart.every((r) => r.intake.enterprise.name.startsWith('宁波海港'))).toBe(true)
    const inside = await searchWorklist(db, clerk, 'bright tech')
    expect(inside.length).toBeGreaterThan(0)
    expect(inside.every((r) => r.intake.enterprise.name.includes('Bright Tech'))).toBe(true)
    expect((await searchWorklist(db, clerk, rows[77]!.intake.enterprise.uscc)).map((r) => r.id)).toEqual([rows[77]!.id])
    expect(reads.rows).toBeLessThan(100)
  })

  it('finds only what the viewer may see', async () => {
    const hrRow = rows.find((r) => !r.departments.includes('tax'))!
    expect(await searchWorklist(db, taxHandler, hrRow.ticketNo)).toEqual([])
    expect((await searchWorklist(db, clerk, hrRow.ticketNo)).map((r) => r.id)).toEqual([hrRow.id])
  })
})
