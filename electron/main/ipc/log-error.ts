import { z } from 'zod'
import type { RendererError } from '../../../shared/host'
import { IPC_CHANNELS } from '../../ipc-channels'
import { handleHostMethod, type Cleanup, type IpcContext, type IpcMainLike } from './guard'

export const channel = IPC_CHANNELS.logError

/** Bounded, so a page cannot fill the disk through its error reports. */
export const RendererErrorSchema = z.strictObject({
  source: z.enum(['error', 'unhandledrejection', 'vue']),
  message: z.string().max(2000),
  stack: z.string().max(8000).optional(),
}) satisfies z.ZodType<RendererError>

export function register(ipcMain: IpcMainLike, deps: { context: IpcContext; logRendererError: (error: RendererError) => void }): Cleanup {
  return handleHostMethod(ipcMain, 'logError', deps.context, z.tuple([RendererErrorSchema]), ([error]) => deps.logRendererError(error))
}
