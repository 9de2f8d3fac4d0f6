import { describe, expect, it } from 'vitest'
import type { Question } from './schema'
import { isQuestionVisible, pruneAnswers, visibleQuestions } from './conditions'

const label = { zh: '问', en: 'Q' }
const opts = (...values: string[]) => values.map((value) => ({ value, label }))
const questions: Question[] = [
  { key: 'hasLoan', type: 'yesNo', label, required: true },
  { key: 'loanKind', type: 'single', label, required: true, options: opts('bank', 'other'), showIf: { key: 'hasLoan', equals: true } },
  { key: 'otherLender', type: 'text', label, required: true, showIf: { key: 'loanKind', equals: 'other' } },
  { key: 'uses', type: 'multi', label, required: true, options: opts('rnd', 'plant') },
  { key: 'rndShare', type: 'number', label, required: false, showIf: { key: 'uses', includes: 'rnd' } },
  { key: 'note', type: 'text', label, required: false, showIf: { key: 'uses' } },
]
const keys = (answers: Record<string, string | boolean | string[]>) => visibleQuestions(questions, answers).map((q) => q.key)

describe('isQuestionVisible', () => {
  it('matches equals, includes, and a bare key meaning "answered"', () => {
    expect(isQuestionVisible(questions[1]!, { hasLoan: true })).toBe(true)
    expect(isQuestionVisible(questions[1]!, { hasLoan: false })).toBe(false)
    expect(isQuestionVisible(questions[1]!, {})).toBe(false)
    expect(isQuestionVisible(questions[4]!, { uses: ['plant', 'rnd'] })).toBe(true)
    expect(isQuestionVisible(questions[4]!, { uses: ['plant'] })).toBe(false)
    expect(isQuestionVisible(questions[4]!, { uses: 'rnd' })).toBe(false)
    expect(isQuestionVisible(questions[5]!, { uses: [] })).toBe(false)
    expect(isQuestionVisible(questions[5]!, { uses: ['plant'] })).toBe(true)
    expect(isQuestionVisible(questions[0]!, {})).toBe(true)
  })
})

describe('visibleQuestions', () => {
  it('shows a branch only while its condition holds', () => {
    expect(keys({})).toEqual(['hasLoan', 'uses'])
    expect(keys({ hasLoan: true, loanKind: 'other' })).toEqual(['hasLoan', 'loanKind', 'otherLender', 'uses'])
    expect(keys({ uses: ['rnd'] })).toEqual(['hasLoan', 'uses', 'rndShare', 'note'])
  })

  it('hides a question whose parent is hidden, even if a stale answer would match', () => {
    expect(keys({ hasLoan: false, loanKind: 'other' })).toEqual(['hasLoan', 'uses'])
  })
})

describe('pruneAnswers', () => {
  it('drops answers to questions a changed answer has hidden, and to unknown keys', () => {
    const answers = { hasLoan: false, loanKind: 'other', otherLender: '小贷公司', uses: ['plant'], rndShare: 30, stray: 'x' }
    expect(pruneAnswers(questions, answers)).toEqual({ hasLoan: false, uses: ['plant'] })
  })

  it('keeps every answer while the branch stays open', () => {
    const answers = { hasLoan: true, loanKind: 'other', otherLender: '小贷公司', uses: ['rnd'], rndShare: 30 }
    expect(pruneAnswers(questions, answers)).toEqual(answers)
  })
})
