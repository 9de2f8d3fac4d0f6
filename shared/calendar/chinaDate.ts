const CHINA_OFFSET_MS = 8 * 3_600_000

/** The calendar date in China (UTC+8, no daylight saving) at an instant given as an ISO date-time. */
export function chinaDateOf(instant: string): string {
  const ms = Date.parse(instant)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(instant) || Number.isNaN(ms)) {
    throw new RangeError(`"${instant}" is not an ISO date-time`)
  }
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/** The date and time to the minute in China at an instant, as a spreadsheet reads it: `2026-11-30 09:05`. */
export function chinaDateTimeOf(instant: string): string {
  const date = chinaDateOf(instant)
  return `${date} ${new Date(Date.parse(instant) + CHINA_OFFSET_MS).toISOString().slice(11, 16)}`
}
