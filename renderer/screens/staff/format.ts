/** A date-time for staff, in the interface language and the center's time zone. */
export function formatDateTime(iso: string | number | null | undefined, locale: string): string {
  if (iso === null || iso === undefined) return ''
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(new Date(iso))
}
