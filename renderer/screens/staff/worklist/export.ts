import { chinaDateTimeOf, dueState, dueStateOf, type CsvCell, type DueBounds, type DueState, type RequestStatus } from '../../../../shared/index'
import type { RequestRow } from '../../../db/rows'

/** The columns of an exported worklist, in order. */
export const WORKLIST_COLUMNS = [
  'ticketNo',
  'enterprise',
  'uscc',
  'subject',
  'status',
  'department',
  'assignee',
  'channel',
  'createdAt',
  'dueDate',
  'due',
  'awaiting',
  'rectificationDue',
  'rectification',
] as const
export type WorklistColumn = (typeof WORKLIST_COLUMNS)[number]

/** The words of an export, in the staff member's language. */
export interface WorklistCsvLabels {
  header: Record<WorklistColumn, string>
  status: (s: RequestStatus) => string
  department: (id: string) => string
  item: (id: string) => string
  category: (id: string) => string
  channel: (c: RequestRow['channel']) => string
  due: (s: DueState) => string
  /** A rectification task still to answer, overdue, or answered. */
  rectification: (s: 'open' | 'overdue' | 'answered') => string
}

/**
 * The worklist as a spreadsheet: one line per request, in the order shown, with the same words and
 * due states the screen uses. Dates are `YYYY-MM-DD` (China time) so Excel sorts them. Contact
 * names and mobile numbers stay out: an export leaves the device, and the counter needs the
 * enterprise and the handling, not the person.
 */
export function worklistCsvRows(rows: readonly RequestRow[], bounds: DueBounds, labels: WorklistCsvLabels): CsvCell[][] {
  const header = WORKLIST_COLUMNS.map((c) => labels.header[c])
  return [
    header,
    ...rows.map((row) => {
      const subject = row.intake.appeal
        ? `${labels.category(row.intake.appeal.categoryId)}：${row.intake.appeal.description}`
        : row.intake.itemIds.map(labels.item).join('、')
      const task = row.rectification
      const taskState = task ? (task.open === 0 ? 'answered' : dueStateOf(true, task.dueDate, bounds) === 'overdue' ? 'overdue' : 'open') : undefined
      const cells: Record<WorklistColumn, CsvCell> = {
        ticketNo: row.ticketNo,
        enterprise: row.intake.enterprise.name,
        uscc: row.intake.enterprise.uscc,
        subject,
        status: labels.status(row.status),
        department: labels.department(row.assignee?.departmentId ?? row.departments[0] ?? ''),
        assignee: row.assignee?.name ?? '',
        channel: labels.channel(row.channel),
        createdAt: chinaDateTimeOf(row.intake.createdAt),
        dueDate: row.dueDate,
        due: labels.due(dueState(row, bounds)),
        awaiting: (row.awaitingMaterials ?? []).join('、'),
        rectificationDue: task?.dueDate ?? '',
        rectification: taskState ? labels.rectification(taskState) : '',
      }
      return WORKLIST_COLUMNS.map((c) => cells[c])
    }),
  ]
}
