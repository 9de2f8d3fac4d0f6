import { z } from 'zod'
import type { ReceiptDocument } from '../../../shared/host'
import { IPC_CHANNELS } from '../../ipc-channels'
import { handleHostMethod, type Cleanup, type HostResult, type IpcContext, type IpcMainLike } from './guard'

export const channel = IPC_CHANNELS.printReceipt

const PrintableText = (max: number) => z.string().max(max)

/** Bounds keep one receipt to one receipt's worth of paper, whatever the renderer sends. */
export const ReceiptDocumentSchema = z.strictObject({
  title: PrintableText(60),
  lines: z.array(z.strictObject({ label: PrintableText(40), value: PrintableText(1000) })).max(30),
  // Empty before the kiosk is enrolled: there is no platform to track on yet, so no QR code.
  trackingUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
  footer: PrintableText(400),
}) satisfies z.ZodType<ReceiptDocument>

export function register(
  ipcMain: IpcMainLike,
  deps: { context: IpcContext; printReceipt: (receipt: ReceiptDocument) => Promise<HostResult<'printReceipt'>> },
): Cleanup {
  return handleHostMethod(ipcMain, 'printReceipt', deps.context, z.tuple([ReceiptDocumentSchema]), ([receipt]) => deps.printReceipt(receipt))
}
