/**
 * WHATWG URL: every runtime this module runs in has it (browsers, Node, Electron's main process), but
 * ES2023 does not define it, and shared/ is type-checked without DOM or Node types.
 */
declare const URL: new (url: string) => { protocol: string; origin: string }

/** The http(s) origin of a platform URL, or null if it is not one. */
export function platformOrigin(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null
  } catch {
    return null
  }
}

/**
 * Content-Security-Policy of the kiosk's pages, the same in both shells: Electron's app:// protocol
 * and the web-mode server. `platformUrls` are the platform(s) the renderer may sync with. Before any
 * platform is known (no provisioning, not enrolled) staff type the platform address on the
 * enrollment screen, so connect-src is then open to http(s): the kiosk holds no credential and no
 * visitor data yet, and once enrolled the next page load narrows it.
 */
export function buildCsp(platformUrls: ReadonlyArray<string | undefined>): string {
  const origins = [...new Set(platformUrls.flatMap((url) => (url ? [platformOrigin(url)] : [])).filter((o) => o !== null))]
  const connect = origins.length > 0 ? origins : ['https:', 'http:']
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Vant sets inline style attributes on its components.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    // Vant's icon font ships as a data: URL inside its CSS.
    "font-src 'self' data:",
    `connect-src 'self' ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ')
}
