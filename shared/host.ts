import type { Enrollment } from './sync'

/** What the receipt printer needs; rendered by the host, not by the renderer's DOM. */
export interface ReceiptDocument {
  title: string
  lines: Array<{ label: string; value: string }>
  /** The tracking link, printed as a QR code by the host. */
  trackingUrl: string
  footer: string
}

export interface AppInfo {
  version: string
  /** 'electron' in the kiosk shell, 'web' in a plain browser. */
  shell: 'electron' | 'web'
  /** Locked-down kiosk mode (full screen, no exit without staff). */
  kiosk: boolean
}

/**
 * The only way the renderer reaches the machine. Implemented by electron/preload (via IPC to main)
 * and by renderer/host/web-host.ts in a browser. One method per capability: less to audit.
 */
export interface HostApi {
  getAppInfo(): Promise<AppInfo>
  /** The device's enrollment, or null when the kiosk has not been provisioned yet. */
  getEnrollment(): Promise<Enrollment | null>
  saveEnrollment(enrollment: Enrollment): Promise<void>
  clearEnrollment(): Promise<void>
  /** IT provisioning: a platform URL and one-time enrollment code, if the installer supplied them. */
  getProvisioning(): Promise<{ platformUrl: string; enrollCode?: string } | null>
  printReceipt(receipt: ReceiptDocument): Promise<{ ok: true } | { ok: false; reason: string }>
}

export const HOST_METHODS = [
  'getAppInfo',
  'getEnrollment',
  'saveEnrollment',
  'clearEnrollment',
  'getProvisioning',
  'printReceipt',
] as const satisfies ReadonlyArray<keyof HostApi>
