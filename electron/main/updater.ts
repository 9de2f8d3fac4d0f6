import type { AppUpdater } from 'electron-updater'
import type { DeviceHealth } from '../../shared/host'
import { isOpenAt, type OpeningPeriod } from '../../shared/opening-hours'
import type { Logger } from './log'
import { DEFAULT_UPDATE_GATE, updateGate, type UpdateGatePolicy } from './update-gate'

/** The parts of electron-updater's autoUpdater this module drives; a fake in tests. */
export type AutoUpdaterLike = Pick<
  AppUpdater,
  'autoDownload' | 'autoInstallOnAppQuit' | 'allowDowngrade' | 'logger' | 'setFeedURL' | 'checkForUpdates' | 'quitAndInstall' | 'on'
>

export interface UpdaterOptions {
  autoUpdater: AutoUpdaterLike
  /** The generic update server from provisioning. */
  feedUrl: string
  openingHours: readonly OpeningPeriod[] | undefined
  log: Pick<Logger, 'info' | 'warn' | 'error'>
  /** Called just before quitAndInstall: the kiosk's window refuses to close otherwise. */
  beforeInstall: () => void
  now?: () => number
  random?: () => number
  checkEveryMs?: number
  gateEveryMs?: number
  gate?: UpdateGatePolicy
}

export interface Updater {
  status(): DeviceHealth['update']
  setVisitorActive(active: boolean): void
  stop(): void
}

/** Updates when nobody can use them: the state a disabled updater reports. */
export const UPDATES_OFF: Updater = {
  status: () => ({ state: 'disabled' }),
  setVisitorActive: () => undefined,
  stop: () => undefined,
}

/**
 * electron-updater against the generic server IT provisioned. Downloads in the background; staged
 * rollouts are the server's `stagingPercentage` in latest.yml, which electron-updater applies per
 * machine (a stable id in userData), so this module leaves its rollout check alone. Installing
 * waits for the gate (update-gate.ts).
 */
export function startUpdater(options: UpdaterOptions): Updater {
  const { autoUpdater, log } = options
  const now = options.now ?? (() => Date.now())
  const random = options.random ?? Math.random
  let status: DeviceHealth['update'] = { state: 'idle' }
  let downloaded: { version: string; at: number } | null = null
  let visitorActive = false
  let idleSince = now()
  let installing = false

  autoUpdater.logger = {
    info: (m) => log.info('updater', { detail: String(m) }),
    warn: (m) => log.warn('updater', { detail: String(m) }),
    error: (m) => log.error('updater', { detail: String(m) }),
  }
  autoUpdater.setFeedURL({ provider: 'generic', url: options.feedUrl, channel: 'latest' })
  autoUpdater.autoDownload = true
  // Installing is the gate's decision, not a side effect of any quit (a self-heal relaunch at noon).
  autoUpdater.autoInstallOnAppQuit = false
  autoUpdater.allowDowngrade = false

  autoUpdater.on('checking-for-update', () => {
    if (!downloaded) status = { state: 'checking' }
  })
  autoUpdater.on('update-not-available', () => {
    if (!downloaded) status = { state: 'idle' }
  })
  autoUpdater.on('update-available', (info) => {
    log.info('update: downloading in the background', { version: info.version })
    status = { state: 'downloading', version: info.version, percent: 0 }
  })
  autoUpdater.on('download-progress', (progress) => {
    if (status.state === 'downloading') status = { ...status, percent: Math.round(progress.percent) }
  })
  autoUpdater.on('update-downloaded', (info) => {
    downloaded = { version: info.version, at: now() }
    status = { state: 'downloaded', version: info.version }
    log.info('update: downloaded, waiting for a quiet moment to install', { version: info.version })
  })
  autoUpdater.on('error', (error) => {
    log.warn('update: failed', { error })
    status = downloaded ? { state: 'downloaded', version: downloaded.version } : { state: 'error', detail: error.message.slice(0, 200) }
  })

  const check = () =>
    void autoUpdater.checkForUpdates().catch((error: unknown) => {
      log.warn('update: check failed', { error })
      status = downloaded ? status : { state: 'error', detail: String((error as Error)?.message ?? error).slice(0, 200) }
    })

  const evaluate = () => {
    if (installing) return
    const decision = updateGate({ downloaded, visitorActive, idleSince, open: isOpenAt(options.openingHours, new Date(now())), now: now() }, options.gate ?? DEFAULT_UPDATE_GATE)
    if (!decision.install) return
    installing = true
    log.info('update: installing and restarting', { version: downloaded?.version, why: decision.why })
    options.beforeInstall()
    autoUpdater.quitAndInstall(true, true)
  }

  // 200 kiosks switched on at 8:30 must not ask the server all in the same second.
  const checkEveryMs = options.checkEveryMs ?? 4 * 3_600_000
  const firstCheck = setTimeout(check, Math.round(random() * 10 * 60_000))
  const checks = setInterval(check, checkEveryMs)
  const gate = setInterval(evaluate, options.gateEveryMs ?? 60_000)

  return {
    status: () => status,
    setVisitorActive(active) {
      if (visitorActive && !active) idleSince = now()
      visitorActive = active
    },
    stop() {
      clearTimeout(firstCheck)
      clearInterval(checks)
      clearInterval(gate)
    },
  }
}
