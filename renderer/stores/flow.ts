import { ServiceRequest, validateMobile, validateUscc, type Question } from '../../shared/index'
import type { MergedForm } from '../../shared/catalog/bundle'
import { visibleQuestions } from '../../shared/catalog/conditions'
import type { AppealField, Step, VisitDraft } from './visit'

export const APPEAL_FIELDS: AppealField[] = ['description', 'desiredOutcome', 'triedDepartment']

/**
 * The questions the visitor is asked, in order: those now visible, less what is already known. When
 * the visitor said the applicant is the contact, only the first question marked `sameAs` is shown
 * (with 同联系人 chosen); the others were filled from the contact.
 */
export function askedQuestions(draft: VisitDraft, merged: MergedForm | null): Question[] {
  const visible = merged ? visibleQuestions(merged.questions, draft.answers) : []
  if (!draft.applicantIsContact) return visible
  const first = visible.find((q) => q.sameAs)
  return visible.filter((q) => !q.sameAs || q === first)
}

/** The screens that fill the draft, in order, for what the visitor chose and answered so far. */
export function formSteps(draft: VisitDraft, merged: MergedForm | null): Step[] {
  if (draft.kind === 'appeal') {
    return [
      { screen: 'appealCategory' },
      ...APPEAL_FIELDS.map((key) => ({ screen: 'appealText' as const, key })),
      { screen: 'enterprise' },
      { screen: 'review' },
    ]
  }
  const questions = askedQuestions(draft, merged)
  return [
    { screen: 'enterprise' },
    ...questions.map((q) => ({ screen: 'question' as const, key: q.key })),
    ...(merged && merged.materials.length > 0 ? [{ screen: 'materials' as const }] : []),
    { screen: 'review' },
  ]
}

/** The intake schema's own rules for the two names, so the screen cannot disagree with the store. */
export const ENTERPRISE_NAME = ServiceRequest.shape.enterprise.shape.name
export const CONTACT_NAME = ServiceRequest.shape.contact.shape.name

export function enterpriseComplete(draft: VisitDraft): boolean {
  return (
    validateUscc(draft.enterprise.uscc).ok &&
    ENTERPRISE_NAME.safeParse(draft.enterprise.name).success &&
    CONTACT_NAME.safeParse(draft.contact.name).success &&
    validateMobile(draft.contact.mobile).ok
  )
}

/** Whether a step already holds what it asks for; an edit from the check screen skips those. */
export function stepComplete(step: Step, draft: VisitDraft, merged: MergedForm | null): boolean {
  switch (step.screen) {
    case 'enterprise':
      return enterpriseComplete(draft)
    case 'question': {
      const q = merged?.questions.find((x) => x.key === step.key)
      return !q || !q.required || draft.answers[q.key] !== undefined
    }
    case 'materials':
      return (merged?.materials ?? []).every((m) => !m.required || draft.materials[m.id] !== undefined)
    case 'appealCategory':
      return draft.appeal.categoryId !== ''
    case 'appealText':
      return step.key === 'triedDepartment' || draft.appeal[step.key as AppealField].trim() !== ''
    default:
      return false
  }
}

function sameStep(a: Step, b: Step): boolean {
  return a.screen === b.screen && a.key === b.key
}

/**
 * The screen after `from`. While editing from the check screen, the visitor is taken only to what
 * the change left unanswered (a newly shown question, a new material), then back to the check screen.
 */
export function nextStep(from: Step, draft: VisitDraft, merged: MergedForm | null, editing: boolean): Step {
  const steps = formSteps(draft, merged)
  const at = steps.findIndex((s) => sameStep(s, from))
  const rest = steps.slice(at + 1)
  if (!editing) return rest[0] ?? { screen: 'review' }
  return rest.find((s) => s.screen === 'review' || !stepComplete(s, draft, merged)) ?? { screen: 'review' }
}

/** "第3题 / 共8题": the position among the questions the visitor is asked. */
export function questionPosition(key: string, draft: VisitDraft, merged: MergedForm | null): { index: number; total: number } {
  const questions = askedQuestions(draft, merged)
  return { index: questions.findIndex((q) => q.key === key) + 1, total: questions.length }
}

/** "第2步 / 共6步": the position of a screen among all the screens of the form, the check screen included. */
export function stepPosition(step: Step, draft: VisitDraft, merged: MergedForm | null): { index: number; total: number } {
  const steps = formSteps(draft, merged)
  return { index: steps.findIndex((s) => sameStep(s, step)) + 1, total: steps.length }
}
