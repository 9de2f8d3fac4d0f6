/**
 * Counts what happens per key (an address, a ticket number, a code) in a fixed window and says how
 * long a key that reached its limit must wait. In memory: enough to slow down guessing against one
 * platform process; a restart forgets.
 */
export class RateLimiter {
  private readonly counts = new Map<string, { count: number; windowStart: number }>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Milliseconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const entry = this.current(key)
    return entry && entry.count >= this.limit ? entry.windowStart + this.windowMs - this.now() : 0
  }

  record(key: string): void {
    const entry = this.current(key) ?? { count: 0, windowStart: this.now() }
    entry.count++
    this.counts.set(key, entry)
    if (this.counts.size > 10_000) this.sweep()
  }

  private current(key: string) {
    const entry = this.counts.get(key)
    if (entry && this.now() - entry.windowStart >= this.windowMs) {
      this.counts.delete(key)
      return undefined
    }
    return entry
  }

  private sweep() {
    for (const key of [...this.counts.keys()]) this.current(key)
  }
}
