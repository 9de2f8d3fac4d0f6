import { describe, expect, it, vi } from 'vitest'
import type { ReceiptDocument } from '../../shared/host'
import { createReceiptPrinter, PRINT_WINDOW_OPTIONS, type PrintWindow } from './receipt-printer'

const RECEIPT: ReceiptDocument = {
  title: '受理回执',
  lines: [{ label: '企业名称', value: '<script>alert(1)</script>杭州某某科技有限公司' }],
  trackingUrl: 'https://zlb.zj.gov.cn/track/HZ01-K03-20261128-0007',
  footer: '扫码查询办理进度',
}

type PrintOutcome = [success: boolean, reason: string] | 'never'

function fakeWindow(outcome: PrintOutcome, loadFails = false) {
  const window = {
    loadedUrl: '',
    printOptions: undefined as unknown,
    destroyed: false,
    loadURL: vi.fn(async (url: string) => {
      if (loadFails) throw new Error('ERR_FAILED')
      window.loadedUrl = url
    }),
    webContents: {
      print: (options: unknown, callback: (success: boolean, reason: string) => void) => {
        window.printOptions = options
        if (outcome !== 'never') setTimeout(() => callback(...outcome), 1)
      },
    },
    destroy: () => {
      window.destroyed = true
    },
    isDestroyed: () => window.destroyed,
  }
  return window
}

const log = { info: vi.fn(), warn: vi.fn() }

function printer(window: ReturnType<typeof fakeWindow>, silent = true, timeoutMs = 1000) {
  return createReceiptPrinter({ createWindow: () => window as PrintWindow, silent: () => silent, log, timeoutMs })
}

describe('receipt printer', () => {
  it('lays the receipt out in a hidden page with an escaped body and a real QR code, prints silently in kiosk mode', async () => {
    const window = fakeWindow([true, ''])
    await expect(printer(window)(RECEIPT)).resolves.toEqual({ ok: true })
    const html = decodeURIComponent(window.loadedUrl.replace('data:text/html;charset=utf-8,', ''))
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;杭州某某科技有限公司')
    expect(html).not.toContain('<script>')
    expect(html).toMatch(/src="data:image\/png;base64,[A-Za-z0-9+/=]{100,}"/)
    expect(window.printOptions).toMatchObject({ silent: true })
    expect(window.destroyed).toBe(true)
  })

  it('prints without a QR code before the kiosk is enrolled', async () => {
    const window = fakeWindow([true, ''])
    await expect(printer(window)({ ...RECEIPT, trackingUrl: '' })).resolves.toEqual({ ok: true })
    expect(decodeURIComponent(window.loadedUrl)).not.toContain('<img')
  })

  it('shows the print dialog when not in kiosk mode', async () => {
    const window = fakeWindow([true, ''])
    await printer(window, false)(RECEIPT)
    expect(window.printOptions).toMatchObject({ silent: false })
  })

  it('reports the printer\'s reason when printing fails', async () => {
    const window = fakeWindow([false, 'cancelled'])
    await expect(printer(window)(RECEIPT)).resolves.toEqual({ ok: false, reason: 'cancelled' })
    expect(window.destroyed).toBe(true)
  })

  it('reports a printer failure with the system\'s words, for the log and the IT screen', async () => {
    const window = fakeWindow([false, 'Printer is out of paper'])
    await expect(printer(window)(RECEIPT)).resolves.toEqual({ ok: false, reason: 'failed: Printer is out of paper' })
  })

  it('prints on the printer IT provisioned', async () => {
    const window = fakeWindow([true, ''])
    const print = createReceiptPrinter({
      createWindow: () => window as PrintWindow,
      silent: () => true,
      log,
      printerName: 'EPSON TM-T82III',
      listPrinters: async () => [{ name: 'Microsoft Print to PDF' }, { name: 'EPSON TM-T82III' }],
    })
    await expect(print(RECEIPT)).resolves.toEqual({ ok: true })
    expect(window.printOptions).toMatchObject({ silent: true, deviceName: 'EPSON TM-T82III' })
  })

  it('says at once that the provisioned printer is not there, without printing elsewhere', async () => {
    const window = fakeWindow([true, ''])
    const onResult = vi.fn()
    const print = createReceiptPrinter({
      createWindow: () => window as PrintWindow,
      silent: () => true,
      log,
      printerName: 'EPSON TM-T82III',
      listPrinters: async () => [{ name: 'Microsoft Print to PDF' }],
      onResult,
    })
    await expect(print(RECEIPT)).resolves.toEqual({ ok: false, reason: 'printer-missing' })
    expect(window.loadURL).not.toHaveBeenCalled()
    expect(onResult).toHaveBeenCalledWith({ ok: false, reason: 'printer-missing' })
  })

  it('gives up on a printer that never answers', async () => {
    const window = fakeWindow('never')
    await expect(printer(window, true, 20)(RECEIPT)).resolves.toEqual({ ok: false, reason: 'timeout' })
    expect(window.destroyed).toBe(true)
  })

  it('reports a page that fails to load instead of throwing', async () => {
    const window = fakeWindow([true, ''], true)
    await expect(printer(window)(RECEIPT)).resolves.toEqual({ ok: false, reason: 'render-failed' })
    expect(window.destroyed).toBe(true)
  })

  it('prints one receipt at a time', async () => {
    const order: string[] = []
    let open = 0
    const make = () => {
      const w = fakeWindow([true, ''])
      const print = w.webContents.print
      w.webContents.print = (options, callback) => {
        open++
        expect(open).toBe(1)
        print(options, (success, reason) => {
          order.push(w.loadedUrl.includes('first') ? 'first' : 'second')
          open--
          callback(success, reason)
        })
      }
      return w as PrintWindow
    }
    const print = createReceiptPrinter({ createWindow: make, silent: () => true, log })
    await Promise.all([print({ ...RECEIPT, title: 'first' }), print({ ...RECEIPT, title: 'second' })])
    expect(order).toEqual(['first', 'second'])
  })

  it('uses a sandboxed window with no preload and no JavaScript', () => {
    expect(PRINT_WINDOW_OPTIONS.show).toBe(false)
    expect(PRINT_WINDOW_OPTIONS.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false })
    expect(PRINT_WINDOW_OPTIONS.webPreferences).not.toHaveProperty('preload')
  })
})
