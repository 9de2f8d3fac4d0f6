import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, powerSaveBlocker, protocol, safeStorage, session } from 'electron'
import type { PrintResult } from '../../shared/host'
import { settingsOf } from '../../shared/provisioning'
import { buildCsp } from '../../shared/csp'
import { createAdminPin } from './admin-pin'
import { deviceHealth } from './device-health'
import { createEnrollmentStore } from './enrollment-store'
import { registerHostIpc } from './ipc/index'
import { keepAwakeDuringOpeningHours } from './keep-awake'
import { guardKioskClose, installLockdown } from './lockdown'
import { createLogger } from './log'
import { exportCsv } from './csv-export'
import { exportLogs } from './log-export'
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol'
import { adminPinHashOf, hostProvisioning, provisioningFiles, readProvisioning } from './provisioning'
import { createReceiptPrinter, PRINT_WINDOW_OPTIONS } from './receipt-printer'
import { createRendererErrorLog } from './renderer-errors'
import { installSecurity } from './security'
import { fileRelaunchHistory, installSelfHealing } from './self-heal'
import { APP_SCHEME, isTrustedUrl } from './trusted-url'
import { startUpdater, UPDATES_OFF } from './updater'
import { entryUrl, mainWindowOptions } from './window'

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

  const provisioning = readProvisioning({
    argv: process.argv,
    env: process.env,
    files: provisioningFiles({ platform: process.platform, env: process.env, exePath: app.getPath('exe'), userData }),
    readFile: (path) => readFileSync(path, 'utf8'),
    log,
  })
  const settings = provisioning.status === 'ok' ? settingsOf(provisioning.provisioning) : null
  // A visitor kiosk locks down when packaged; a counter PC is a window unless IT says otherwise.
  const kiosk = (provisioning.status === 'ok' ? provisioning.provisioning.kiosk : provisioning.kiosk) ?? (packaged && (settings?.mode ?? 'visitor') === 'visitor')
  log.info('app starting', { version: app.getVersion(), packaged, kiosk, mode: settings?.mode, provisioning: provisioning.status })

  await app.whenReady()

  const isTrusted = (url: string) => isTrustedUrl(url, devServerUrl)
  installSecurity(app, session.defaultSession, isTrusted)

  const enrollment = createEnrollmentStore({ file: join(userData, 'enrollment.json'), safeStorage, log })
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rendererDir: join(import.meta.dirname, '../renderer'),
      contentSecurityPolicy: () => buildCsp([enrollment.load()?.platformUrl, settings?.platformUrl]),
    }),
  )

  let lastPrint: PrintResult | null = null
  const listPrinters = () => (mainWindow ? mainWindow.webContents.getPrintersAsync() : Promise.resolve([]))
  let allowClose = () => {}
  if (packaged && !settings?.updateUrl) log.info('update: off, no updateUrl in provisioning')
  const updater =
    packaged && settings?.updateUrl
      ? startUpdater({
          autoUpdater: (await import('electron-updater')).autoUpdater,
          feedUrl: settings.updateUrl,
          openingHours: settings.openingHours,
          log,
          beforeInstall: () => allowClose(),
        })
      : UPDATES_OFF

  const cleanups = registerHostIpc(ipcMain, {
    context: { isOurWindow: (sender) => mainWindow !== null && sender === mainWindow.webContents, isTrustedUrl: isTrusted, log },
    log,
    appInfo: () => ({ version: app.getVersion(), shell: 'electron', kiosk }),
    enrollment,
    provisioning: () => hostProvisioning(provisioning),
    checkAdminPin: createAdminPin(adminPinHashOf(provisioning), log),
    printReceipt: createReceiptPrinter({
      createWindow: () => new BrowserWindow(PRINT_WINDOW_OPTIONS),
      silent: () => kiosk,
      log,
      printerName: settings?.receiptPrinter,
      listPrinters,
      onResult: (result) => {
        lastPrint = result
      },
    }),
    deviceHealth: () =>
      deviceHealth({
        dataPath: userData,
        printerName: settings?.receiptPrinter,
        listPrinters,
        lastPrint: () => lastPrint,
        update: () => updater.status(),
        lastError: () => log.lastError(),
      }),
    setVisitorActive: (active) => updater.setVisitorActive(active),
    logRendererError: createRendererErrorLog(log),
    exportLogs: () =>
      exportLogs({
        files: () => log.files(),
        showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
        defaultDir: app.getPath('documents'),
        kioskName: () => {
          const enrolled = enrollment.load()
          return enrolled ? `${enrolled.centerCode}-${enrolled.kioskCode}` : null
        },
        log,
      }),
    exportCsv: (file) =>
      exportCsv(file, {
        showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
        defaultDir: app.getPath('documents'),
        log,
      }),
  })
  let awake: { stop(): void } | null = null
  app.on('will-quit', () => {
    for (const cleanup of cleanups) cleanup()
    updater.stop()
    awake?.stop()
    log.info('app quitting')
  })
  app.on('window-all-closed', () => app.quit())

  if (packaged) Menu.setApplicationMenu(null)
  const url = entryUrl(devServerUrl)
  const window = new BrowserWindow(mainWindowOptions({ preload: join(import.meta.dirname, '../preload/index.cjs'), kiosk, packaged }))
  mainWindow = window
  if (packaged) window.removeMenu()
  // Development keeps F5 and the devtools; every installed copy is locked down.
  if (packaged || kiosk) installLockdown(window, { kiosk, log })
  if (kiosk) {
    allowClose = guardKioskClose(window, app, log).allowClose
    awake = keepAwakeDuringOpeningHours({ powerSaveBlocker, openingHours: settings?.openingHours, log })
  }
  window.once('ready-to-show', () => window.show())
  window.on('closed', () => {
    mainWindow = null
  })
  installSelfHealing(window, { app, url, log, history: fileRelaunchHistory(join(userData, 'self-heal.json'), log) })
  await window.loadURL(url).catch((error: unknown) => log.error('first load failed', { url, error }))
}
