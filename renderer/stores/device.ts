import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { addressProblem, DEFAULT_RETENTION_DAYS, EnrollCode, modeOf, type DeviceMode, type Enrollment } from '../../shared/index'
import { getDb, META } from '../db/index'
import { getHost } from '../host/index'
import { ApiFailure, PlatformClient } from '../sync/api'
import { useProvisioningStore } from './provisioning'

export type DeviceStatus = 'booting' | 'enrolled' | 'unenrolled' | 'reenroll'

/**
 * Why enrolling did not work, for staff: the address or the code is malformed (`url`, `code`,
 * nothing was sent), the address is plain http to another machine (`https`), the platform cannot be reached (`network`), it refused the code (`refused`,
 * with its words in `message`), or something else went wrong (`failed`).
 */
export type EnrollErrorCode = 'url' | 'https' | 'code' | 'network' | 'refused' | 'failed'

export class EnrollError extends Error {
  override readonly name = 'EnrollError'
  constructor(
    readonly code: EnrollErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

function enrollError(e: unknown): EnrollError {
  if (e instanceof EnrollError) return e
  if (e instanceof ApiFailure) {
    if (e.kind === 'network') return new EnrollError('network', e.message, { cause: e })
    if (e.kind === 'client' || e.kind === 'auth') return new EnrollError('refused', e.message, { cause: e })
  }
  return new EnrollError('failed', e instanceof Error ? e.message : String(e), { cause: e })
}

/** What the app shows and stamps of the enrollment; the credential itself stays with the host. */
export type DeviceEnrollment = Omit<Enrollment, 'token'>

function withoutToken(e: Enrollment | null): DeviceEnrollment | null {
  if (!e) return null
  const { token: _token, ...rest } = e
  return rest
}

/**
 * This kiosk's enrollment: which center it serves, its ticket codes, its mode. The device token is
 * not kept in reactive state (devtools, state dumps); sync asks the host for it each round.
 */
export const useDeviceStore = defineStore('device', () => {
  const enrollment = ref<DeviceEnrollment | null>(null)
  const status = ref<DeviceStatus>('booting')
  /** Why the last enrollment attempt failed, for staff (the platform's message, or a network error). */
  const lastError = ref<string | null>(null)
  /** How long anything about a request stays on this kiosk (IT's provisioning, else the default). */
  const retentionDays = ref(DEFAULT_RETENTION_DAYS)
  /** A lobby kiosk or a counter PC, as the platform enrolled it. */
  const mode = computed<DeviceMode>(() => (enrollment.value ? modeOf(enrollment.value) : 'visitor'))

  /** Load the saved enrollment; a fresh install enrolls itself with IT's provisioning, if any. */
  async function boot(): Promise<void> {
    const host = getHost()
    await useProvisioningStore().load()
    const provisioning = useProvisioningStore().settings
    retentionDays.value = provisioning?.retentionDays ?? DEFAULT_RETENTION_DAYS
    enrollment.value = withoutToken(await host.getEnrollment())
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

  /** Enroll (or re-enroll) with the platform and keep the credential on the machine. Throws EnrollError. */
  async function enroll(platformUrl: string, code: string): Promise<DeviceEnrollment> {
    const host = getHost()
    try {
      const url = platformUrl.trim()
      const problem = addressProblem(url)
      if (problem === 'https') throw new EnrollError('https', `a platform address must use https: ${url}`)
      if (problem) throw new EnrollError('url', `not a platform address: ${url}`)
      const enrollCode = EnrollCode.safeParse(code)
      if (!enrollCode.success) throw new EnrollError('code', 'an enrollment code is 6-16 capitals and digits')
      const info = await host.getAppInfo()
      const next = await new PlatformClient({ baseUrl: url }).enroll(enrollCode.data, deviceName(info.shell))
      const previous = enrollment.value
      await host.saveEnrollment(next)
      // A cursor counts one platform's changes for one center; elsewhere it means nothing.
      if (previous && (previous.platformUrl !== next.platformUrl || previous.centerId !== next.centerId)) {
        await getDb().meta.delete(META.cursor)
      }
      enrollment.value = withoutToken(next)
      status.value = 'enrolled'
      lastError.value = null
      return withoutToken(next)!
    } catch (e) {
      const error = enrollError(e)
      lastError.value = error.message
      throw error
    }
  }

  /** The platform refused our credential (sync got 401/403). */
  function markNeedsReenroll(): void {
    if (enrollment.value) status.value = 'reenroll'
  }

  return { enrollment, status, lastError, retentionDays, mode, boot, enroll, markNeedsReenroll }
})

function deviceName(shell: string): string {
  return `${shell === 'electron' ? 'Kiosk' : 'Browser'} ${Math.random().toString(36).slice(2, 8).toUpperCase()}`
}
