/**
 * Counts failures per key (an IP) in a fixed window. In memory: enough to slow down guessing
 * enrollment codes against one platform process.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, { count: number; windowStart: number }>()

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const entry = this.current(key)
    return entry && entry.count >= this.maxFailures ? entry.windowStart + this.windowMs - this.now() : 0
  }

  fail(key: string): void {
    const entry = this.current(key) ?? { count: 0, windowStart: this.now() }
    entry.count++
    this.failures.set(key, entry)
    if (this.failures.size > 10_000) this.sweep()
  }

  private current(key: string) {
    const entry = this.failures.get(key)
    if (entry && this.now() - entry.windowStart >= this.windowMs) {
      this.failures.delete(key)
      return undefined
    }
    return entry
  }

  private sweep() {
    for (const key of [...this.failures.keys()]) this.current(key)
  }
}
