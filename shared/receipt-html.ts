import type { ReceiptDocument } from './host'
import { escapeHtml } from './html'

/** How both hosts draw the tracking link's QR code (options of the `qrcode` package's toDataURL). */
export const RECEIPT_QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 1, width: 320 } as const

/**
 * The printable receipt, the same page in both shells (Electron's print window, the browser's print
 * frame): a standalone page with no script and a CSP that forbids any, sized for an 80 mm thermal
 * roll. Every string from the renderer is escaped; only the QR data: URL made by the host is placed
 * in an attribute unescaped, and it is checked to be a PNG data URL. No QR code (null) when there is
 * no tracking link: before the kiosk is enrolled there is no platform to track on.
 */
export function renderReceiptHtml(receipt: ReceiptDocument, qrDataUrl: string | null): string {
  if (qrDataUrl !== null && !/^data:image\/png;base64,[A-Za-z0-9+/=]+$/.test(qrDataUrl)) throw new Error('QR code must be a PNG data URL')
  const rows = receipt.lines
    .map((line) => `<tr><th>${escapeHtml(line.label)}</th><td>${escapeHtml(line.value)}</td></tr>`)
    .join('\n')
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(receipt.title)}</title>
<style>
  @page { size: 80mm auto; margin: 4mm; }
  body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; font-size: 12pt; margin: 0; color: #000; }
  h1 { font-size: 15pt; text-align: center; margin: 0 0 3mm; }
  table { width: 100%; border-collapse: collapse; }
  th { text-align: left; font-weight: normal; white-space: nowrap; padding: 1mm 2mm 1mm 0; vertical-align: top; }
  td { font-weight: bold; padding: 1mm 0; word-break: break-all; }
  .qr { text-align: center; margin-top: 3mm; }
  .qr img { width: 36mm; height: 36mm; }
  .qr p { font-size: 8pt; word-break: break-all; margin: 1mm 0 0; }
  footer { font-size: 9pt; margin-top: 3mm; text-align: center; white-space: pre-line; }
</style>
</head>
<body>
<h1>${escapeHtml(receipt.title)}</h1>
<table>
${rows}
</table>
${qrDataUrl === null ? '' : `<div class="qr"><img alt="" src="${qrDataUrl}"><p>${escapeHtml(receipt.trackingUrl)}</p></div>`}
<footer>${escapeHtml(receipt.footer)}</footer>
</body>
</html>
`
}
