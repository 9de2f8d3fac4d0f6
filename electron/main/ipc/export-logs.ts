import { z } from 'zod'
import type { LogExportResult } from '../../../shared/host'
import { IPC_CHANNELS } from '../../ipc-channels'
import { handleHostMethod, type Cleanup, type IpcContext, type IpcMainLike } from './guard'

export const channel = IPC_CHANNELS.exportLogs

/** The renderer names no path: main asks IT where, in the save dialog. */
export function register(ipcMain: IpcMainLike, deps: { context: IpcContext; exportLogs: () => Promise<LogExportResult> }): Cleanup {
  return handleHostMethod(ipcMain, 'exportLogs', deps.context, z.tuple([]), () => deps.exportLogs())
}
