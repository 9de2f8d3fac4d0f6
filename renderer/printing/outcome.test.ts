import { describe, expect, it } from 'vitest'
import zhCN from '../i18n/kiosk/zh-CN'
import { printFailure } from './outcome'

describe('print fallback', () => {
  it('is nothing to tell when the receipt printed', () => {
    expect(printFailure({ ok: true })).toBeNull()
  })

  it.each([
    ['printer-missing', 'printerMissing'],
    ['timeout', 'timeout'],
    ['cancelled', 'cancelled'],
    ['render-failed', 'failed'],
    ['failed: Printer is out of paper', 'failed'],
    ['something new', 'failed'],
  ] as const)('tells the visitor of %s in plain words', (reason, failure) => {
    const key = printFailure({ ok: false, reason })
    expect(key).toBe(failure)
    // Never the system's words on the visitor's screen; always a sentence of our own.
    expect(zhCN.print.reasons[key!]).toMatch(/。$/)
  })

  it('always asks the visitor to photograph the ticket number and QR code', () => {
    expect(zhCN.print.photo).toContain('二维码')
    expect(zhCN.print.photo).toContain('受理号')
  })
})
