import type { KioskDb } from '../../../renderer/db/kiosk-db'
import type { BenchEnrollment } from '../intake'
import { measureSubmit } from './kiosk'

/** What a measure over the seeded database gets: the kiosk's Dexie database holding 100,000 requests. */
export interface SeededContext {
  db: KioskDb
  enrollment: BenchEnrollment
}

/** A browser-side figure: runs in the bench page in Chromium, returns named figures ("metric": number). */
export interface BrowserMeasure {
  name: string
  run(ctx: SeededContext): Promise<Record<string, number>>
}

/**
 * Every measure over the seeded database, in order. A new one is one more entry here (e.g. the
 * worklist's `measureWorklist(db)` from ./worklist.ts); the runner prints and saves what each returns.
 */
export const SEEDED_MEASURES: BrowserMeasure[] = [
  { name: 'submit', run: async ({ db, enrollment }) => ({ ...(await measureSubmit(db, enrollment, 200)) }) },
]
