import {
  dueBounds,
  isOpenStatus,
  normalizeTicketNo,
  seesWholeCenter,
  type CalendarYear,
  type Channel,
  type DueBounds,
  type DueState,
  type RequestStatus,
  type StaffMember,
} from '../../shared/index'
import type { KioskDb } from './kiosk-db'
import type { RequestRow } from './rows'
import { dimension, keyRange, normalizeName, scopedSearch, type Cut } from './worklist-keys'

/** Who is looking: the signed-in member's role and department decide what they may see (shared `maySee`). */
export type Viewer = Pick<StaffMember, 'role' | 'departmentId'>

/** `open` (everything still being handled) or one due state; none shows open and done alike. */
export type DueFilter = DueState | 'open'

/** 差评整改 tasks still to answer, or answered; the list then follows the tasks' due dates. */
export type RectificationFilter = 'open' | 'answered'

export interface WorklistFilter {
  status?: RequestStatus
  domain?: string
  department?: string
  channel?: Channel
  /** Ignored when `rectification` is set: the tasks have a due date of their own. */
  due?: DueFilter
  rectification?: RectificationFilter
}

export interface WorklistQuery {
  filter?: WorklistFilter
  /** Rows per page. */
  limit?: number
  /** From `WorklistPage.next`: the page continues after the last row shown. */
  cursor?: string
  now?: Date
  calendar?: CalendarYear[]
}

export interface WorklistPage {
  rows: RequestRow[]
  /** Where the next page starts; absent on the last page. */
  next?: string
  bounds: DueBounds
}

export const PAGE_SIZE = 30

/** The department a viewer is held to, or undefined when they see the whole center. */
function scopeOf(viewer: Viewer): string | undefined {
  return seesWholeCenter(viewer) ? undefined : viewer.departmentId
}

interface Range {
  lower: string
  upper: string
  lowerOpen: boolean
  upperOpen: boolean
}

/** The index ranges (one per open flag) a filter covers, in due-date order, from the cursor on. */
function rangesOf(dim: string, filter: WorklistFilter, bounds: DueBounds, cursor: string | undefined): Range[] {
  const wanted: Array<{ open: 0 | 1; from: string; to: string; toOpen: boolean }> = []
  const statusOpen = filter.status === undefined ? undefined : isOpenStatus(filter.status)
  const due = filter.due
  const openFrom = due === 'dueSoon' ? bounds.today : due === 'onTime' ? `${bounds.soonUntil}|\uffff` : ''
  const openTo = due === 'overdue' ? bounds.today : due === 'dueSoon' ? `${bounds.soonUntil}|\uffff` : '\uffff'
  if (filter.rectification !== undefined) wanted.push({ open: filter.rectification === 'open' ? 1 : 0, from: '', to: '\uffff', toOpen: false })
  else {
    if (statusOpen !== false && due !== 'done') wanted.push({ open: 1, from: openFrom, to: openTo, toOpen: due === 'overdue' })
    if (statusOpen !== true && (due === undefined || due === 'done')) wanted.push({ open: 0, from: '', to: '\uffff', toOpen: false })
  }
  return wanted.map((w) => {
    const [lower, upper] = keyRange(dim, w.open, w.from, w.to)
    const [after] = keyRange(dim, w.open, cursor ?? '')
    return cursor !== undefined && after > lower
      ? { lower: after, upper, lowerOpen: true, upperOpen: w.toOpen }
      : { lower, upper, lowerOpen: false, upperOpen: w.toOpen }
  })
}

/** The filters the walked index does not cover, checked on each row the walk reads. */
function restOf(filter: WorklistFilter, cut: Cut): (row: RequestRow) => boolean {
  const used = dimension(cut)
  const checks: Array<(row: RequestRow) => boolean> = []
  if (filter.status !== undefined && !used.includes(`s:${filter.status}`)) checks.push((r) => r.status === filter.status)
  if (filter.domain !== undefined && !used.includes(`o:${filter.domain}`)) checks.push((r) => r.domains.includes(filter.domain!))
  if (filter.channel !== undefined && !used.includes(`c:${filter.channel}`)) checks.push((r) => r.channel === filter.channel)
  return (row) => checks.every((c) => c(row))
}

/**
 * One page of the worklist: what the viewer may see, filtered, sorted by due date (earliest first,
 * then by id), continuing after `cursor`. Walks one range of the worklist index per open flag, the
 * narrowest the filter allows (the department, with the status, domain or channel), so it reads
 * the rows it shows and those the remaining filters pass over, never the whole table.
 */
