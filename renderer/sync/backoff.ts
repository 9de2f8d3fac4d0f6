export interface BackoffPolicy {
  baseMs: number
  capMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 }

/**
 * "Full jitter": a uniformly random wait in [0, min(cap, base·2^attempt)). Kiosks that lost the
 * platform together do not come back in lockstep, and the ceiling keeps growing until the cap.
 */
export function fullJitterDelay(attempt: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30))
  return Math.floor(random() * ceiling)
}
