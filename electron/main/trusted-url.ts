/** The renderer's own origin in a packaged build: `app://kiosk/...`, served by protocol.ts. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'kiosk'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * True only for pages of this app: `app://kiosk/...`, and in development the electron-vite dev
 * server's origin. Every navigation, window and IPC decision goes through this one check, so it
 * refuses anything merely *containing* the app origin (a query, userinfo, a longer host, a port).
 */
export function isTrustedUrl(url: string, devServerUrl?: string): boolean {
  const parsed = parse(url)
  if (!parsed || parsed.username !== '' || parsed.password !== '') return false

  if (parsed.protocol === `${APP_SCHEME}:`) {
    // Chromium lower-cases the host of a standard scheme, so APP://KIOSK is the same origin; Node's
    // parser keeps the case of a non-special scheme's host, hence the explicit comparison.
    return parsed.host.toLowerCase() === APP_HOST
  }

  if (devServerUrl === undefined || devServerUrl === '') return false
  const dev = parse(devServerUrl)
  if (!dev || (dev.protocol !== 'http:' && dev.protocol !== 'https:')) return false
  return parsed.origin === dev.origin
}
