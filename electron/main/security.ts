import type { App, Session, WebContents } from 'electron'

type TrustCheck = (url: string) => boolean

/** The parts of WebContents the hardening touches; a fake in tests. */
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

/**
 * Applied to every WebContents the app ever creates, including the hidden print window: a kiosk
 * opens nothing outside itself, so navigation leaves only to our own origin, new windows are
 * refused (never handed to shell.openExternal: that would open a browser on a public machine), and
 * <webview> cannot be attached.
 */
export function hardenContents(contents: HardenableContents, isTrusted: TrustCheck): void {
  const refuseUntrusted = (event: { preventDefault(): void }, url: string) => {
    if (!isTrusted(url)) event.preventDefault()
  }
  contents.on('will-navigate', (event, url) => refuseUntrusted(event, url))
  contents.on('will-redirect', (event, url) => refuseUntrusted(event, url))
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/** Camera, microphone, geolocation, notifications, USB, HID, serial...: the kiosk needs none. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

/** Installs the whole baseline; call once, before the first window. */
export function installSecurity(app: Pick<App, 'on'>, session: Parameters<typeof denyAllPermissions>[0], isTrusted: TrustCheck): void {
  denyAllPermissions(session)
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, isTrusted))
}
