import type { BrowserWindowConstructorOptions, PrinterInfo, WebContentsPrintOptions } from 'electron'
import QRCode from 'qrcode'
import type { PrintResult, ReceiptDocument } from '../../shared/host'
import { RECEIPT_QR_OPTIONS, renderReceiptHtml } from '../../shared/receipt-html'
import type { Logger } from './log'
import { within } from './device-health'

export type { PrintResult }

/** The hidden window a receipt is laid out in: sandboxed, no preload, no script at all. */
export const PRINT_WINDOW_OPTIONS = {
  show: false,
  width: 400,
  height: 800,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    javascript: false,
    webSecurity: true,
    webviewTag: false,
    devTools: false,
    spellcheck: false,
  },
} as const satisfies BrowserWindowConstructorOptions

/** The parts of BrowserWindow printing uses; a fake in tests. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>
  webContents: { print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void }
  destroy(): void
  isDestroyed(): boolean
}

export interface ReceiptPrinterOptions {
  createWindow: () => PrintWindow
  /** Kiosk: print straight to the default printer. Windowed: let the clerk pick in the dialog. */
  silent: () => boolean
  log: Pick<Logger, 'info' | 'warn'>
  toQrDataUrl?: (text: string) => Promise<string>
  /** A jammed or missing printer can leave print()'s callback pending for ever. */
  timeoutMs?: number
  /** The printer IT named in provisioning; unset: the system's default printer. */
  printerName?: string
  /** The printers the operating system knows, so a missing one is reported at once. */
  listPrinters?: () => Promise<Array<Pick<PrinterInfo, 'name'>>>
  /** Told of every outcome: the IT screen and the heartbeat show the printer's state from it. */
  onResult?: (result: PrintResult) => void
}

export function createReceiptPrinter(options: ReceiptPrinterOptions): (receipt: ReceiptDocument) => Promise<PrintResult> {
  const toQrDataUrl = options.toQrDataUrl ?? ((text) => QRCode.toDataURL(text, RECEIPT_QR_OPTIONS))
  const timeoutMs = options.timeoutMs ?? 60_000
  // One receipt at a time: a second tap must not interleave pages on the roll.
  let queue: Promise<unknown> = Promise.resolve()

  async function printerMissing(): Promise<boolean> {
    if (!options.printerName || !options.listPrinters) return false
    // Not knowing (no answer within 5 s, or an error) is not the same as missing: try to print.
    const printers = await within(options.listPrinters(), 5_000, null)
    return printers !== null && !printers.some((p) => p.name === options.printerName)
  }

  async function printOne(receipt: ReceiptDocument): Promise<PrintResult> {
    if (await printerMissing()) return { ok: false, reason: 'printer-missing' }
    let html: string
    try {
      html = renderReceiptHtml(receipt, receipt.trackingUrl ? await toQrDataUrl(receipt.trackingUrl) : null)
    } catch (error) {
      options.log.warn('print: receipt could not be laid out', { error })
      return { ok: false, reason: 'render-failed' }
    }

    const window = options.createWindow()
    let timer: ReturnType<typeof setTimeout> | undefined
    try {
      await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
      const silent = options.silent()
      return await new Promise<PrintResult>((resolve) => {
        timer = setTimeout(() => resolve({ ok: false, reason: 'timeout' }), timeoutMs)
        const device = options.printerName ? { deviceName: options.printerName } : {}
        window.webContents.print({ silent, printBackground: true, ...device }, (success, failureReason) => {
          if (success) resolve({ ok: true })
          else resolve({ ok: false, reason: failureReason === 'cancelled' ? 'cancelled' : `failed: ${failureReason || 'unknown'}` })
        })
      })
    } catch (error) {
      options.log.warn('print: receipt page failed to load', { error })
      return { ok: false, reason: 'render-failed' }
    } finally {
      clearTimeout(timer)
      if (!window.isDestroyed()) window.destroy()
    }
  }

  return (receipt) => {
    const job = queue.then(() => printOne(receipt))
    queue = job
    return job.then((result) => {
      if (result.ok) options.log.info('print: receipt printed', { printer: options.printerName ?? '(default)' })
      else options.log.warn('print: receipt not printed', { reason: result.reason, printer: options.printerName ?? '(default)' })
      options.onResult?.(result)
      return result
    })
  }
}
