import { readFile, stat } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, resolve } from 'node:path'
import { APP_HOST, APP_SCHEME } from './trusted-url'

/** Passed to protocol.registerSchemesAsPrivileged before `ready`: app:// behaves like an https origin. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

export function mimeType(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

export interface AppProtocolOptions {
  /** Absolute path of the built renderer (out/renderer). */
  rendererDir: string
  /** Computed per response: the platform origin can change when the kiosk is enrolled. */
  contentSecurityPolicy: () => string
}

function textResponse(status: number, text: string, csp: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' },
  })
}

/**
 * The file under `rendererDir` that an app:// URL names, or an HTTP status explaining the refusal.
 * Ensure the path stays within the renderer directory: prevents directory traversal, including
 * encoded forms (`..%2f`, `%5c`) that only become separators after decoding.
 */
export function resolveAppPath(requestUrl: string, rendererDir: string): { file: string } | { status: 400 | 403 | 404 } {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return { status: 400 }
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST || url.username || url.password) {
    return { status: 403 }
  }

  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return { status: 400 }
  }
  // No renderer asset has these in its name; on Windows they would make a drive or separator.
  if (/[\0\\:]/.test(pathname)) return { status: 403 }

  const root = resolve(rendererDir)
  const file = resolve(join(root, pathname === '' || pathname === '/' ? 'index.html' : pathname))
  const inside = relative(root, file)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return { status: 403 }
  return { file }
}

/** The `protocol.handle('app', ...)` handler that serves the built renderer. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const csp = options.contentSecurityPolicy()
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed', csp)

    const target = resolveAppPath(request.url, options.rendererDir)
    if ('status' in target) {
      const text = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' }[target.status]
      return textResponse(target.status, text, csp)
    }

    try {
      const info = await stat(target.file)
      if (!info.isFile()) return textResponse(404, 'Not Found', csp)
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(target.file))
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': mimeType(target.file),
          'Content-Security-Policy': csp,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-cache',
        },
      })
    } catch {
      return textResponse(404, 'Not Found', csp)
    }
  }
}
