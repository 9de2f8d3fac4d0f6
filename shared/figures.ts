import { chinaDateOf, isWorkingDay, parseIsoDate } from './calendar/index'
import type { Catalog } from './catalog/schema'
import { RATING_LEVELS, type RatingLevel } from './rating'
import { rectificationOverdue } from './deadline'
import type { RequestState, RequestStatus } from './reducer'
import type { CalendarYear } from './sync'

/**
 * 统计: the center's figures for a period, from request states alone (the device's own database, so
 * they work offline), each beside the same figure for the period just before. Pure: the kiosk's
 * figures screen and its CSV export, and any platform report, count the same way.
 *
 * A request belongs to the period in which it was submitted (its China date). Definitions:
 * - on time: resolved on or before its promised date; late: resolved after it, or still open after
 *   it. On-time rate = on time / (on time + late); requests not yet due and open do not count.
 * - handling time: working days from the day of submission to the day of resolution, the
 *   submission day not counted (as the deadline rule counts), so a same-day resolution is 0.
 * - satisfaction: the share of each level among the period's rated requests.
 */

const DAY_MS = 86_400_000

/** Both ends included, China dates (YYYY-MM-DD). */
export interface Period {
  from: string
  to: string
}

/** The period of the same length that ends the day before `period` begins. */
export function previousPeriod(period: Period): Period {
  const from = parseIsoDate(period.from)
  const days = (parseIsoDate(period.to) - from) / DAY_MS + 1
  return { from: iso(from - days * DAY_MS), to: iso(from - DAY_MS) }
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

export function inPeriod(state: RequestState, period: Period): boolean {
  const day = chinaDateOf(state.request.createdAt)
  return day >= period.from && day <= period.to
}

/** A count in this period beside the previous one. */
export interface Tally {
  key: string
  count: number
  previous: number
}

export interface OverdueRequest {
  requestId: string
  ticketNo: string
  /** For staff following it up (counter PCs hold it; a lobby kiosk has none to show). */
  enterpriseName: string
  status: RequestStatus
  dueDate: string
  departmentId: string
  /** Working days past the promised date, today included. */
  daysOverdue: number
}

export interface Figures {
  period: Period
  previous: Period
  total: Tally
  byDomain: Tally[]
  byStatus: Tally[]
  byChannel: Tally[]
  byDepartment: Tally[]
  onTime: { onTime: number; late: number; rate: number | null; previousRate: number | null }
  handlingDays: { resolved: number; average: number | null; previousAverage: number | null }
  satisfaction: { rated: number; levels: Array<{ level: RatingLevel; count: number; share: number }>; previousRated: number }
  /** Open requests past their promised date, most overdue first (whatever period they came in). */
  overdue: OverdueRequest[]
  /** Open rectification tasks past their due date. */
  overdueRectifications: number
  appealCategories: Tally[]
  keywords: Tally[]
}

export interface FiguresInput {
  /** Every request state at hand; those outside both periods are ignored (except for overdue). */
  states: readonly RequestState[]
  period: Period
  now: Date
  catalog: Pick<Catalog, 'items'>
  calendar?: CalendarYear[]
  /** How many categories and keywords to list. */
  top?: number
}

/** The domain key of a request: its first item's domain, or `appeal` for a 涉企问题. */
export function domainOf(state: RequestState, items: Catalog['items']): string {
  if (state.request.kind === 'appeal') return 'appeal'
  const first = state.request.itemIds[0]
  return items.find((i) => i.id === first)?.domain ?? 'other'
}

/** 谁在负责: the department of the person responsible, else the first department responsible. */
export function departmentOf(state: RequestState): string {
  return state.assignee?.departmentId ?? state.request.departmentIds[0] ?? 'unknown'
}

const OPEN: ReadonlySet<RequestStatus> = new Set(['submitted', 'accepted', 'assigned'])

function resolvedAt(state: RequestState): string | undefined {
  return state.timeline.find((t) => t.type === 'resolved')?.at
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, calendar?: CalendarYear[]): number {
  let count = 0
  for (let ms = parseIsoDate(from) + DAY_MS, end = parseIsoDate(to); ms <= end; ms += DAY_MS) {
    if (isWorkingDay(iso(ms), calendar)) count++
  }
  return count
}

function tallies(current: readonly string[], previous: readonly string[], order?: readonly string[]): Tally[] {
  const map = new Map<string, Tally>()
  const get = (key: string) => {
    let t = map.get(key)
    if (!t) map.set(key, (t = { key, count: 0, previous: 0 }))
    return t
  }
  for (const key of order ?? []) get(key)
  for (const key of current) get(key).count++
  for (const key of previous) get(key).previous++
  const list = [...map.values()]
  return order ? list : list.sort((a, b) => b.count - a.count || b.previous - a.previous || (a.key < b.key ? -1 : 1))
}

function onTimeOf(states: readonly RequestState[], today: string): { onTime: number; late: number } {
  let onTime = 0
  let late = 0
  for (const s of states) {
    const at = resolvedAt(s)
    if (at) {
      if (chinaDateOf(at) <= s.deadline.dueDate) onTime++
      else late++
    } else if (OPEN.has(s.status) && today > s.deadline.dueDate) {
      late++
    }
  }
  return { onTime, late }
}

function rate(part: { onTime: number; late: number }): number | null {
  const all = part.onTime + part.late
  return all === 0 ? null : part.onTime / all
}

function handlingDays(states: readonly RequestState[], calendar?: CalendarYear[]): number[] {
  return states.flatMap((s) => {
    const at = resolvedAt(s)
    return at ? [workingDaysBetween(chinaDateOf(s.request.createdAt), chinaDateOf(at), calendar)] : []
  })
}

function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length
}

