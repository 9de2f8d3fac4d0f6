import { pick } from '../../shared/index'
import { useCatalogStore } from '../stores/catalog'
import { useVisitStore } from '../stores/visit'

/**
 * Names of the catalog's departments, items and appeal categories in the screen's language, from
 * the catalog this device holds; an id the catalog no longer has is shown as it is.
 */
export function useCatalogNames() {
  const catalogs = useCatalogStore()
  const visit = useVisitStore()
  const nameOf =
    <K extends 'departments' | 'items' | 'appealCategories' | 'domains'>(list: K) =>
    (id: string): string => {
      const found = (catalogs.catalog[list] as ReadonlyArray<{ id: string; name: { zh: string; en: string } }>).find((x) => x.id === id)
      return found ? pick(found.name, visit.locale) : id
    }
  return { department: nameOf('departments'), item: nameOf('items'), category: nameOf('appealCategories'), domain: nameOf('domains') }
}
