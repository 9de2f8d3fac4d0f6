import { describe, expect, it, vi } from 'vitest'
import type { Enrollment, ReceiptDocument } from '../../shared/index'
import { renderReceiptHtml } from '../../shared/receipt-html'
import { createWebHost } from './web-host'

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

  it('reads provisioning.json beside the page, and ignores a missing or malformed one', async () => {
    const storage = new MemoryStorage()
    const provisioned = { platformUrl: 'https://platform.example', enrollCode: 'DEMO2026', retentionDays: 90 }
    expect(await createWebHost({ storage, fetchFn: answering(provisioned) }).getProvisioning()).toEqual(provisioned)
    expect(await createWebHost({ storage, fetchFn: answering('', 404) }).getProvisioning()).toBeNull()
    expect(await createWebHost({ storage, fetchFn: answering('<html>') }).getProvisioning()).toBeNull()
    expect(await createWebHost({ storage, fetchFn: answering({ platformUrl: 'ftp://x', enrollCode: 'DEMO2026' }) }).getProvisioning()).toBeNull()
    expect(await createWebHost({ storage, fetchFn: answering({ ...provisioned, retentionDays: 0 }) }).getProvisioning()).toBeNull()
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
