import { z } from 'zod'
import { IPC_CHANNELS } from '../../ipc-channels'
import { handleHostMethod, type Cleanup, type IpcContext, type IpcMainLike } from './guard'

export const channel = IPC_CHANNELS.setVisitorActive

export function register(ipcMain: IpcMainLike, deps: { context: IpcContext; setVisitorActive: (active: boolean) => void }): Cleanup {
  return handleHostMethod(ipcMain, 'setVisitorActive', deps.context, z.tuple([z.boolean()]), ([active]) => deps.setVisitorActive(active))
}
