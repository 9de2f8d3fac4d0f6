import { CLOCK_RULES, type DeviceMode } from '../../shared/index'
import { META, type KioskDb } from '../db/index'
import { outboxRows } from '../db/outbox'
import { ApiFailure, PlatformClient } from './api'
import { DEFAULT_BACKOFF, fullJitterDelay, type BackoffPolicy } from './backoff'
import type { SyncLock } from './lock'
import { pullPage, readCursor } from './pull'
import { pushBatch } from './push'

export interface Clock {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface Credentials {
  platformUrl: string
  token: string
  /** The device's mode from its enrollment; a visitor kiosk when unknown. */
  mode?: DeviceMode
}

export interface EngineOptions {
  db: KioskDb
  /** The current enrollment's address and token, or null when the kiosk is not enrolled. */
  credentials: () => Promise<Credentials | null> | Credentials | null
  lock: SyncLock
  fetch?: typeof fetch
  clock?: Clock
  random?: () => number
  intervalMs?: number
  backoff?: BackoffPolicy
  timeoutMs?: number
  pushBatchSize?: number
  pullLimit?: number
  /** Called after each successful sync (e.g. retention). Its failure does not fail the sync. */
  afterSync?: () => Promise<void>
}

export type SyncResult = 'synced' | 'busy' | 'failed' | 'auth' | 'notEnrolled'

export interface SyncStatus {
  /** The platform answered our last call (not navigator.onLine). */
  online: boolean
  syncing: boolean
  /** Events pushed out of those pending, while a sync runs. */
  progress: { done: number; total: number } | null
  lastSyncAt: string | null
  lastError: string | null
  /** The platform refused our credential: nothing more is tried until the kiosk is enrolled again. */
  needsReenroll: boolean
  /** Consecutive failures; drives the backoff. */
  failures: number
  nextAttemptAt: number | null
  /**
   * How far this kiosk's clock is from the platform's (platform minus kiosk, ms) at the last pull
   * that told; null until one did. Events stamped too far ahead are refused for now, so staff are
   * warned beyond `CLOCK_RULES.warnAfterMs`.
   */
  clockOffsetMs: number | null
}

/**
 * Moves the outbox up and the platform's changes down, one sync at a time (a lock across windows),
 * after each submit, on an interval, and on reconnect hints, backing off with full jitter on failure.
 */
export class SyncEngine {
  readonly status: SyncStatus = {
    online: false,
    syncing: false,
    progress: null,
    lastSyncAt: null,
    lastError: null,
    needsReenroll: false,
    failures: 0,
    nextAttemptAt: null,
    clockOffsetMs: null,
  }
  private readonly clock: Clock
  private readonly random: () => number
  private readonly listeners = new Set<(s: SyncStatus) => void>()
  private timer: unknown = null
  private started = false
  private running: Promise<SyncResult> | null = null
  private again = false

  constructor(private readonly opts: EngineOptions) {
    this.clock = opts.clock ?? systemClock
    this.random = opts.random ?? Math.random
  }

  subscribe(listener: (s: SyncStatus) => void): () => void {
    this.listeners.add(listener)
    listener(this.status)
    return () => this.listeners.delete(listener)
  }

  /** Begin the schedule: a sync now, then every interval, backing off after failures. */
  async start(): Promise<void> {
    if (this.started) return
    this.started = true
    const last = (await this.opts.db.meta.get(META.lastSyncAt))?.value
    if (typeof last === 'string') this.update({ lastSyncAt: last })
    this.schedule(0)
  }

  stop(): void {
    this.started = false
    this.clearTimer()
    this.update({ nextAttemptAt: null })
  }

  /** Something changed locally (a submit) or the network may be back: sync soon, without waiting. */
  requestSync(): void {
    if (this.running) {
      this.again = true
      return
    }
    if (this.started && !this.status.needsReenroll) this.schedule(0)
  }

  /** Staff pressed "sync now", or a new enrollment replaced a refused one: try at once. */
  async syncNow(): Promise<SyncResult> {
    this.update({ needsReenroll: false, failures: 0 })
    this.clearTimer()
    // A round already under way may have started before what staff wants sent: run a fresh one after it.
    while (this.running) await this.running.catch(() => undefined)
    return this.tick()
  }

