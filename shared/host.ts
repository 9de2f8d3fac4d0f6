import type { CsvExportFile } from './csv'
import type { PrinterState, UpdateState } from './fleet'
import type { PinCheck } from './pin'
import type { ProvisioningState } from './provisioning'
import type { Enrollment } from './sync'

/** What the receipt printer needs; rendered by the host, not by the renderer's DOM. */
export interface ReceiptDocument {
  title: string
  lines: Array<{ label: string; value: string }>
  /** The tracking link, printed as a QR code by the host. */
  trackingUrl: string
  footer: string
}

/**
 * `reason` is a code the screens translate (`printer-missing`, `timeout`, `render-failed`), or the
 * operating system's own words after `failed:`.
 */
export type PrintResult = { ok: true } | { ok: false; reason: string }

export interface AppInfo {
  version: string
  /** 'electron' in the kiosk shell, 'web' in a plain browser. */
  shell: 'electron' | 'web'
  /** Locked-down kiosk mode (full screen, no exit without staff). */
  kiosk: boolean
}

/** What only the machine knows about its health: for the IT screen and the heartbeat. Nothing personal. */
export interface DeviceHealth {
  /** Free space on the disk that holds the app's data; null where it cannot be known (a browser). */
  freeDiskBytes: number | null
  printer: { state: PrinterState; name?: string; detail?: string }
  update: { state: UpdateState; version?: string; percent?: number; detail?: string }
  /** The main process's latest error, if any. */
  lastError: { at: string; message: string } | null
}

/** An error the renderer caught, for the rotating log. */
export interface RendererError {
  source: 'error' | 'unhandledrejection' | 'vue'
  message: string
  stack?: string
}

export type LogExportResult = { ok: true; file: string } | { ok: false; reason: 'cancelled' | 'failed'; detail?: string }
/** Where a saved file went (its name only), or why it was not saved. */
export type FileExportResult = LogExportResult

/**
 * The only way the renderer reaches the machine. Implemented by electron/preload (via IPC to main)
 * and by renderer/host/web-host.ts in a browser. One method per capability: less to audit.
 */
export interface HostApi {
  getAppInfo(): Promise<AppInfo>
  /** The device's enrollment, or null when the kiosk has not been provisioned yet. */
  getEnrollment(): Promise<Enrollment | null>
  saveEnrollment(enrollment: Enrollment): Promise<void>
  /** IT's provisioning (never the PIN hash), or what is missing or wrong in it. */
  getProvisioning(): Promise<ProvisioningState>
  /** Checks the IT admin PIN against the provisioned hash, with a lockout after repeated failures. */
  checkAdminPin(pin: string): Promise<PinCheck>
  printReceipt(receipt: ReceiptDocument): Promise<PrintResult>
  getDeviceHealth(): Promise<DeviceHealth>
  /** A visitor is mid-flow (or staff are in their panel): the host must not restart for an update now. */
  setVisitorActive(active: boolean): Promise<void>
  logError(error: RendererError): Promise<void>
  /** Saves the logs where IT chooses (a USB drive, through the save dialog; a download in a browser). */
  exportLogs(): Promise<LogExportResult>
  /**
   * Saves a CSV the staff screens made (figures, the worklist) where the person chooses: the save
   * dialog in the kiosk shell, a download in a browser. Made by shared/csv.ts: BOM, defused cells.
   */
  exportCsv(file: CsvExportFile): Promise<FileExportResult>
}

export const HOST_METHODS = [
  'getAppInfo',
  'getEnrollment',
  'saveEnrollment',
  'getProvisioning',
  'checkAdminPin',
  'printReceipt',
  'getDeviceHealth',
  'setVisitorActive',
  'logError',
  'exportLogs',
  'exportCsv',
] as const satisfies ReadonlyArray<keyof HostApi>
