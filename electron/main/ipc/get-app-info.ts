import { z } from 'zod'
import type { AppInfo } from '../../../shared/host'
import { IPC_CHANNELS } from '../../ipc-channels'
import { handleHostMethod, type Cleanup, type IpcContext, type IpcMainLike } from './guard'

export const channel = IPC_CHANNELS.getAppInfo

export function register(ipcMain: IpcMainLike, deps: { context: IpcContext; appInfo: () => AppInfo }): Cleanup {
  return handleHostMethod(ipcMain, 'getAppInfo', deps.context, z.tuple([]), () => deps.appInfo())
}
