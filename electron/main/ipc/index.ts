import type { Cleanup, IpcMainLike } from './guard'
import * as getAppInfo from './get-app-info'
import * as getEnrollment from './get-enrollment'
import * as getProvisioning from './get-provisioning'
import * as printReceipt from './print-receipt'
import * as saveEnrollment from './save-enrollment'

/** Every privileged capability the renderer has. Adding one here is a security review. */
export const HOST_IPC = [getAppInfo, getEnrollment, saveEnrollment, getProvisioning, printReceipt] as const

export type HostIpcDeps = Parameters<typeof getAppInfo.register>[1] &
  Parameters<typeof getEnrollment.register>[1] &
  Parameters<typeof saveEnrollment.register>[1] &
  Parameters<typeof getProvisioning.register>[1] &
  Parameters<typeof printReceipt.register>[1]

export function registerHostIpc(ipcMain: IpcMainLike, deps: HostIpcDeps): Cleanup[] {
  return HOST_IPC.map((capability) => capability.register(ipcMain, deps))
}
