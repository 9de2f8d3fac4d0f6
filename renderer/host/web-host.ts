import { Enrollment, Provisioning, type AppInfo, type HostApi, type ReceiptDocument } from '../../shared/index'
import { RECEIPT_QR_OPTIONS, renderReceiptHtml } from '../../shared/receipt-html'
import QRCode from 'qrcode'

const ENROLLMENT_KEY = 'kiosk.enrollment'

/**
 * The host API in a plain browser: counter PCs without the kiosk install, and the tests. Enrollment is
 * kept in local storage; provisioning comes from `provisioning.json` beside the page (written by
 * whoever serves it), so a browser is provisioned the same way IT provisions a kiosk.
 */
export function createWebHost(
  opts: { storage?: Storage; fetchFn?: typeof fetch; version?: string; document?: Pick<Document, 'createElement' | 'body'> } = {},
): HostApi {
  const storage = opts.storage ?? window.localStorage
  const fetchFn: typeof fetch = opts.fetchFn ?? ((input, init) => window.fetch(input, init))
  return {
    async getAppInfo(): Promise<AppInfo> {
      return { version: opts.version ?? '0.0.0', shell: 'web', kiosk: false }
    },
    async getEnrollment() {
      const raw = storage.getItem(ENROLLMENT_KEY)
      if (!raw) return null
      try {
        const parsed = Enrollment.safeParse(JSON.parse(raw))
        return parsed.success ? parsed.data : null
      } catch {
        return null
      }
    },
    async saveEnrollment(enrollment) {
      storage.setItem(ENROLLMENT_KEY, JSON.stringify(Enrollment.parse(enrollment)))
    },
    async getProvisioning() {
      try {
        const res = await fetchFn('./provisioning.json', { cache: 'no-store' })
        if (!res.ok) return null
        const parsed = Provisioning.safeParse(await res.json())
        return parsed.success ? parsed.data : null
      } catch {
        return null
      }
    },
    async printReceipt(receipt: ReceiptDocument) {
      return printInFrame(opts.document ?? document, receipt)
    },
  }
}

/**
 * The browser's own print dialog, from a detached frame so the kiosk page itself is not printed. The
 * page is the one Electron prints (shared/receipt-html.ts), with no QR code before enrollment.
 */
async function printInFrame(
  doc: Pick<Document, 'createElement' | 'body'>,
  receipt: ReceiptDocument,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const frame = doc.createElement('iframe')
  frame.setAttribute('aria-hidden', 'true')
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;right:0;bottom:0'
  doc.body.appendChild(frame)
  try {
    const page = frame.contentDocument
    const win = frame.contentWindow
    if (!page || !win) return { ok: false, reason: 'print frame unavailable' }
    const qr = receipt.trackingUrl ? await QRCode.toDataURL(receipt.trackingUrl, RECEIPT_QR_OPTIONS) : null
    page.open()
    page.write(renderReceiptHtml(receipt, qr))
    page.close()
    win.focus()
    win.print()
    return { ok: true }
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) }
  } finally {
    setTimeout(() => frame.remove(), 1000)
  }
}
