import { writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Dialog, SaveDialogOptions } from 'electron'
import type { CsvExportFile } from '../../shared/csv'
import type { FileExportResult } from '../../shared/host'
import type { Logger } from './log'

export interface CsvExportOptions {
  showSaveDialog: (options: SaveDialogOptions) => ReturnType<Dialog['showSaveDialog']>
  /** Where the dialog opens (the user's documents); staff pick a USB drive or a share from there. */
  defaultDir: string
  log: Pick<Logger, 'info' | 'warn'>
  writeFile?: (path: string, text: string) => void
}

/**
 * Saves a CSV made by the staff screens where the person chooses in the save dialog. The page names
 * the file, never the folder: the path comes only from the dialog. The log says where, not what.
 */
export async function exportCsv(file: CsvExportFile, options: CsvExportOptions): Promise<FileExportResult> {
  const writeFile = options.writeFile ?? ((path, text) => writeFileSync(path, text, 'utf8'))
  const choice = await options.showSaveDialog({
    title: '导出 CSV Export CSV',
    defaultPath: join(options.defaultDir, basename(file.name)),
    filters: [{ name: 'CSV (Excel)', extensions: ['csv'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  })
  if (choice.canceled || !choice.filePath) return { ok: false, reason: 'cancelled' }
  try {
    writeFile(choice.filePath, file.content)
    options.log.info('csv exported', { file: choice.filePath, chars: file.content.length })
    return { ok: true, file: basename(choice.filePath) }
  } catch (error) {
    options.log.warn('csv not exported', { file: choice.filePath, error })
    return { ok: false, reason: 'failed', detail: (error as Error).message.slice(0, 200) }
  }
}
