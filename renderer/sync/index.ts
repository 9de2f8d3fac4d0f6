import { getDb } from '../db/index'
import { SyncEngine, type EngineOptions } from './engine'
import { inProcessLock, webLock } from './lock'

/**
 * The renderer's sync engine on the kiosk's database, with what it needs from the rest of the app
 * given to it (the credentials, what to run after a sync), so that sync depends on no store.
 */
export function createSyncEngine(deps: Pick<EngineOptions, 'credentials' | 'afterSync'>): SyncEngine {
  return new SyncEngine({
    db: getDb(),
    // Without Web Locks (very old engines) two windows could both sync; the platform's dedupe by id
    // keeps that harmless, it only wastes a round.
    lock: typeof navigator !== 'undefined' && navigator.locks ? webLock(navigator.locks) : inProcessLock(),
    ...deps,
  })
}

export { SyncEngine, clockIsOff } from './engine'
export type { SyncResult, SyncStatus } from './engine'
export { PlatformClient, ApiFailure } from './api'