  /** One full round: push every pending event, then pull every change. Does not schedule. */
  async syncOnce(): Promise<SyncResult> {
    if (this.status.needsReenroll) return 'auth'
    const creds = await this.opts.credentials()
    if (!creds) return 'notEnrolled'
    const client = new PlatformClient({
      baseUrl: creds.platformUrl,
      token: creds.token,
      fetch: this.opts.fetch,
      timeoutMs: this.opts.timeoutMs,
    })
    const outcome = await this.opts.lock.runExclusive(() => this.round(client, creds.mode ?? 'visitor'))
    return outcome.acquired ? outcome.value : 'busy'
  }

  private async round(client: PlatformClient, mode: DeviceMode): Promise<SyncResult> {
    const { db } = this.opts
    this.update({ syncing: true, progress: { done: 0, total: await countPending(db) } })
    try {
      let done = 0
      // Before a failing batch is split: does the platform answer at all?
      const probe = async () => client.pull(await readCursor(db), 1).then(() => true, () => false)
      for (;;) {
        const pushed = await pushBatch(db, client, { limit: this.opts.pushBatchSize, probe })
        if (pushed.sent === 0) break
        done += pushed.sent
        this.update({ online: true, progress: { done, total: done + (await countPending(db)) } })
        // Only events the platform takes later (a fast clock) are left: they wait for the next round.
        if (pushed.done + pushed.rejected === 0) break
      }
      for (;;) {
        const pulled = await pullPage(db, client, { limit: this.opts.pullLimit, mode })
        const clockOffsetMs = pulled.serverTime ? Date.parse(pulled.serverTime) - this.clock.now() : this.status.clockOffsetMs
        this.update({ online: true, clockOffsetMs })
        if (!pulled.hasMore) break
      }
      const lastSyncAt = new Date(this.clock.now()).toISOString()
      await db.meta.put({ key: META.lastSyncAt, value: lastSyncAt })
      this.update({ online: true, lastSyncAt, lastError: null, failures: 0 })
      await this.opts.afterSync?.().catch(() => undefined)
      return 'synced'
    } catch (e) {
      const failure = e instanceof ApiFailure ? e : undefined
      if (failure?.kind === 'auth') {
        this.update({ online: true, needsReenroll: true, lastError: failure.message })
        return 'auth'
      }
      this.update({
        online: failure ? failure.kind !== 'network' : this.status.online,
        lastError: e instanceof Error ? e.message : String(e),
      })
      return 'failed'
    } finally {
      this.update({ syncing: false, progress: null })
    }
  }

  private async tick(): Promise<SyncResult> {
    if (this.running) {
      this.again = true
      return 'busy'
    }
    this.again = false
    this.running = this.syncOnce()
    let result: SyncResult
    try {
      result = await this.running
    } finally {
      this.running = null
    }
    if (result === 'failed') {
      const delay = fullJitterDelay(this.status.failures, this.random, this.opts.backoff ?? DEFAULT_BACKOFF)
      this.update({ failures: this.status.failures + 1 })
      this.schedule(delay)
    } else if (result !== 'auth') {
      this.schedule(this.again ? 0 : (this.opts.intervalMs ?? 30_000))
    }
    return result
  }

  private schedule(delayMs: number): void {
    this.clearTimer()
    if (!this.started || this.status.needsReenroll) return
    this.update({ nextAttemptAt: this.clock.now() + delayMs })
    this.timer = this.clock.setTimeout(() => {
      this.timer = null
      void this.tick()
    }, delayMs)
  }

  private clearTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
  }

  private update(patch: Partial<SyncStatus>): void {
    Object.assign(this.status, patch)
    for (const listener of this.listeners) listener(this.status)
  }
}

function countPending(db: KioskDb): Promise<number> {
  return outboxRows(db, 'pending').count()
}

/** Whether staff should be told to set this kiosk's clock. */
export function clockIsOff(status: Pick<SyncStatus, 'clockOffsetMs'>): boolean {
  return status.clockOffsetMs !== null && Math.abs(status.clockOffsetMs) > CLOCK_RULES.warnAfterMs
}
