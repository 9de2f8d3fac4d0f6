import { EventEmitter } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { entryUrl, keepShowingApp, mainWindowOptions } from './window'

describe('mainWindowOptions', () => {
  it('isolates the renderer in every mode', () => {
    for (const packaged of [true, false]) {
      const options = mainWindowOptions({ preload: '/app/out/preload/index.cjs', kiosk: packaged, packaged })
      expect(options.webPreferences).toMatchObject({
        preload: '/app/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        webSecurity: true,
      })
    }
  })

  it('locks the screen and removes devtools when packaged as a kiosk', () => {
    const options = mainWindowOptions({ preload: 'p', kiosk: true, packaged: true })
    expect(options).toMatchObject({ kiosk: true, fullscreen: true })
    expect(options.webPreferences?.devTools).toBe(false)
  })

  it('is a plain window with devtools in development', () => {
    const options = mainWindowOptions({ preload: 'p', kiosk: false, packaged: false })
    expect(options).toMatchObject({ kiosk: false, fullscreen: false })
    expect(options.webPreferences?.devTools).toBe(true)
  })
})

describe('entryUrl', () => {
  it('uses the dev server when electron-vite gives one, app:// otherwise', () => {
    expect(entryUrl('http://localhost:5173')).toBe('http://localhost:5173')
    expect(entryUrl(undefined)).toBe('app://kiosk/index.html')
    expect(entryUrl('')).toBe('app://kiosk/index.html')
  })
})

describe('keepShowingApp', () => {
  afterEach(() => vi.useRealTimers())

  function setup() {
    vi.useFakeTimers()
    const webContents = Object.assign(new EventEmitter(), { loadURL: vi.fn(async () => {}) })
    const window = { webContents, isDestroyed: () => false }
    const log = { error: vi.fn() }
    keepShowingApp(window as never, 'app://kiosk/index.html', log)
    return { webContents, log }
  }

  it('reloads the app after the renderer crashes', () => {
    const { webContents, log } = setup()
    webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 })
    vi.advanceTimersByTime(3000)
    expect(webContents.loadURL).toHaveBeenCalledWith('app://kiosk/index.html')
    expect(log.error).toHaveBeenCalled()
  })

  it('retries a failed main-frame load but ignores aborted ones and subframes', () => {
    const { webContents } = setup()
    webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://kiosk/index.html', true)
    webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://kiosk/x.html', false)
    vi.advanceTimersByTime(3000)
    expect(webContents.loadURL).not.toHaveBeenCalled()
    webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://kiosk/index.html', true)
    vi.advanceTimersByTime(3000)
    expect(webContents.loadURL).toHaveBeenCalledOnce()
  })
})
