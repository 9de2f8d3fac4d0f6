import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppProtocolHandler, mimeType, resolveAppPath } from './protocol'

let base: string
let rendererDir: string
let handler: (request: Request) => Promise<Response>
const CSP = "default-src 'self'"

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'kiosk-protocol-'))
  rendererDir = join(base, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>')
  await writeFile(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)')
  await writeFile(join(rendererDir, 'assets', 'index-abc.css'), 'body{}')
  await writeFile(join(rendererDir, 'assets', 'font.woff2'), 'w')
  // A sibling whose name starts like the renderer dir: a prefix check would wrongly allow it.
  await mkdir(join(base, 'renderer-secrets'))
  await writeFile(join(base, 'renderer-secrets', 'token.txt'), 'secret')
  await writeFile(join(base, 'secret.txt'), 'secret')
  handler = createAppProtocolHandler({ rendererDir, contentSecurityPolicy: () => CSP })
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

const get = (url: string, method = 'GET') => handler(new Request(url, { method }))

describe('app:// protocol', () => {
  it('serves index.html for the root and by name, with the CSP', async () => {
    for (const url of ['app://kiosk/', 'app://kiosk/index.html', 'app://kiosk']) {
      const res = await get(url)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(res.headers.get('content-security-policy')).toBe(CSP)
      expect(await res.text()).toContain('<title>kiosk</title>')
    }
  })

  it('serves assets with their MIME types and nosniff', async () => {
    const js = await get('app://kiosk/assets/index-abc.js?v=2')
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(js.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await get('app://kiosk/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect((await get('app://kiosk/assets/font.woff2')).headers.get('content-type')).toBe('font/woff2')
  })

  it('answers 404 for a missing file or a directory', async () => {
    expect((await get('app://kiosk/missing.js')).status).toBe(404)
    expect((await get('app://kiosk/assets')).status).toBe(404)
    expect((await get('app://kiosk/assets/')).status).toBe(404)
  })

  it('refuses other hosts', async () => {
    for (const url of ['app://evil/index.html', 'app://kiosk.evil/index.html', 'app://kiosk:8080/index.html']) {
      const res = await get(url)
      expect(res.status, url).toBe(403)
      expect(await res.text()).not.toContain('kiosk</title>')
    }
  })

  it.each([
    'app://kiosk/..%2fsecret.txt',
    'app://kiosk/..%2F..%2Fsecret.txt',
    'app://kiosk/assets/..%2f..%2fsecret.txt',
    'app://kiosk/%2e%2e/secret.txt',
    'app://kiosk/..%2frenderer-secrets/token.txt',
    'app://kiosk/..%5csecret.txt',
    'app://kiosk/%2fetc%2fpasswd',
    'app://kiosk/C:%5cWindows%5cwin.ini',
    'app://kiosk/index.html%00.js',
  ])('never serves a file outside the renderer dir: %s', async (url) => {
    const res = await get(url)
    expect([400, 403, 404]).toContain(res.status)
    expect(await res.text()).not.toContain('secret')
  })

  it('refuses userinfo, which a Request cannot even carry', () => {
    expect(resolveAppPath('app://user@kiosk/index.html', rendererDir)).toEqual({ status: 403 })
  })

  it('keeps a decoded absolute path inside the renderer dir', () => {
    const target = resolveAppPath('app://kiosk/%2fetc%2fpasswd', '/srv/renderer')
    expect(target).toEqual({ file: '/srv/renderer/etc/passwd' })
  })

  it('answers 400 for malformed percent-encoding', async () => {
    expect((await get('app://kiosk/%E0%A4%A')).status).toBe(400)
  })

  it('serves only reads', async () => {
    expect((await get('app://kiosk/index.html', 'POST')).status).toBe(405)
    const head = await get('app://kiosk/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it('adds the CSP to refusals too', async () => {
    expect((await get('app://evil/')).headers.get('content-security-policy')).toBe(CSP)
  })
})

describe('mimeType', () => {
  it('falls back to octet-stream', () => {
    expect(mimeType('a.exe')).toBe('application/octet-stream')
    expect(mimeType('A.SVG')).toBe('image/svg+xml')
  })
})
