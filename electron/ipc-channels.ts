import type { HOST_METHODS } from '../shared/host'

type HostMethod = (typeof HOST_METHODS)[number]

/**
 * One IPC channel per HostApi method. The preload and main both read this table, so a renamed
 * channel cannot leave one side calling into the void.
 */
export const IPC_CHANNELS = {
  getAppInfo: 'host:get-app-info',
  getEnrollment: 'host:get-enrollment',
  saveEnrollment: 'host:save-enrollment',
  getProvisioning: 'host:get-provisioning',
  checkAdminPin: 'host:check-admin-pin',
  printReceipt: 'host:print-receipt',
  getDeviceHealth: 'host:get-device-health',
  setVisitorActive: 'host:set-visitor-active',
  logError: 'host:log-error',
  exportLogs: 'host:export-logs',
  exportCsv: 'host:export-csv',
} as const satisfies Record<HostMethod, string>
