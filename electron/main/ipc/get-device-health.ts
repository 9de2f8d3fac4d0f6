import { z } from 'zod'
import type { DeviceHealth } from '../../../shared/host'
import { IPC_CHANNELS } from '../../ipc-channels'
import { handleHostMethod, type Cleanup, type IpcContext, type IpcMainLike } from './guard'

export const channel = IPC_CHANNELS.getDeviceHealth

export function register(ipcMain: IpcMainLike, deps: { context: IpcContext; deviceHealth: () => Promise<DeviceHealth> }): Cleanup {
  return handleHostMethod(ipcMain, 'getDeviceHealth', deps.context, z.tuple([]), () => deps.deviceHealth())
}