export async function worklistPage(db: KioskDb, viewer: Viewer, query: WorklistQuery = {}): Promise<WorklistPage> {
  const filter = query.filter ?? {}
  const limit = query.limit ?? PAGE_SIZE
  const bounds = dueBounds(query.now ?? new Date(), query.calendar)
  const scope = scopeOf(viewer)
  const { rectification, ...cuts } = filter
  const cut: Cut = { ...cuts, department: filter.department ?? scope, rectification: rectification !== undefined }
  const dim = dimension(cut)
  const others = restOf(filter, cut)
  // Another department's requests, for a handler: only those their own department shares.
  const rest = scope !== undefined && cut.department !== scope ? (r: RequestRow) => r.departments.includes(scope) && others(r) : others
  const pages = await Promise.all(
    rangesOf(dim, filter, bounds, query.cursor).map((r) =>
      db.requests.where('wl').between(r.lower, r.upper, !r.lowerOpen, !r.upperOpen).filter(rest).limit(limit + 1).toArray(),
    ),
  )
  // Rectification tasks are walked (and continue) by the task's due date, requests by their own.
  const dueOf = cut.rectification ? (r: RequestRow) => r.rectification?.dueDate ?? r.dueDate : (r: RequestRow) => r.dueDate
  const merged = pages.flat().sort((a, b) => comparePosition(a, b, dueOf))
  const more = merged.length > limit
  const rows = merged.slice(0, limit)
  const last = rows.at(-1)
  return more && last ? { rows, next: `${dueOf(last)}|${last.id}`, bounds } : { rows, bounds }
}

function comparePosition(a: RequestRow, b: RequestRow, dueOf: (r: RequestRow) => string = (r) => r.dueDate): number {
  const [x, y] = [dueOf(a), dueOf(b)]
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Rows read per page while collecting a whole filtered list (export). */
const EXPORT_PAGE = 500

/** Every row of the worklist as filtered, in its order: what an export of the list holds. */
export async function allWorklistRows(db: KioskDb, viewer: Viewer, query: Omit<WorklistQuery, 'cursor' | 'limit'> = {}): Promise<RequestRow[]> {
  const rows: RequestRow[] = []
  let cursor: string | undefined
  do {
    const page = await worklistPage(db, viewer, { ...query, cursor, limit: EXPORT_PAGE })
    rows.push(...page.rows)
    cursor = page.next
  } while (cursor !== undefined)
  return rows
}

/** How many 差评整改 tasks the viewer may see are still to be answered: an index count. */
export async function openRectificationCount(db: KioskDb, viewer: Viewer): Promise<number> {
  const [lower, upper] = keyRange(dimension({ rectification: true, department: scopeOf(viewer) }), 1)
  return db.requests.where('wl').between(lower, upper, true, true).count()
}

/** How many requests the viewer may see are overdue (for the worklist header): an index count, no row read. */
export async function overdueCount(db: KioskDb, viewer: Viewer, now = new Date(), calendar?: CalendarYear[]): Promise<number> {
  const { today } = dueBounds(now, calendar)
  const scope = scopeOf(viewer)
  const [lower, upper] = keyRange(dimension({ department: scope }), 1, '', today)
  return db.requests.where('wl').between(lower, upper, true, false).count()
}

/**
 * Requests matching what staff typed: a ticket number (whole, any case, with or without dashes, or
 * its date-and-sequence tail), a USCC or its beginning, or any part of the enterprise name. Only
 * what the viewer may see (their department's keys); sorted by due date. Prefix walks of the
 * search index, `limit` rows each.
 */
export async function searchWorklist(db: KioskDb, viewer: Viewer, text: string, limit = PAGE_SIZE): Promise<RequestRow[]> {
  const typed = text.trim()
  if (!typed) return []
  const upper = typed.toUpperCase().replace(/[\s\u3000]/g, '')
  const prefixes = [`t:${normalizeTicketNo(typed) ?? upper}`, `u:${upper}`, `n:${normalizeName(typed)}`]
  const scope = scopeOf(viewer)
  const within = scope === undefined ? '' : scopedSearch(scope)
  const found = await Promise.all(prefixes.map((p) => db.requests.where('sk').startsWith(`${within}${p}`).limit(limit).toArray()))
  const byId = new Map(found.flat().map((r) => [r.id, r]))
  return [...byId.values()].sort(comparePosition).slice(0, limit)
}
