import { reactive, watch } from 'vue'
import { getHost } from '../host/index'
import { useAdminStore } from '../stores/admin'
import { useDeviceStore } from '../stores/device'
import { useSyncStore } from '../stores/sync'
import { useVisitStore } from '../stores/visit'
import { PlatformClient } from '../sync/api'
import { buildHeartbeat, HeartbeatReporter, type HeartbeatStatus } from './heartbeat'

/** The last heartbeat's outcome, for the IT screen. */
export const heartbeatStatus = reactive<HeartbeatStatus>({ lastSentAt: null, lastError: null })

let reporter: HeartbeatReporter | undefined

async function storageUsed(): Promise<number | null> {
  try {
    return (await navigator.storage?.estimate?.())?.usage ?? null
  } catch {
    return null
  }
}

/** The first report waits for the first sync round (at most this long), so it says how that went. */
const FIRST_REPORT_WAIT_MS = 60_000

/** Reports this kiosk's health to its platform's fleet page while it is enrolled. Call once after boot. */
export function startHeartbeat(): void {
  if (reporter) return
  const device = useDeviceStore()
  const sync = useSyncStore()
  const created = new HeartbeatReporter({
    collect: async () => {
      const host = getHost()
      if (!device.enrollment) return null
      const [appInfo, health, used] = await Promise.all([host.getAppInfo(), host.getDeviceHealth(), storageUsed()])
      return buildHeartbeat({
        appInfo,
        // As the platform enrolled it (a counter code makes a counter PC), not as provisioning hoped.
        mode: device.mode,
        sync: { online: sync.online, lastSyncAt: sync.lastSyncAt, pending: sync.pending, rejected: sync.rejected, lastError: sync.lastError },
        health,
        storageUsedBytes: used,
        now: new Date(),
      })
    },
    send: async (heartbeat) => {
      // The device token stays with the host; it is asked for each time, as sync does.
      const enrollment = await getHost().getEnrollment()
      if (!enrollment) return
      await new PlatformClient({ baseUrl: enrollment.platformUrl, token: enrollment.token }).heartbeat(heartbeat)
    },
    onStatus: (status) => Object.assign(heartbeatStatus, status),
  })
  reporter = created
  const begin = () => {
    clearTimeout(fallback)
    created.start()
  }
  const fallback = setTimeout(begin, FIRST_REPORT_WAIT_MS)
  // start() is idempotent: a later sync changes nothing here.
  watch(
    () => sync.lastSyncAt !== null || sync.lastError !== null,
    (synced) => {
      if (synced) begin()
    },
    { immediate: true },
  )
}

/**
 * Tells the host whether someone is using the kiosk: a visitor past the start screen, or staff and
 * IT behind the PIN. The host installs updates only when nobody is.
 */
export function reportActivity(): void {
  const visit = useVisitStore()
  const admin = useAdminStore()
  watch(
    () => visit.step.screen !== 'attract' || admin.screen !== null,
    (active) => void getHost().setVisitorActive(active).catch(() => undefined),
    { immediate: true },
  )
}
