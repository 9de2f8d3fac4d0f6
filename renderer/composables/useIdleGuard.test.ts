import { describe, expect, it } from 'vitest'
import { idleSecondsFrom, WARN_SECONDS } from './useIdleGuard'

describe('idle settings', () => {
  it('waits 60 s unless a sane ?idle= is given; the warning always lasts at least 20 s', () => {
    expect(idleSecondsFrom('')).toBe(60)
    expect(idleSecondsFrom('?idle=5')).toBe(5)
    expect(idleSecondsFrom('?idle=1')).toBe(60)
    expect(idleSecondsFrom('?idle=abc')).toBe(60)
    expect(idleSecondsFrom('?idle=2.5')).toBe(60)
    expect(idleSecondsFrom('?idle=99999')).toBe(60)
    expect(WARN_SECONDS).toBeGreaterThanOrEqual(20)
  })
})
