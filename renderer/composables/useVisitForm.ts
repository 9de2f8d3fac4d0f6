import { computed, type ComputedRef } from 'vue'
import type { MergedForm } from '../../shared/catalog/bundle'
import type { Catalog } from '../../shared/index'
import { useCatalogStore } from '../stores/catalog'
import { useVisitStore } from '../stores/visit'
import { nextStep } from '../stores/flow'

/** The merged form of the chosen items (each shared question and material once) and the way forward. */
export function useVisitForm(): {
  catalog: ComputedRef<Catalog>
  merged: ComputedRef<MergedForm | null>
  advance: () => void
  returnsToReview: ComputedRef<boolean>
} {
  const visit = useVisitStore()
  const catalogStore = useCatalogStore()
  const catalog = computed(() => catalogStore.catalog)
  const merged = computed(() => visit.merged)

  /** While editing from the check screen, whether going on leads straight back there (then the button says 返回核对). */
  const returnsToReview = computed(
    () => visit.editing && nextStep(visit.step, visit.draft, visit.merged, true).screen === 'review',
  )

  function advance(): void {
    const next = nextStep(visit.step, visit.draft, visit.merged, visit.editing)
    if (next.screen === 'review' && visit.editing) visit.returnToReview()
    else visit.go(next)
  }

  return { catalog, merged, advance, returnsToReview }
}
