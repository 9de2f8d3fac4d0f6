import { z } from 'zod'
import { KIOSK_MODES } from './provisioning'
import { CONTROLS_LINE, isPlainLine, LONE_SURROGATE } from './text'

/**
 * 心跳: a device's periodic health report to the platform. Strict and made of counts, states and
 * versions only, so nothing personal can ride along: the schema refuses any field it does not name.
 */

/** A kiosk reports this often, and at once when something in its report changes. */
export const HEARTBEAT_INTERVAL_MS = 5 * 60_000
/** A device silent for three intervals is shown as stale on the fleet page. */
export const STALE_AFTER_MS = 3 * HEARTBEAT_INTERVAL_MS
/** Less free disk than this is a problem: reported at once by the kiosk, flagged on the fleet page. */
export const LOW_DISK_BYTES = 1_000_000_000

const PlainText = (max: number) => z.string().max(max).refine(isPlainLine, 'must be plain text')

export const AppVersion = z.string().regex(/^\d{1,5}\.\d{1,5}\.\d{1,5}(?:-[0-9A-Za-z.-]{1,40})?$/, 'must be a version like 1.4.2')

export const PRINTER_STATES = ['ready', 'missing', 'error', 'unknown'] as const
export type PrinterState = (typeof PRINTER_STATES)[number]
export const UPDATE_STATES = ['disabled', 'idle', 'checking', 'downloading', 'downloaded', 'error'] as const
export type UpdateState = (typeof UPDATE_STATES)[number]

const Count = z.number().int().min(0).max(100_000_000)
const Bytes = z.number().int().min(0).max(2 ** 53 - 1)

export const Heartbeat = z.strictObject({
  appVersion: AppVersion,
  shell: z.enum(['electron', 'web']),
  mode: z.enum(KIOSK_MODES),
  /** The device's clock when it sent this; the platform compares it with its own. */
  sentAt: z.iso.datetime({ offset: true }),
  /** The platform answered the device's last call. */
  online: z.boolean(),
  lastSyncAt: z.iso.datetime({ offset: true }).nullable(),
  pendingEvents: Count,
  rejectedEvents: Count,
  freeDiskBytes: Bytes.nullable(),
  /** The app's own database and caches (navigator.storage.estimate). */
  storageUsedBytes: Bytes.nullable(),
  printer: z.strictObject({ state: z.enum(PRINTER_STATES), name: PlainText(200).optional() }),
  update: z.strictObject({ state: z.enum(UPDATE_STATES), version: AppVersion.optional() }),
  lastError: z.strictObject({ at: z.iso.datetime({ offset: true }), message: PlainText(200) }).nullable(),
})
export type Heartbeat = z.infer<typeof Heartbeat>

/**
 * Error texts are ours (sync failures, printer and disk errors), but a platform message could quote
 * a value: anything shaped like a mobile, an ID number, a USCC or an e-mail address is cut out.
 */
export function withoutPersonalData(text: string): string {
  return text
    .replace(new RegExp(CONTROLS_LINE.source, 'g'), ' ')
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '…')
    .replace(/\b[0-9A-HJ-NPQRTUWXY]{18}\b/gi, '…')
    .replace(/\d{6,}/g, '…')
    .replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD')
    .slice(0, 200)
    .replace(/[\uD800-\uDBFF]$/, '')
}

/** Order of versions like 1.10.0 > 1.9.3; a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = a.split('-', 2)
  const [coreB = '', preB] = b.split('-', 2)
  const partsA = coreA.split('.').map(Number)
  const partsB = coreB.split('.').map(Number)
  for (let i = 0; i < 3; i++) {
    const d = (partsA[i] ?? 0) - (partsB[i] ?? 0)
    if (d !== 0) return d
  }
  if (preA === preB) return 0
  if (preA === undefined) return 1
  if (preB === undefined) return -1
  return preA < preB ? -1 : 1
}
