import { getDb } from '../db/index'
import { purgeIfDue } from '../db/retention'
import { getHost } from '../host/index'
import { useDeviceStore } from '../stores/device'
import { SyncEngine } from './engine'
import { inProcessLock, webLock } from './lock'

let engine: SyncEngine | undefined

/** The renderer's one sync engine, on the kiosk's database and the host's enrollment. */
export function getSyncEngine(): SyncEngine {
  engine ??= new SyncEngine({
    db: getDb(),
    credentials: async () => {
      const enrollment = await getHost().getEnrollment()
      return enrollment ? { platformUrl: enrollment.platformUrl, token: enrollment.token } : null
    },
    // Without Web Locks (very old engines) two windows could both sync; the platform's dedupe by id
    // keeps that harmless, it only wastes a round.
    lock: typeof navigator !== 'undefined' && navigator.locks ? webLock(navigator.locks) : inProcessLock(),
    afterSync: async () => {
      await purgeIfDue(getDb(), { days: useDeviceStore().retentionDays })
    },
  })
  return engine
}

export { SyncEngine } from './engine'
export type { SyncResult, SyncStatus } from './engine'
export { PlatformClient, ApiFailure } from './api'
