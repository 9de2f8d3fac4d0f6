import { z } from 'zod'
import { EnrollRequest } from '../../shared/sync'
import { Provisioning as HostProvisioning, type HostApi } from '../../shared/host'
import type { Logger } from './log'

/**
 * What IT sets per machine. Every field is optional: a value missing from one source may come from
 * the next (command line > environment > provisioning.json next to the executable > in userData).
 */
export interface Provisioning {
  platformUrl?: string
  enrollCode?: string
  /** Locked-down full screen. Unset means "kiosk when packaged". */
  kiosk?: boolean
  retentionDays?: number
}

const PlatformUrl = HostProvisioning.shape.platformUrl
const EnrollCode = EnrollRequest.shape.code
const RetentionDays = HostProvisioning.shape.retentionDays.unwrap()

/** Strict, so a misspelt key (`platformURL`) is reported instead of silently ignored. */
export const ProvisioningFile = z.strictObject({
  platformUrl: PlatformUrl.optional(),
  enrollCode: EnrollCode.optional(),
  kiosk: z.boolean().optional(),
  retentionDays: RetentionDays.optional(),
})

export interface ProvisioningSources {
  argv: readonly string[]
  env: Readonly<Record<string, string | undefined>>
  /** provisioning.json candidates, highest priority first. */
  files: readonly string[]
  readFile: (path: string) => string
  log: Pick<Logger, 'info' | 'warn'>
}

function argValue(argv: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`
  return argv.findLast((arg) => arg.startsWith(prefix))?.slice(prefix.length)
}

function fromArgvAndEnv(sources: ProvisioningSources, origin: 'command line' | 'environment'): Provisioning {
  const raw =
    origin === 'command line'
      ? {
          platformUrl: argValue(sources.argv, 'platform-url'),
          enrollCode: argValue(sources.argv, 'enroll-code'),
          retentionDays: argValue(sources.argv, 'retention-days'),
        }
      : {
          platformUrl: sources.env.KIOSK_PLATFORM_URL,
          enrollCode: sources.env.KIOSK_ENROLL_CODE,
          retentionDays: sources.env.KIOSK_RETENTION_DAYS,
        }
  const result: Provisioning = {}
  if (raw.platformUrl !== undefined && raw.platformUrl !== '') {
    const parsed = PlatformUrl.safeParse(raw.platformUrl)
    if (parsed.success) result.platformUrl = parsed.data
    else sources.log.warn('provisioning: platform URL ignored, it is not an http(s) URL', { origin, value: raw.platformUrl })
  }
  if (raw.enrollCode !== undefined && raw.enrollCode !== '') {
    const parsed = EnrollCode.safeParse(raw.enrollCode)
    if (parsed.success) result.enrollCode = parsed.data
    else sources.log.warn('provisioning: enrollment code ignored, it must be 6-16 capitals and digits', { origin })
  }
  if (raw.retentionDays !== undefined && raw.retentionDays !== '') {
    const parsed = RetentionDays.safeParse(Number(raw.retentionDays))
    if (parsed.success) result.retentionDays = parsed.data
    else sources.log.warn('provisioning: retention days ignored, it must be a whole number from 1 to 3650', { origin })
  }
  if (origin === 'command line') {
    const flag = sources.argv.findLast((arg) => arg === '--kiosk' || arg === '--no-kiosk')
    if (flag) result.kiosk = flag === '--kiosk'
  }
  return result
}

function fromFile(path: string, sources: ProvisioningSources): Provisioning {
  let text: string
  try {
    text = sources.readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      sources.log.warn('provisioning: file cannot be read, ignored', { path, error })
    }
    return {}
  }
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    sources.log.warn('provisioning: file is not valid JSON, ignored', { path, problem: (error as Error).message })
    return {}
  }
  const parsed = ProvisioningFile.safeParse(json)
  if (!parsed.success) {
    sources.log.warn('provisioning: file does not match {platformUrl, enrollCode, kiosk, retentionDays}, ignored', {
      path,
      problem: z.prettifyError(parsed.error),
    })
    return {}
  }
  sources.log.info('provisioning: file read', { path, keys: Object.keys(parsed.data) })
  return parsed.data
}

export function readProvisioning(sources: ProvisioningSources): Provisioning {
  const layers = [fromArgvAndEnv(sources, 'command line'), fromArgvAndEnv(sources, 'environment'), ...sources.files.map((f) => fromFile(f, sources))]
  const merged: Provisioning = {}
  for (const layer of layers.reverse()) Object.assign(merged, layer)
  return merged
}

/** The renderer's view: no platform URL means nothing was provisioned. */
export function hostProvisioning(provisioning: Provisioning): Awaited<ReturnType<HostApi['getProvisioning']>> {
  if (!provisioning.platformUrl) return null
  return {
    platformUrl: provisioning.platformUrl,
    ...(provisioning.enrollCode ? { enrollCode: provisioning.enrollCode } : {}),
    ...(provisioning.retentionDays ? { retentionDays: provisioning.retentionDays } : {}),
  }
}
