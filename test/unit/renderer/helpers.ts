import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { v7 as uuidv7 } from 'uuid'
import type { RequestEvent, ServiceRequest } from '../../../shared/index'
import { KioskDb, type IdbDeps } from '../../../renderer/db/kiosk-db'
import { requestRow } from '../../../renderer/db/summary'

/** A private IndexedDB per test, so tests never see each other's rows. */
export function freshIdb(): IdbDeps {
  return { indexedDB: new IDBFactory(), IDBKeyRange }
}

export function freshDb(name = 'kiosk', deps = freshIdb()): KioskDb {
  return new KioskDb(name, deps)
}

let ticketSeq = 0

/** A well-formed intake record, as submit would have built it. */
export function sampleRequest(overrides: Partial<ServiceRequest> = {}): ServiceRequest {
  ticketSeq++
  return {
    id: uuidv7(),
    ticketNo: `HZ01-K01-20261128-${String(ticketSeq).padStart(4, '0')}`,
    centerId: 'center-hz01',
    deviceId: 'device-1',
    channel: 'kiosk',
    kind: 'application',
    catalogVersion: '2026.11.01',
    itemIds: ['talent-recognition'],
    enterprise: { uscc: '91330100MA27XL0Q3X', name: '杭州示例科技有限公司' },
    contact: { name: '王小明', mobile: '13800138000' },
    answers: {},
    materials: {},
    locale: 'zh-CN',
    consentAt: '2026-11-28T09:00:00.000Z',
    createdAt: '2026-11-28T09:01:00.000Z',
    dueDate: '2026-12-10',
    dueDateProvisional: false,
    departmentIds: ['hr-bureau'],
    ...overrides,
  }
}

export function submittedEvent(request: ServiceRequest): RequestEvent {
  return {
    id: uuidv7(),
    requestId: request.id,
    at: request.createdAt,
    author: { kind: 'visitor', id: request.deviceId, name: request.contact.name },
    type: 'submitted',
    request,
  }
}

/** Put `n` requests with their submitted events and outbox rows straight into the database. */
export async function queueRequests(db: KioskDb, n: number, at = Date.now()): Promise<ServiceRequest[]> {
  const requests = Array.from({ length: n }, () => sampleRequest())
  const events = requests.map(submittedEvent)
  await db.transaction('rw', [db.requests, db.events, db.outbox], async () => {
    await db.requests.bulkAdd(requests.map((r, i) => requestRow(r, [events[i]!])))
    await db.events.bulkAdd(events)
    await db.outbox.bulkAdd(
      events.map((e, i) => ({ eventId: e.id, requestId: e.requestId, state: 'pending' as const, attempts: 0, createdAt: at + i })),
    )
  })
  return requests
}
