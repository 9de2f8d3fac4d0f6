import { liveQuery, type Subscription } from 'dexie'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { getDb } from '../db/index'
import type { RequestRow } from '../db/rows'
import { allWorklistRows, openRectificationCount, overdueCount, searchWorklist, worklistPage, type Viewer, type WorklistFilter } from '../db/worklist'
import type { DueBounds } from '../../shared/index'
import { useCatalogStore } from './catalog'

/** Most matches a search export holds (a search names one enterprise or ticket, not the whole center). */
const SEARCH_EXPORT_LIMIT = 1000

/**
 * The worklist on screen: one page at a time of what the signed-in member may see, following the
 * database live (a pull or an action elsewhere shows at once), with the overdue count for the header.
 */
export const useWorklistStore = defineStore('worklist', () => {
  const rows = shallowRef<RequestRow[]>([])
  const bounds = shallowRef<DueBounds | undefined>()
  const overdue = ref(0)
  /** 差评整改 tasks still to answer, among what the member may see. */
  const rectifications = ref(0)
  const filter = ref<WorklistFilter>({ due: 'open' })
  const search = ref('')
  /** Cursors of the pages before the current one, and the current one's start; the next page's start. */
  const cursors = ref<Array<string | undefined>>([undefined])
  const next = ref<string | undefined>()
  const loading = ref(false)
  let subscription: Subscription | undefined
  let viewer: Viewer | undefined

  function follow(): void {
    subscription?.unsubscribe()
    if (!viewer) return
    const who = viewer
    const cursor = cursors.value.at(-1)
    const text = search.value.trim()
    const calendar = useCatalogStore().calendar
    loading.value = true
    subscription = liveQuery(async () => {
      const now = new Date()
      const [count, tasks] = await Promise.all([overdueCount(getDb(), who, now, calendar), openRectificationCount(getDb(), who)])
      if (text) return { page: { rows: await searchWorklist(getDb(), who, text), bounds: undefined, next: undefined }, count, tasks, now }
      return { page: await worklistPage(getDb(), who, { filter: filter.value, cursor, now, calendar }), count, tasks, now }
    }).subscribe({
      next: ({ page, count, tasks }) => {
        rectifications.value = tasks
        rows.value = page.rows
        next.value = page.next
        if (page.bounds) bounds.value = page.bounds
        overdue.value = count
        loading.value = false
      },
      error: () => {
        loading.value = false
      },
    })
  }

  /** Show the worklist of this member (on sign-in, or when another member signs in). */
  function open(member: Viewer): void {
    viewer = { role: member.role, departmentId: member.departmentId }
    cursors.value = [undefined]
    follow()
  }

  function setFilter(next: WorklistFilter): void {
    filter.value = next
    cursors.value = [undefined]
    follow()
  }

  function setSearch(text: string): void {
    search.value = text
    cursors.value = [undefined]
    follow()
  }

  function nextPage(): void {
    if (!next.value) return
    cursors.value = [...cursors.value, next.value]
    follow()
  }

  function previousPage(): void {
    if (cursors.value.length <= 1) return
    cursors.value = cursors.value.slice(0, -1)
    follow()
  }

  /**
   * The whole list as it is filtered (every page), or every match of the search shown: what the
   * 导出 button writes. Read once, not followed.
   */
  async function exportRows(): Promise<RequestRow[]> {
    if (!viewer) return []
    const text = search.value.trim()
    if (text) return searchWorklist(getDb(), viewer, text, SEARCH_EXPORT_LIMIT)
    return allWorklistRows(getDb(), viewer, { filter: filter.value, calendar: useCatalogStore().calendar })
  }

  /** Stop following (sign-out): nothing of the list stays in memory. */
  function close(): void {
    subscription?.unsubscribe()
    subscription = undefined
    viewer = undefined
    rows.value = []
    overdue.value = 0
    rectifications.value = 0
    search.value = ''
    filter.value = { due: 'open' }
    cursors.value = [undefined]
  }

  return { rows, bounds, overdue, rectifications, filter, search, next, cursors, loading, open, setFilter, setSearch, nextPage, previousPage, exportRows, close }
})
