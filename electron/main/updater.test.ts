import { EventEmitter } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startUpdater, type AutoUpdaterLike } from './updater'

afterEach(() => vi.useRealTimers())

class FakeAutoUpdater extends EventEmitter {
  autoDownload = false
  autoInstallOnAppQuit = true
  allowDowngrade = true
  logger: unknown = null
  setFeedURL = vi.fn()
  checkForUpdates = vi.fn(async () => null)
  quitAndInstall = vi.fn()
}

const MIN = 60_000

function setup(start = '2026-03-03T20:00:00+08:00') {
  vi.useFakeTimers()
  vi.setSystemTime(new Date(start))
  const autoUpdater = new FakeAutoUpdater()
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
  const beforeInstall = vi.fn()
  const updater = startUpdater({
    autoUpdater: autoUpdater as unknown as AutoUpdaterLike,
    feedUrl: 'https://updates.zj.gov.cn/kiosk/',
    openingHours: [{ days: 'workdays', from: '08:30', to: '17:30' }],
    log,
    beforeInstall,
    random: () => 0,
  })
  return { autoUpdater, log, beforeInstall, updater }
}

describe('updater', () => {
  it('uses the generic server from provisioning, downloads in the background, installs only when the gate says so', () => {
    const { autoUpdater } = setup()
    expect(autoUpdater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://updates.zj.gov.cn/kiosk/', channel: 'latest' })
    expect(autoUpdater.autoDownload).toBe(true)
    expect(autoUpdater.autoInstallOnAppQuit).toBe(false)
    expect(autoUpdater.allowDowngrade).toBe(false)
  })

  it('checks soon after start and every four hours', () => {
    const { autoUpdater } = setup()
    vi.advanceTimersByTime(1)
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(4 * 60 * MIN)
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(2)
  })

  it('reports each state for the IT screen and the heartbeat', () => {
    const { autoUpdater, updater } = setup()
    expect(updater.status()).toEqual({ state: 'idle' })
    autoUpdater.emit('checking-for-update')
    expect(updater.status()).toEqual({ state: 'checking' })
    autoUpdater.emit('update-available', { version: '1.5.0' })
    autoUpdater.emit('download-progress', { percent: 41.6 })
    expect(updater.status()).toEqual({ state: 'downloading', version: '1.5.0', percent: 42 })
    autoUpdater.emit('update-downloaded', { version: '1.5.0' })
    expect(updater.status()).toEqual({ state: 'downloaded', version: '1.5.0' })
    autoUpdater.emit('error', new Error('net::ERR_CONNECTION_RESET'))
    expect(updater.status()).toEqual({ state: 'downloaded', version: '1.5.0' })
  })

  it('reports a failed check without a download as an error', () => {
    const { autoUpdater, updater } = setup()
    autoUpdater.emit('error', new Error('HttpError: 404'))
    expect(updater.status()).toEqual({ state: 'error', detail: 'HttpError: 404' })
  })

  it('installs a downloaded update after closing time once nobody has used the kiosk for two minutes', () => {
    const { autoUpdater, beforeInstall, updater } = setup()
    updater.setVisitorActive(true)
    autoUpdater.emit('update-downloaded', { version: '1.5.0' })
    vi.advanceTimersByTime(30 * MIN)
    expect(autoUpdater.quitAndInstall).not.toHaveBeenCalled()
    updater.setVisitorActive(false)
    vi.advanceTimersByTime(MIN)
    expect(autoUpdater.quitAndInstall).not.toHaveBeenCalled()
    vi.advanceTimersByTime(2 * MIN)
    expect(beforeInstall).toHaveBeenCalledTimes(1)
    expect(autoUpdater.quitAndInstall).toHaveBeenCalledWith(true, true)
    expect(beforeInstall.mock.invocationCallOrder[0]).toBeLessThan(autoUpdater.quitAndInstall.mock.invocationCallOrder[0]!)
    vi.advanceTimersByTime(10 * MIN)
    expect(autoUpdater.quitAndInstall).toHaveBeenCalledTimes(1)
  })

  it('holds a download made in the morning until closing time', () => {
    const { autoUpdater } = setup('2026-03-03T10:00:00+08:00')
    autoUpdater.emit('update-downloaded', { version: '1.5.0' })
    vi.advanceTimersByTime(7 * 60 * MIN)
    expect(autoUpdater.quitAndInstall).not.toHaveBeenCalled()
    vi.advanceTimersByTime(40 * MIN)
    expect(autoUpdater.quitAndInstall).toHaveBeenCalledTimes(1)
  })
})
