import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveWeb, type WebServer } from '../../../scripts/serve-web'
import { buildCsp } from '../../../shared/csp'

const PROVISIONING = { platformUrl: 'http://127.0.0.1:8787', enrollCode: 'DEMO2026' }

let dir: string
let web: WebServer

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'serve-web-'))
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>kiosk</title>')
  web = await serveWeb({ dir, port: 0, provisioning: PROVISIONING })
})
afterAll(async () => {
  await web?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('web mode server', () => {
  it('sends the CSP the Electron shell sends for the same platform', async () => {
    const res = await fetch(web.url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toBe(buildCsp([PROVISIONING.platformUrl]))
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('serves provisioning.json beside the page', async () => {
    expect(await (await fetch(new URL('provisioning.json', web.url))).json()).toEqual(PROVISIONING)
  })

  it('refuses paths outside the build directory and anything but GET and HEAD', async () => {
    expect((await fetch(new URL('/..%2f..%2fetc%2fpasswd', web.url))).status).toBe(403)
    expect((await fetch(web.url, { method: 'POST' })).status).toBe(405)
    expect((await fetch(new URL('/missing.js', web.url))).status).toBe(404)
  })
})
