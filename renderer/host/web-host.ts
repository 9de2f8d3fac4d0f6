import {
  checkProvisioning,
  createPinChecker,
  CsvExportFile,
  Enrollment,
  fileProblem,
  salvageAdminPinHash,
  settingsOf,
  type AppInfo,
  type FileExportResult,
  type HostApi,
  type LogExportResult,
  type ProvisioningState,
  type ReceiptDocument,
  type RendererError,
} from '../../shared/index'
import { RECEIPT_QR_OPTIONS, renderReceiptHtml } from '../../shared/receipt-html'
import QRCode from 'qrcode'

const ENROLLMENT_KEY = 'kiosk.enrollment'
const ERRORS_KEY = 'kiosk.errors'
/** Page errors kept in a browser, newest last: enough to see a pattern, too few to matter for space. */
const MAX_ERRORS = 200
/** Where the setup screen says the provisioning was looked for: the file's own address. */
function provisioningAddress(): string {
  return typeof document === 'undefined' ? 'provisioning.json' : new URL('./provisioning.json', document.baseURI).href
}

interface StoredError extends RendererError {
  at: string
}

/** provisioning.json as the setup screen and the PIN check need it; the hash stays in here. */
async function fetchProvisioning(fetchFn: typeof fetch): Promise<{ state: ProvisioningState; pinHash?: string }> {
  const source = provisioningAddress()
  const looked = [source]
  let res: Response
  try {
    res = await fetchFn('./provisioning.json', { cache: 'no-store' })
  } catch {
    return { state: { status: 'missing', problems: [], looked, adminPin: false } }
  }
  if (res.status === 404) return { state: { status: 'missing', problems: [], looked, adminPin: false } }
  if (!res.ok) return { state: { status: 'invalid', problems: [fileProblem('unreadable', source)], looked, adminPin: false } }
  let raw: unknown
  try {
    raw = JSON.parse((await res.text()).replace(/^\uFEFF/, ''))
  } catch {
    return { state: { status: 'invalid', problems: [fileProblem('notJson', source)], looked, adminPin: false } }
  }
  const checked = checkProvisioning(raw, () => source)
  if (checked.ok) return { state: { status: 'ok', settings: settingsOf(checked.value) }, pinHash: checked.value.adminPinHash }
  const pinHash = salvageAdminPinHash(raw)
  return { state: { status: 'invalid', problems: checked.problems, looked, adminPin: pinHash !== undefined }, pinHash }
}

/**
 * The host API in a plain browser: counter PCs without the kiosk install, and the tests. Enrollment is
 * kept in local storage; provisioning comes from `provisioning.json` beside the page (written by
 * whoever serves it), so a browser is provisioned the same way IT provisions a kiosk.
 */
export function createWebHost(
  opts: {
    storage?: Storage
    fetchFn?: typeof fetch
    version?: string
    download?: (name: string, text: string, type: string) => void
    now?: () => Date
    document?: Pick<Document, 'createElement' | 'body'>
  } = {},
): HostApi {
  const storage = opts.storage ?? window.localStorage
  const fetchFn: typeof fetch = opts.fetchFn ?? ((input, init) => window.fetch(input, init))
  const now = opts.now ?? (() => new Date())
  // Read once per page, as the kiosk shell reads it once per start.
  let provisioning: ReturnType<typeof fetchProvisioning> | undefined
  const loadProvisioning = () => (provisioning ??= fetchProvisioning(fetchFn))
  // The lockout lasts as long as the page: a browser counter is not a locked-down kiosk.
  let pinHash: string | undefined
  const pins = createPinChecker({ hash: () => pinHash })

  function storedErrors(): StoredError[] {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(ERRORS_KEY) ?? '[]')
      return Array.isArray(parsed) ? (parsed as StoredError[]) : []
    } catch {
      return []
    }
  }

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
      return (await loadProvisioning()).state
    },
    async checkAdminPin(pin) {
      pinHash = (await loadProvisioning()).pinHash
      if (!pinHash) return { ok: false, reason: 'wrong', attemptsLeft: 0 }
      return pins.check(pin)
    },
    async printReceipt(receipt: ReceiptDocument) {
      return printInFrame(opts.document ?? document, receipt)
    },
    async getDeviceHealth() {
      const last = storedErrors().at(-1)
      // A browser cannot see the disk or the printer, and is updated by reloading the page.
      return {
        freeDiskBytes: null,
        printer: { state: 'unknown' },
        update: { state: 'disabled' },
        lastError: last ? { at: last.at, message: `renderer error: ${last.message}`.slice(0, 200) } : null,
      }
    },
    async setVisitorActive() {},
    async logError(error) {
      const entry: StoredError = { at: now().toISOString(), source: error.source, message: error.message.slice(0, 2000), ...(error.stack ? { stack: error.stack.slice(0, 8000) } : {}) }
      try {
        storage.setItem(ERRORS_KEY, JSON.stringify([...storedErrors(), entry].slice(-MAX_ERRORS)))
      } catch {
        // A full storage must not turn one error into two.
      }
    },
    async exportLogs(): Promise<LogExportResult> {
      const lines = storedErrors().map((e) => JSON.stringify({ at: e.at, level: 'error', msg: 'renderer error', source: e.source, message: e.message, stack: e.stack }))
      const name = `kiosk-log-browser-${now().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}.jsonl`
      try {
        ;(opts.download ?? downloadText)(name, lines.map((l) => `${l}\n`).join(''), 'application/x-ndjson')
        return { ok: true, file: name }
      } catch (e) {
        return { ok: false, reason: 'failed', detail: e instanceof Error ? e.message : String(e) }
      }
    },
    async exportCsv(file: CsvExportFile): Promise<FileExportResult> {
      // The same check as the kiosk shell's IPC handler: one rule for what may be saved.
      const checked = CsvExportFile.safeParse(file)
      if (!checked.success) return { ok: false, reason: 'failed', detail: checked.error.issues[0]?.message }
      try {
        ;(opts.download ?? downloadText)(checked.data.name, checked.data.content, 'text/csv;charset=utf-8')
        return { ok: true, file: checked.data.name }
      } catch (e) {
        return { ok: false, reason: 'failed', detail: e instanceof Error ? e.message : String(e) }
      }
    },
  }
}

/** A file download from the page: where the browser saves, the person chooses as for any download. */
function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
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
