import { liveQuery } from 'dexie'
import { defineStore } from 'pinia'
import { getCurrentScope, isRef, onScopeDispose, ref, watch, type Ref } from 'vue'
import type { RequestEvent, RequestState, ServiceRequest } from '../../shared/index'
import { getDb } from '../db/index'
import { appendEvent as appendLocalEvent, localState } from '../db/append'
import { SubmitError } from '../db/errors'
import { submitRequest, type IntakeDraft } from '../db/submit'
import { getSyncEngine } from '../sync/index'
import { useCatalogStore } from './catalog'
import { useDeviceStore } from './device'
import { useSyncStore } from './sync'

export type { IntakeDraft } from '../db/submit'
export { SubmitError } from '../db/errors'
export type RequestSyncState = 'pending' | 'synced' | 'rejected'

/** Requests on this kiosk: intake, staff actions, and lookups, all through the local database first. */
export const useRequestsStore = defineStore('requests', () => {
  /**
   * Save an intake for good before anyone is told it is saved: resolves only after the request, its
   * `submitted` event, its outbox entry and the ticket sequence committed together.
   * Throws SubmitError: 'invalid' (with the field errors), 'quota', 'notEnrolled', 'storage'.
   */
  async function submit(draft: IntakeDraft): Promise<ServiceRequest> {
    const device = useDeviceStore()
    const enrollment = device.enrollment
    if (!enrollment) throw new SubmitError('notEnrolled')
    const catalogs = useCatalogStore()
    try {
      const request = await submitRequest(getDb(), draft, {
        enrollment,
        catalog: catalogs.catalog,
        calendar: catalogs.calendar,
      })
      getSyncEngine().requestSync()
      return request
    } catch (e) {
      if (e instanceof SubmitError && e.code === 'quota') useSyncStore().reportStorageFull()
      throw e
    }
  }

  /** A staff action taken here (assisted mode); refused when the reducer says it cannot follow. */
  async function appendEvent(event: RequestEvent): Promise<RequestState> {
    try {
      const state = await appendLocalEvent(getDb(), event)
      getSyncEngine().requestSync()
      return state
    } catch (e) {
      if (e instanceof SubmitError && e.code === 'quota') useSyncStore().reportStorageFull()
      throw e
    }
  }

  /** A request's current state from the events this kiosk holds (its own and those pulled). */
  async function findByTicket(ticketNo: string): Promise<RequestState | undefined> {
    const row = await getDb().requests.where('ticketNo').equals(ticketNo.trim().toUpperCase()).first()
    return row ? localState(getDb(), row.id) : undefined
  }

  return { submit, appendEvent, findByTicket }
})

/**
 * Whether a request has reached the platform, kept current as sync runs: 'synced' once none of
 * its events waits in the outbox, 'rejected' when the platform refused one, else 'pending'.
 */
export function useRequestSync(requestId: Ref<string | undefined> | string): Ref<RequestSyncState> {
  const state = ref<RequestSyncState>('pending')
  const id = isRef(requestId) ? requestId : ref(requestId)
  let unsubscribe: (() => void) | undefined
  const stop = watch(
    id,
    (current) => {
      unsubscribe?.()
      unsubscribe = undefined
      state.value = 'pending'
      if (!current) return
      const subscription = liveQuery(() => requestSyncState(current)).subscribe({
        next: (value) => {
          state.value = value
        },
      })
      unsubscribe = () => subscription.unsubscribe()
    },
    { immediate: true },
  )
  if (getCurrentScope()) {
    onScopeDispose(() => {
      stop()
      unsubscribe?.()
    })
  }
  return state
}

async function requestSyncState(requestId: string): Promise<RequestSyncState> {
  const db = getDb()
  const rows = await db.outbox.where('requestId').equals(requestId).toArray()
  if (rows.some((r) => r.state === 'rejected')) return 'rejected'
  if (rows.length > 0) return 'pending'
  return (await db.requests.get(requestId)) ? 'synced' : 'pending'
}
