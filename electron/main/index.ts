import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { app, BrowserWindow, ipcMain, Menu, protocol, safeStorage, session } from 'electron'
import { buildCsp } from '../../shared/csp'
import { createEnrollmentStore } from './enrollment-store'
import { registerHostIpc } from './ipc/index'
import { createLogger } from './log'
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol'
import { hostProvisioning, readProvisioning } from './provisioning'
import { createReceiptPrinter, PRINT_WINDOW_OPTIONS } from './receipt-printer'
import { installSecurity } from './security'
import { APP_SCHEME, isTrustedUrl } from './trusted-url'
import { entryUrl, keepShowingApp, mainWindowOptions } from './window'

// Must happen before `ready`: app:// then gets a real origin for IndexedDB, fetch and the CSP.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])

let mainWindow: BrowserWindow | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // A second launch (a double tap on the desktop icon) brings the running kiosk forward.
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  void start()
}

async function start(): Promise<void> {
  const packaged = app.isPackaged
  // A packaged kiosk ignores this variable: it must not be pointed at another page from outside.
  const devServerUrl = packaged ? undefined : process.env.ELECTRON_RENDERER_URL
  const userData = app.getPath('userData')
  const log = createLogger({ dir: join(userData, 'logs'), echo: !packaged })
  process.on('uncaughtException', (error) => log.error('uncaught exception', { error }))
  process.on('unhandledRejection', (error) => log.error('unhandled rejection', { error }))

  if (packaged && (app.commandLine.hasSwitch('remote-debugging-port') || app.commandLine.hasSwitch('remote-debugging-pipe'))) {
    log.error('refusing to start with remote debugging enabled')
    app.quit()
    return
  }

  // An AppImage runs from a temporary mount; IT puts provisioning.json next to the .AppImage file.
  const exeDir = process.env.APPIMAGE ? dirname(process.env.APPIMAGE) : dirname(app.getPath('exe'))
  const provisioning = readProvisioning({
    argv: process.argv,
    env: process.env,
    files: [join(exeDir, 'provisioning.json'), join(userData, 'provisioning.json')],
    readFile: (path) => readFileSync(path, 'utf8'),
    log,
  })
  const kiosk = provisioning.kiosk ?? packaged
  log.info('app starting', { version: app.getVersion(), packaged, kiosk, provisioned: Boolean(provisioning.platformUrl) })

  await app.whenReady()

  const isTrusted = (url: string) => isTrustedUrl(url, devServerUrl)
  installSecurity(app, session.defaultSession, isTrusted)

  const enrollment = createEnrollmentStore({ file: join(userData, 'enrollment.json'), safeStorage, log })
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rendererDir: join(import.meta.dirname, '../renderer'),
      contentSecurityPolicy: () => buildCsp([enrollment.load()?.platformUrl, provisioning.platformUrl]),
    }),
  )

  const cleanups = registerHostIpc(ipcMain, {
    context: { isOurWindow: (sender) => mainWindow !== null && sender === mainWindow.webContents, isTrustedUrl: isTrusted, log },
    log,
    appInfo: () => ({ version: app.getVersion(), shell: 'electron', kiosk }),
    enrollment,
    provisioning: () => hostProvisioning(provisioning),
    printReceipt: createReceiptPrinter({ createWindow: () => new BrowserWindow(PRINT_WINDOW_OPTIONS), silent: () => kiosk, log }),
  })
  app.on('will-quit', () => {
    for (const cleanup of cleanups) cleanup()
    log.info('app quitting')
  })
  app.on('window-all-closed', () => app.quit())

  if (packaged) Menu.setApplicationMenu(null)
  const url = entryUrl(devServerUrl)
  const window = new BrowserWindow(mainWindowOptions({ preload: join(import.meta.dirname, '../preload/index.cjs'), kiosk, packaged }))
  mainWindow = window
  if (packaged) window.removeMenu()
  window.once('ready-to-show', () => window.show())
  window.on('closed', () => {
    mainWindow = null
  })
  keepShowingApp(window, url, log)
  await window.loadURL(url).catch((error: unknown) => log.error('first load failed', { url, error }))
}
