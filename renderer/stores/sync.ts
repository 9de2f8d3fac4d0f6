import { liveQuery, type Subscription } from 'dexie'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { modeOf } from '../../shared/index'
import { getDb, META } from '../db/index'
import { outboxCounts, rejectedEvents, retryHeld, type RejectedEvent } from '../db/outbox'
import { purgeIfDue } from '../db/retention'
import { clockIsOff, createSyncEngine, type SyncEngine, type SyncResult } from '../sync/index'
import { getHost } from '../host/index'
import { useDeviceStore } from './device'

/**
 * Runs sync for this kiosk and tells staff how it goes: is the platform reachable, what is waiting,
 * what was refused, whether the clock is right. The engine is built here, given the device's
 * credential and its retention settings.
 */
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
  /** Platform clock minus this kiosk's (ms), from the last pull; null until known. */
  const clockOffsetMs = ref<number | null>(null)
  const clockOff = computed(() => clockIsOff({ clockOffsetMs: clockOffsetMs.value }))
  /** The disk refused a write: staff must free space; the visitor was told it was not saved. */
  const storageFull = ref(false)
  /** navigator.storage.persist()'s answer: false means the browser may evict our data under pressure. */
  const storagePersisted = ref<boolean | null>(null)
  let engine: SyncEngine | undefined
  let started = false
  let watching: Subscription | undefined

  /** Made on first use: staff may press "sync now" before the kiosk has finished starting. */
  function engineOf(): SyncEngine {
    engine ??= build()
    return engine
  }

  function build(): SyncEngine {
    const device = useDeviceStore()
    return createSyncEngine({
      credentials: async () => {
        const e = await getHost().getEnrollment()
        return e ? { platformUrl: e.platformUrl, token: e.token, mode: modeOf(e) } : null
      },
      afterSync: async () => {
        const e = device.enrollment
        await purgeIfDue(getDb(), { days: device.retentionDays, mode: e ? modeOf(e) : 'visitor', deviceId: e?.deviceId })
      },
    })
  }

  /** Follow the engine and the outbox, ask for persistent storage, and begin syncing. Call once after boot. */
  async function start(): Promise<void> {
    if (started) return
    started = true
    const running = engineOf()
    running.subscribe((s) => {
      online.value = s.online
      syncing.value = s.syncing
      progress.value = s.progress ? { ...s.progress } : null
      lastSyncAt.value = s.lastSyncAt
      lastError.value = s.lastError
      nextAttemptAt.value = s.nextAttemptAt
      clockOffsetMs.value = s.clockOffsetMs
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
    if (typeof window !== 'undefined') window.addEventListener('online', () => running.requestSync())
    await running.start()
  }

  /** Something changed locally (a submit, a staff action): sync soon. Before start() there is nothing to do. */
  function requestSync(): void {
    engine?.requestSync()
  }

  async function syncNow(): Promise<SyncResult> {
    return engineOf().syncNow()
  }

  /** Send again an event the platform kept failing on; true when it was one. */
  async function retry(eventId: string): Promise<boolean> {
    const again = await retryHeld(getDb(), eventId)
    if (again) requestSync()
    return again
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
    clockOffsetMs,
    clockOff,
    storageFull,
    storagePersisted,
    start,
    requestSync,
    syncNow,
    retry,
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
