import { z } from 'zod'
import { Enrollment } from '../../../shared/sync'
import { IPC_CHANNELS } from '../../ipc-channels'
import type { EnrollmentStore } from '../enrollment-store'
import type { Logger } from '../log'
import { handleHostMethod, type Cleanup, type IpcContext, type IpcMainLike } from './guard'

export const channel = IPC_CHANNELS.saveEnrollment

export function register(
  ipcMain: IpcMainLike,
  deps: { context: IpcContext; enrollment: Pick<EnrollmentStore, 'save'>; log: Pick<Logger, 'info'> },
): Cleanup {
  return handleHostMethod(ipcMain, 'saveEnrollment', deps.context, z.tuple([Enrollment]), ([enrollment]) => {
    deps.enrollment.save(enrollment)
    deps.log.info('enrollment saved', { deviceId: enrollment.deviceId, centerCode: enrollment.centerCode, kioskCode: enrollment.kioskCode })
  })
}
