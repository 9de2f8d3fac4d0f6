import { liveQuery, type Subscription } from 'dexie'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { getDb, META } from '../db/index'
import { outboxCounts, rejectedEvents, type RejectedEvent } from '../db/outbox'
import { getSyncEngine, type SyncResult } from '../sync/index'
import { useDeviceStore } from './device'

/** What the staff status bar shows: is the platform reachable, what is waiting, what was refused. */
export const useSyncStore = defineStore('sync', () => {
  const online = ref(false)
  const syncing = ref(false)
  const pending = ref(0)
  const rejected = ref(0)
  const rejectedList = shallowRef<RejectedEvent[]>([])
  const lastSyncAt = ref<string | null>(null)
  const lastError = ref<string | null>(null)
  const progress = ref<{ done: number; total: number } | null>(null)
  const needsReenroll = ref(false)
  const nextAttemptAt = ref<number | null>(null)
  /** The disk refused a write: staff must free space; the visitor was told it was not saved. */
  const storageFull = ref(false)
  /** navigator.storage.persist()'s answer: false means the browser may evict our data under pressure. */
  const storagePersisted = ref<boolean | null>(null)
  let started = false
  let watching: Subscription | undefined

  /** Follow the engine and the outbox, ask for persistent storage, and begin syncing. Call once after boot. */
  async function start(): Promise<void> {
    if (started) return
    started = true
    const engine = getSyncEngine()
    engine.subscribe((s) => {
      online.value = s.online
      syncing.value = s.syncing
      progress.value = s.progress ? { ...s.progress } : null
      lastSyncAt.value = s.lastSyncAt
      lastError.value = s.lastError
      nextAttemptAt.value = s.nextAttemptAt
      if (s.needsReenroll && !needsReenroll.value) useDeviceStore().markNeedsReenroll()
      needsReenroll.value = s.needsReenroll
    })
    const db = getDb()
    watching ??= liveQuery(async () => ({ counts: await outboxCounts(db), list: await rejectedEvents(db) })).subscribe({
      next: ({ counts, list }) => {
        pending.value = counts.pending
        rejected.value = counts.rejected
        rejectedList.value = list
      },
    })
    storagePersisted.value = await requestPersistence()
    // Recorded for support; failing to record it must not keep sync from starting.
    await db.meta.put({ key: META.persisted, value: storagePersisted.value }).catch(() => undefined)
    if (typeof window !== 'undefined') window.addEventListener('online', () => engine.requestSync())
    await engine.start()
  }

  async function syncNow(): Promise<SyncResult> {
    return getSyncEngine().syncNow()
  }

  function reportStorageFull(): void {
    storageFull.value = true
  }

  return {
    online,
    syncing,
    pending,
    rejected,
    rejectedList,
    lastSyncAt,
    lastError,
    progress,
    needsReenroll,
    nextAttemptAt,
    storageFull,
    storagePersisted,
    start,
    syncNow,
    reportStorageFull,
  }
})

async function requestPersistence(): Promise<boolean | null> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.persist) return null
    return (await navigator.storage.persisted()) || (await navigator.storage.persist())
  } catch {
    return null
  }
}
