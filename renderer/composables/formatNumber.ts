/**
 * An amount as people read it: thousands grouped with commas (1,250,000.50), whatever was typed.
 * Anything that is not a plain number is returned as it is, so a typing error stays visible.
 */
export function groupDigits(value: string | number): string {
  const s = String(value).replace(/[,，\s]/g, '')
  const m = /^(-?)(\d+)(\.\d*)?$/.exec(s)
  if (!m) return String(value)
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`
}
