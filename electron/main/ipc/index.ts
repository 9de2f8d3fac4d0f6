import type { Cleanup, IpcMainLike } from './guard'
import * as checkAdminPin from './check-admin-pin'
import * as exportCsv from './export-csv'
import * as exportLogs from './export-logs'
import * as getAppInfo from './get-app-info'
import * as getDeviceHealth from './get-device-health'
import * as getEnrollment from './get-enrollment'
import * as getProvisioning from './get-provisioning'
import * as logError from './log-error'
import * as printReceipt from './print-receipt'
import * as saveEnrollment from './save-enrollment'
import * as setVisitorActive from './set-visitor-active'

/** Every privileged capability the renderer has. Adding one here is a security review. */
export const HOST_IPC = [
  getAppInfo,
  getEnrollment,
  saveEnrollment,
  getProvisioning,
  checkAdminPin,
  printReceipt,
  getDeviceHealth,
  setVisitorActive,
  logError,
  exportLogs,
  exportCsv,
] as const

type DepsOf<T> = T extends { register: (ipcMain: IpcMainLike, deps: infer D) => Cleanup } ? D : never
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never

export type HostIpcDeps = UnionToIntersection<DepsOf<(typeof HOST_IPC)[number]>>

export function registerHostIpc(ipcMain: IpcMainLike, deps: HostIpcDeps): Cleanup[] {
  return HOST_IPC.map((capability) => capability.register(ipcMain, deps))
}
