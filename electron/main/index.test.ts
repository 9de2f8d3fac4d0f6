import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { HOST_METHODS } from '../../shared/host'
import { IPC_CHANNELS } from '../ipc-channels'

/** The Electron the main process sees, faked: the real binary cannot run here. */
const fake = vi.hoisted(() => ({
  lock: true,
  userData: '',
  schemes: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
  schemesRegisteredBeforeReady: false,
  ready: false,
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  windows: [] as Array<{
    options: { webPreferences: Record<string, unknown>; kiosk: boolean }
    webContents: object
    loadURL: ReturnType<typeof import('vitest').vi.fn>
    focus: ReturnType<typeof import('vitest').vi.fn>
  }>,
  app: null as unknown as import('node:events').EventEmitter & { quit: ReturnType<typeof import('vitest').vi.fn>; isPackaged: boolean },
  menuCleared: false,
  awake: [] as string[],
}))

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events')
  const { mkdtempSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  fake.userData ||= mkdtempSync(join(tmpdir(), 'kiosk-main-'))

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    commandLine: { hasSwitch: () => false },
    requestSingleInstanceLock: () => fake.lock,
    quit: vi.fn(),
    getPath: (name: string) => join(fake.userData, name === 'exe' ? 'bin/kiosk' : ''),
    getVersion: () => '0.1.0',
    whenReady: async () => {
      fake.ready = true
    },
  })
  fake.app = app

  class BrowserWindow extends EventEmitter {
    webContents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler: vi.fn(),
      loadURL: vi.fn(async () => {}),
      getPrintersAsync: vi.fn(async () => []),
      setVisualZoomLevelLimits: vi.fn(async () => {}),
    })
    loadURL = vi.fn(async () => {})
    focus = vi.fn()
    show = vi.fn()
    removeMenu = vi.fn()
    restore = vi.fn()
    isMinimized = () => false
    isDestroyed = () => false
    constructor(readonly options: never) {
      super()
      app.emit('web-contents-created', {}, this.webContents)
      fake.windows.push(this as never)
    }
  }

  return {
    app,
    BrowserWindow,
    Menu: {
      setApplicationMenu: () => {
        fake.menuCleared = true
      },
    },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) => fake.ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => fake.ipcHandlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: typeof fake.schemes) => {
        fake.schemes.push(...schemes)
        fake.schemesRegisteredBeforeReady = !fake.ready
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => fake.protocolHandlers.set(scheme, handler),
    },
    powerSaveBlocker: {
      start: (type: string) => fake.awake.push(type),
      stop: () => true,
    },
    dialog: { showSaveDialog: vi.fn(async () => ({ canceled: true })) },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
    session: {
      defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() },
    },
  }
})

beforeAll(async () => {
  delete process.env.ELECTRON_RENDERER_URL
  await import('./index')
  await vi.waitFor(() => expect(fake.windows[0]?.loadURL).toHaveBeenCalled())
})

afterAll(() => rmSync(fake.userData, { recursive: true, force: true }))

describe('main process wiring', () => {
  it('registers app:// as a standard, secure scheme before ready', () => {
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }])
    expect(fake.schemesRegisteredBeforeReady).toBe(true)
    expect(fake.protocolHandlers.has('app')).toBe(true)
  })

  it('opens one isolated window on the app page, windowed when not packaged', () => {
    expect(fake.windows).toHaveLength(1)
    const [window] = fake.windows
    expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false })
    expect(String(window?.options.webPreferences.preload)).toMatch(/preload[\\/]index\.cjs$/)
    expect(window?.options.kiosk).toBe(false)
    expect(window?.loadURL).toHaveBeenCalledWith('app://kiosk/index.html')
    expect(fake.menuCleared).toBe(false)
  })

  it('hardens the window it creates', () => {
    const contents = fake.windows[0]?.webContents as import('node:events').EventEmitter
    expect(contents.listenerCount('will-navigate')).toBeGreaterThan(0)
    expect(contents.listenerCount('will-attach-webview')).toBeGreaterThan(0)
  })

  it('answers the host API for its own window only', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(HOST_METHODS.map((m) => IPC_CHANNELS[m]).sort())
    const handler = fake.ipcHandlers.get(IPC_CHANNELS.getAppInfo)
    const frame = { url: 'app://kiosk/index.html', parent: null }
    expect(await handler?.({ sender: fake.windows[0]?.webContents, senderFrame: frame })).toEqual({ version: '0.1.0', shell: 'electron', kiosk: false })
    expect(() => handler?.({ sender: {}, senderFrame: frame })).toThrow(/not the kiosk window/)
  })

  it('shows the setup screen when nothing is provisioned, with no PIN to unlock it', async () => {
    const handler = fake.ipcHandlers.get(IPC_CHANNELS.getProvisioning)
    const frame = { url: 'app://kiosk/index.html', parent: null }
    expect(await handler?.({ sender: fake.windows[0]?.webContents, senderFrame: frame })).toMatchObject({ status: 'missing', adminPin: false })
  })

  it('reports the device health to its own window', async () => {
    const handler = fake.ipcHandlers.get(IPC_CHANNELS.getDeviceHealth)
    const frame = { url: 'app://kiosk/index.html', parent: null }
    expect(await handler?.({ sender: fake.windows[0]?.webContents, senderFrame: frame })).toMatchObject({
      freeDiskBytes: expect.any(Number),
      printer: { state: 'missing' },
      update: { state: 'disabled' },
    })
  })

  it('serves the renderer with the CSP', async () => {
    const response = await fake.protocolHandlers.get('app')?.(new Request('app://kiosk/no-such-file.js'))
    expect(response?.status).toBe(404)
    expect(response?.headers.get('content-security-policy')).toContain("script-src 'self'")
  })

  it('brings the running window forward on a second launch', () => {
    fake.app.emit('second-instance')
    expect(fake.windows[0]?.focus).toHaveBeenCalled()
  })

  it('removes its IPC handlers on quit', () => {
    fake.app.emit('will-quit')
    expect(fake.ipcHandlers.size).toBe(0)
  })

  it('locks a packaged visitor kiosk down: full screen, shortcuts swallowed, close refused, display awake', async () => {
    vi.resetModules()
    fake.windows.length = 0
    fake.ipcHandlers.clear()
    fake.app.removeAllListeners()
    fake.app.isPackaged = true
    try {
      await import('./index')
      await vi.waitFor(() => expect(fake.windows[0]?.loadURL).toHaveBeenCalled())
      const window = fake.windows[0] as unknown as import('node:events').EventEmitter & { options: { kiosk: boolean }; webContents: import('node:events').EventEmitter }
      expect(window.options.kiosk).toBe(true)
      expect(fake.menuCleared).toBe(true)
      const keyEvent = { preventDefault: vi.fn() }
      window.webContents.emit('before-input-event', keyEvent, { type: 'keyDown', key: 'F4', alt: true, control: false, shift: false, meta: false })
      expect(keyEvent.preventDefault).toHaveBeenCalled()
      const closeEvent = { preventDefault: vi.fn() }
      window.emit('close', closeEvent)
      expect(closeEvent.preventDefault).toHaveBeenCalled()
      expect(fake.awake).toEqual(['prevent-display-sleep'])
    } finally {
      fake.app.isPackaged = false
      fake.app.emit('will-quit')
    }
  })

  it('quits without a window when another instance holds the lock', async () => {
    vi.resetModules()
    fake.lock = false
    fake.windows.length = 0
    fake.app.quit.mockClear()
    await import('./index')
    expect(fake.app.quit).toHaveBeenCalled()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(fake.windows).toHaveLength(0)
  })
})
