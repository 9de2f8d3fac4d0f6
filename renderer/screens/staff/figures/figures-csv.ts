import type { CsvCell } from '../../../../shared/csv'
import type { Figures, Tally } from '../../../../shared/figures'

/** Names for what the figures count by, in the reader's language. */
export interface FigureLabels {
  header: { section: string; item: string; count: string; previous: string; change: string }
  period: string
  sections: { kpi: string; byDomain: string; byStatus: string; byChannel: string; byDepartment: string; satisfaction: string; overdue: string; appealCategories: string; keywords: string }
  kpi: { total: string; onTime: string; handling: string; satisfied: string; overdue: string; rectifications: string }
  overdueHeader: { ticketNo: string; enterprise: string; status: string; dueDate: string; department: string; daysOverdue: string }
  domain(key: string): string
  status(key: string): string
  channel(key: string): string
  department(key: string): string
  level(level: number): string
  category(key: string): string
}

const round = (n: number | null, digits = 4) => (n === null ? '' : Math.round(n * 10 ** digits) / 10 ** digits)

/**
 * The figures as rows for shared/csv.ts: one block per table, each row `section, item, this
 * period, previous, change`, then the overdue list with its own header. Rates are fractions (0.6),
 * which Excel formats as it is told.
 */
export function figuresRows(f: Figures, l: FigureLabels): CsvCell[][] {
  const h = l.header
  const rows: CsvCell[][] = [[l.period, `${f.period.from} ~ ${f.period.to}`, '', `${f.previous.from} ~ ${f.previous.to}`], [h.section, h.item, h.count, h.previous, h.change]]
  const block = (section: string, list: readonly Tally[], name: (key: string) => string) => {
    for (const t of list) rows.push([section, name(t.key), t.count, t.previous, t.count - t.previous])
  }
  const satisfied = f.satisfaction.rated === 0 ? null : f.satisfaction.levels.filter((x) => x.level >= 3).reduce((a, x) => a + x.share, 0)
  rows.push([l.sections.kpi, l.kpi.total, f.total.count, f.total.previous, f.total.count - f.total.previous])
  rows.push([l.sections.kpi, l.kpi.onTime, round(f.onTime.rate), round(f.onTime.previousRate), ''])
  rows.push([l.sections.kpi, l.kpi.handling, round(f.handlingDays.average, 2), round(f.handlingDays.previousAverage, 2), ''])
  rows.push([l.sections.kpi, l.kpi.satisfied, round(satisfied), '', ''])
  rows.push([l.sections.kpi, l.kpi.overdue, f.overdue.length, '', ''])
  rows.push([l.sections.kpi, l.kpi.rectifications, f.overdueRectifications, '', ''])
  block(l.sections.byDomain, f.byDomain, l.domain)
  block(l.sections.byStatus, f.byStatus, l.status)
  block(l.sections.byChannel, f.byChannel, l.channel)
  block(l.sections.byDepartment, f.byDepartment, l.department)
  for (const s of f.satisfaction.levels) rows.push([l.sections.satisfaction, l.level(s.level), s.count, '', '', round(s.share)])
  block(l.sections.appealCategories, f.appealCategories, l.category)
  block(l.sections.keywords, f.keywords, (k) => k)
  const o = l.overdueHeader
  rows.push([], [l.sections.overdue, o.ticketNo, o.enterprise, o.status, o.dueDate, o.department, o.daysOverdue])
  for (const r of f.overdue) rows.push([l.sections.overdue, r.ticketNo, r.enterpriseName, l.status(r.status), r.dueDate, l.department(r.departmentId), r.daysOverdue])
  return rows
}
