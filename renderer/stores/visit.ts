import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Answers, DomainId, Locale, MaterialStatus, ServiceRequest } from '../../shared/index'

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

export interface VisitDraft {
  kind: 'application' | 'appeal'
  /** Where the items came from: a domain's list, a bundle (一类事) or a search. */
  source?: { type: 'domain'; domainId: DomainId } | { type: 'bundle'; bundleId: string } | { type: 'search' }
  itemIds: string[]
  enterprise: { uscc: string; name: string }
  contact: { name: string; mobile: string }
  answers: Answers
  materials: Record<string, MaterialStatus>
  appeal: { categoryId: string; description: string; desiredOutcome: string; triedDepartment: string }
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
  }
}

/**
 * Everything about the visitor at the screen: language, 长辈模式, the path taken, the draft, the
 * saved request shown on the receipt. `reset()` wipes all of it (idle timeout, 完成, 返回首页).
 */
export const useVisitStore = defineStore('visit', () => {
  const locale = ref<Locale>('zh-CN')
  const elder = ref(false)
  const history = ref<Step[]>([{ screen: 'attract' }])
  /** True while the visitor changes one answer from the check screen; the flow then returns there. */
  const editing = ref(false)
  const draft = ref<VisitDraft>(emptyDraft())
  const searchQuery = ref('')
  const submitted = ref<ServiceRequest | null>(null)

  const step = computed<Step>(() => history.value[history.value.length - 1] ?? { screen: 'attract' })

  function go(step: Step): void {
    history.value.push(step)
  }

  /** Back one screen; the attract screen is never left by going back. */
  function back(): void {
    if (history.value.length > 1) history.value.pop()
    if (editing.value && step.value.screen === 'review') editing.value = false
  }

  /** Back to the check screen after an edit, dropping the screens visited on the way. */
  function returnToReview(): void {
    const at = history.value.map((s) => s.screen).lastIndexOf('review')
    history.value = at >= 0 ? history.value.slice(0, at + 1) : [...history.value, { screen: 'review' }]
    editing.value = false
  }

  function edit(step: Step): void {
    editing.value = true
    go(step)
  }

  /** A new visit: the draft starts empty, the language and 长辈模式 chosen on the welcome screen stay. */
  function startApplication(source: VisitDraft['source'], itemIds: string[]): void {
    const keep = draft.value.kind === 'application' ? draft.value : emptyDraft()
    draft.value = { ...keep, kind: 'application', source, itemIds }
  }

  function startAppeal(): void {
    const keep = draft.value
    draft.value = { ...emptyDraft(), kind: 'appeal', enterprise: keep.enterprise, contact: keep.contact }
  }

  function reset(): void {
    locale.value = 'zh-CN'
    elder.value = false
    history.value = [{ screen: 'attract' }]
    editing.value = false
    draft.value = emptyDraft()
    searchQuery.value = ''
    submitted.value = null
  }

  return {
    locale,
    elder,
    history,
    editing,
    draft,
    searchQuery,
    submitted,
    step,
    go,
    back,
    returnToReview,
    edit,
    startApplication,
    startAppeal,
    reset,
  }
})
