// Serves the built kiosk (out/web) for web mode: counter PCs without the kiosk install, and the tests.
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
}

export function contentSecurityPolicy(platformUrl) {
  const platform = platformUrl ? ` ${new URL(platformUrl).origin}` : ''
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    // Vant's icon font is inlined as a data: URL.
    "font-src 'self' data:",
    `connect-src 'self'${platform}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ')
}

/**
 * @param {{ dir: string, port: number, host?: string, provisioning?: { platformUrl: string, enrollCode?: string, adminPinHash?: string } }} opts
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveWeb({ dir, port, host = '127.0.0.1', provisioning }) {
  const root = resolve(dir)
  const csp = contentSecurityPolicy(provisioning?.platformUrl)
  const server = createServer(async (req, res) => {
    const headers = {
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end()
      return
    }
    let pathname
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    } catch {
      res.writeHead(400, headers).end()
      return
    }
    if (pathname === '/provisioning.json') {
      if (!provisioning) return res.writeHead(404, headers).end()
      res.writeHead(200, { ...headers, 'Content-Type': MIME['.json'] }).end(JSON.stringify(provisioning))
      return
    }
    if (pathname.endsWith('/')) pathname += 'index.html'
    // Refuse anything that resolves outside the build directory (../, encoded or not).
    const file = resolve(join(root, pathname))
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403, headers).end()
      return
    }
    try {
      const body = await readFile(file)
      res.writeHead(200, { ...headers, 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' })
      res.end(req.method === 'HEAD' ? undefined : body)
    } catch {
      res.writeHead(404, headers).end()
    }
  })
  await new Promise((ok, fail) => {
    server.once('error', fail)
    server.listen(port, host, ok)
  })
  const address = server.address()
  return {
    url: `http://${host}:${typeof address === 'object' && address ? address.port : port}/`,
    close: () => new Promise((ok) => server.close(() => ok())),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.WEB_PORT ?? 5174)
  const platformUrl = process.env.PLATFORM_URL ?? 'http://127.0.0.1:8787'
  const enrollCode = process.env.ENROLL_CODE
  const retentionDays = process.env.RETENTION_DAYS ? Number(process.env.RETENTION_DAYS) : undefined
  // Without a PIN hash the kiosk shows its setup screen: staff and IT screens need the admin PIN.
  const adminPinHash = process.env.ADMIN_PIN_HASH
  const web = await serveWeb({
    dir: process.env.WEB_DIR ?? 'out/web',
    port,
    provisioning: { platformUrl, ...(enrollCode ? { enrollCode } : {}), ...(retentionDays ? { retentionDays } : {}), ...(adminPinHash ? { adminPinHash } : {}) },
  })
  console.log(`kiosk (web mode): ${web.url}`)
}
