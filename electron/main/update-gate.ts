/**
 * When a downloaded update may be installed. Installing restarts the app, so never while a visitor
 * is mid-flow (or staff are in their panel), never just after someone left (they may come back),
 * and preferably when the center is closed; an update that has waited a whole day goes in during
 * opening hours too, once the kiosk has been idle a while. The outbox is in IndexedDB, kept across
 * the restart; this only makes sure nobody is in the middle of something.
 */
export interface UpdateGatePolicy {
  /** Idle this long before installing outside opening hours. */
  quietMs: number
  /** An update waiting this long may go in during opening hours... */
  maxDeferMs: number
  /** ...once nobody has touched the kiosk for this long. */
  quietInOpeningHoursMs: number
}

export const DEFAULT_UPDATE_GATE: UpdateGatePolicy = {
  quietMs: 2 * 60_000,
  maxDeferMs: 24 * 3_600_000,
  quietInOpeningHoursMs: 10 * 60_000,
}

export interface UpdateGateInput {
  /** The downloaded update and when it finished downloading; null when there is none. */
  downloaded: { version: string; at: number } | null
  visitorActive: boolean
  /** When the kiosk last became idle (no visitor, no staff). */
  idleSince: number
  /** The center is open now. */
  open: boolean
  now: number
}

export type UpdateGateDecision =
  | { install: true; why: 'closed' | 'overdue' }
  | { install: false; why: 'nothing' | 'inUse' | 'justUsed' | 'openingHours' }

export function updateGate(input: UpdateGateInput, policy: UpdateGatePolicy = DEFAULT_UPDATE_GATE): UpdateGateDecision {
  if (!input.downloaded) return { install: false, why: 'nothing' }
  if (input.visitorActive) return { install: false, why: 'inUse' }
  const idleFor = input.now - input.idleSince
  if (idleFor < policy.quietMs) return { install: false, why: 'justUsed' }
  if (!input.open) return { install: true, why: 'closed' }
  const waited = input.now - input.downloaded.at
  if (waited >= policy.maxDeferMs && idleFor >= policy.quietInOpeningHoursMs) return { install: true, why: 'overdue' }
  return { install: false, why: 'openingHours' }
}
