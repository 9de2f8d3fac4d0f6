import type { App, BrowserWindow, Input } from 'electron'
import type { Logger } from './log'

/** The fields of Electron's `Input` a decision needs; a plain object in tests. */
export type KeyInput = Pick<Input, 'type' | 'key' | 'control' | 'alt' | 'shift' | 'meta'>

/** With Ctrl (or Cmd) alone: editing in a text field. Everything else with Ctrl is the browser's. */
const EDITING_KEYS = new Set(['a', 'c', 'v', 'x', 'z', 'y', 'backspace', 'delete', 'arrowleft', 'arrowright', 'arrowup', 'arrowdown', 'home', 'end'])
/** With Ctrl+Shift: redo, and selecting word by word. */
const SHIFT_EDITING_KEYS = new Set(['z', 'arrowleft', 'arrowright', 'arrowup', 'arrowdown', 'home', 'end'])
const BROWSER_KEYS = new Set(['browserback', 'browserforward', 'browserrefresh', 'browserhome', 'browsersearch', 'browserstop', 'browserfavorites'])

function combo(input: KeyInput, key: string): string {
  return [input.control && 'Ctrl', input.meta && 'Meta', input.alt && 'Alt', input.shift && 'Shift', key].filter(Boolean).join('+')
}

/**
 * The shortcut a key press would trigger when the kiosk must swallow it, or null to let it through.
 * Kiosk: nothing closes, reloads, zooms, prints, navigates, opens devtools or shows the menu bar
 * (Alt+F4, Ctrl+W, Ctrl+R, F5, F11, Ctrl+Shift+I, a lone Alt...). Staff shortcuts (Ctrl+Alt+S) and
 * editing (Ctrl+C/V/X/Z/A) pass. A windowed counter install may still close with Alt+F4.
 */
export function blockedShortcut(input: KeyInput, options: { kiosk: boolean }): string | null {
  if (input.type !== 'keyDown' && input.type !== 'keyUp') return null
  const key = input.key.toLowerCase()
  // Windows shows the menu bar when a lone Alt is released; a window without a menu still takes focus off the page.
  if (key === 'alt') return 'Alt'
  if (/^f\d{1,2}$/.test(key)) {
    if (key === 'f4' && input.alt && !input.control && !options.kiosk) return null
    return combo(input, input.key.toUpperCase())
  }
  if (BROWSER_KEYS.has(key)) return input.key
  const ctrl = input.control || input.meta
  // Ctrl+Alt+<letter>: the staff panel's own shortcuts (and AltGr on some layouts).
  if (input.control && input.alt && !input.meta) return null
  // Alt+Left/Right is back/forward, Alt+Space the window menu, Alt+Home the home page.
  if (input.alt) return combo(input, input.key)
  if (ctrl) {
    if ((input.shift ? SHIFT_EDITING_KEYS : EDITING_KEYS).has(key)) return null
    return combo(input, input.key.length === 1 ? input.key.toUpperCase() : input.key)
  }
  return null
}

export interface LockdownOptions {
  kiosk: boolean
  log: Pick<Logger, 'info'>
  now?: () => number
}

/**
 * Swallows the shortcuts above before the page sees them, and keeps pinch zoom off. Each blocked
 * shortcut is logged once a minute at most: a visitor mashing keys must not fill the log.
 */
export function installLockdown(window: Pick<BrowserWindow, 'webContents'>, options: LockdownOptions): void {
  const now = options.now ?? (() => Date.now())
  const lastLogged = new Map<string, number>()
  window.webContents.on('before-input-event', (event, input) => {
    const blocked = blockedShortcut(input, { kiosk: options.kiosk })
    if (!blocked) return
    event.preventDefault()
    if (input.type !== 'keyDown') return
    const at = now()
    if (at - (lastLogged.get(blocked) ?? -Infinity) < 60_000) return
    lastLogged.set(blocked, at)
    options.log.info('lockdown: shortcut blocked', { shortcut: blocked })
  })
  const noPinchZoom = () => void window.webContents.setVisualZoomLevelLimits(1, 1).catch(() => undefined)
  window.webContents.on('did-finish-load', noPinchZoom)
  // Ctrl+wheel asks for a zoom: the kiosk keeps its layout.
  window.webContents.on('zoom-changed', () => window.webContents.setZoomLevel(0))
}

/**
 * A kiosk window closes only when the app itself quits: for an update, a relaunch, the operating
 * system shutting down or IT stopping the service. Any other close (Alt+F4 that slipped past the
 * input filter, a window manager's close button) is refused.
 */
export function guardKioskClose(window: Pick<BrowserWindow, 'on'>, app: Pick<App, 'on'>, log: Pick<Logger, 'info'>): { allowClose(): void } {
  let quitting = false
  const allow = () => {
    quitting = true
  }
  app.on('before-quit', allow)
  // Windows logging off or shutting down: a refused close would hold the whole shutdown up.
  window.on('session-end', allow)
  window.on('close', (event) => {
    if (quitting) return
    event.preventDefault()
    log.info('lockdown: window close refused')
  })
  // The updater closes the windows before it quits the app (before-quit comes after): it says so first.
  return { allowClose: allow }
}
