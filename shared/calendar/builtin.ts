import type { CalendarYear } from '../sync'

/** Every day from `from` to `to` inclusive (same year), as YYYY-MM-DD. */
function span(from: string, to: string): string[] {
  const days: string[] = []
  const end = Date.parse(`${to}T00:00:00Z`)
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10))
  }
  return days
}

/**
 * Public holidays and 调休 working weekends as the State Council General Office announced them.
 * Holidays list every day of each announced break, weekends inside it included.
 */
export const BUILTIN_CALENDAR: CalendarYear[] = [
  {
    year: 2024,
    holidays: [
      '2024-01-01',
      ...span('2024-02-10', '2024-02-17'),
      ...span('2024-04-04', '2024-04-06'),
      ...span('2024-05-01', '2024-05-05'),
      '2024-06-10',
      ...span('2024-09-15', '2024-09-17'),
      ...span('2024-10-01', '2024-10-07'),
    ],
    workingWeekends: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
    source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023-10-25）',
  },
  {
    year: 2025,
    holidays: [
      '2025-01-01',
      ...span('2025-01-28', '2025-02-04'),
      ...span('2025-04-04', '2025-04-06'),
      ...span('2025-05-01', '2025-05-05'),
      ...span('2025-05-31', '2025-06-02'),
      ...span('2025-10-01', '2025-10-08'),
    ],
    workingWeekends: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）',
  },
  {
    year: 2026,
    holidays: [
      ...span('2026-01-01', '2026-01-03'),
      ...span('2026-02-15', '2026-02-23'),
      ...span('2026-04-04', '2026-04-06'),
      ...span('2026-05-01', '2026-05-05'),
      ...span('2026-06-19', '2026-06-21'),
      ...span('2026-09-25', '2026-09-27'),
      ...span('2026-10-01', '2026-10-07'),
    ],
    workingWeekends: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04，新华社全文发布）',
  },
]
