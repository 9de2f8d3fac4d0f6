import { z } from 'zod'
import type { PinCheck } from '../../../shared/pin'
import { IPC_CHANNELS } from '../../ipc-channels'
import { handleHostMethod, type Cleanup, type IpcContext, type IpcMainLike } from './guard'

export const channel = IPC_CHANNELS.checkAdminPin

export function register(ipcMain: IpcMainLike, deps: { context: IpcContext; checkAdminPin: (pin: string) => Promise<PinCheck> }): Cleanup {
  // Any text up to 32 characters: a wrong format is just a wrong PIN, and counts as a try.
  return handleHostMethod(ipcMain, 'checkAdminPin', deps.context, z.tuple([z.string().max(32)]), ([pin]) => deps.checkAdminPin(pin))
}
