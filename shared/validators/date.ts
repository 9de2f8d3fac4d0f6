import { parseIsoDate } from '../calendar/workingDays'
import type { Question } from '../catalog/schema'
import { type Check, fail, pass } from '../result'

/** The calendar day `days` after `isoDate` (before, when negative). */
export function addDays(isoDate: string, days: number): string {
  return new Date(parseIsoDate(isoDate) + days * 86_400_000).toISOString().slice(0, 10)
}

/** Without its own bounds a date question accepts a hundred years back and ten years ahead. */
export const DEFAULT_DATE_RANGE = { pastDays: 36_525, futureDays: 3_653 } as const

/** The earliest and latest answer a date question allows, counted from `today` (YYYY-MM-DD, China time). */
export function dateBounds(q: Pick<Question, 'dateRange'>, today: string): { earliest: string; latest: string } {
  const pastDays = q.dateRange?.pastDays ?? DEFAULT_DATE_RANGE.pastDays
  const futureDays = q.dateRange?.futureDays ?? DEFAULT_DATE_RANGE.futureDays
  return { earliest: addDays(today, -pastDays), latest: addDays(today, futureDays) }
}

/**
 * A calendar date answer: a real YYYY-MM-DD date and, when the day of intake is known, within the
 * question's range (an employment start date cannot lie in the future).
 */
export function validateDateAnswer(q: Pick<Question, 'label' | 'dateRange'>, input: string, today?: string): Check<string> {
  const v = input.trim()
  try {
    parseIsoDate(v)
  } catch {
    return fail('answer.date', `“${q.label.zh}”应为有效日期，格式如2026-03-01`, `"${q.label.en}" must be a real date like 2026-03-01`)
  }
  if (today === undefined) return pass(v)
  const { earliest, latest } = dateBounds(q, today)
  if (v < earliest) {
    return fail('answer.dateTooEarly', `“${q.label.zh}”不能早于${earliest}`, `"${q.label.en}" cannot be before ${earliest}`)
  }
  if (v > latest) {
    return latest === today
      ? fail('answer.dateInFuture', `“${q.label.zh}”不能晚于今天（${today}）`, `"${q.label.en}" cannot be after today (${today})`)
      : fail('answer.dateTooLate', `“${q.label.zh}”不能晚于${latest}`, `"${q.label.en}" cannot be after ${latest}`)
  }
  return pass(v)
}
