import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { mergeItems, type MergedForm } from '../../shared/catalog/bundle'
import { pruneAnswers } from '../../shared/catalog/conditions'
import { validateMobile, type AnswerValue, type Author, type DomainId, type Locale, type MaterialStatus, type ServiceRequest } from '../../shared/index'
import { useCatalogStore } from './catalog'
import { SubmitError, useRequestsStore } from './requests'
import { toIntakeDraft } from './intake-draft'

/** The screens of the visitor flow; switched by state, never by URL, so no visitor data reaches an address bar. */
export type Screen =
  | 'attract'
  | 'welcome'
  | 'need'
  | 'search'
  | 'items'
  | 'appealCategory'
  | 'appealText'
  | 'enterprise'
  | 'question'
  | 'materials'
  | 'review'
  | 'consent'
  | 'submit'
  | 'receipt'
  | 'track'

export type AppealField = 'description' | 'desiredOutcome' | 'triedDepartment'

/** One screen in the visitor's path; `key` names the question or the appeal field it shows. */
export interface Step {
  screen: Screen
  key?: string
}

/** Which list the "what do you need" screen shows under its three ways in. */
export type NeedView = 'domains' | 'bundles'

export interface VisitDraft {
  kind: 'application' | 'appeal'
  /** Where the items came from: a domain's list, a bundle (一类事) or a search. */
  source?: { type: 'domain'; domainId: DomainId } | { type: 'bundle'; bundleId: string } | { type: 'search' }
  itemIds: string[]
  enterprise: { uscc: string; name: string }
  contact: { name: string; mobile: string }
  answers: Record<string, AnswerValue>
  materials: Record<string, MaterialStatus>
  appeal: { categoryId: string; description: string; desiredOutcome: string; triedDepartment: string }
  /** The visitor said the applicant is the contact: questions marked `sameAs` follow the contact. */
  applicantIsContact: boolean
  /** When the visitor agreed to the processing of personal information (PIPL), just before submitting. */
  consentAt?: string
}

export function emptyDraft(): VisitDraft {
  return {
    kind: 'application',
    itemIds: [],
    enterprise: { uscc: '', name: '' },
    contact: { name: '', mobile: '' },
    answers: {},
    materials: {},
    appeal: { categoryId: '', description: '', desiredOutcome: '', triedDepartment: '' },
    applicantIsContact: false,
  }
}

/** What an assisted intake's draft keeps of a visit, to resume it where the clerk left it. */
export interface VisitSnapshot {
  draft: VisitDraft
  history: Step[]
  locale: Locale
}

/** The field error a submit without consent gets: the intake rules need a consent time, and only the visitor can give it. */
export const NO_CONSENT = {
  field: 'consentAt',
  code: 'intake.noConsent',
  message: '提交前须阅读并同意个人信息使用说明',
  messageEn: 'Please read and agree to how your personal information is used before submitting',
}

/** Keeps a clerk's unsubmitted intake (as a draft) before the visit store lets go of it. */
export type AssistedKeeper = (snapshot: VisitSnapshot, clerk: Author) => void

/** Whether the visitor (or the clerk) entered or chose anything a draft would keep. */
export function hasInput(d: VisitDraft): boolean {
  const texts = [d.enterprise.uscc, d.enterprise.name, d.contact.name, d.contact.mobile, ...Object.values(d.appeal)]
  return d.itemIds.length > 0 || texts.some((x) => x.trim() !== '') || Object.keys(d.answers).length > 0 || Object.keys(d.materials).length > 0
}

/**
 * Everything about the visitor at the screen: language, 长辈模式, the path taken, the draft, the
 * saved request shown on the receipt. Screens change it only through these actions. `reset()` wipes
 * all of it (idle timeout, 完成, 返回首页); a clerk's unsubmitted intake is handed to the keeper first.
 */
