/** Runs `fn` only if nobody else holds the lock; `acquired: false` when someone does (we never queue). */
export interface SyncLock {
  runExclusive<T>(fn: () => Promise<T>): Promise<{ acquired: true; value: T } | { acquired: false }>
}

export const SYNC_LOCK_NAME = 'kiosk-sync'

/** Web Locks: one sync at a time across every window and worker of this origin. */
export function webLock(locks: LockManager, name = SYNC_LOCK_NAME): SyncLock {
  return {
    async runExclusive<T>(fn: () => Promise<T>) {
      return locks.request(name, { ifAvailable: true }, async (lock) => {
        if (!lock) return { acquired: false as const }
        return { acquired: true as const, value: await fn() }
      })
    },
  }
}

/** The same contract inside one process, for Node (which has no navigator.locks) and tests. */
export function inProcessLock(): SyncLock {
  let held = false
  return {
    async runExclusive<T>(fn: () => Promise<T>) {
      if (held) return { acquired: false as const }
      held = true
      try {
        return { acquired: true as const, value: await fn() }
      } finally {
        held = false
      }
    },
  }
}
