import { chinaDateTimeOf, type Locale } from '../../shared/index'

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** A calendar date (YYYY-MM-DD) as people write it: 2026年12月10日 / 10 Dec 2026. */
export function formatDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  if (!y || !m || !d) return iso
  return locale === 'en' ? `${d} ${EN_MONTHS[m - 1]} ${y}` : `${y}年${m}月${d}日`
}

/** A moment in China time, to the minute: 2026年11月28日 09:05 / 28 Nov 2026 09:05. */
export function formatDateTime(iso: string, locale: Locale): string {
  const [date, time] = chinaDateTimeOf(iso).split(' ')
  return `${formatDate(date!, locale)} ${time}`
}
