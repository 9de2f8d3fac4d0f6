import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Enrollment } from '../../shared/sync'
import { createEnrollmentStore, type EnrollmentStoreOptions } from './enrollment-store'

const ENROLLMENT: Enrollment = {
  deviceId: 'dev-0001',
  kioskCode: 'K03',
  centerId: 'center-hz01',
  centerCode: 'HZ01',
  centerName: { zh: '杭州市企业综合服务中心', en: 'Hangzhou Enterprise Service Center' },
  token: 'tok_0123456789abcdefghijklmnop',
  platformUrl: 'https://zlb.zj.gov.cn/',
}

/** Reversible but not plain: enough to show the token never reaches the disk as typed. */
function fakeSafeStorage(available = true): EnrollmentStoreOptions['safeStorage'] {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text: string) => Buffer.from(`enc:${[...text].reverse().join('')}`),
    decryptString: (data: Buffer) => {
      const text = data.toString()
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
      return [...text.slice(4)].reverse().join('')
    },
  }
}

let dir: string
let file: string
const log = { warn: vi.fn(), error: vi.fn() }

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-enrollment-'))
  file = join(dir, 'userData', 'enrollment.json')
  log.warn.mockReset()
  log.error.mockReset()
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('enrollment store', () => {
  it('has no enrollment on a fresh machine', () => {
    expect(createEnrollmentStore({ file, safeStorage: fakeSafeStorage(), log }).load()).toBeNull()
    expect(log.error).not.toHaveBeenCalled()
  })

  it('saves and reads back, surviving a restart', () => {
    createEnrollmentStore({ file, safeStorage: fakeSafeStorage(), log }).save(ENROLLMENT)
    expect(createEnrollmentStore({ file, safeStorage: fakeSafeStorage(), log }).load()).toEqual(ENROLLMENT)
  })

  it('never writes the token in clear when the OS can encrypt', () => {
    createEnrollmentStore({ file, safeStorage: fakeSafeStorage(), log }).save(ENROLLMENT)
    const text = readFileSync(file, 'utf8')
    expect(text).not.toContain(ENROLLMENT.token)
    expect(text).toContain('"encrypted": true')
    expect(text).toContain('HZ01')
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0)
  })

  it('falls back to a readable token, with a warning, when encryption is unavailable', () => {
    const store = createEnrollmentStore({ file, safeStorage: fakeSafeStorage(false), log })
    store.save(ENROLLMENT)
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('OS encryption unavailable'))
    expect(createEnrollmentStore({ file, safeStorage: fakeSafeStorage(false), log }).load()).toEqual(ENROLLMENT)
  })

  it('asks for enrollment again when the token cannot be decrypted', () => {
    createEnrollmentStore({ file, safeStorage: fakeSafeStorage(), log }).save(ENROLLMENT)
    const stored = JSON.parse(readFileSync(file, 'utf8'))
    stored.token.base64 = Buffer.from('garbage').toString('base64')
    writeFileSync(file, JSON.stringify(stored))
    expect(createEnrollmentStore({ file, safeStorage: fakeSafeStorage(), log }).load()).toBeNull()
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('cannot be decrypted'), expect.anything())
  })

  it('asks for enrollment again when an encrypted token meets a machine without encryption', () => {
    createEnrollmentStore({ file, safeStorage: fakeSafeStorage(), log }).save(ENROLLMENT)
    expect(createEnrollmentStore({ file, safeStorage: fakeSafeStorage(false), log }).load()).toBeNull()
  })

  it.each(['{not json', '{"format":2}', JSON.stringify({ format: 1, enrollment: {}, token: { encrypted: false, value: 'x' } })])(
    'treats a damaged file as not enrolled: %s',
    (text) => {
      createEnrollmentStore({ file, safeStorage: fakeSafeStorage(), log }).save(ENROLLMENT)
      writeFileSync(file, text)
      expect(createEnrollmentStore({ file, safeStorage: fakeSafeStorage(), log }).load()).toBeNull()
      expect(log.warn).toHaveBeenCalled()
    },
  )

  it('refuses to save an invalid enrollment', () => {
    const store = createEnrollmentStore({ file, safeStorage: fakeSafeStorage(), log })
    expect(() => store.save({ ...ENROLLMENT, token: 'short' })).toThrow()
    expect(store.load()).toBeNull()
  })
})
