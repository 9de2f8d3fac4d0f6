import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import { BUILTIN_CALENDAR, rectificationDue, reduceRequest, type RequestEvent, type ServiceRequest } from '../../../shared/index'
import { KioskDb } from '../../../renderer/db/kiosk-db'
import { LATEST_VERSION, declareVersions } from '../../../renderer/db/versions'
import { META, type RequestRow, type RequestRowV3, type RequestRowV4 } from '../../../renderer/db/rows'
import { searchWorklist, worklistPage } from '../../../renderer/db/worklist'
import { requestRow } from '../../../renderer/db/summary'
import { worklistKeys } from '../../../renderer/db/worklist-keys'
import { freshIdb, sampleRequest, submittedEvent } from './helpers'

const staff = { kind: 'staff' as const, id: 'clerk-1', name: '李四' }

const RATED_AT = '2026-11-30T03:00:00.000Z'

/**
 * The same history in every version: one open request, one closed and rated 非常不满意 (its 差评整改
 * task open); version 1 stored the bare intake.
 */
async function writeHistory(db: Dexie, rowOf: (intake: ServiceRequest, events: RequestEvent[]) => unknown) {
  const open = sampleRequest()
  const closed = sampleRequest()
  const ev = (requestId: string, type: string, at: string, extra: object = {}) =>
    ({ id: uuidv7(), requestId, at, author: staff, type, ...extra }) as RequestEvent
  const events = [
    submittedEvent(open),
    submittedEvent(closed),
    ev(closed.id, 'accepted', '2026-11-28T10:00:00.000Z'),
    ev(closed.id, 'resolved', '2026-11-29T10:00:00.000Z', { resolution: '已办结' }),
    ev(closed.id, 'closed', '2026-11-30T10:00:00+08:00'),
    { ...ev(closed.id, 'rated', RATED_AT, { level: 1, rectificationDue: rectificationDue(RATED_AT, BUILTIN_CALENDAR) }), author: { kind: 'visitor', id: closed.deviceId, name: '' } } as RequestEvent,
  ]
  await db.table('requests').bulkAdd([open, closed].map((r) => rowOf(r, events.filter((e) => e.requestId === r.id))))
  await db.table('events').bulkAdd(events)
  await db.table('outbox').add({ eventId: events[0]!.id, requestId: open.id, state: 'pending', attempts: 2, createdAt: 1 })
  await db.table('meta').bulkAdd([
    { key: META.cursor, value: 42 },
    { key: META.ticketSeq('2026-11-28'), value: 7 },
  ])
  return { open: open.id, closed: closed.id }
}

/** Rows as a kiosk running schema version N wrote them; one writer per earlier version. */
const writers: Record<number, (db: Dexie) => Promise<{ open: string; closed: string }>> = {
  1: (db) => writeHistory(db, (intake) => intake),
  // v2 rows carry the reducer's status and closure (v3 added a table and optional outbox fields only).
  2: (db) => writeHistory(db, v3Row),
  3: (db) => writeHistory(db, v3Row),
  4: (db) => writeHistory(db, v4Row),
}

/** A row as version 4 wrote it: the worklist summary without the rectification task or its keys. */
function v4Row(intake: ServiceRequest, events: RequestEvent[]): RequestRowV4 {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the field version 4 did not have
  const { rectification, ...row } = requestRow(intake, events)
  return { ...row, wl: worklistKeys(row) }
}

/** A row as versions 2 and 3 wrote it: the intake with the reducer's status and closure, no worklist fields. */
function v3Row(intake: ServiceRequest, events: RequestEvent[]): RequestRowV3 {
  const { id, ticketNo, createdAt, status, closedAt } = requestRow(intake, events)
  return { id, ticketNo, createdAt, intake, status, ...(closedAt ? { closedAt } : {}) }
}

describe('schema migrations', () => {
  it('has a row writer for every earlier version', () => {
    expect(Object.keys(writers).map(Number)).toEqual(Array.from({ length: LATEST_VERSION - 1 }, (_, i) => i + 1))
  })

  for (let version = 1; version < LATEST_VERSION; version++) {
    it(`upgrades a version ${version} database to version ${LATEST_VERSION} keeping every row`, async () => {
      const idb = freshIdb()
      const old = new Dexie('kiosk', idb)
      declareVersions(old, version)
      await old.open()
      const ids = await writers[version]!(old)
      old.close()

      const db = new KioskDb('kiosk', idb)
      await db.open()
      expect(db.verno).toBe(LATEST_VERSION)
      const rows = (await db.requests.toArray()) as RequestRow[]
      expect(rows).toHaveLength(2)
      for (const row of rows) {
        const events = await db.events.where('requestId').equals(row.id).toArray()
        expect(row.intake.id).toBe(row.id)
        expect(row.ticketNo).toBe(row.intake.ticketNo)
        expect(row.status).toBe(reduceRequest(events)?.status)
      }
      expect((await db.requests.get(ids.open))?.closedAt).toBeUndefined()
      expect((await db.requests.get(ids.closed))?.closedAt).toBe('2026-11-30T02:00:00.000Z')
      expect(await db.requests.where('status').equals('closed').count()).toBe(1)
      // v4: the worklist finds the open one by its due date, and search by ticket number.
      const open = await db.requests.get(ids.open)
      expect(open).toMatchObject({ open: 1, dueDate: open!.intake.dueDate, departments: ['hr-bureau'], domains: [], channel: 'kiosk' })
      const page = await worklistPage(db, { role: 'clerk', departmentId: 'service-center' }, { filter: { due: 'open' }, now: new Date('2026-11-28T02:00:00Z') })
      expect(page.rows.map((r) => r.id)).toEqual([ids.open])
      expect((await searchWorklist(db, { role: 'clerk', departmentId: 'service-center' }, open!.ticketNo.toLowerCase())).map((r) => r.id)).toEqual([ids.open])
      // v5: the low rating's task is on the row, and the worklist lists it by the task's due date.
      expect((await db.requests.get(ids.closed))?.rectification).toEqual({ departmentId: 'hr-bureau', dueDate: rectificationDue(RATED_AT, BUILTIN_CALENDAR).dueDate, open: 1 })
      const tasks = await worklistPage(db, { role: 'clerk', departmentId: 'service-center' }, { filter: { rectification: 'open' } })
      expect(tasks.rows.map((r) => r.id)).toEqual([ids.closed])
      expect(await db.events.count()).toBe(6)
      expect(await db.outbox.toArray()).toMatchObject([{ requestId: ids.open, state: 'pending', attempts: 2 }])
      expect((await db.meta.get(META.cursor))?.value).toBe(42)
      expect((await db.meta.get(META.ticketSeq('2026-11-28')))?.value).toBe(7)
      db.close()
    })
  }

  it('creates a fresh database at the latest version', async () => {
    const db = new KioskDb('kiosk', freshIdb())
    await db.open()
    expect(db.verno).toBe(LATEST_VERSION)
    expect(db.tables.map((t) => t.name).sort()).toEqual(['calendar', 'catalogs', 'events', 'meta', 'outbox', 'requests', 'staff', 'tracks'])
    db.close()
  })
})
