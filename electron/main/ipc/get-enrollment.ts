import { z } from 'zod'
import { IPC_CHANNELS } from '../../ipc-channels'
import type { EnrollmentStore } from '../enrollment-store'
import { handleHostMethod, type Cleanup, type IpcContext, type IpcMainLike } from './guard'

export const channel = IPC_CHANNELS.getEnrollment

export function register(ipcMain: IpcMainLike, deps: { context: IpcContext; enrollment: Pick<EnrollmentStore, 'load'> }): Cleanup {
  return handleHostMethod(ipcMain, 'getEnrollment', deps.context, z.tuple([]), () => deps.enrollment.load())
}
