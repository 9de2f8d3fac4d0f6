import { liveQuery } from 'dexie'
import { defineStore } from 'pinia'
import { getCurrentScope, isRef, onScopeDispose, ref, watch, type Ref } from 'vue'
import { modeOf, type Author, type PublicView, type RequestEvent, type RequestState, type ServiceRequest } from '../../shared/index'
import { getDb } from '../db/index'
import { appendEvent as appendLocalEvent } from '../db/append'
import { SubmitError } from '../db/errors'
import { submitRequest, type IntakeDraft } from '../db/submit'
import { recordRating, type RatingInput } from '../db/rating'
import { trackLocally } from '../db/track'
import { useCatalogStore } from './catalog'
import { useDeviceStore } from './device'
import { useSyncStore } from './sync'

export type { IntakeDraft } from '../db/submit'
export { EventConflictError, EventRefusedError, SubmitError } from '../db/errors'
export type RequestSyncState = 'pending' | 'synced' | 'rejected'

/** Requests on this kiosk: intake, staff actions, and lookups, all through the local database first. */
export const useRequestsStore = defineStore('requests', () => {
  /**
   * Save an intake for good before anyone is told it is saved: resolves only after the request, its
   * `submitted` event, its outbox entry and the ticket sequence committed together.
   * `author`: the clerk of an assisted intake (the visitor by default).
   * Throws SubmitError: 'invalid' (with the field errors), 'quota', 'notEnrolled', 'storage'.
   */
  async function submit(draft: IntakeDraft, author?: Author): Promise<ServiceRequest> {
    const device = useDeviceStore()
    const enrollment = device.enrollment
    if (!enrollment) throw new SubmitError('notEnrolled')
    const catalogs = useCatalogStore()
    try {
      const request = await submitRequest(getDb(), draft, {
        enrollment,
        catalog: catalogs.catalog,
        calendar: catalogs.calendar,
        ...(author ? { author } : {}),
      })
      useSyncStore().requestSync()
      return request
    } catch (e) {
      if (e instanceof SubmitError && e.code === 'quota') useSyncStore().reportStorageFull()
      throw e
    }
  }

  /**
   * An action taken here (a staff action in assisted mode; a visitor's withdrawal or rating).
   * Throws EventRefusedError when this device may not record it, EventConflictError when the
   * reducer says it cannot follow, SubmitError 'notEnrolled' or 'quota'.
   */
  async function appendEvent(event: RequestEvent): Promise<RequestState> {
    const enrollment = useDeviceStore().enrollment
    if (!enrollment) throw new SubmitError('notEnrolled')
    const credential = { kind: 'device' as const, centerId: enrollment.centerId, deviceId: enrollment.deviceId, mode: modeOf(enrollment) }
    const departments = useCatalogStore().catalog.departments.map((d) => d.id)
    try {
      const state = await appendLocalEvent(getDb(), event, { credential, departments })
      useSyncStore().requestSync()
      return state
    } catch (e) {
      if (e instanceof SubmitError && e.code === 'quota') useSyncStore().reportStorageFull()
      throw e
    }
  }

  /**
   * 查询办件进度 on this kiosk, offline too: the public view of the request with this ticket number
   * and check code, from what this kiosk holds; undefined when they match no request here.
   */
  async function track(ticketNo: string, checkCode: string): Promise<PublicView | undefined> {
    return trackLocally(getDb(), ticketNo, checkCode, useCatalogStore().catalog)
  }

  /**
   * 好差评 by the visitor holding the receipt: saved with its outbox entry before this resolves.
   * Throws EventConflictError when the request may not be rated (not resolved yet, rated before).
   */
  async function rate(input: RatingInput): Promise<void> {
    const enrollment = useDeviceStore().enrollment
    if (!enrollment) throw new SubmitError('notEnrolled')
    const credential = { kind: 'device' as const, centerId: enrollment.centerId, deviceId: enrollment.deviceId, mode: modeOf(enrollment) }
    const catalogs = useCatalogStore()
    const departments = catalogs.catalog.departments.map((d) => d.id)
    try {
      await recordRating(getDb(), input, { credential, departments, calendar: catalogs.calendar })
      useSyncStore().requestSync()
    } catch (e) {
      if (e instanceof SubmitError && e.code === 'quota') useSyncStore().reportStorageFull()
      throw e
    }
  }

  return { submit, appendEvent, track, rate }
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
