// Serves the built kiosk (out/web) for web mode: counter PCs without the kiosk install, and the tests.
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildCsp } from '../shared/csp'
import type { Provisioning } from '../shared/provisioning'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
}

export interface WebServer {
  url: string
  close(): Promise<void>
}

/**
 * The built renderer over HTTP with the CSP Electron's app:// protocol sends (shared/csp.ts), and
 * `provisioning` as `/provisioning.json` beside the page, where the web host reads it.
 */
export async function serveWeb({
  dir,
  port,
  host = '127.0.0.1',
  provisioning,
}: {
  dir: string
  port: number
  host?: string
  /** Served as it is given: an incomplete one shows the kiosk's setup screen, as on a real machine. */
  provisioning?: Partial<Provisioning>
}): Promise<WebServer> {
  const root = resolve(dir)
  const csp = buildCsp([provisioning?.platformUrl])
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
    let pathname: string
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    } catch {
      res.writeHead(400, headers).end()
      return
    }
    if (pathname === '/provisioning.json') {
      if (!provisioning) return void res.writeHead(404, headers).end()
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
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(port, host, ok)
  })
  const address = server.address()
  return {
    url: `http://${host}:${typeof address === 'object' && address ? address.port : port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
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
