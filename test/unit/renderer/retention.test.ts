import { describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import type { RequestEvent } from '../../../shared/index'
import { purgeExpired, purgeIfDue, VISITOR_KIOSK_PERSONAL_DATA_HOURS } from '../../../renderer/db/retention'
import type { KioskDb } from '../../../renderer/db/kiosk-db'
import { requestRow } from '../../../renderer/db/summary'
import { freshDb, queueRequests, sampleRequest, submittedEvent } from './helpers'

const staff = { kind: 'staff' as const, id: 'clerk-1', name: '李四' }
const HOUR = 3_600_000

/** Requests as the kiosk would hold them, created at these instants, with their submitted events. */
async function held(db: KioskDb, createdAt: string[], deviceId = 'device-1') {
  const requests = createdAt.map((at) => sampleRequest({ createdAt: at, consentAt: at, deviceId, checkCode: 'K7M2QX' }))
  const events = requests.map(submittedEvent)
  await db.requests.bulkAdd(requests.map((r, i) => requestRow(r, [events[i]!])))
  await db.events.bulkAdd(events)
  return requests
}

async function close(db: KioskDb, requestId: string, at: string) {
  const steps = [{ type: 'accepted' }, { type: 'resolved', resolution: '已办结' }, { type: 'closed' }]
  const events = steps.map((step) => ({ id: uuidv7(), requestId, at, author: staff, ...step }) as RequestEvent)
  await db.events.bulkAdd(events)
  const row = (await db.requests.get(requestId))!
  await db.requests.put(requestRow(row.intake, await db.events.where('requestId').equals(requestId).toArray()))
}

describe('retention', () => {
  const now = new Date('2027-06-30T00:00:00.000Z')
  const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * HOUR).toISOString()

  it('purges by age whatever the status, never what still waits to be sent', async () => {
    const db = freshDb()
    const [oldOpen, oldClosed, recent] = await held(db, [daysAgo(200), daysAgo(200), daysAgo(10)])
    await close(db, oldClosed!.id, daysAgo(190))
    const [unsent] = await queueRequests(db, 1)
    await db.requests.update(unsent!.id, { createdAt: daysAgo(300) })
    await db.tracks.bulkPut([
      { ticketNo: 'HZ01-K02-20261201-0001', requestId: uuidv7(), createdAt: daysAgo(181), view: {} as never, receivedAt: daysAgo(1) },
      { ticketNo: 'HZ01-K02-20270601-0001', requestId: uuidv7(), createdAt: daysAgo(29), view: {} as never, receivedAt: daysAgo(1) },
    ])

    const purged = await purgeExpired(db, { days: 180, now, mode: 'counter' })
    expect(purged).toEqual({ requests: 2, tracks: 1, redacted: 0 })
    expect((await db.requests.toArray()).map((r) => r.id).sort()).toEqual([recent!.id, unsent!.id].sort())
    expect(await db.events.where('requestId').anyOf([oldOpen!.id, oldClosed!.id]).count()).toBe(0)
    expect(await db.tracks.count()).toBe(1)
  })

  it(`on a lobby kiosk, drops the personal data of its synced intakes after ${VISITOR_KIOSK_PERSONAL_DATA_HOURS} hours, keeping their public state`, async () => {
    const db = freshDb()
    const hours = (n: number) => new Date(now.getTime() - n * HOUR).toISOString()
    const [old, fresh] = await held(db, [hours(VISITOR_KIOSK_PERSONAL_DATA_HOURS + 1), hours(2)])
    const [foreign] = await held(db, [hours(1)], 'device-other')

    const purged = await purgeExpired(db, { days: 180, now, mode: 'visitor', deviceId: 'device-1' })
    expect(purged).toMatchObject({ redacted: 2 })
    expect((await db.requests.toArray()).map((r) => r.id)).toEqual([fresh!.id])
    expect(await db.events.where('requestId').anyOf([old!.id, foreign!.id]).count()).toBe(0)
    const kept = await db.tracks.get(old!.ticketNo)
    expect(kept).toMatchObject({ requestId: old!.id, checkCode: 'K7M2QX', view: { ticketNo: old!.ticketNo, status: 'submitted' } })
    expect(JSON.stringify(await db.tracks.toArray())).not.toContain(old!.contact.name)
  })

  it('keeps an intake whole while it waits to be sent or was refused, on a lobby kiosk too', async () => {
    const db = freshDb()
    const [waiting] = await queueRequests(db, 1)
    await db.requests.update(waiting!.id, { createdAt: new Date(now.getTime() - 100 * HOUR).toISOString() })
    const [refused] = await held(db, [new Date(now.getTime() - 100 * HOUR).toISOString()])
    await db.outbox.add({ eventId: uuidv7(), requestId: refused!.id, state: 'rejected', reason: 'x', attempts: 1, createdAt: 1 })
    expect(await purgeExpired(db, { days: 180, now, mode: 'visitor', deviceId: 'device-1' })).toMatchObject({ redacted: 0 })
    expect(await db.requests.count()).toBe(2)
  })

  it('runs at most once an hour', async () => {
    const db = freshDb()
    await held(db, [daysAgo(170)])
    expect(await purgeIfDue(db, { days: 180, now, mode: 'counter' })).toMatchObject({ requests: 0 })
    // Half an hour later nothing runs, even with a retention period that would purge it.
    expect(await purgeIfDue(db, { days: 1, now: new Date(now.getTime() + HOUR / 2), mode: 'counter' })).toBeUndefined()
    expect(await purgeIfDue(db, { days: 1, now: new Date(now.getTime() + 2 * HOUR), mode: 'counter' })).toMatchObject({ requests: 1 })
    expect(await db.requests.count()).toBe(0)
  })
})
