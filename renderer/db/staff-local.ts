import Dexie, { type Table } from 'dexie'
import type { Locale } from '../../shared/index'
import type { IdbDeps } from './kiosk-db'

/**
 * What staff leave on this device and nowhere else: wrong-PIN counts (so a reload does not reset a
 * lockout) and assisted-intake drafts (so a clerk can resume a visitor's form; purged after a day).
 * A database of its own, apart from the kiosk's synced data and its schema versions.
 */
export const STAFF_DB_NAME = 'kiosk-staff'

/** Wrong PINs in a row for one staff number on this device, and until when it is locked. */
export interface PinAttemptRow {
  staffId: string
  failures: number
  /** Epoch ms; 0 when not locked. */
  lockedUntil: number
}

/** A clerk's unfinished assisted intake: the visit as the visitor flow holds it. */
export interface IntakeDraftRow {
  id: string
  staffId: string
  /** Epoch ms of the last save; drafts older than DRAFT_MAX_AGE_MS are purged. */
  savedAt: number
  /** What the list shows: the enterprise's name, or the chosen service, or nothing yet. */
  title: string
  locale: Locale
  /** The visit store's snapshot (VisitSnapshot), kept as plain JSON. */
  snapshot: unknown
}

export class StaffLocalDb extends Dexie {
  attempts!: Table<PinAttemptRow, string>
  drafts!: Table<IntakeDraftRow, string>

  constructor(name = STAFF_DB_NAME, deps?: IdbDeps) {
    super(name, { chromeTransactionDurability: 'strict', ...deps })
    this.version(1).stores({ attempts: 'staffId', drafts: 'id, staffId, savedAt' })
  }
}

let db: StaffLocalDb | undefined

/** The renderer's one connection to the staff database. */
export function getStaffLocalDb(): StaffLocalDb {
  db ??= new StaffLocalDb()
  return db
}

/** Five wrong PINs in a row lock that staff number on this device for five minutes. */
export const PIN_LOCKOUT = { attempts: 5, lockMs: 5 * 60_000 } as const

/** Drafts hold a visitor's personal data: gone a day after their last save, finished or not. */
export const DRAFT_MAX_AGE_MS = 24 * 3_600_000

/** Staff numbers are matched without regard to case: the keypad types capitals. */
export function staffKey(staffId: string): string {
  return staffId.trim().toLowerCase()
}

/** Milliseconds this staff number stays locked, 0 when it is not. */
export async function lockRemaining(db: StaffLocalDb, staffId: string, now: number): Promise<number> {
  const row = await db.attempts.get(staffKey(staffId))
  return row ? Math.max(0, row.lockedUntil - now) : 0
}

/**
 * Count one wrong PIN. The fifth locks the staff number; once a lock has run out the count starts
 * again. Returns the tries left before a lock (0 when this one locked it).
 */
export async function recordWrongPin(db: StaffLocalDb, staffId: string, now: number): Promise<{ attemptsLeft: number; lockedForMs: number }> {
  const key = staffKey(staffId)
  return db.transaction('rw', db.attempts, async () => {
    const row = await db.attempts.get(key)
    const expired = row !== undefined && row.lockedUntil > 0 && row.lockedUntil <= now
    const failures = (expired || !row ? 0 : row.failures) + 1
    const locked = failures >= PIN_LOCKOUT.attempts
    await db.attempts.put({ staffId: key, failures: locked ? 0 : failures, lockedUntil: locked ? now + PIN_LOCKOUT.lockMs : 0 })
    return { attemptsLeft: locked ? 0 : PIN_LOCKOUT.attempts - failures, lockedForMs: locked ? PIN_LOCKOUT.lockMs : 0 }
  })
}

export async function clearWrongPins(db: StaffLocalDb, staffId: string): Promise<void> {
  await db.attempts.delete(staffKey(staffId))
}

export async function saveIntakeDraft(db: StaffLocalDb, row: IntakeDraftRow): Promise<void> {
  await db.drafts.put(JSON.parse(JSON.stringify(row)) as IntakeDraftRow)
}

/** This person's drafts still within their day, newest first. */
export async function listIntakeDrafts(db: StaffLocalDb, staffId: string, now: number): Promise<IntakeDraftRow[]> {
  const rows = await db.drafts.where('staffId').equals(staffId).toArray()
  return rows.filter((r) => now - r.savedAt < DRAFT_MAX_AGE_MS).sort((a, b) => b.savedAt - a.savedAt)
}

export async function deleteIntakeDraft(db: StaffLocalDb, id: string): Promise<void> {
  await db.drafts.delete(id)
}

/** Delete every draft saved a day or more ago; returns how many went. */
export function purgeIntakeDrafts(db: StaffLocalDb, now: number): Promise<number> {
  return db.drafts.where('savedAt').belowOrEqual(now - DRAFT_MAX_AGE_MS).delete()
}
