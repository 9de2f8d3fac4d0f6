import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import type { Logger } from './log'
import { APP_ENTRY_URL } from './trusted-url'

export interface MainWindowSettings {
  /** Absolute path of out/preload/index.cjs. */
  preload: string
  /** Locked full screen for visitors; a window for development and counter installs. */
  kiosk: boolean
  packaged: boolean
}

export function mainWindowOptions(settings: MainWindowSettings): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    backgroundColor: '#ffffff',
    title: '企业综合服务一窗通',
    kiosk: settings.kiosk,
    fullscreen: settings.kiosk,
    autoHideMenuBar: true,
    webPreferences: {
      preload: settings.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !settings.packaged,
    },
  }
}

/** The page the window opens: the electron-vite dev server in development, app:// otherwise. */
export function entryUrl(devServerUrl: string | undefined): string {
  return devServerUrl || APP_ENTRY_URL
}

/**
 * An unattended kiosk must come back by itself: if the renderer crashes or the page fails to
 * load, log it and load the app again rather than leave a blank screen in the lobby.
 */
export function keepShowingApp(window: Pick<BrowserWindow, 'webContents' | 'isDestroyed'>, url: string, log: Pick<Logger, 'error'>): void {
  let retry: ReturnType<typeof setTimeout> | undefined
  const reloadSoon = () => {
    clearTimeout(retry)
    retry = setTimeout(() => {
      if (!window.isDestroyed()) void window.webContents.loadURL(url).catch(() => {})
    }, 3000)
  }
  window.webContents.on('render-process-gone', (_event, details) => {
    log.error('renderer gone, reloading', { reason: details.reason, exitCode: details.exitCode })
    reloadSoon()
  })
  window.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedUrl, isMainFrame) => {
    if (!isMainFrame || errorCode === -3) return // -3: aborted by a newer navigation
    log.error('page failed to load, retrying', { errorCode, errorDescription, url: validatedUrl })
    reloadSoon()
  })
}
