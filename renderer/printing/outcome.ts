import type { PrintResult } from '../../shared/index'

export type PrintFailure = 'printerMissing' | 'timeout' | 'cancelled' | 'failed'

/**
 * What went wrong with a print, in the words a visitor gets (kiosk.print.reasons.*). Whatever the
 * reason, the receipt screen keeps the ticket number and QR code up to be photographed.
 */
export function printFailure(result: PrintResult): PrintFailure | null {
  if (result.ok) return null
  if (result.reason === 'printer-missing') return 'printerMissing'
  if (result.reason === 'timeout') return 'timeout'
  if (result.reason === 'cancelled') return 'cancelled'
  return 'failed'
}
