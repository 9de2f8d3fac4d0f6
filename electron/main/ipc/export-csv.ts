import { z } from 'zod'
import { CsvExportFile } from '../../../shared/csv'
import type { FileExportResult } from '../../../shared/host'
import { IPC_CHANNELS } from '../../ipc-channels'
import { handleHostMethod, type Cleanup, type IpcContext, type IpcMainLike } from './guard'

export const channel = IPC_CHANNELS.exportCsv

/** The page gives a file name and the text (size-limited, BOM first); main asks where, in the save dialog. */
export function register(ipcMain: IpcMainLike, deps: { context: IpcContext; exportCsv: (file: CsvExportFile) => Promise<FileExportResult> }): Cleanup {
  return handleHostMethod(ipcMain, 'exportCsv', deps.context, z.tuple([CsvExportFile]), ([file]) => deps.exportCsv(file))
}
