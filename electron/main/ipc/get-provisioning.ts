import { z } from 'zod'
import { IPC_CHANNELS } from '../../ipc-channels'
import { handleHostMethod, type Cleanup, type HostResult, type IpcContext, type IpcMainLike } from './guard'

export const channel = IPC_CHANNELS.getProvisioning

export function register(
  ipcMain: IpcMainLike,
  deps: { context: IpcContext; provisioning: () => HostResult<'getProvisioning'> },
): Cleanup {
  return handleHostMethod(ipcMain, 'getProvisioning', deps.context, z.tuple([]), () => deps.provisioning())
}