export const useVisitStore = defineStore('visit', () => {
  const locale = ref<Locale>('zh-CN')
  const elder = ref(false)
  const history = ref<Step[]>([{ screen: 'attract' }])
  /** True while the visitor changes one answer from the check screen; the flow then returns there. */
  const editing = ref(false)
  const draft = ref<VisitDraft>(emptyDraft())
  const searchQuery = ref('')
  const needView = ref<NeedView>('domains')
  /** Where the check screen was scrolled, so coming back from an edit lands at the same place. */
  const reviewScroll = ref(0)
  const submitted = ref<ServiceRequest | null>(null)
  /** The clerk taking this visit at the counter (assisted intake); null for a visitor on their own. */
  const assistedBy = ref<Author | null>(null)

  const step = computed<Step>(() => history.value[history.value.length - 1] ?? { screen: 'attract' })
  /** A clerk's intake is on screen and not yet submitted. */
  const assistedOpen = computed(() => assistedBy.value !== null && step.value.screen !== 'attract' && step.value.screen !== 'receipt')
  /** Something was entered or chosen: what a draft would keep, and what leaving would lose. */
  const entered = computed(() => hasInput(draft.value))
  /**
   * 上一步 leads somewhere. An assisted intake starts on "what do you need" and is left only by
   * 返回首页 or 保存草稿, which keep what was typed: going back past it would leave it unkept.
   */
  const canGoBack = computed(() => history.value.length > (assistedBy.value ? 2 : 1))
  let keeper: AssistedKeeper | null = null

  /** The chosen items as one form: each shared question and material once. */
  const merged = computed<MergedForm | null>(() =>
    draft.value.kind === 'application' && draft.value.itemIds.length > 0
      ? mergeItems(useCatalogStore().catalog, draft.value.itemIds)
      : null,
  )

  function setLocale(next: Locale): void {
    locale.value = next
  }

  function setElder(on: boolean): void {
    elder.value = on
  }

  function setSearchQuery(q: string): void {
    searchQuery.value = q
  }

  function setNeedView(view: NeedView): void {
    needView.value = view
  }

  function go(next: Step): void {
    history.value.push(next)
  }

  /** Back one screen; the attract screen is never left by going back, nor an assisted intake's first. */
  function back(): void {
    if (canGoBack.value) history.value.pop()
    if (editing.value && step.value.screen === 'review') editing.value = false
  }

  /** Back to the check screen after an edit, dropping the screens visited on the way. */
  function returnToReview(): void {
    const at = history.value.map((s) => s.screen).lastIndexOf('review')
    history.value = at >= 0 ? history.value.slice(0, at + 1) : [...history.value, { screen: 'review' }]
    editing.value = false
  }

  function edit(target: Step, scrollTop = 0): void {
    reviewScroll.value = scrollTop
    editing.value = true
    go(target)
  }

  /** A new visit: the draft starts empty, the language and 长辈模式 chosen on the welcome screen stay. */
  function startApplication(source: VisitDraft['source'], itemIds: string[]): void {
    const keep = draft.value.kind === 'application' ? draft.value : { ...emptyDraft(), enterprise: draft.value.enterprise, contact: draft.value.contact }
    draft.value = { ...keep, kind: 'application', source, itemIds }
  }

  function startAppeal(): void {
    const keep = draft.value
    draft.value = { ...emptyDraft(), kind: 'appeal', enterprise: keep.enterprise, contact: keep.contact }
  }

  /**
   * Tick or untick an item. A bundle keeps at least one of its items; returns false when the
   * untick was refused for that reason.
   */
  function toggleItem(id: string): boolean {
    const ids = draft.value.itemIds
    if (!ids.includes(id)) {
      draft.value.itemIds = [...ids, id]
      return true
    }
    if (draft.value.source?.type === 'bundle' && ids.length === 1) return false
    draft.value.itemIds = ids.filter((x) => x !== id)
    return true
  }

  function setEnterprise(patch: Partial<VisitDraft['enterprise']>): void {
    draft.value.enterprise = { ...draft.value.enterprise, ...patch }
  }

  function setContact(patch: Partial<VisitDraft['contact']>): void {
    draft.value.contact = { ...draft.value.contact, ...patch }
    if (draft.value.applicantIsContact) fillFromContact()
  }

  /** The contact's name and mobile as an answer would hold them. */
  function contactAnswer(field: 'contactName' | 'contactMobile'): string {
    if (field === 'contactName') return draft.value.contact.name.trim()
    const mobile = validateMobile(draft.value.contact.mobile)
    return mobile.ok ? mobile.value : draft.value.contact.mobile.trim()
  }

  /** Answers of the questions marked `sameAs` follow the contact while the visitor says they are the same person. */
  function fillFromContact(): void {
    const answers = { ...draft.value.answers }
    for (const q of merged.value?.questions ?? []) if (q.sameAs) answers[q.key] = contactAnswer(q.sameAs)
    draft.value.answers = answers
  }

  function setApplicantIsContact(same: boolean): void {
    draft.value.applicantIsContact = same
    if (same) fillFromContact()
  }

  /**
   * Keep a validated answer (undefined removes it). A changed answer may hide questions further on;
   * their answers go with it.
   */
  function setAnswer(key: string, value: AnswerValue | undefined): void {
    const answers = { ...draft.value.answers }
    if (value === undefined) delete answers[key]
    else answers[key] = value
    const q = merged.value?.questions.find((x) => x.key === key)
    // Typing another applicant than the contact ends "same as contact".
    if (q?.sameAs && draft.value.applicantIsContact && value !== contactAnswer(q.sameAs)) {
      draft.value.applicantIsContact = false
    }
    draft.value.answers = pruneAnswers(merged.value?.questions ?? [], answers)
  }

  /** A document's status; undefined leaves an optional document unmentioned. */
  function setMaterial(id: string, status: MaterialStatus | undefined): void {
    const materials = { ...draft.value.materials }
    if (status === undefined) delete materials[id]
    else materials[id] = status
    draft.value.materials = materials
  }

  /** Every required document of the chosen items "brought"; optional ones are left as they are. */
  function haveAllRequired(): void {
    const materials = { ...draft.value.materials }
    for (const m of merged.value?.materials ?? []) if (m.required) materials[m.id] = 'have'
    draft.value.materials = materials
  }

  function setAppealCategory(id: string): void {
    draft.value.appeal.categoryId = id
  }

  function setAppealText(field: AppealField, text: string): void {
    draft.value.appeal[field] = text
  }

  /** The visitor agreed to the processing of personal information (PIPL). */
  function recordConsent(at: Date = new Date()): void {
    draft.value.consentAt = at.toISOString()
  }

  function withdrawConsent(): void {
    draft.value.consentAt = undefined
  }

  /**
   * Save the visit as a request and show its receipt. Without the visitor's consent nothing is
   * saved: SubmitError 'invalid' naming `consentAt`. Other SubmitErrors come from the requests store.
   */
  async function submit(): Promise<ServiceRequest> {
    const consentAt = draft.value.consentAt
    if (!consentAt) throw new SubmitError('invalid', [NO_CONSENT])
    const channel = assistedBy.value ? 'counter' : 'kiosk'
    const intake = toIntakeDraft(draft.value, merged.value, locale.value, consentAt, channel)
    const request = await useRequestsStore().submit(intake, assistedBy.value ?? undefined)
    showReceipt(request)
    return request
  }

  /** The receipt is the end of the path: no way back into a submitted form. */
  function showReceipt(request: ServiceRequest): void {
    submitted.value = request
    history.value = [{ screen: 'receipt' }]
    editing.value = false
  }

  /** A clerk starts an intake on a visitor's behalf: the visitor flow from "what do you need". */
  function startAssisted(clerk: Author): void {
    reset()
    assistedBy.value = clerk
    history.value = [{ screen: 'attract' }, { screen: 'need' }]
  }

  function snapshot(): VisitSnapshot {
    return JSON.parse(JSON.stringify({ draft: draft.value, history: history.value, locale: locale.value })) as VisitSnapshot
  }

  /** Resume an assisted intake from its draft; consent is asked again before it is submitted. */
  function restore(saved: VisitSnapshot, clerk: Author): void {
    reset()
    assistedBy.value = clerk
    draft.value = { ...saved.draft, consentAt: undefined }
    history.value = saved.history.filter((s) => s.screen !== 'consent' && s.screen !== 'submit')
    locale.value = saved.locale
  }

  /**
   * Who keeps a clerk's intake that is let go of unsubmitted (the intake section: as a draft); one at
   * a time. Returns the unsubscribe.
   */
  function keepAssistedWith(next: AssistedKeeper): () => void {
    keeper = next
    return () => {
      if (keeper === next) keeper = null
    }
  }

  function reset(): void {
    // Whatever ends a clerk's intake (返回首页, another section, sign-out), what they typed is kept.
    if (assistedOpen.value && entered.value && assistedBy.value) keeper?.(snapshot(), assistedBy.value)
    assistedBy.value = null
    locale.value = 'zh-CN'
    elder.value = false
    history.value = [{ screen: 'attract' }]
    editing.value = false
    draft.value = emptyDraft()
    searchQuery.value = ''
    needView.value = 'domains'
    reviewScroll.value = 0
    submitted.value = null
  }

  return {
    locale,
    elder,
    history,
    editing,
    draft,
    searchQuery,
    needView,
    reviewScroll,
    submitted,
    assistedBy,
    step,
    assistedOpen,
    entered,
    canGoBack,
    merged,
    setLocale,
    setElder,
    setSearchQuery,
    setNeedView,
    go,
    back,
    returnToReview,
    edit,
    startApplication,
    startAppeal,
    toggleItem,
    setEnterprise,
    setContact,
    setApplicantIsContact,
    setAnswer,
    setMaterial,
    haveAllRequired,
    setAppealCategory,
    setAppealText,
    recordConsent,
    withdrawConsent,
    submit,
    showReceipt,
    startAssisted,
    snapshot,
    restore,
    keepAssistedWith,
    reset,
  }
})
