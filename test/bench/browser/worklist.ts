// The worklist at the size a busy center reaches: 100,000 requests on one counter PC. Pure browser
// code (no Node import), so the real-Chromium harness can run it; `npm run bench` also runs it in
// Node on fake-indexeddb, labelled as such. Goals (issue 9/13): first page p95 <= 20 ms, search p95 <= 5 ms.
import { v7 as uuidv7 } from 'uuid'
import { BUILTIN_CALENDAR, type Channel, type RequestEvent, type ServiceRequest } from '../../../shared/index'
import type { KioskDb } from '../../../renderer/db/kiosk-db'
import { requestRow } from '../../../renderer/db/summary'
import { searchWorklist, worklistPage, type Viewer } from '../../../renderer/db/worklist'

export const WORKLIST_BENCH_REQUESTS = 100_000

/** Measured "now": the seeded due dates spread around it, so a tenth or so of the open requests are overdue. */
export const BENCH_NOW = new Date('2026-11-27T02:00:00Z')

const DEPARTMENTS = ['amr', 'tax', 'ndrc', 'hrss', 'planning', 'commerce', 'science', 'ecology']
const ITEMS = ['business-registration', 'tax-new-taxpayer', 'project-filing', 'company-seal', 'project-land-planning']
const CHANNELS: Channel[] = ['kiosk', 'counter', 'online']
const CITIES = ['杭州', '宁波', '温州', '嘉兴', '湖州', '绍兴', '金华', '衢州', '舟山', '台州', '丽水']
const TRADES = ['科技', '物流', '鞋业', '纺织', '机械', '电子', '食品', '化工', '建材', '医药']
const staff = { kind: 'staff' as const, id: 'bench-lead', name: '周建华' }

function isoDay(base: number, offsetDays: number): string {
  return new Date(base + offsetDays * 86_400_000).toISOString().slice(0, 10)
}

/** Request `i` of the seeded center: its intake and events (some accepted, assigned, resolved, closed). */
export function benchRequest(i: number): { intake: ServiceRequest; events: RequestEvent[] } {
  const created = BENCH_NOW.getTime() - (i % 120) * 86_400_000
  const createdAt = new Date(created).toISOString()
  const intake: ServiceRequest = {
    id: uuidv7(),
    ticketNo: `HZ01-K${String(1 + (i % 40)).padStart(2, '0')}-${isoDay(created, 0).replaceAll('-', '')}-${String(i % 10_000).padStart(4, '0')}${i >= 10_000 ? String(Math.floor(i / 10_000)) : ''}`,
    centerId: 'center-hz01',
    deviceId: `device-${i % 40}`,
    channel: CHANNELS[i % CHANNELS.length]!,
    kind: 'application',
    catalogVersion: '2026.11.01',
    itemIds: [ITEMS[i % ITEMS.length]!],
    enterprise: { uscc: `91330${String(i).padStart(13, '0')}`, name: `${CITIES[i % CITIES.length]}${TRADES[(i >> 3) % TRADES.length]}${i}号有限公司` },
    contact: { name: '王小明', mobile: '13800138000' },
    answers: {},
    materials: {},
    locale: 'zh-CN',
    consentAt: createdAt,
    createdAt,
    dueDate: isoDay(created, 20 + (i % 13)),
    dueDateProvisional: false,
    departmentIds: [DEPARTMENTS[i % DEPARTMENTS.length]!],
  }
  const events: RequestEvent[] = [{ id: uuidv7(), requestId: intake.id, at: createdAt, author: { kind: 'visitor', id: intake.deviceId, name: '' }, type: 'submitted', request: intake }]
  const step = (type: string, extra: object = {}) =>
    events.push({ id: uuidv7(), requestId: intake.id, at: new Date(created + events.length * 3_600_000).toISOString(), author: staff, type, ...extra } as RequestEvent)
  // Older requests are further along: most of a center's history is done.
  const age = i % 120
  if (age > 2) step('accepted')
  if (age > 5) step('assigned', { departmentId: DEPARTMENTS[(i + 3) % DEPARTMENTS.length], assigneeName: '李志强' })
  if (age > 30 && i % 4 !== 0) step('resolved', { resolution: '已办结' })
  if (age > 45 && i % 4 !== 0) step('closed')
  return { intake, events }
}

/** Put `n` requests into the database, as rows the summary wrote (the worklist reads rows only). */
export async function seedWorklist(db: KioskDb, n = WORKLIST_BENCH_REQUESTS, chunk = 5000): Promise<void> {
  for (let start = 0; start < n; start += chunk) {
    const rows = Array.from({ length: Math.min(chunk, n - start) }, (_, k) => {
      const { intake, events } = benchRequest(start + k)
      return requestRow(intake, events)
    })
    await db.requests.bulkAdd(rows)
  }
}

function p95(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(0.95 * s.length))]!
}

async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn(i)
    out.push(performance.now() - t)
  }
  return out
}

/**
 * Seeds 100,000 requests into an empty database (or takes one seeded with `seedWorklist`), then times, many times each,
 * the worklist's first page of open overdue requests by due date (a clerk, and a department's
 * handler) and a search (ticket tail, enterprise name prefix and part, USCC).
 */
export async function measureWorklist(db: KioskDb, opts: { runs?: number } = {}): Promise<{ worklist_p95_ms: number; search_p95_ms: number }> {
  if ((await db.requests.count()) === 0) await seedWorklist(db)
  const runs = opts.runs ?? 200
  const viewers: Viewer[] = [
    { role: 'clerk', departmentId: 'service-center' },
    { role: 'handler', departmentId: 'tax' },
  ]
  const query = { filter: { due: 'overdue' as const }, now: BENCH_NOW, calendar: BUILTIN_CALENDAR }
  // Warm up: the first query opens the database and fills caches; a person's first look is not the figure.
  await worklistPage(db, viewers[0]!, query)
  const worklist = await timed(runs, (i) => worklistPage(db, viewers[i % 2]!, query))
  const searches = ['0042', '杭州科技', '物流8', '91330000000000012345', 'hz01-k03']
  await searchWorklist(db, viewers[0]!, searches[0]!)
  const search = await timed(runs, (i) => searchWorklist(db, viewers[i % 2]!, searches[i % searches.length]!))
  return { worklist_p95_ms: p95(worklist), search_p95_ms: p95(search) }
}
