import { describe, expect, it } from 'vitest'
import { DEFAULT_BACKOFF, fullJitterDelay } from '../../../renderer/sync/backoff'

describe('full jitter backoff', () => {
  it('draws from [0, min(cap, base·2^n)) and never exceeds the 5-minute cap', () => {
    expect(DEFAULT_BACKOFF.capMs).toBe(300_000)
    for (let n = 0; n < 40; n++) {
      const ceiling = Math.min(DEFAULT_BACKOFF.capMs, DEFAULT_BACKOFF.baseMs * 2 ** n)
      expect(fullJitterDelay(n, () => 0)).toBe(0)
      const top = fullJitterDelay(n, () => 0.999_999)
      expect(top).toBeLessThan(ceiling)
      expect(top).toBeGreaterThanOrEqual(Math.floor(ceiling * 0.999))
    }
    expect(fullJitterDelay(1000, () => 0.999_999)).toBeLessThan(300_000)
  })

  it('spreads kiosks that failed together across the whole window', () => {
    let seed = 7
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
    const delays = Array.from({ length: 1000 }, () => fullJitterDelay(3, random))
    const ceiling = DEFAULT_BACKOFF.baseMs * 8
    expect(Math.min(...delays)).toBeLessThan(ceiling * 0.05)
    expect(Math.max(...delays)).toBeGreaterThan(ceiling * 0.95)
    expect(delays.every((d) => d >= 0 && d < ceiling)).toBe(true)
  })
})
