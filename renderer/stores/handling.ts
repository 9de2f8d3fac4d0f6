import { defineStore } from 'pinia'
import { modeOf, type RequestState } from '../../shared/index'
import { getDb } from '../db/index'
import { HandlingError, offeredActions, recordHandling, requestDetail, type HandlingAction, type HandlingContext, type HandlingType, type Member } from '../db/handling'
import type { RequestRow } from '../db/rows'
import { useCatalogStore } from './catalog'
import { useDeviceStore } from './device'
import { useSyncStore } from './sync'

export { HandlingError } from '../db/handling'
export type { HandlingAction, HandlingType, Member } from '../db/handling'

/**
 * Handling at the counter (受理, 指派, 会商, 备注, 补正材料, 办结, 归档): each action is an event by the
 * signed-in member, stored with its outbox entry before the screen says it is done, sent by sync.
 */
export const useHandlingStore = defineStore('handling', () => {
  function context(): HandlingContext {
    const enrollment = useDeviceStore().enrollment
    if (!enrollment) throw new HandlingError('storage', { zh: '本机尚未注册到平台，不能办理', en: 'This computer is not enrolled with the platform yet' })
    return {
      credential: { kind: 'device', centerId: enrollment.centerId, deviceId: enrollment.deviceId, mode: modeOf(enrollment) },
      departments: useCatalogStore().catalog.departments.map((d) => d.id),
    }
  }

  /** Record one action; throws HandlingError with the reason in both languages (nothing stored then). */
  async function act(member: Member, requestId: string, action: HandlingAction): Promise<RequestState> {
    try {
      const state = await recordHandling(getDb(), member, requestId, action, context())
      useSyncStore().requestSync()
      return state
    } catch (e) {
      if (e instanceof HandlingError && e.code === 'quota') useSyncStore().reportStorageFull()
      throw e
    }
  }

  /** What the detail screen offers the member on this request now (shared allowedActions); none on an unenrolled computer. */
  function allowed(member: Member, state: RequestState): HandlingType[] {
    const enrollment = useDeviceStore().enrollment
    return enrollment ? offeredActions(member, state, context()) : []
  }

  /** One request with its intake, summary and timeline, from this device's database. */
  function detail(requestId: string): Promise<{ row: RequestRow; state: RequestState } | undefined> {
    return requestDetail(getDb(), requestId)
  }

  /** The synced staff list of one department, to name the person responsible (责任到人); no PIN hash. */
  async function staffOf(departmentId: string): Promise<Array<{ id: string; name: string }>> {
    const staff = await getDb().staff.toArray()
    return staff.filter((s) => s.departmentId === departmentId).map((s) => ({ id: s.id, name: s.name }))
  }

  return { act, allowed, detail, staffOf }
})
