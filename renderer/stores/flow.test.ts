import { describe, expect, it } from 'vitest'
import { BUILTIN_CATALOG, mergeItems, usccCheckChar } from '../../shared/index'
import { emptyDraft, type VisitDraft } from './visit'
import { formSteps, nextStep, questionPosition } from './flow'

const uscc = '91330100MA27XXXXX' + usccCheckChar('91330100MA27XXXXX')

function draftFor(itemIds: string[], answers: VisitDraft['answers'] = {}): VisitDraft {
  return {
    ...emptyDraft(),
    itemIds,
    answers,
    enterprise: { uscc, name: '杭州云栖智造科技有限公司' },
    contact: { name: '王晓明', mobile: '13905710001' },
  }
}

describe('visitor flow', () => {
  it('asks the enterprise, each visible question once, the materials, then the check screen', () => {
    const ids = ['talent-certification', 'talent-housing']
    const steps = formSteps(draftFor(ids), mergeItems(BUILTIN_CATALOG, ids))
    const keys = steps.filter((s) => s.screen === 'question').map((s) => s.key)
    expect(steps[0]).toEqual({ screen: 'enterprise' })
    expect(keys.filter((k) => k === 'applicantName')).toHaveLength(1)
    expect(steps.at(-2)).toEqual({ screen: 'materials' })
    expect(steps.at(-1)).toEqual({ screen: 'review' })
  })

  it('a yes that calls for a follow-up question brings it in right after', () => {
    const ids = ['company-seal']
    const merged = mergeItems(BUILTIN_CATALOG, ids)
    const no = draftFor(ids, { sealKinds: ['official'], sealDelivery: false })
    const yes = draftFor(ids, { sealKinds: ['official'], sealDelivery: true })
    expect(nextStep({ screen: 'question', key: 'sealDelivery' }, no, merged, false)).toEqual({ screen: 'materials' })
    expect(nextStep({ screen: 'question', key: 'sealDelivery' }, yes, merged, false)).toEqual({
      screen: 'question',
      key: 'deliveryAddress',
    })
    expect(questionPosition('sealDelivery', yes, merged)).toEqual({ index: 2, total: 3 })
  })

  it('an edit from the check screen goes back there unless the change left something unanswered', () => {
    const ids = ['company-seal']
    const merged = mergeItems(BUILTIN_CATALOG, ids)
    const complete = { ...draftFor(ids, { sealKinds: ['official'], sealDelivery: false }), materials: { 'business-license': 'have' as const, 'legal-rep-id': 'have' as const } }
    expect(nextStep({ screen: 'question', key: 'sealKinds' }, complete, merged, true)).toEqual({ screen: 'review' })
    const nowYes = { ...complete, answers: { ...complete.answers, sealDelivery: true } }
    expect(nextStep({ screen: 'question', key: 'sealDelivery' }, nowYes, merged, true)).toEqual({
      screen: 'question',
      key: 'deliveryAddress',
    })
    const badMobile = { ...complete, contact: { name: '王晓明', mobile: '1390' } }
    expect(nextStep({ screen: 'items' }, badMobile, merged, true)).toEqual({ screen: 'enterprise' })
  })

  it('an appeal asks its category, three texts and the enterprise', () => {
    const steps = formSteps({ ...emptyDraft(), kind: 'appeal' }, null).map((s) => s.key ?? s.screen)
    expect(steps).toEqual(['appealCategory', 'description', 'desiredOutcome', 'triedDepartment', 'enterprise', 'review'])
  })
})
