import { defineStore } from 'pinia'
import { ref } from 'vue'
import { DEFAULT_RETENTION_DAYS, type Enrollment } from '../../shared/index'
import { getDb, META } from '../db/index'
import { getHost } from '../host/index'
import { PlatformClient } from '../sync/api'
import { useProvisioningStore } from './provisioning'

export type DeviceStatus = 'booting' | 'enrolled' | 'unenrolled' | 'reenroll'

/** This kiosk's enrollment: which center it serves, its ticket codes and its platform credential. */
export const useDeviceStore = defineStore('device', () => {
  const enrollment = ref<Enrollment | null>(null)
  const status = ref<DeviceStatus>('booting')
  /** Why the last enrollment attempt failed, for staff (the platform's message, or a network error). */
  const lastError = ref<string | null>(null)
  /** How long closed, synced requests stay on this kiosk (IT's provisioning, else the default). */
  const retentionDays = ref(DEFAULT_RETENTION_DAYS)

  /** Load the saved enrollment; a fresh install enrolls itself with IT's provisioning, if any. */
  async function boot(): Promise<void> {
    const host = getHost()
    await useProvisioningStore().load()
    const provisioning = useProvisioningStore().settings
    retentionDays.value = provisioning?.retentionDays ?? DEFAULT_RETENTION_DAYS
    enrollment.value = await host.getEnrollment()
    if (enrollment.value) {
      status.value = 'enrolled'
      return
    }
    if (provisioning?.enrollCode) {
      try {
        await enroll(provisioning.platformUrl, provisioning.enrollCode)
        return
      } catch {
        // Offline at first start: the kiosk still takes intakes once enrolled; staff can enroll it from the panel.
      }
    }
    status.value = 'unenrolled'
  }

  /** Enroll (or re-enroll) with the platform and keep the credential on the machine. */
  async function enroll(platformUrl: string, code: string): Promise<Enrollment> {
    const host = getHost()
    try {
      const info = await host.getAppInfo()
      const next = await new PlatformClient({ baseUrl: platformUrl }).enroll(code.trim().toUpperCase(), deviceName(info.shell))
      const previous = enrollment.value
      await host.saveEnrollment(next)
      // A cursor counts one platform's changes for one center; elsewhere it means nothing.
      if (previous && (previous.platformUrl !== next.platformUrl || previous.centerId !== next.centerId)) {
        await getDb().meta.delete(META.cursor)
      }
      enrollment.value = next
      status.value = 'enrolled'
      lastError.value = null
      return next
    } catch (e) {
      lastError.value = e instanceof Error ? e.message : String(e)
      throw e
    }
  }

  /** The platform refused our credential (sync got 401/403). */
  function markNeedsReenroll(): void {
    if (enrollment.value) status.value = 'reenroll'
  }

  return { enrollment, status, lastError, retentionDays, boot, enroll, markNeedsReenroll }
})

function deviceName(shell: string): string {
  return `${shell === 'electron' ? 'Kiosk' : 'Browser'} ${Math.random().toString(36).slice(2, 8).toUpperCase()}`
}
