import { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { afterCrash, DEFAULT_HEAL_POLICY, fileRelaunchHistory, installSelfHealing, relaunchDelay, type RelaunchHistory } from './self-heal'

const MIN = 60_000

describe('relaunch policy', () => {
  it('reloads the page after the first crashes, waiting longer each time', () => {
    expect(afterCrash([0], [], 0)).toEqual({ kind: 'reload', delayMs: 2_000 })
    expect(afterCrash([0, 1], [], 1)).toEqual({ kind: 'reload', delayMs: 10_000 })
    expect(afterCrash([0, 1, 2], [], 2)).toEqual({ kind: 'reload', delayMs: 30_000 })
  })

  it('relaunches the app when crashes keep coming within ten minutes', () => {
    expect(afterCrash([0, 1, 2, 3], [], 3)).toEqual({ kind: 'relaunch', delayMs: 0 })
  })

  it('forgets crashes older than the window', () => {
    expect(afterCrash([0, 1, 2, 11 * MIN], [], 11 * MIN)).toEqual({ kind: 'reload', delayMs: 2_000 })
  })

  it('backs relaunches off: at once, then 30 s, 1 min, 2 min... up to 15 min, counting the past hour only', () => {
    const now = 10 * 3_600_000
    expect(relaunchDelay([], now)).toBe(0)
    expect(relaunchDelay([now - 5 * MIN], now)).toBe(30_000)
    expect(relaunchDelay([now - 5 * MIN, now - 4 * MIN], now)).toBe(60_000)
    expect(relaunchDelay(Array.from({ length: 12 }, (_, i) => now - i * MIN), now)).toBe(DEFAULT_HEAL_POLICY.maxRelaunchBackoffMs)
    expect(relaunchDelay([now - 61 * MIN], now)).toBe(0)
  })
})

describe('relaunch history file', () => {
  it('keeps relaunch times across a relaunch, and reads a damaged file as none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heal-'))
    try {
      const history = fileRelaunchHistory(join(dir, 'self-heal.json'), { warn: vi.fn() })
      expect(history.load()).toEqual([])
      history.save([1, 2])
      expect(fileRelaunchHistory(join(dir, 'self-heal.json'), { warn: vi.fn() }).load()).toEqual([1, 2])
      writeFileSync(join(dir, 'self-heal.json'), '{oops')
      expect(history.load()).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('installSelfHealing', () => {
  afterEach(() => vi.useRealTimers())

  function setup(past: number[] = []) {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-03-03T10:00:00Z'))
    const webContents = Object.assign(new EventEmitter(), { loadURL: vi.fn(async () => {}) })
    const window = Object.assign(new EventEmitter(), { webContents, isDestroyed: () => false })
    const app = { relaunch: vi.fn(), quit: vi.fn(), exit: vi.fn() }
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
    let saved = [...past]
    const history: RelaunchHistory = { load: () => [...saved], save: (t) => void (saved = t) }
    installSelfHealing(window as never, { app, url: 'app://kiosk/index.html', log, history })
    const crash = () => webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 })
    return { window, webContents, app, log, crash, saved: () => saved }
  }

  it('reloads the page after a crash, and logs it', () => {
    const { webContents, crash, log, app } = setup()
    crash()
    vi.advanceTimersByTime(1_999)
    expect(webContents.loadURL).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(webContents.loadURL).toHaveBeenCalledWith('app://kiosk/index.html')
    expect(log.error).toHaveBeenCalledWith('self-heal: renderer gone, reloading', expect.objectContaining({ reason: 'crashed', crashes: 1 }))
    expect(app.relaunch).not.toHaveBeenCalled()
  })

  it('relaunches the app gracefully after the fourth crash in ten minutes, and records it', () => {
    const { crash, app, log, saved } = setup()
    for (let i = 0; i < 3; i++) {
      crash()
      vi.advanceTimersByTime(60_000)
    }
    expect(app.relaunch).not.toHaveBeenCalled()
    crash()
    expect(app.relaunch).toHaveBeenCalledTimes(1)
    expect(app.quit).toHaveBeenCalledTimes(1)
    expect(app.exit).not.toHaveBeenCalled()
    expect(saved()).toHaveLength(1)
    expect(log.error).toHaveBeenCalledWith('self-heal: relaunching the app', expect.objectContaining({ delayMs: 0, relaunchesInLastHour: 0 }))
  })

  it('forces the exit when a graceful quit does not finish', () => {
    const { crash, app } = setup()
    for (let i = 0; i < 4; i++) crash()
    vi.advanceTimersByTime(10_000)
    expect(app.exit).toHaveBeenCalledWith(0)
  })

  it('waits before relaunching again when it relaunched twice already this hour', () => {
    const now = new Date('2026-03-03T10:00:00Z').getTime()
    const { window, app } = setup([now - 20 * MIN, now - 10 * MIN])
    window.emit('unresponsive')
    vi.advanceTimersByTime(30_000)
    expect(app.relaunch).not.toHaveBeenCalled()
    vi.advanceTimersByTime(60_000)
    expect(app.relaunch).toHaveBeenCalledTimes(1)
  })

  it('relaunches a window that stops answering for 30 s, but not one that recovers', () => {
    const { window, app, log } = setup()
    window.emit('unresponsive')
    vi.advanceTimersByTime(20_000)
    window.emit('responsive')
    vi.advanceTimersByTime(60_000)
    expect(app.relaunch).not.toHaveBeenCalled()
    expect(log.info).toHaveBeenCalledWith('self-heal: window responding again')
    window.emit('unresponsive')
    vi.advanceTimersByTime(30_000)
    expect(app.relaunch).toHaveBeenCalledTimes(1)
  })

  it('retries a failed main-frame load with backoff, but ignores aborted loads and subframes', () => {
    const { webContents } = setup()
    webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://kiosk/index.html', true)
    webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://kiosk/frame.html', false)
    vi.advanceTimersByTime(60_000)
    expect(webContents.loadURL).not.toHaveBeenCalled()
    webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://kiosk/index.html', true)
    vi.advanceTimersByTime(2_000)
    expect(webContents.loadURL).toHaveBeenCalledTimes(1)
    webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://kiosk/index.html', true)
    vi.advanceTimersByTime(2_000)
    expect(webContents.loadURL).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(2_000)
    expect(webContents.loadURL).toHaveBeenCalledTimes(2)
  })
})
