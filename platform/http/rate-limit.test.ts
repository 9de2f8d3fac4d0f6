import { describe, expect, it } from 'vitest'
import { FailureLimiter } from './rate-limit'

describe('FailureLimiter', () => {
  it('blocks a key after too many failures until its window ends, others unaffected', () => {
    let now = 0
    const limiter = new FailureLimiter(3, 1000, () => now)
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('a')).toBe(0)
      limiter.fail('a')
    }
    now = 400
    expect(limiter.retryAfter('a')).toBe(600)
    expect(limiter.retryAfter('b')).toBe(0)
    now = 1000
    expect(limiter.retryAfter('a')).toBe(0)
  })
})
