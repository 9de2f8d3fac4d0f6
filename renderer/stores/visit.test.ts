import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Author, ServiceRequest } from '../../shared/index'
import { SubmitError } from './requests'
import { NO_CONSENT, useVisitStore, type VisitSnapshot } from './visit'
import { askedQuestions, formSteps, stepComplete } from './flow'

describe('visit store actions', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('refuses to submit without consent, and saves nothing', async () => {
    const visit = useVisitStore()
    visit.startAppeal()
    const error = await visit.submit().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SubmitError)
    expect((error as SubmitError).code).toBe('invalid')
    expect((error as SubmitError).errors).toEqual([NO_CONSENT])
    expect(visit.submitted).toBeNull()
  })

  it('records and withdraws consent with the time it was given', () => {
    const visit = useVisitStore()
    visit.recordConsent(new Date('2026-11-28T02:00:00Z'))
    expect(visit.draft.consentAt).toBe('2026-11-28T02:00:00.000Z')
    visit.withdrawConsent()
    expect(visit.draft.consentAt).toBeUndefined()
  })

  it('shows the receipt as the end of the path', () => {
    const visit = useVisitStore()
    visit.go({ screen: 'welcome' })
    visit.go({ screen: 'need' })
    visit.showReceipt({ id: 'r1', ticketNo: 'HZ01-K01-20261128-0001' } as ServiceRequest)
    expect(visit.history).toEqual([{ screen: 'receipt' }])
    expect(visit.submitted?.ticketNo).toBe('HZ01-K01-20261128-0001')
  })

  it('keeps one item of a bundle, and a changed answer drops the branch it hid', () => {
    const visit = useVisitStore()
    visit.startApplication({ type: 'bundle', bundleId: 'talent-bundle' }, ['talent-certification'])
    expect(visit.toggleItem('talent-certification')).toBe(false)
    expect(visit.draft.itemIds).toEqual(['talent-certification'])
    visit.setAnswer('isForeignNational', true)
    visit.setAnswer('passportNo', 'E12345678')
    visit.setAnswer('isForeignNational', false)
    expect(visit.draft.answers).toEqual({ isForeignNational: false })
  })

  it('同联系人 fills the applicant from the contact and skips the mobile question; typing another name ends it', () => {
    const visit = useVisitStore()
    visit.startApplication({ type: 'domain', domainId: 'talent' }, ['talent-certification'])
    visit.setContact({ name: '王晓明', mobile: '139 0571 0001' })
    visit.setApplicantIsContact(true)
    expect(visit.draft.answers).toMatchObject({ applicantName: '王晓明', applicantMobile: '13905710001' })
    const asked = askedQuestions(visit.draft, visit.merged).map((q) => q.key)
    expect(asked).toContain('applicantName')
    expect(asked).not.toContain('applicantMobile')
    visit.setContact({ name: '王晓' })
    expect(visit.draft.answers.applicantName).toBe('王晓')
    visit.setAnswer('applicantName', '李四')
    expect(visit.draft.applicantIsContact).toBe(false)
    expect(askedQuestions(visit.draft, visit.merged).map((q) => q.key)).toContain('applicantMobile')
  })

  it('optional documents need no answer; required ones do', () => {
    const visit = useVisitStore()
    visit.startApplication({ type: 'domain', domainId: 'talent' }, ['talent-certification'])
    const step = { screen: 'materials' as const }
    expect(stepComplete(step, visit.draft, visit.merged)).toBe(false)
    visit.haveAllRequired()
    expect(stepComplete(step, visit.draft, visit.merged)).toBe(true)
    const optional = visit.merged!.materials.filter((m) => !m.required).map((m) => m.id)
    expect(optional.length).toBeGreaterThan(0)
    for (const id of optional) expect(visit.draft.materials[id]).toBeUndefined()
  })

  it('an appeal counts every screen of its form, the check screen included', () => {
    const visit = useVisitStore()
    visit.startAppeal()
    expect(formSteps(visit.draft, null).map((s) => s.screen)).toEqual([
      'appealCategory',
      'appealText',
      'appealText',
      'appealText',
      'enterprise',
      'review',
    ])
  })
})

describe('an assisted intake let go of unsubmitted', () => {
  beforeEach(() => setActivePinia(createPinia()))
  const CLERK: Author = { kind: 'staff', id: 'HZ1001', name: '沈佳怡' }

  function keeping(): Array<{ snapshot: VisitSnapshot; clerk: Author }> {
    const kept: Array<{ snapshot: VisitSnapshot; clerk: Author }> = []
    useVisitStore().keepAssistedWith((snapshot, clerk) => kept.push({ snapshot, clerk }))
    return kept
  }

  it('is handed to the keeper with what was typed before the wipe', () => {
    const visit = useVisitStore()
    const kept = keeping()
    visit.startAssisted(CLERK)
    visit.go({ screen: 'enterprise' })
    visit.setEnterprise({ name: '杭州示例科技有限公司' })
    visit.reset()
    expect(kept).toHaveLength(1)
    expect(kept[0]!.clerk).toEqual(CLERK)
    expect(kept[0]!.snapshot.draft.enterprise.name).toBe('杭州示例科技有限公司')
    expect(kept[0]!.snapshot.history.at(-1)).toEqual({ screen: 'enterprise' })
    expect(visit.assistedBy).toBeNull()
    expect(visit.draft.enterprise.name).toBe('')
  })

  it('is not kept when nothing was entered, nor once submitted; a lobby visit is never kept', () => {
    const visit = useVisitStore()
    const kept = keeping()
    visit.startAssisted(CLERK)
    expect(visit.entered).toBe(false)
    visit.reset()
    visit.startAssisted(CLERK)
    visit.setContact({ name: '王丽' })
    visit.showReceipt({ id: 'r1', ticketNo: 'HZ01-C01-20261128-0001' } as ServiceRequest)
    visit.reset()
    visit.go({ screen: 'welcome' })
    visit.go({ screen: 'enterprise' })
    visit.setEnterprise({ name: '杭州示例科技有限公司' })
    visit.reset()
    expect(kept).toEqual([])
  })

  it('has no way back past its first screen, while a lobby visit goes back to the start', () => {
    const visit = useVisitStore()
    visit.startAssisted(CLERK)
    expect(visit.canGoBack).toBe(false)
    visit.back()
    expect(visit.step.screen).toBe('need')
    visit.reset()
    visit.go({ screen: 'welcome' })
    expect(visit.canGoBack).toBe(true)
    visit.back()
    expect(visit.step.screen).toBe('attract')
  })

  it('has one keeper at a time, and an unsubscribed keeper is not called', () => {
    const visit = useVisitStore()
    const first = keeping()
    const second: unknown[] = []
    const stop = visit.keepAssistedWith((snapshot) => second.push(snapshot))
    stop()
    visit.startAssisted(CLERK)
    visit.setEnterprise({ uscc: '91330100MA2H0TEST1' })
    visit.reset()
    expect(first).toEqual([])
    expect(second).toEqual([])
  })
})
