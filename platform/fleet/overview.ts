import { compareVersions, LOW_DISK_BYTES, STALE_AFTER_MS } from '../../shared/fleet'
import type { LocalizedText } from '../../shared/i18n-text'
import type { FleetDevice } from './store'

/** A device's clock this far from the platform's is worth IT's attention (deadlines and event order). */
export const CLOCK_SKEW_WARNING_MS = 2 * 60_000

export interface FleetEntry extends FleetDevice {
  revoked: boolean
  /** Enrolled, not revoked, and silent for three heartbeat intervals (or never heard from). */
  stale: boolean
  /** The platform refused some of its events: staff must follow them up. */
  refused: boolean
  /** Behind the newest version reported in the fleet. */
  oldVersion: boolean
  /** The receipt printer is missing or its last job failed. */
  printerFault: boolean
  /** Under 1 GB free: the kiosk will soon refuse to save requests. */
  lowDisk: boolean
  /** Device clock minus platform clock at the last heartbeat. */
  clockSkewMs: number | null
}

export interface FleetOverview {
  generatedAt: string
  latestVersion: string | null
  totals: { devices: number; stale: number; refused: number; oldVersion: number; printerFault: number; lowDisk: number; revoked: number }
  /** Every device needing attention, across centers: stale first, then refused events, old versions, printers, disks. */
  attention: FleetEntry[]
  centers: Array<{ id: string; code: string; name: LocalizedText; devices: FleetEntry[] }>
}

/** How urgent an entry is: lower first. */
function rank(e: FleetEntry): number {
  if (e.revoked) return 9
  if (e.stale) return 0
  if (e.refused) return 1
  if (e.oldVersion) return 2
  if (e.printerFault || e.lowDisk) return 3
  return 5
}

function byUrgency(a: FleetEntry, b: FleetEntry): number {
  return rank(a) - rank(b) || a.centerCode.localeCompare(b.centerCode) || a.kioskCode.localeCompare(b.kioskCode)
}

/** The fleet at a glance: what is wrong, where, in the order IT should look at it. */
export function fleetOverview(devices: readonly FleetDevice[], now: Date): FleetOverview {
  const versions = devices.flatMap((d) => (!d.revokedAt && d.heartbeat ? [d.heartbeat.appVersion] : []))
  const latestVersion = versions.length > 0 ? versions.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b)) : null
  const entries: FleetEntry[] = devices.map((d) => {
    const revoked = d.revokedAt !== undefined
    const receivedMs = d.receivedAt ? Date.parse(d.receivedAt) : null
    return {
      ...d,
      revoked,
      stale: !revoked && (receivedMs === null || now.getTime() - receivedMs > STALE_AFTER_MS),
      refused: !revoked && (d.heartbeat?.rejectedEvents ?? 0) > 0,
      oldVersion: !revoked && d.heartbeat !== null && latestVersion !== null && compareVersions(d.heartbeat.appVersion, latestVersion) < 0,
      printerFault: !revoked && (d.heartbeat?.printer.state === 'missing' || d.heartbeat?.printer.state === 'error'),
      lowDisk: !revoked && d.heartbeat?.freeDiskBytes != null && d.heartbeat.freeDiskBytes < LOW_DISK_BYTES,
      clockSkewMs: d.heartbeat && receivedMs !== null ? Date.parse(d.heartbeat.sentAt) - receivedMs : null,
    }
  })
  const centers = new Map<string, FleetOverview['centers'][number]>()
  for (const e of entries) {
    const center = centers.get(e.centerId) ?? { id: e.centerId, code: e.centerCode, name: e.centerName, devices: [] }
    center.devices.push(e)
    centers.set(e.centerId, center)
  }
  for (const center of centers.values()) center.devices.sort(byUrgency)
  return {
    generatedAt: now.toISOString(),
    latestVersion,
    totals: {
      devices: entries.filter((e) => !e.revoked).length,
      stale: entries.filter((e) => e.stale).length,
      refused: entries.filter((e) => e.refused).length,
      oldVersion: entries.filter((e) => e.oldVersion).length,
      printerFault: entries.filter((e) => e.printerFault).length,
      lowDisk: entries.filter((e) => e.lowDisk).length,
      revoked: entries.filter((e) => e.revoked).length,
    },
    attention: entries.filter((e) => e.stale || e.refused || e.oldVersion || e.printerFault || e.lowDisk).sort(byUrgency),
    centers: [...centers.values()].sort((a, b) => a.code.localeCompare(b.code)),
  }
}
