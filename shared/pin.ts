/**
 * The IT admin PIN: only a PBKDF2-SHA-256 hash is ever stored (in provisioning), made and checked with
 * WebCrypto, which the renderer, the Electron main process and Node all have.
 *
 * Format: `pbkdf2-sha256$<iterations>$<salt, base64>$<32-byte hash, base64>`.
 */

/**
 * WebCrypto, base64 and TextEncoder: every runtime this module runs in has them (browsers, Node 20,
 * Electron's main process), but ES2023 does not define them, and shared/ is type-checked without DOM
 * or Node types. Only what this module uses is declared.
 */
declare const crypto: {
  getRandomValues<T extends Uint8Array<ArrayBuffer>>(array: T): T
  subtle: {
    importKey(format: 'raw', key: Uint8Array<ArrayBuffer>, algorithm: 'PBKDF2', extractable: false, usages: ['deriveBits']): Promise<unknown>
    deriveBits(algorithm: { name: 'PBKDF2'; hash: 'SHA-256'; salt: Uint8Array<ArrayBuffer>; iterations: number }, key: unknown, length: number): Promise<ArrayBuffer>
  }
}
declare function atob(data: string): string
declare function btoa(data: string): string
declare const TextEncoder: new () => { encode(input: string): Uint8Array<ArrayBuffer> }

export const MIN_PIN_ITERATIONS = 200_000
export const DEFAULT_PIN_ITERATIONS = 310_000
const MIN_SALT_BYTES = 16
const HASH_BYTES = 32

export const PIN_HASH_PATTERN = /^pbkdf2-sha256\$(\d{1,9})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/

/** 6 to 12 digits: typed on the kiosk's touch keypad, long enough not to be guessed in a few tries. */
export const PIN_PATTERN = /^\d{6,12}$/

interface ParsedPinHash {
  iterations: number
  salt: Uint8Array<ArrayBuffer>
  hash: Uint8Array<ArrayBuffer>
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

function parsePinHash(encoded: string): ParsedPinHash | null {
  const match = PIN_HASH_PATTERN.exec(encoded)
  if (!match) return null
  try {
    return { iterations: Number(match[1]), salt: fromBase64(match[2]!), hash: fromBase64(match[3]!) }
  } catch {
    return null
  }
}

/** Enough iterations, enough salt, a whole hash: anything weaker is refused, not used. */
export function isPinHashStrong(encoded: string): boolean {
  const parsed = parsePinHash(encoded)
  return parsed !== null && parsed.iterations >= MIN_PIN_ITERATIONS && parsed.salt.length >= MIN_SALT_BYTES && parsed.hash.length === HASH_BYTES
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits'])
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BYTES * 8))
}

export async function hashPin(pin: string, options: { iterations?: number; salt?: Uint8Array<ArrayBuffer> } = {}): Promise<string> {
  if (!PIN_PATTERN.test(pin)) throw new RangeError('the PIN must be 6 to 12 digits')
  const iterations = options.iterations ?? DEFAULT_PIN_ITERATIONS
  if (iterations < MIN_PIN_ITERATIONS) throw new RangeError(`at least ${MIN_PIN_ITERATIONS} iterations`)
  const salt = options.salt ?? crypto.getRandomValues(new Uint8Array(MIN_SALT_BYTES))
  return `pbkdf2-sha256$${iterations}$${toBase64(salt)}$${toBase64(await derive(pin, salt, iterations))}`
}

/** Same time whatever the first differing byte: the comparison does not tell how close a guess came. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return difference === 0
}

export async function verifyPin(pin: string, encoded: string): Promise<boolean> {
  if (!isPinHashStrong(encoded)) return false
  const parsed = parsePinHash(encoded)!
  // A wrong-format PIN still costs a full derivation, so timing says nothing about the format rule.
  const derived = await derive(pin, parsed.salt, parsed.iterations)
  return PIN_PATTERN.test(pin) && constantTimeEqual(derived, parsed.hash)
}

export type PinCheck = { ok: true } | { ok: false; reason: 'wrong'; attemptsLeft: number } | { ok: false; reason: 'locked'; retryAfterMs: number }

/** Free tries before a lockout; each lockout after that is twice as long, up to a quarter of an hour. */
export const PIN_FREE_ATTEMPTS = 5
const FIRST_LOCKOUT_MS = 30_000
const MAX_LOCKOUT_MS = 15 * 60_000

export function lockoutAfter(failures: number): number {
  if (failures < PIN_FREE_ATTEMPTS) return 0
  return Math.min(MAX_LOCKOUT_MS, FIRST_LOCKOUT_MS * 2 ** (failures - PIN_FREE_ATTEMPTS))
}

/**
 * Checks PINs against one hash with a lockout, in memory of whoever holds it (the main process in
 * Electron, so reloading the page does not reset the count). A right PIN clears the count.
 */
export function createPinChecker(options: { hash: () => string | undefined; now?: () => number }) {
  const now = options.now ?? (() => Date.now())
  let failures = 0
  let lockedUntil = 0
  let busy: Promise<unknown> = Promise.resolve()

  async function checkOne(pin: string): Promise<PinCheck> {
    const wait = lockedUntil - now()
    if (wait > 0) return { ok: false, reason: 'locked', retryAfterMs: wait }
    const hash = options.hash()
    if (hash && (await verifyPin(pin, hash))) {
      failures = 0
      return { ok: true }
    }
    failures += 1
    const lockout = lockoutAfter(failures)
    if (lockout > 0) {
      lockedUntil = now() + lockout
      return { ok: false, reason: 'locked', retryAfterMs: lockout }
    }
    return { ok: false, reason: 'wrong', attemptsLeft: PIN_FREE_ATTEMPTS - failures }
  }

  return {
    /** One check at a time: guesses fired in parallel cannot slip past the count. */
    check(pin: string): Promise<PinCheck> {
      const result = busy.then(() => checkOne(pin))
      busy = result.catch(() => undefined)
      return result
    },
  }
}
