import { statfsSync } from 'node:fs'
import type { PrinterInfo } from 'electron'
import { withoutPersonalData } from '../../shared/fleet'
import type { DeviceHealth, PrintResult } from '../../shared/host'

/**
 * A print spooler that hangs must not hang what waits for it (the IT screen, the heartbeat, a
 * receipt): after `ms` the answer is `fallback`.
 */
export function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms)
  })
  return Promise.race([promise.catch(() => fallback), late]).finally(() => clearTimeout(timer))
}

/** Free bytes for an unprivileged user on the disk holding `path`; null when the system does not say. */
export function freeDiskBytes(path: string, statfs: typeof statfsSync = statfsSync): number | null {
  try {
    const stats = statfs(path)
    return Number(stats.bavail) * Number(stats.bsize)
  } catch {
    return null
  }
}

/**
 * The receipt printer as IT sees it: missing (not installed, or not the name provisioned), in error
 * (its last job failed), ready, or unknown (the printer list could not be read).
 */
export function printerState(
  configured: string | undefined,
  printers: ReadonlyArray<Pick<PrinterInfo, 'name'>> | null,
  last: PrintResult | null,
): DeviceHealth['printer'] {
  const name = configured ? { name: configured } : {}
  if (printers === null) return { state: 'unknown', ...name }
  if (configured && !printers.some((p) => p.name === configured)) {
    return { state: 'missing', ...name, detail: 'not among the printers of this machine' }
  }
  if (!configured && printers.length === 0) return { state: 'missing', detail: 'no printer installed' }
  if (last && !last.ok && last.reason !== 'cancelled') return { state: 'error', ...name, detail: last.reason }
  return { state: 'ready', ...name }
}

export interface DeviceHealthSources {
  dataPath: string
  printerName: string | undefined
  listPrinters: () => Promise<Array<Pick<PrinterInfo, 'name'>>>
  lastPrint: () => PrintResult | null
  update: () => DeviceHealth['update']
  lastError: () => { at: string; message: string } | null
  statfs?: typeof statfsSync
  printerTimeoutMs?: number
}

export async function deviceHealth(sources: DeviceHealthSources): Promise<DeviceHealth> {
  const printers = await within<Array<Pick<PrinterInfo, 'name'>> | null>(sources.listPrinters(), sources.printerTimeoutMs ?? 5_000, null)
  const lastError = sources.lastError()
  return {
    freeDiskBytes: freeDiskBytes(sources.dataPath, sources.statfs),
    printer: printerState(sources.printerName, printers, sources.lastPrint()),
    update: sources.update(),
    lastError: lastError && { at: lastError.at, message: withoutPersonalData(lastError.message) },
  }
}
