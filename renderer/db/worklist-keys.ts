/**
 * The worklist's index keys. A request row carries one key per way the worklist may be cut (all,
 * by status, department, domain, channel, and a department with one of the others), each ending in
 * its open flag, its due date and its id:
 *
 *     d:hr-bureau/s:accepted|1|2026-12-10|0193…
 *
 * so one range of the multi-entry index `wl` holds exactly the open (or done) requests of one cut,
 * already sorted by due date, and a page continues after the last key it showed. Ids, statuses,
 * domains and channels never contain `|` (shared/text.ts Id), so a prefix never runs into another.
 */

export interface Cut {
  status?: string
  domain?: string
  department?: string
  channel?: string
  /** The 差评整改 tasks instead of the requests: keys sorted by the task's own due date. */
  rectification?: boolean
}

/** The dimension of rectification tasks (alone, or after a department). */
const RECTIFICATION = 'r'

const SEP = '|'

/** The one dimension (or pair) a query walks: the department, and at most one more filter. */
export function dimension(cut: Cut): string {
  if (cut.rectification) return cut.department !== undefined ? `d:${cut.department}/${RECTIFICATION}` : RECTIFICATION
  const other = cut.status !== undefined ? `s:${cut.status}` : cut.domain !== undefined ? `o:${cut.domain}` : cut.channel !== undefined ? `c:${cut.channel}` : undefined
  if (cut.department !== undefined) return other ? `d:${cut.department}/${other}` : `d:${cut.department}`
  return other ?? '*'
}

/**
 * Every key of one row: the cuts its fields fall in, with its open flag, due date and id; and, when
 * a low rating opened a rectification task, the task's keys under its own open flag and due date,
 * once for the center and once for the department whose lead answers it.
 */
export function worklistKeys(row: {
  id: string
  status: string
  open: 0 | 1
  dueDate: string
  departments: readonly string[]
  domains: readonly string[]
  channel: string
  rectification?: { departmentId: string; dueDate: string; open: 0 | 1 }
}): string[] {
  const others = [`s:${row.status}`, `c:${row.channel}`, ...row.domains.map((d) => `o:${d}`)]
  const dims = ['*', ...others, ...row.departments.flatMap((d) => [`d:${d}`, ...others.map((o) => `d:${d}/${o}`)])]
  const keys = [...new Set(dims)].map((dim) => [dim, row.open, row.dueDate, row.id].join(SEP))
  const r = row.rectification
  if (!r) return keys
  const taskDims = [dimension({ rectification: true }), dimension({ rectification: true, department: r.departmentId })]
  return [...keys, ...taskDims.map((dim) => [dim, r.open, r.dueDate, row.id].join(SEP))]
}

/** The key range of one cut's open or done requests, from a due-date position on. */
export function keyRange(dim: string, open: 0 | 1, from = '', to = '\uffff'): [string, string] {
  return [`${dim}${SEP}${open}${SEP}${from}`, `${dim}${SEP}${open}${SEP}${to}`]
}

/**
 * Search keys of one request: ticket number and its date-sequence tails, USCC, enterprise name
 * suffixes; each also under every responsible department (`d:tax/n:…`), so a handler's search walks
 * only their department's matches instead of passing over everyone else's.
 */
export function searchKeys(ticketNo: string, uscc: string, enterpriseName: string, departments: readonly string[] = []): string[] {
  const keys = centerSearchKeys(ticketNo, uscc, enterpriseName)
  return [...keys, ...departments.flatMap((d) => keys.map((k) => `${scopedSearch(d)}${k}`))]
}

/** The prefix of a department's search keys. */
export function scopedSearch(department: string): string {
  return `d:${department}/`
}

function centerSearchKeys(ticketNo: string, uscc: string, enterpriseName: string): string[] {
  const parts = ticketNo.split('-')
  const tails = parts.slice(1).map((_, i) => parts.slice(i + 1).join('-'))
  const name = Array.from(normalizeName(enterpriseName)).slice(0, MAX_NAME_CHARS)
  const suffixes = name.map((_, i) => `n:${name.slice(i).join('')}`)
  return [...new Set([`t:${ticketNo}`, ...tails.map((t) => `t:${t}`), ...(uscc ? [`u:${uscc.toUpperCase()}`] : []), ...suffixes])]
}

/** Names are searched from any position within their first this many characters. */
export const MAX_NAME_CHARS = 40

/** Case and spaces do not matter when searching a name. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[\s\u3000]+/g, '')
}
