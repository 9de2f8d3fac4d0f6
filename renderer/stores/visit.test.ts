import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { ServiceRequest } from '../../shared/index'
import { SubmitError } from './requests'
import { NO_CONSENT, useVisitStore } from './visit'
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
