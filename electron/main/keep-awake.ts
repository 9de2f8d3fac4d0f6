import type { PowerSaveBlocker } from 'electron'
import { isOpenAt, type OpeningPeriod } from '../../shared/opening-hours'
import type { Logger } from './log'

export interface KeepAwakeOptions {
  powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'stop'>
  openingHours: readonly OpeningPeriod[] | undefined
  log: Pick<Logger, 'info'>
  now?: () => Date
  /** How often the hours are looked at again. */
  everyMs?: number
}

/**
 * Keeps the display awake while the center is open, and lets the operating system's power settings
 * put it to sleep outside those hours (the lobby is dark; a lit screen all night wears it out).
 */
export function keepAwakeDuringOpeningHours(options: KeepAwakeOptions): { stop(): void } {
  const now = options.now ?? (() => new Date())
  let blocker: number | null = null

  function apply(): void {
    const open = isOpenAt(options.openingHours, now())
    if (open && blocker === null) {
      blocker = options.powerSaveBlocker.start('prevent-display-sleep')
      options.log.info('power: display kept awake (center open)')
    } else if (!open && blocker !== null) {
      options.powerSaveBlocker.stop(blocker)
      blocker = null
      options.log.info('power: display may sleep (center closed)')
    }
  }

  apply()
  const timer = setInterval(apply, options.everyMs ?? 60_000)
  return {
    stop() {
      clearInterval(timer)
      if (blocker !== null) options.powerSaveBlocker.stop(blocker)
      blocker = null
    },
  }
}
