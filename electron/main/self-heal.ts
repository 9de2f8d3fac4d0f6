import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { App, BrowserWindow } from 'electron'
import type { Logger } from './log'

/**
 * An unattended kiosk heals itself: a crashed page is reloaded; crashes that keep coming, or a page
 * that stops answering, relaunch the whole app, and relaunches that keep coming wait longer each
 * time so a broken install does not spin. The outbox lives in IndexedDB, written before a receipt
 * shows, and a relaunch quits gracefully so Chromium closes its storage: nothing is lost.
 */
export interface HealPolicy {
  /** Wait before the 1st, 2nd, 3rd... reload after a crash. */
  reloadDelaysMs: readonly number[]
  /** Crashes counted together. */
  crashWindowMs: number
  /** A page that has not answered for this long is given up on. */
  unresponsiveGraceMs: number
  /** First wait before a relaunch that follows another within the hour; doubles each time. */
  relaunchBackoffMs: number
  maxRelaunchBackoffMs: number
}

export const DEFAULT_HEAL_POLICY: HealPolicy = {
  reloadDelaysMs: [2_000, 10_000, 30_000],
  crashWindowMs: 10 * 60_000,
  unresponsiveGraceMs: 30_000,
  relaunchBackoffMs: 30_000,
  maxRelaunchBackoffMs: 15 * 60_000,
}

const HOUR_MS = 3_600_000

export type HealAction = { kind: 'reload'; delayMs: number } | { kind: 'relaunch'; delayMs: number }

/** Wait before a relaunch, given the relaunches of the past hour: none at once, then 30 s, 1 min, 2 min... */
export function relaunchDelay(relaunches: readonly number[], now: number, policy: HealPolicy = DEFAULT_HEAL_POLICY): number {
  const recent = relaunches.filter((t) => now - t < HOUR_MS).length
  if (recent === 0) return 0
  return Math.min(policy.maxRelaunchBackoffMs, policy.relaunchBackoffMs * 2 ** (recent - 1))
}

/** What to do after a crash, given the crashes so far (this one included) and the past relaunches. */
export function afterCrash(crashes: readonly number[], relaunches: readonly number[], now: number, policy: HealPolicy = DEFAULT_HEAL_POLICY): HealAction {
  const recent = crashes.filter((t) => now - t < policy.crashWindowMs).length
  const delay = policy.reloadDelaysMs[recent - 1]
  if (recent >= 1 && delay !== undefined) return { kind: 'reload', delayMs: delay }
  return { kind: 'relaunch', delayMs: relaunchDelay(relaunches, now, policy) }
}

/** Relaunch times survive the relaunch itself, in a small file in userData. */
export interface RelaunchHistory {
  load(): number[]
  save(times: number[]): void
}

export function fileRelaunchHistory(file: string, log: Pick<Logger, 'warn'>): RelaunchHistory {
  return {
    load() {
      try {
        const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
        return Array.isArray(parsed) ? parsed.filter((t): t is number => typeof t === 'number') : []
      } catch {
        return []
      }
    },
    save(times) {
      try {
        mkdirSync(dirname(file), { recursive: true })
        writeFileSync(`${file}.tmp`, JSON.stringify(times), 'utf8')
        renameSync(`${file}.tmp`, file)
      } catch (error) {
        log.warn('self-heal: relaunch history not saved', { error })
      }
    },
  }
}

export interface SelfHealOptions {
  app: Pick<App, 'relaunch' | 'quit' | 'exit'>
  url: string
  log: Pick<Logger, 'info' | 'warn' | 'error'>
  history: RelaunchHistory
  policy?: HealPolicy
  now?: () => number
}

type HealableWindow = Pick<BrowserWindow, 'on' | 'isDestroyed'> & { webContents: Pick<BrowserWindow['webContents'], 'on' | 'loadURL'> }

export function installSelfHealing(window: HealableWindow, options: SelfHealOptions): void {
  const policy = options.policy ?? DEFAULT_HEAL_POLICY
  const now = options.now ?? (() => Date.now())
  const { log } = options
  let crashes: number[] = []
  let pending: ReturnType<typeof setTimeout> | undefined
  let unresponsiveTimer: ReturnType<typeof setTimeout> | undefined
  let failedLoads = 0
  let relaunching = false

  const later = (ms: number, fn: () => void) => {
    clearTimeout(pending)
    pending = setTimeout(fn, ms)
  }

  const reload = () => {
    if (!window.isDestroyed()) void window.webContents.loadURL(options.url).catch(() => undefined)
  }

  const relaunch = (why: string) => {
    if (relaunching) return
    const at = now()
    const past = options.history.load().filter((t) => at - t < HOUR_MS)
    const delayMs = relaunchDelay(past, at, policy)
    relaunching = true
    log.error('self-heal: relaunching the app', { why, delayMs, relaunchesInLastHour: past.length })
    const go = () => {
      options.history.save([...past, now()])
      options.app.relaunch()
      options.app.quit()
      // A quit held up by a hung renderer must not leave the kiosk half gone.
      setTimeout(() => options.app.exit(0), 10_000).unref?.()
    }
    if (delayMs === 0) go()
    else later(delayMs, go)
  }

  window.webContents.on('render-process-gone', (_event, details) => {
    const at = now()
    crashes = [...crashes.filter((t) => at - t < policy.crashWindowMs), at]
    const action = afterCrash(crashes, options.history.load(), at, policy)
    if (action.kind === 'relaunch') return relaunch(`renderer gone ${crashes.length} times in ${policy.crashWindowMs / 60_000} min (${details.reason})`)
    log.error('self-heal: renderer gone, reloading', { reason: details.reason, exitCode: details.exitCode, crashes: crashes.length, delayMs: action.delayMs })
    later(action.delayMs, reload)
  })

  window.on('unresponsive', () => {
    log.warn('self-heal: window not responding', { graceMs: policy.unresponsiveGraceMs })
    clearTimeout(unresponsiveTimer)
    unresponsiveTimer = setTimeout(() => relaunch(`not responding for ${policy.unresponsiveGraceMs / 1000} s`), policy.unresponsiveGraceMs)
  })
  window.on('responsive', () => {
    if (unresponsiveTimer === undefined) return
    clearTimeout(unresponsiveTimer)
    unresponsiveTimer = undefined
    log.info('self-heal: window responding again')
  })

  window.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedUrl, isMainFrame) => {
    if (!isMainFrame || errorCode === -3) return // -3: aborted by a newer navigation
    failedLoads += 1
    const delayMs = Math.min(60_000, 2_000 * 2 ** (failedLoads - 1))
    log.error('self-heal: page failed to load, retrying', { errorCode, errorDescription, url: validatedUrl, delayMs })
    later(delayMs, reload)
  })
  window.webContents.on('did-finish-load', () => {
    failedLoads = 0
  })
}
