import { describe, expect, it } from 'vitest'
import type { Question } from '../catalog/schema'
import { validateAnswer } from '../intake'
import { addDays, dateBounds, validateDateAnswer } from './date'

const joined: Question = {
  key: 'employmentStartDate',
  type: 'date',
  label: { zh: '入职本单位日期', en: 'Date joined the company' },
  required: true,
  dateRange: { pastDays: 60 * 365, futureDays: 0 },
}

describe('date answers bounded by the question', () => {
  it('counts the range from the day of intake', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01')
    expect(dateBounds(joined, '2026-11-28')).toEqual({ earliest: '1966-12-13', latest: '2026-11-28' })
    expect(dateBounds({}, '2026-11-28').latest).toBe('2036-11-28')
  })

  it('refuses a start date in the future, and a date before the range', () => {
    expect(validateDateAnswer(joined, '2026-11-28', '2026-11-28')).toEqual({ ok: true, value: '2026-11-28' })
    expect(validateDateAnswer(joined, '2036-01-01', '2026-11-28')).toMatchObject({
      ok: false,
      code: 'answer.dateInFuture',
      message: '“入职本单位日期”不能晚于今天（2026-11-28）',
    })
    expect(validateDateAnswer(joined, '1900-01-01', '2026-11-28')).toMatchObject({ ok: false, code: 'answer.dateTooEarly' })
    expect(validateDateAnswer(joined, '2026-02-30', '2026-11-28')).toMatchObject({ ok: false, code: 'answer.date' })
  })

  it('is the rule validateAnswer applies, so the platform refuses the same date', () => {
    expect(validateAnswer(joined, '2030-01-01', { today: '2026-11-28' })).toMatchObject({ ok: false, code: 'answer.dateInFuture' })
    expect(validateAnswer(joined, '2020-01-01', { today: '2026-11-28' }).ok).toBe(true)
    expect(validateAnswer({ ...joined, type: 'passport', dateRange: undefined }, '张三').ok).toBe(false)
    expect(validateAnswer({ ...joined, type: 'bankCard', dateRange: undefined }, '张三').ok).toBe(false)
  })
})
