// The bench page: the kiosk's renderer code (Dexie database, submit, sync client) in Chromium,
// driven by test/bench/run.ts through `window.bench`.
import type { Enrollment } from '../../../shared/index'
import type { BenchEnrollment } from '../intake'
import { freshDb, measurePull, measurePush, seedRequests } from './kiosk'
import { SEEDED_MEASURES } from './measures'

export interface BenchPage {
  /** Seeds `count` requests, then runs every seeded measure; figures by name, and seconds per step. */
  seeded(count: number, enrollment: BenchEnrollment): Promise<{ figures: Record<string, number>; seconds: Record<string, number> }>
  push(enrollment: Enrollment, count: number): Promise<number>
  pull(enrollment: Enrollment, expected: number): Promise<number>
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
    db.close()
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
}

;(globalThis as unknown as { bench: BenchPage }).bench = bench
document.title = 'bench ready'
