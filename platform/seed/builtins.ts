import { BUILTIN_CALENDAR } from '../../shared/calendar/index'
import { BUILTIN_CATALOG, checkCatalog } from '../../shared/catalog/index'
import type { Storage } from '../storage/types'

/** The catalog and holiday calendar shipped with the code; published once, idempotently. */
export async function publishBuiltins(storage: Storage, at: Date): Promise<void> {
  const checked = checkCatalog(BUILTIN_CATALOG)
  if (!checked.ok) throw new Error(`the built-in catalog is inconsistent:\n${checked.errors.join('\n')}`)
  await storage.publishCatalog(checked.catalog, at)
  await storage.publishCalendar(BUILTIN_CALENDAR, at)
}
