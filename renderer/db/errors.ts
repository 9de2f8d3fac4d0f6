import type { Refusal } from '../../shared/authority'
import type { LocalizedText } from '../../shared/i18n-text'
import type { IntakeError } from '../../shared/intake'

/** Why a submit did not save. The visitor is never told "saved" unless submit resolved. */
export type SubmitErrorCode = 'invalid' | 'quota' | 'notEnrolled' | 'storage'

/** One field the intake rules refused, as shared/intake reports it. */
export type SubmitFieldError = IntakeError

export class SubmitError extends Error {
  override readonly name = 'SubmitError'
  constructor(
    readonly code: SubmitErrorCode,
    readonly errors: SubmitFieldError[] = [],
    options?: { cause?: unknown },
  ) {
    super(`submit failed: ${code}`, options)
  }
}

/** A staff action that may not follow the request's current status (shared canApply said no). */
export class EventConflictError extends Error {
  override readonly name = 'EventConflictError'
  constructor(
    readonly eventId: string,
    readonly eventType: string,
    /** The reducer's reason (shared `refusalOf`), in both languages. */
    readonly text: LocalizedText = { zh: '该操作与办件当前状态不符', en: 'This step does not fit the request\'s current status' },
  ) {
    super(`event ${eventType} cannot apply to the request in its current status: ${text.en}`)
  }
}

/**
 * The shared rules refuse this event from this device: its author may not record it here
 * (`forbidden`), or its time is off (`backdated`, `clock_ahead`, `too_old`). Nothing was stored.
 */
export class EventRefusedError extends Error {
  override readonly name = 'EventRefusedError'
  constructor(
    readonly eventId: string,
    readonly eventType: string,
    readonly refusal: Refusal,
  ) {
    super(refusal.reason)
  }
}

/**
 * IndexedDB reports a full disk as QuotaExceededError, but by the time it reaches us it may be
 * wrapped: Dexie turns a transaction that aborted because of it into an AbortError whose `inner`
 * is the quota error, and a rethrow may put it in `cause`.
 */
export function isQuotaError(error: unknown): boolean {
  let e: unknown = error
  for (let depth = 0; depth < 6 && e && typeof e === 'object'; depth++) {
    const { name, inner, cause } = e as { name?: unknown; inner?: unknown; cause?: unknown }
    if (name === 'QuotaExceededError') return true
    e = inner ?? cause
  }
  return false
}
