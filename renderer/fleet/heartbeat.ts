import { HEARTBEAT_INTERVAL_MS, Heartbeat, LOW_DISK_BYTES, withoutPersonalData, type AppInfo, type DeviceHealth, type KioskMode } from '../../shared/index'
import { systemClock, type Clock } from '../sync/engine'

export interface HeartbeatInputs {
  appInfo: AppInfo
  mode: KioskMode
  sync: { online: boolean; lastSyncAt: string | null; pending: number; rejected: number; lastError: string | null }
  health: DeviceHealth
  storageUsedBytes: number | null
  now: Date
}

/**
 * The report, built from named fields only: counts, states, versions and our own error texts.
 * Nothing from a request, a visitor or the enrollment's token goes in.
 */
export function buildHeartbeat(i: HeartbeatInputs): Heartbeat {
  const at = i.now.toISOString()
  const lastError = i.sync.lastError ? { at, message: i.sync.lastError } : i.health.lastError
  return Heartbeat.parse({
    appVersion: i.appInfo.version,
    shell: i.appInfo.shell,
    mode: i.mode,
    sentAt: at,
    online: i.sync.online,
    lastSyncAt: i.sync.lastSyncAt,
    pendingEvents: i.sync.pending,
    rejectedEvents: i.sync.rejected,
    freeDiskBytes: i.health.freeDiskBytes === null ? null : Math.floor(i.health.freeDiskBytes),
    storageUsedBytes: i.storageUsedBytes === null ? null : Math.floor(i.storageUsedBytes),
    printer: { state: i.health.printer.state, ...(i.health.printer.name ? { name: withoutPersonalData(i.health.printer.name) } : {}) },
    update: { state: i.health.update.state, ...(i.health.update.version ? { version: i.health.update.version } : {}) },
    lastError: lastError ? { at: lastError.at, message: withoutPersonalData(lastError.message) } : null,
  })
}

/**
 * What makes a report worth sending before the interval is up. The last sync time and the byte
 * counts move all the time and are not in it; a disk running low is.
 */
export function changeKey(h: Heartbeat): string {
  return JSON.stringify([
    h.appVersion,
    h.mode,
    h.online,
    h.pendingEvents,
    h.rejectedEvents,
    h.printer.state,
    h.update.state,
    h.update.version ?? null,
    h.lastError?.message ?? null,
    h.freeDiskBytes !== null && h.freeDiskBytes < LOW_DISK_BYTES,
  ])
}

export interface HeartbeatStatus {
  lastSentAt: string | null
  lastError: string | null
}

export interface ReporterOptions {
  /** The current report, or null when there is nobody to report to (not enrolled). */
  collect: () => Promise<Heartbeat | null>
  send: (heartbeat: Heartbeat) => Promise<void>
  clock?: Clock
  intervalMs?: number
  /** How often the state is looked at for a change. */
  checkMs?: number
  onStatus?: (status: HeartbeatStatus) => void
}

/**
 * Sends a heartbeat at start, every interval, and within a check period of any change. A failed
 * send is tried again later, backing off up to the interval; the next report replaces it.
 */
export class HeartbeatReporter {
  readonly status: HeartbeatStatus = { lastSentAt: null, lastError: null }
  private readonly clock: Clock
  private readonly intervalMs: number
  private readonly checkMs: number
  private timer: unknown = null
  private running = false
  private lastSentMs: number | null = null
  private lastKey: string | null = null
  private failures = 0
  private retryAt = 0

  constructor(private readonly opts: ReporterOptions) {
    this.clock = opts.clock ?? systemClock
    this.intervalMs = opts.intervalMs ?? HEARTBEAT_INTERVAL_MS
    this.checkMs = opts.checkMs ?? 30_000
  }

  start(): void {
    if (this.running) return
    this.running = true
    void this.loop()
  }

  stop(): void {
    this.running = false
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
  }

  /** One look: send if due. Exposed for tests and for "something changed" hints. */
  async tick(): Promise<'sent' | 'skipped' | 'failed'> {
    const now = this.clock.now()
    if (this.failures > 0 && now < this.retryAt) return 'skipped'
    let heartbeat: Heartbeat | null
    try {
      heartbeat = await this.opts.collect()
    } catch (e) {
      this.update({ lastError: describe(e) })
      return 'failed'
    }
    if (!heartbeat) return 'skipped'
    const key = changeKey(heartbeat)
    const due = this.lastSentMs === null || key !== this.lastKey || now - this.lastSentMs >= this.intervalMs
    if (!due) return 'skipped'
    try {
      await this.opts.send(heartbeat)
    } catch (e) {
      this.failures += 1
      this.retryAt = now + Math.min(this.intervalMs, this.checkMs * 2 ** (this.failures - 1))
      this.update({ lastError: describe(e) })
      return 'failed'
    }
    this.failures = 0
    this.lastSentMs = now
    this.lastKey = key
    this.update({ lastSentAt: heartbeat.sentAt, lastError: null })
    return 'sent'
  }

  private async loop(): Promise<void> {
    if (!this.running) return
    await this.tick()
    if (!this.running) return
    this.timer = this.clock.setTimeout(() => void this.loop(), this.checkMs)
  }

  private update(patch: Partial<HeartbeatStatus>): void {
    Object.assign(this.status, patch)
    this.opts.onStatus?.({ ...this.status })
  }
}

function describe(e: unknown): string {
  return withoutPersonalData(e instanceof Error ? e.message : String(e))
}
