import { describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import type { RequestEvent } from '../../../shared/index'
import { appendEvent } from '../../../renderer/db/append'
import { purgeExpired, purgeIfDue } from '../../../renderer/db/retention'
import type { KioskDb } from '../../../renderer/db/kiosk-db'
import { freshDb, queueRequests } from './helpers'

const staff = { kind: 'staff' as const, id: 'clerk-1', name: '李四' }

async function closeRequest(db: KioskDb, requestId: string, closedAt: string, finalType: 'closed' | 'withdrawn' = 'closed') {
  const steps: Array<Record<string, unknown>> =
    finalType === 'closed'
      ? [{ type: 'accepted' }, { type: 'resolved', resolution: '已办结' }, { type: 'closed' }]
      : [{ type: 'withdrawn', reason: '企业自行撤回' }]
  for (const step of steps) {
    await appendEvent(db, { id: uuidv7(), requestId, at: closedAt, author: staff, ...step } as RequestEvent)
  }
}

/** Pretend the platform has everything: clear the outbox. */
const syncAll = (db: KioskDb) => db.outbox.clear()

describe('retention', () => {
  const now = new Date('2027-06-30T00:00:00.000Z')

  it('purges final, fully synced requests older than the retention period, with their events', async () => {
    const db = freshDb()
    const [old, recent, open, withdrawn, unsynced] = await queueRequests(db, 5)
    await closeRequest(db, old!.id, '2026-12-01T00:00:00.000Z')
    await closeRequest(db, recent!.id, '2027-06-01T00:00:00.000Z')
    await closeRequest(db, withdrawn!.id, '2026-12-01T00:00:00.000Z', 'withdrawn')
    await syncAll(db)
    await closeRequest(db, unsynced!.id, '2026-12-01T00:00:00.000Z')

    expect(await purgeExpired(db, { days: 180, now })).toBe(2)
    const left = (await db.requests.toArray()).map((r) => r.id).sort()
    expect(left).toEqual([recent!.id, open!.id, unsynced!.id].sort())
    expect(await db.events.where('requestId').anyOf([old!.id, withdrawn!.id]).count()).toBe(0)
    expect(await db.events.where('requestId').equals(unsynced!.id).count()).toBe(4)
  })

  it('keeps everything within the retention period and runs at most once a day', async () => {
    const db = freshDb()
    const [req] = await queueRequests(db, 1)
    await closeRequest(db, req!.id, '2027-01-15T00:00:00.000Z')
    await syncAll(db)
    expect(await purgeIfDue(db, { days: 180, now })).toBe(0)
    expect(await db.requests.count()).toBe(1)
    const later = new Date('2027-07-20T00:00:00.000Z')
    // An hour later nothing runs, even with a retention period that would purge it.
    expect(await purgeIfDue(db, { days: 1, now: new Date(now.getTime() + 3_600_000) })).toBe(0)
    expect(await purgeIfDue(db, { days: 180, now: later })).toBe(1)
    expect(await db.requests.count()).toBe(0)
  })
})
