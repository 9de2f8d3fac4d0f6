import { createPinChecker, type PinCheck } from '../../shared/pin'
import type { Logger } from './log'

/**
 * The admin PIN, checked here rather than in the page: the hash never reaches the renderer, and a
 * reload of the page does not reset the count of wrong tries. Every try is logged, never the PIN.
 */
export function createAdminPin(hash: string | undefined, log: Pick<Logger, 'info' | 'warn'>, now?: () => number): (pin: string) => Promise<PinCheck> {
  const checker = createPinChecker({ hash: () => hash, now })
  return async (pin) => {
    if (!hash) {
      log.warn('admin PIN: refused, no valid adminPinHash is provisioned')
      return { ok: false, reason: 'wrong', attemptsLeft: 0 }
    }
    const result = await checker.check(pin)
    if (result.ok) log.info('admin PIN: accepted')
    else if (result.reason === 'locked') log.warn('admin PIN: locked after repeated wrong PINs', { retryAfterMs: result.retryAfterMs })
    else log.warn('admin PIN: wrong PIN', { attemptsLeft: result.attemptsLeft })
    return result
  }
}
