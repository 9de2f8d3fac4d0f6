/** The answer of every validator in shared/: the normalised value, or a specific, localised reason. */
export type Check<T> =
  | { ok: true; value: T }
  | { ok: false; code: string; message: string; messageEn: string }

export function pass<T>(value: T): Check<T> {
  return { ok: true, value }
}

export function fail<T = never>(code: string, message: string, messageEn: string): Check<T> {
  return { ok: false, code, message, messageEn }
}
