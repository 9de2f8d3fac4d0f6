import { z } from 'zod'

/**
 * A whole number in a query string: digits only. `z.coerce.number()` would also take "", "0x10",
 * "1e3" and " 7 ", which no client of ours sends and which make the same cursor mean several things.
 */
export function QueryInt(min: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,15}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
}
