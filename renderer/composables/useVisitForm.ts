import { computed, type ComputedRef } from 'vue'
import { mergeItems, type MergedForm } from '../../shared/catalog/bundle'
import type { Catalog } from '../../shared/index'
import { useCatalogStore } from '../stores/catalog'
import { useVisitStore } from '../stores/visit'
import { nextStep } from '../screens/visitor/flow'

/** The merged form of the chosen items (each shared question and material once) and the way forward. */
export function useVisitForm(): {
  catalog: ComputedRef<Catalog>
  merged: ComputedRef<MergedForm | null>
  advance: () => void
} {
  const visit = useVisitStore()
  const catalogStore = useCatalogStore()
  const catalog = computed(() => catalogStore.catalog)
  const merged = computed(() =>
    visit.draft.kind === 'application' && visit.draft.itemIds.length > 0
      ? mergeItems(catalog.value, visit.draft.itemIds)
      : null,
  )

  function advance(): void {
    const next = nextStep(visit.step, visit.draft, merged.value, visit.editing)
    if (next.screen === 'review' && visit.editing) visit.returnToReview()
    else visit.go(next)
  }

  return { catalog, merged, advance }
}