/** Words too common in appeals to say anything about them. */
const STOP_WORDS = new Set([
  '我们', '公司', '企业', '希望', '没有', '一直', '问题', '需要', '已经', '目前', '因为', '所以', '可以', '能够', '进行', '相关',
  '情况', '这个', '那个', '什么', '怎么', '如何', '请求', '要求', '反映', '尽快', '解决', '办理', '但是', '还是', '以及', '我司', '本公司',
])

let segmenter: Intl.Segmenter | undefined

/** The distinct words of an appeal worth counting: Chinese segmented by the runtime's ICU (Intl.Segmenter). */
export function keywordsOf(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' })
  const words = new Set<string>()
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    const word = segment.toLowerCase()
    if (isWordLike && Array.from(word).length >= 2 && !/^[\d.]+$/.test(word) && !STOP_WORDS.has(word)) words.add(word)
  }
  return [...words]
}

function appealTexts(state: RequestState): string {
  const a = state.request.appeal
  return a ? `${a.description}\n${a.desiredOutcome}` : ''
}

export function computeFigures(input: FiguresInput): Figures {
  const { period, calendar, catalog } = input
  const top = input.top ?? 10
  const previous = previousPeriod(period)
  const current = input.states.filter((s) => inPeriod(s, period))
  const before = input.states.filter((s) => inPeriod(s, previous))
  const today = chinaDateOf(input.now.toISOString())
  const both = <T>(f: (s: RequestState) => T[]) => [current.flatMap(f), before.flatMap(f)] as const
  const tallyBy = (f: (s: RequestState) => string, order?: readonly string[]) => tallies(current.map(f), before.map(f), order)

  const nowOnTime = onTimeOf(current, today)
  const [ratedNow, ratedBefore] = both((s) => (s.rating ? [s.rating.level] : []))
  const [appealsNow, appealsBefore] = both((s) => (s.request.appeal ? [s.request.appeal.categoryId] : []))
  const [wordsNow, wordsBefore] = both((s) => keywordsOf(appealTexts(s)))

  const overdue = input.states
    .filter((s) => OPEN.has(s.status) && today > s.deadline.dueDate)
    .map((s) => ({
      requestId: s.id,
      ticketNo: s.request.ticketNo,
      enterpriseName: s.request.enterprise?.name ?? '',
      status: s.status,
      dueDate: s.deadline.dueDate,
      departmentId: departmentOf(s),
      daysOverdue: workingDaysBetween(s.deadline.dueDate, today, calendar),
    }))
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.ticketNo < b.ticketNo ? -1 : 1))

  return {
    period,
    previous,
    total: { key: 'total', count: current.length, previous: before.length },
    byDomain: tallyBy((s) => domainOf(s, catalog.items)),
    byStatus: tallyBy((s) => s.status, ['submitted', 'accepted', 'assigned', 'resolved', 'closed', 'withdrawn']),
    byChannel: tallyBy((s) => s.request.channel, ['kiosk', 'counter', 'online']),
    byDepartment: tallyBy(departmentOf),
    onTime: { ...nowOnTime, rate: rate(nowOnTime), previousRate: rate(onTimeOf(before, today)) },
    handlingDays: (() => {
      const days = handlingDays(current, calendar)
      return { resolved: days.length, average: average(days), previousAverage: average(handlingDays(before, calendar)) }
    })(),
    satisfaction: {
      rated: ratedNow.length,
      previousRated: ratedBefore.length,
      levels: RATING_LEVELS.map((level) => {
        const count = ratedNow.filter((l) => l === level).length
        return { level, count, share: ratedNow.length === 0 ? 0 : count / ratedNow.length }
      }),
    },
    overdue,
    overdueRectifications: input.states.filter((s) => s.rectification && rectificationOverdue(s.rectification, input.now)).length,
    appealCategories: tallies(appealsNow, appealsBefore).slice(0, top),
    keywords: tallies(wordsNow, wordsBefore).filter((t) => t.count > 0).slice(0, top),
  }
}
