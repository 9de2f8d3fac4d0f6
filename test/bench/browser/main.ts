// The bench page: the kiosk's renderer code (Dexie database, submit, sync client) in Chromium,
// driven by test/bench/run.ts through `window.bench`.
import type { Enrollment } from '../../../shared/index'
import type { BenchEnrollment } from '../intake'
import { freshDb, measurePull, measurePush, seedRequests } from './kiosk'
import { SEEDED_MEASURES } from './measures'
import { measureWorklist, seedWorklist } from './worklist'

export interface BenchPage {
  /** Seeds `count` requests, then runs every seeded measure; figures by name, and seconds per step. */
  seeded(count: number, enrollment: BenchEnrollment): Promise<{ figures: Record<string, number>; seconds: Record<string, number> }>
  push(enrollment: Enrollment, count: number): Promise<number>
  pull(enrollment: Enrollment, expected: number): Promise<number>
  /** The worklist's own database (due dates spread around the bench's "now"), seeded, then timed. */
  worklist(count: number): Promise<{ figures: Record<string, number>; seconds: number }>
}

const bench: BenchPage = {
  async seeded(count, enrollment) {
    const db = await freshDb('bench-seeded')
    const seconds: Record<string, number> = {}
    let t = performance.now()
    await seedRequests(db, count, enrollment)
    seconds.seed = (performance.now() - t) / 1000
    const figures: Record<string, number> = {}
    for (const measure of SEEDED_MEASURES) {
      t = performance.now()
      Object.assign(figures, await measure.run({ db, enrollment }))
      seconds[measure.name] = (performance.now() - t) / 1000
    }
    // Gone, not only closed: the worklist's 100,000 requests come next in the same origin's quota.
    await db.delete()
    return { figures, seconds }
  },
  async push(enrollment, count) {
    const db = await freshDb('bench-push')
    try {
      return await measurePush(db, enrollment, count)
    } finally {
      db.close()
    }
  },
  async pull(enrollment, expected) {
    const db = await freshDb(`bench-pull-${enrollment.mode ?? 'visitor'}`)
    try {
      return await measurePull(db, enrollment, expected)
    } finally {
      db.close()
    }
  },
  async worklist(count) {
    const db = await freshDb('bench-worklist')
    try {
      const t = performance.now()
      await seedWorklist(db, count)
      const seconds = (performance.now() - t) / 1000
      return { figures: await measureWorklist(db), seconds }
    } finally {
      await db.delete()
    }
  },
}

;(globalThis as unknown as { bench: BenchPage }).bench = bench
document.title = 'bench ready'
