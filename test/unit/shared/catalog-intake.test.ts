import { describe, expect, it } from 'vitest'
import { BUILTIN_CATALOG } from '../../../shared/catalog/builtin'
import { mergeItems } from '../../../shared/catalog/bundle'
import { visibleQuestions } from '../../../shared/catalog/conditions'
import type { Question } from '../../../shared/catalog/schema'
import { requestTerms, validateAnswer, validateIntake } from '../../../shared/intake'
import type { AnswerValue, Answers, ServiceRequest } from '../../../shared/request'

/** A plausible answer of each type, inside the question's bounds; yes opens every yes/no branch. */
function sample(q: Question): AnswerValue {
  const inRange = (n: number) => Math.min(Math.max(n, q.min ?? n), q.max ?? n)
  switch (q.type) {
    case 'text':
      return '示例'
    case 'longText':
      return '示例说明'
    case 'number':
      return inRange(3)
    case 'amount':
      return inRange(10000.5)
    case 'date':
      // The day of intake below: inside every question's range, past or ahead.
      return '2026-06-15'
    case 'single':
      return q.options![0]!.value
    case 'multi':
      return q.options!.map((o) => o.value)
    case 'yesNo':
      return true
    case 'mobile':
      return '13800138000'
    case 'uscc':
      return '91350100M000100Y43'
    case 'residentId':
      return '11010519491231002X'
    case 'passport':
      return 'E12345678'
    case 'bankCard':
      return '6222021234567890128'
  }
}

function answerAll(questions: Question[]): Answers {
  const answers: Answers = {}
  for (let shown = -1; shown !== Object.keys(answers).length; ) {
    shown = Object.keys(answers).length
    for (const q of visibleQuestions(questions, answers)) answers[q.key] ??= sample(q)
  }
  return answers
}

function intakeFor(itemIds: string[], bundleId?: string): ServiceRequest {
  const form = mergeItems(BUILTIN_CATALOG, itemIds)
  const createdAt = '2026-06-15T02:00:00.000Z'
  const terms = requestTerms(BUILTIN_CATALOG, { kind: 'application', itemIds }, createdAt)
  return {
    id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    ticketNo: 'HZ01-K03-20260615-0001',
    centerId: 'hz01',
    deviceId: 'k03',
    channel: 'kiosk',
    kind: 'application',
    catalogVersion: BUILTIN_CATALOG.version,
    bundleId,
    itemIds,
    enterprise: { uscc: '91350100M000100Y43', name: '示例科技有限公司' },
    contact: { name: '张三', mobile: '13800138000' },
    answers: answerAll(form.questions),
    materials: Object.fromEntries(form.materials.filter((m) => m.required).map((m) => [m.id, 'have'])),
    locale: 'zh-CN',
    consentAt: createdAt,
    createdAt,
    dueDate: terms.dueDate,
    dueDateProvisional: terms.provisional,
    departmentIds: terms.departmentIds,
  }
}

describe('the built-in catalog against the intake rules', () => {
  it('every item can be completed and validated', () => {
    for (const item of BUILTIN_CATALOG.items) expect(validateIntake(BUILTIN_CATALOG, intakeFor([item.id])), item.id).toEqual([])
  })

  it('every bundle can be completed and validated as one form', () => {
    for (const b of BUILTIN_CATALOG.bundles) expect(validateIntake(BUILTIN_CATALOG, intakeFor(b.itemIds, b.id)), b.id).toEqual([])
  })

  it('an empty answer to any required visible question is reported at its field', () => {
    for (const item of BUILTIN_CATALOG.items) {
      const req = intakeFor([item.id])
      for (const q of visibleQuestions(item.questions, req.answers).filter((x) => x.required)) {
        const answers = { ...req.answers }
        delete answers[q.key]
        const errors = validateIntake(BUILTIN_CATALOG, { ...req, answers }).map((e) => `${e.field} ${e.code}`)
        expect(errors, `${item.id} ${q.key}`).toContain(`answers.${q.key} answer.required`)
        expect(validateAnswer(q, undefined).ok).toBe(false)
      }
    }
  })
})
