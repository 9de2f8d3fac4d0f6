import { describe, expect, it, vi } from 'vitest'
import type { Enrollment, ReceiptDocument } from '../../shared/index'
import { renderReceiptHtml } from '../../shared/receipt-html'
import { createWebHost } from './web-host'

// The PIN 246810, 200000 iterations, a salt of sixteen 0x01 bytes.
const PIN_HASH = 'pbkdf2-sha256$200000$AQEBAQEBAQEBAQEBAQEBAQ==$BG3DtZQ8+PXURdVfuMky+5vLv0M6XHs6Z8zNScmtlgk='

class MemoryStorage implements Storage {
  private map = new Map<string, string>()
  get length() {
    return this.map.size
  }
  clear() {
    this.map.clear()
  }
  getItem(key: string) {
    return this.map.get(key) ?? null
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null
  }
  removeItem(key: string) {
    this.map.delete(key)
  }
  setItem(key: string, value: string) {
    this.map.set(key, value)
  }
}

const enrollment: Enrollment = {
  deviceId: 'dev-1',
  kioskCode: 'K01',
  centerId: 'zj-hangzhou-01',
  centerCode: 'HZ01',
  centerName: { zh: '杭州市企业综合服务中心', en: 'Hangzhou Enterprise Service Center' },
  token: 'a-device-token-of-enough-length',
  platformUrl: 'http://127.0.0.1:8787',
}

function answering(body: unknown, status = 200): typeof fetch {
  return (async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })) as typeof fetch
}

