import { Enrollment, Provisioning, type AppInfo, type HostApi, type ReceiptDocument } from '../../shared/index'
import QRCode from 'qrcode'

const ENROLLMENT_KEY = 'kiosk.enrollment'

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/**
 * The host API in a plain browser: counter PCs without the kiosk install, and the tests. Enrollment is
 * kept in local storage; provisioning comes from `provisioning.json` beside the page (written by
 * whoever serves it), so a browser is provisioned the same way IT provisions a kiosk.
 */
export function createWebHost(opts: { storage?: Storage; fetchFn?: typeof fetch; version?: string } = {}): HostApi {
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
    async clearEnrollment() {
      storage.removeItem(ENROLLMENT_KEY)
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
      return printInIframe(receipt)
    },
  }
}

/** The browser's own print dialog, from a detached frame so the kiosk page itself is not printed. */
async function printInIframe(receipt: ReceiptDocument): Promise<{ ok: true } | { ok: false; reason: string }> {
  const frame = document.createElement('iframe')
  frame.setAttribute('aria-hidden', 'true')
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;right:0;bottom:0'
  document.body.appendChild(frame)
  try {
    const doc = frame.contentDocument
    const win = frame.contentWindow
    if (!doc || !win) return { ok: false, reason: 'print frame unavailable' }
    const qr = await QRCode.toDataURL(receipt.trackingUrl, { margin: 1, width: 240 })
    const rows = receipt.lines
      .map((l) => `<tr><th>${escapeHtml(l.label)}</th><td>${escapeHtml(l.value)}</td></tr>`)
      .join('')
    doc.open()
    doc.write(
      `<!doctype html><meta charset="utf-8"><title>${escapeHtml(receipt.title)}</title>` +
        `<style>body{font:14pt sans-serif;margin:12mm}th{text-align:left;padding-right:8mm;vertical-align:top}</style>` +
        `<h1>${escapeHtml(receipt.title)}</h1><table>${rows}</table>` +
        `<p><img alt="" src="${qr}" width="160" height="160"></p><p>${escapeHtml(receipt.trackingUrl)}</p><p>${escapeHtml(receipt.footer)}</p>`,
    )
    doc.close()
    win.focus()
    win.print()
    return { ok: true }
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) }
  } finally {
    setTimeout(() => frame.remove(), 1000)
  }
}
