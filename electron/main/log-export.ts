import { readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Dialog, SaveDialogOptions } from 'electron'
import type { LogExportResult } from '../../shared/host'
import type { Logger } from './log'

export interface LogExportOptions {
  /** The log files, oldest first; the renderer's errors are in them too. */
  files: () => string[]
  showSaveDialog: (options: SaveDialogOptions) => ReturnType<Dialog['showSaveDialog']>
  /** Where the dialog opens; IT picks the USB drive from there. */
  defaultDir: string
  /** `HZ01-K03`, or null before enrollment. */
  kioskName: () => string | null
  log: Pick<Logger, 'info' | 'warn'>
  now?: () => Date
  readFile?: (path: string) => string
  writeFile?: (path: string, text: string) => void
}

function stamp(date: Date): string {
  // China time, as on the kiosk's clock: 20260303-1015.
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace(/-/g, '').replace('T', '-').replace(':', '')
}

/** One JSON-lines file with every log line kept, oldest first, saved where IT chooses in the dialog. */
export async function exportLogs(options: LogExportOptions): Promise<LogExportResult> {
  const now = options.now ?? (() => new Date())
  const readFile = options.readFile ?? ((path) => readFileSync(path, 'utf8'))
  const writeFile = options.writeFile ?? ((path, text) => writeFileSync(path, text, 'utf8'))
  const name = `kiosk-log-${options.kioskName() ?? 'unenrolled'}-${stamp(now())}.jsonl`
  const choice = await options.showSaveDialog({
    title: '导出日志 Export logs',
    defaultPath: join(options.defaultDir, name),
    filters: [{ name: 'JSON Lines', extensions: ['jsonl'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  })
  if (choice.canceled || !choice.filePath) return { ok: false, reason: 'cancelled' }
  try {
    const text = options
      .files()
      .map((file) => readFile(file))
      .join('')
    writeFile(choice.filePath, text)
    options.log.info('logs exported', { file: choice.filePath, bytes: Buffer.byteLength(text) })
    return { ok: true, file: basename(choice.filePath) }
  } catch (error) {
    options.log.warn('logs not exported', { file: choice.filePath, error })
    return { ok: false, reason: 'failed', detail: (error as Error).message.slice(0, 200) }
  }
}
