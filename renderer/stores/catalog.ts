import { liveQuery, type Subscription } from 'dexie'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { CalendarYear, Catalog } from '../../shared/index'
import { BUILTIN_CALENDAR, mergeCalendars } from '../../shared/calendar/index'
import { BUILTIN_CATALOG } from '../../shared/catalog/index'
import { getDb } from '../db/index'
import { compareCatalogVersions, newestCatalog } from '../db/catalogs'

/** The service catalog and holiday calendar in force: the newest pulled from the platform, else the built-in ones. */
export const useCatalogStore = defineStore('catalog', () => {
  const catalog = shallowRef<Catalog>(BUILTIN_CATALOG)
  const calendar = shallowRef<CalendarYear[]>(BUILTIN_CALENDAR)
  const source = ref<'builtin' | 'synced'>('builtin')
  let watching: Subscription | undefined

  /** Read what sync stored, and follow it: a catalog pulled later replaces this one for the next visitor. */
  async function load(): Promise<void> {
    const db = getDb()
    apply(await newestCatalog(db), await db.calendar.toArray())
    watching ??= liveQuery(async () => [await newestCatalog(db), await db.calendar.toArray()] as const).subscribe({
      next: ([c, years]) => apply(c, years),
    })
  }

  function apply(pulled: Catalog | undefined, years: CalendarYear[]): void {
    // An app update may ship a built-in catalog newer than the last one pulled.
    const next = pulled && compareCatalogVersions(pulled.version, BUILTIN_CATALOG.version) >= 0 ? pulled : BUILTIN_CATALOG
    if (next.version !== catalog.value.version) catalog.value = next
    source.value = next === BUILTIN_CATALOG ? 'builtin' : 'synced'
    calendar.value = mergeCalendars(BUILTIN_CALENDAR, years)
  }

  return { catalog, calendar, source, load }
})
