import { z } from 'zod'
import type { Enrollment } from './sync'

/** Personal data of a finished, synced request is kept this long unless IT provisions otherwise (PIPL). */
export const DEFAULT_RETENTION_DAYS = 180

/** What IT provisions a kiosk with, as the renderer receives it from either host. */
export const Provisioning = z.object({
  // Not z.httpUrl(): it refuses IP addresses, and intranet platforms are often reached by one.
  platformUrl: z.url({ protocol: /^https?$/ }),
  enrollCode: z.string().regex(/^[A-Z0-9]{6,16}$/).optional(),
  /** Days a closed and synced request is kept on the kiosk before it is purged. */
  retentionDays: z.number().int().min(1).max(3650).optional(),
})
export type Provisioning = z.infer<typeof Provisioning>

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
  /** IT provisioning: platform URL, enrollment code and retention, if the installer supplied them. */
  getProvisioning(): Promise<Provisioning | null>
  printReceipt(receipt: ReceiptDocument): Promise<{ ok: true } | { ok: false; reason: string }>
}

export const HOST_METHODS = [
  'getAppInfo',
  'getEnrollment',
  'saveEnrollment',
  'getProvisioning',
  'printReceipt',
] as const satisfies ReadonlyArray<keyof HostApi>
