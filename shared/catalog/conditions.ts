import type { AnswerValue, Answers } from '../request'
import type { Question } from './schema'

function isGiven(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === '' || value === false) return false
  return !Array.isArray(value) || value.length > 0
}

/** Whether `q`'s own condition holds for `answers` (ignores whether the question it depends on is shown). */
export function isQuestionVisible(q: Question, answers: Answers): boolean {
  if (!q.showIf) return true
  const { key, equals, includes } = q.showIf
  const answer = answers[key]
  if (equals === undefined && includes === undefined) return isGiven(answer)
  if (equals !== undefined && answer !== equals) return false
  if (includes !== undefined && !(Array.isArray(answer) && answer.includes(includes))) return false
  return true
}

/**
 * The questions to ask, in order. A question whose condition rests on a hidden question is hidden
 * too, so a stale answer further up never brings back a branch the visitor left.
 */
export function visibleQuestions(questions: Question[], answers: Answers): Question[] {
  const shown = new Set<string>()
  const visible: Question[] = []
  for (const q of questions) {
    if (q.showIf && !shown.has(q.showIf.key)) continue
    if (!isQuestionVisible(q, answers)) continue
    shown.add(q.key)
    visible.push(q)
  }
  return visible
}

/** Keeps only answers to questions still shown, so changing an answer leaves no stale branch behind. */
export function pruneAnswers(questions: Question[], answers: Answers): Answers {
  const kept: Answers = {}
  for (const q of visibleQuestions(questions, answers)) {
    const value = answers[q.key]
    if (value !== undefined) kept[q.key] = value
  }
  return kept
}
