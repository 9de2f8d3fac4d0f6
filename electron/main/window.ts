import type { BrowserWindowConstructorOptions } from 'electron'
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