describe('web host', () => {
  it('keeps the enrollment in local storage', async () => {
    const storage = new MemoryStorage()
    const host = createWebHost({ storage, fetchFn: answering({}) })
    expect(await host.getEnrollment()).toBeNull()
    await host.saveEnrollment(enrollment)
    expect(await createWebHost({ storage, fetchFn: answering({}) }).getEnrollment()).toEqual(enrollment)
  })

  it('treats a damaged stored enrollment as none, so the kiosk enrolls again', async () => {
    const storage = new MemoryStorage()
    storage.setItem('kiosk.enrollment', '{"deviceId":')
    expect(await createWebHost({ storage }).getEnrollment()).toBeNull()
    storage.setItem('kiosk.enrollment', JSON.stringify({ ...enrollment, token: 'short' }))
    expect(await createWebHost({ storage }).getEnrollment()).toBeNull()
  })

  it('refuses to save an enrollment that is not one', async () => {
    const host = createWebHost({ storage: new MemoryStorage() })
    await expect(host.saveEnrollment({ ...enrollment, platformUrl: 'not a url' })).rejects.toThrow()
  })

  it('reads provisioning.json beside the page, and hands on the settings without the PIN hash', async () => {
    const storage = new MemoryStorage()
    const provisioned = { platformUrl: 'https://platform.example', enrollCode: 'DEMO2026', retentionDays: 90, adminPinHash: PIN_HASH }
    const state = await createWebHost({ storage, fetchFn: answering(provisioned) }).getProvisioning()
    expect(state).toEqual({
      status: 'ok',
      settings: { platformUrl: 'https://platform.example', enrollCode: 'DEMO2026', retentionDays: 90, mode: 'visitor', idleTimeouts: { visitor: 60, staff: 600 } },
    })
    expect(JSON.stringify(state)).not.toContain('pbkdf2')
  })

  it('says when there is no provisioning, or a broken one, naming each bad field', async () => {
    const storage = new MemoryStorage()
    expect(await createWebHost({ storage, fetchFn: answering('', 404) }).getProvisioning()).toMatchObject({ status: 'missing', problems: [], adminPin: false })
    expect(await createWebHost({ storage, fetchFn: answering('<html>') }).getProvisioning()).toMatchObject({
      status: 'invalid',
      problems: [{ field: '(file)', code: 'notJson' }],
    })
    const broken = await createWebHost({ storage, fetchFn: answering({ platformUrl: 'ftp://x', enrollCode: 'DEMO2026', retentionDays: 0, adminPinHash: PIN_HASH }) }).getProvisioning()
    expect(broken.status === 'invalid' && broken.problems.map((p) => [p.field, p.code])).toEqual([
      ['platformUrl', 'url'],
      ['retentionDays', 'retentionDays'],
    ])
    expect(broken).toMatchObject({ adminPin: true })
    const offline = createWebHost({ storage, fetchFn: (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch })
    expect(await offline.getProvisioning()).toMatchObject({ status: 'missing' })
  })

  it('checks the admin PIN against the provisioned hash, locking after repeated wrong PINs', async () => {
    const host = createWebHost({ storage: new MemoryStorage(), fetchFn: answering({ platformUrl: 'https://platform.example', adminPinHash: PIN_HASH }) })
    expect(await host.checkAdminPin('246810')).toEqual({ ok: true })
    for (let i = 0; i < 4; i++) expect(await host.checkAdminPin('000000')).toMatchObject({ ok: false, reason: 'wrong' })
    expect(await host.checkAdminPin('000000')).toMatchObject({ ok: false, reason: 'locked' })
    expect(await host.checkAdminPin('246810')).toMatchObject({ ok: false, reason: 'locked' })
  })

  it('refuses every PIN when none is provisioned', async () => {
    const host = createWebHost({ storage: new MemoryStorage(), fetchFn: answering('', 404) })
    expect(await host.checkAdminPin('246810')).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 0 })
  })

  it('keeps the page errors, the newest 200, and exports them as a download', async () => {
    const storage = new MemoryStorage()
    const download = vi.fn()
    const host = createWebHost({ storage, download, now: () => new Date('2026-03-03T02:15:00Z') })
    for (let i = 0; i < 205; i++) await host.logError({ source: 'error', message: `boom ${i}` })
    expect((await host.getDeviceHealth()).lastError).toEqual({ at: '2026-03-03T02:15:00.000Z', message: 'renderer error: boom 204' })
    expect(await host.exportLogs()).toEqual({ ok: true, file: 'kiosk-log-browser-20260303-0215.jsonl' })
    const [name, text] = download.mock.calls[0] as [string, string]
    expect(name).toBe('kiosk-log-browser-20260303-0215.jsonl')
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as { message: string })
    expect(lines).toHaveLength(200)
    expect(lines[0]?.message).toBe('boom 5')
  })

  it('exports a CSV as a download, after the same check as the kiosk shell', async () => {
    const download = vi.fn()
    const host = createWebHost({ storage: new MemoryStorage(), download })
    const file = { name: '统计-2026-11.csv', content: '\uFEFF指标,数量\r\n' }
    expect(await host.exportCsv(file)).toEqual({ ok: true, file: '统计-2026-11.csv' })
    expect(download).toHaveBeenCalledWith('统计-2026-11.csv', file.content, 'text/csv;charset=utf-8')
    expect(await host.exportCsv({ ...file, name: '../x.csv' })).toMatchObject({ ok: false, reason: 'failed' })
    expect(download).toHaveBeenCalledTimes(1)
  })

  it('knows neither disk nor printer, and has no updater', async () => {
    expect(await createWebHost({ storage: new MemoryStorage() }).getDeviceHealth()).toEqual({
      freeDiskBytes: null,
      printer: { state: 'unknown' },
      update: { state: 'disabled' },
      lastError: null,
    })
  })

  it('says it is the web shell, not a locked-down kiosk', async () => {
    expect(await createWebHost({ storage: new MemoryStorage(), version: '1.2.3' }).getAppInfo()).toEqual({ version: '1.2.3', shell: 'web', kiosk: false })
  })

  describe('printReceipt', () => {
    const receipt: ReceiptDocument = {
      title: '受理回执',
      lines: [{ label: '受理号', value: 'HZ01-K03-20261128-0007' }],
      trackingUrl: 'https://zlb.zj.gov.cn/track/HZ01-K03-20261128-0007',
      footer: '扫码查询办理进度',
    }

    /** Just enough of a document for the print frame: what is written into it, and whether it printed. */
    function fakeDocument() {
      const written: string[] = []
      const frameWindow = { focus: vi.fn(), print: vi.fn() }
      const frame = {
        style: { cssText: '' },
        setAttribute: vi.fn(),
        remove: vi.fn(),
        contentDocument: { open: vi.fn(), write: (html: string) => written.push(html), close: vi.fn() },
        contentWindow: frameWindow,
      }
      const document = { createElement: () => frame, body: { appendChild: vi.fn() } } as unknown as Pick<Document, 'createElement' | 'body'>
      return { document, written, frameWindow }
    }

    it('prints the same page Electron prints, with the tracking QR code', async () => {
      const { document, written, frameWindow } = fakeDocument()
      const host = createWebHost({ storage: new MemoryStorage(), document })
      expect(await host.printReceipt(receipt)).toEqual({ ok: true })
      expect(frameWindow.print).toHaveBeenCalledOnce()
      const qr = /src="(data:image\/png;base64,[^"]+)"/.exec(written.join(''))?.[1]
      expect(qr).toBeDefined()
      expect(written.join('')).toBe(renderReceiptHtml(receipt, qr!))
    })

    it('prints without a QR code before the kiosk is enrolled (no tracking link yet)', async () => {
      const { document, written, frameWindow } = fakeDocument()
      const host = createWebHost({ storage: new MemoryStorage(), document })
      expect(await host.printReceipt({ ...receipt, trackingUrl: '' })).toEqual({ ok: true })
      expect(frameWindow.print).toHaveBeenCalledOnce()
      expect(written.join('')).toBe(renderReceiptHtml({ ...receipt, trackingUrl: '' }, null))
    })
  })
})
