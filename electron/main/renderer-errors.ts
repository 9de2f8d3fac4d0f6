import { withoutPersonalData } from '../../shared/fleet'
import type { RendererError } from '../../shared/host'
import type { Logger } from './log'

/**
 * Writes the renderer's errors into the rotating log, at most `perMinute` a minute: a page stuck in
 * an error loop must not push the lines that explain it out of the log. What was dropped is counted.
 */
export function createRendererErrorLog(log: Pick<Logger, 'error' | 'warn'>, options: { perMinute?: number; now?: () => number } = {}) {
  const perMinute = options.perMinute ?? 30
  const now = options.now ?? (() => Date.now())
  let windowStart = -Infinity
  let written = 0
  let dropped = 0

  return (error: RendererError): void => {
    const at = now()
    if (at - windowStart >= 60_000) {
      if (dropped > 0) log.warn('renderer errors dropped (too many)', { dropped })
      windowStart = at
      written = 0
      dropped = 0
    }
    if (written >= perMinute) {
      dropped += 1
      return
    }
    written += 1
    // The message may quote what a visitor typed; the stack holds code locations only.
    log.error('renderer error', { source: error.source, message: withoutPersonalData(error.message), ...(error.stack ? { stack: error.stack } : {}) })
  }
}
