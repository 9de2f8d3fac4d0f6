import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { SafeStorage } from 'electron'
import { z } from 'zod'
import { Enrollment } from '../../shared/sync'
import type { Logger } from './log'

export interface EnrollmentStore {
  load(): Enrollment | null
  save(enrollment: Enrollment): void
}

export interface EnrollmentStoreOptions {
  /** userData/enrollment.json */
  file: string
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>
  log: Pick<Logger, 'warn' | 'error'>
}

/** On disk the device token is kept apart from the rest, encrypted by the OS where it can be. */
const StoredToken = z.discriminatedUnion('encrypted', [
  z.object({ encrypted: z.literal(true), base64: z.string() }),
  z.object({ encrypted: z.literal(false), value: z.string() }),
])
const StoredEnrollment = z.object({
  format: z.literal(1),
  enrollment: Enrollment.omit({ token: true }),
  token: StoredToken,
})
type StoredEnrollment = z.infer<typeof StoredEnrollment>

/**
 * The kiosk's enrollment in a JSON file in userData. The token is the device's credential on the
 * platform, so it goes through safeStorage (DPAPI on Windows, the keyring on Linux); a file copied
 * to another machine or user then yields no usable token and the kiosk asks to be enrolled again.
 */
export function createEnrollmentStore(options: EnrollmentStoreOptions): EnrollmentStore {
  const { file, safeStorage, log } = options
  // undefined: not read yet. The CSP asks on every app:// response, the disk only once.
  let cached: Enrollment | null | undefined

  function decode(stored: StoredEnrollment): Enrollment | null {
    let token: string
    if (stored.token.encrypted) {
      if (!safeStorage.isEncryptionAvailable()) {
        log.warn('enrollment: token is encrypted but OS encryption is unavailable; enrollment needed again')
        return null
      }
      try {
        token = safeStorage.decryptString(Buffer.from(stored.token.base64, 'base64'))
      } catch (error) {
        log.warn('enrollment: token cannot be decrypted (copied from another machine or user?); enrollment needed again', { error })
        return null
      }
    } else {
      token = stored.token.value
    }
    const parsed = Enrollment.safeParse({ ...stored.enrollment, token })
    return parsed.success ? parsed.data : null
  }

  function read(): Enrollment | null {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.error('enrollment: file cannot be read', { file, error })
      return null
    }
    try {
      const stored = StoredEnrollment.safeParse(JSON.parse(text))
      if (stored.success) return decode(stored.data)
      log.warn('enrollment: file has an unexpected shape; enrollment needed again', { file, problem: z.prettifyError(stored.error) })
    } catch (error) {
      log.warn('enrollment: file is not valid JSON; enrollment needed again', { file, error })
    }
    return null
  }

  function encode(enrollment: Enrollment): StoredEnrollment {
    const { token, ...rest } = enrollment
    if (safeStorage.isEncryptionAvailable()) {
      return { format: 1, enrollment: rest, token: { encrypted: true, base64: safeStorage.encryptString(token).toString('base64') } }
    }
    log.warn('enrollment: OS encryption unavailable, token stored readable only by this user')
    return { format: 1, enrollment: rest, token: { encrypted: false, value: token } }
  }

  return {
    load() {
      if (cached === undefined) cached = read()
      return cached
    },
    save(enrollment) {
      const valid = Enrollment.parse(enrollment)
      mkdirSync(dirname(file), { recursive: true })
      // Write then rename: a power cut mid-write must not leave half a credential.
      const temp = `${file}.tmp`
      writeFileSync(temp, JSON.stringify(encode(valid), null, 2), { encoding: 'utf8', mode: 0o600 })
      renameSync(temp, file)
      cached = valid
    },
  }
}
