import { describe, expect, it } from 'vitest'
import { constantTimeEqual, createPinChecker, hashPin, isPinHashStrong, lockoutAfter, MIN_PIN_ITERATIONS, PIN_FREE_ATTEMPTS, verifyPin } from './pin'

// The fewest iterations the rule allows: the tests derive many keys on a shared two-core machine.
const FAST = { iterations: MIN_PIN_ITERATIONS }

describe('PIN hash', () => {
  it('verifies the PIN it was made from, and no other', async () => {
    const hash = await hashPin('246810', FAST)
    expect(hash).toMatch(/^pbkdf2-sha256\$200000\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/)
    expect(await verifyPin('246810', hash)).toBe(true)
    expect(await verifyPin('246811', hash)).toBe(false)
    expect(await verifyPin('2468100', hash)).toBe(false)
    expect(await verifyPin('', hash)).toBe(false)
  })

  it('salts every hash: the same PIN twice gives two different hashes', async () => {
    expect(await hashPin('135790', FAST)).not.toBe(await hashPin('135790', FAST))
  })

  it('matches PBKDF2-SHA-256 as RFC 6070-style vectors compute it elsewhere', async () => {
    // node -e "crypto.pbkdf2Sync('123456', Buffer.alloc(16, 1), 200000, 32, 'sha256').toString('base64')"
    const salt = new Uint8Array(16).fill(1)
    const hash = await hashPin('123456', { iterations: 200_000, salt })
    const { pbkdf2Sync } = await import('node:crypto')
    expect(hash.split('$')[3]).toBe(pbkdf2Sync('123456', Buffer.from(salt), 200_000, 32, 'sha256').toString('base64'))
  })

  it('refuses to make a hash of a short or non-numeric PIN, or with too few iterations', async () => {
    await expect(hashPin('12345')).rejects.toThrow(/6 to 12 digits/)
    await expect(hashPin('abcdef')).rejects.toThrow(/6 to 12 digits/)
    await expect(hashPin('123456', { iterations: 1000 })).rejects.toThrow(/iterations/)
  })

  it('treats a weak or damaged hash as no hash at all', async () => {
    const good = await hashPin('246810', FAST)
    const [, , salt, digest] = good.split('$')
    expect(isPinHashStrong(good)).toBe(true)
    expect(isPinHashStrong(`pbkdf2-sha256$199999$${salt}$${digest}`)).toBe(false)
    expect(isPinHashStrong(`pbkdf2-sha256$200000$AAAA$${digest}`)).toBe(false)
    expect(isPinHashStrong(`pbkdf2-sha256$200000$${salt}$AAAA`)).toBe(false)
    expect(isPinHashStrong(`pbkdf2-sha1$200000$${salt}$${digest}`)).toBe(false)
    expect(isPinHashStrong('246810')).toBe(false)
    expect(await verifyPin('246810', '246810')).toBe(false)
  })

  it('compares whole arrays, whatever their lengths', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true)
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false)
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2]))).toBe(false)
    expect(constantTimeEqual(new Uint8Array([]), new Uint8Array([0]))).toBe(false)
  })
})

describe('PIN lockout', () => {
  it('allows a few tries, then locks for longer each time, up to a quarter of an hour', () => {
    expect([1, 2, 3, 4].map(lockoutAfter)).toEqual([0, 0, 0, 0])
    expect(lockoutAfter(PIN_FREE_ATTEMPTS)).toBe(30_000)
    expect(lockoutAfter(PIN_FREE_ATTEMPTS + 1)).toBe(60_000)
    expect(lockoutAfter(PIN_FREE_ATTEMPTS + 20)).toBe(15 * 60_000)
  })

  it('counts wrong PINs, locks, refuses even the right PIN while locked, and resets on success', async () => {
    const hash = await hashPin('246810', FAST)
    let now = 0
    const checker = createPinChecker({ hash: () => hash, now: () => now })
    for (let i = 1; i < PIN_FREE_ATTEMPTS; i++) {
      expect(await checker.check('000000')).toEqual({ ok: false, reason: 'wrong', attemptsLeft: PIN_FREE_ATTEMPTS - i })
    }
    expect(await checker.check('000000')).toEqual({ ok: false, reason: 'locked', retryAfterMs: 30_000 })
    now = 29_000
    expect(await checker.check('246810')).toEqual({ ok: false, reason: 'locked', retryAfterMs: 1_000 })
    now = 30_000
    expect(await checker.check('246810')).toEqual({ ok: true })
    expect(await checker.check('000000')).toEqual({ ok: false, reason: 'wrong', attemptsLeft: PIN_FREE_ATTEMPTS - 1 })
  })

  it('cannot be raced: guesses sent at once are counted one by one', async () => {
    const hash = await hashPin('246810', FAST)
    const checker = createPinChecker({ hash: () => hash, now: () => 0 })
    const results = await Promise.all(Array.from({ length: PIN_FREE_ATTEMPTS + 2 }, () => checker.check('111111')))
    expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(3)
  })

  it('refuses every PIN when no hash is provisioned', async () => {
    const checker = createPinChecker({ hash: () => undefined })
    expect(await checker.check('246810')).toMatchObject({ ok: false })
  })
})
