import { describe, expect, it } from 'vitest'
import { RateLimiter } from './rate-limit'

describe('RateLimiter', () => {
  it('blocks a key after its limit until its window ends, others unaffected', () => {
    let now = 0
    const limiter = new RateLimiter(3, 1000, () => now)
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('a')).toBe(0)
      limiter.record('a')
    }
    now = 400
    expect(limiter.retryAfter('a')).toBe(600)
    expect(limiter.retryAfter('b')).toBe(0)
    now = 1000
    expect(limiter.retryAfter('a')).toBe(0)
  })
})
