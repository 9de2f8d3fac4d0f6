import { z } from 'zod'
import { IPC_CHANNELS } from '../../ipc-channels'
import type { EnrollmentStore } from '../enrollment-store'
import type { Logger } from '../log'
import { handleHostMethod, type Cleanup, type IpcContext, type IpcMainLike } from './guard'

export const channel = IPC_CHANNELS.clearEnrollment

export function register(
  ipcMain: IpcMainLike,
  deps: { context: IpcContext; enrollment: Pick<EnrollmentStore, 'clear'>; log: Pick<Logger, 'info'> },
): Cleanup {
  return handleHostMethod(ipcMain, 'clearEnrollment', deps.context, z.tuple([]), () => {
    deps.enrollment.clear()
    deps.log.info('enrollment cleared')
  })
}
