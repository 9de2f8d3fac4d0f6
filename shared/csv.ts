import { z } from 'zod'

/**
 * CSV for Excel: UTF-8 with a byte-order mark (without it Excel on Chinese Windows reads GBK and
 * shows mojibake), CRLF line ends, every cell quoted when it needs to be. A cell that a spreadsheet
 * would take for a formula (`=`, `+`, `-`, `@`, or a tab or carriage return first) is prefixed with
 * an apostrophe: an enterprise name or an appeal typed at the kiosk must never run as a formula on a
 * lead's PC (CSV injection, OWASP).
 */

export const CSV_BOM = '\uFEFF'

export type CsvCell = string | number | boolean | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/** One cell as written: a formula-like start defused, quoted when it holds a comma, quote or line break. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  // Numbers are ours (counts, rates): a negative one is data, not a formula.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  let text = String(value)
  if (FORMULA_START.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** A whole file: the BOM, then one line per row. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** A file name safe on every system, e.g. `统计-2026-11-01-2026-11-30.csv`. */
export function csvFileName(stem: string): string {
  // Control characters are exactly what is removed here.
  // eslint-disable-next-line no-control-regex
  const safe = stem.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').slice(0, 100) || 'export'
  return `${safe}.csv`
}

/** The largest CSV the host writes: a year of a busy center's worklist is a few megabytes. */
export const CSV_MAX_CHARS = 20_000_000

/** What the renderer hands the host to save: a plain file name (no folder) and the whole text. */
export const CsvExportFile = z.object({
  name: z
    .string()
    .min(5)
    .max(120)
    // eslint-disable-next-line no-control-regex -- a control character in a file name is refused
    .regex(/^[^\\/:*?"<>|\u0000-\u001f]+\.csv$/u, 'must be a file name ending in .csv, without a folder')
    .refine((n) => !n.startsWith('.'), 'must not start with a dot'),
  content: z.string().max(CSV_MAX_CHARS).startsWith(CSV_BOM, 'must start with the UTF-8 byte-order mark'),
})
export type CsvExportFile = z.infer<typeof CsvExportFile>
