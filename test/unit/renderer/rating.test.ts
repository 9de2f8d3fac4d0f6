import { describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import { BUILTIN_CATALOG } from '../../../shared/catalog/index'
import { BUILTIN_CALENDAR } from '../../../shared/calendar/index'
import { publicView, reduceRequest, type PublicView, type RequestEvent } from '../../../shared/index'
import { EventConflictError } from '../../../renderer/db/errors'
import { recordRating } from '../../../renderer/db/rating'
import { trackLocally } from '../../../renderer/db/track'
import type { KioskDb } from '../../../renderer/db/index'
import { freshDb, sampleRequest, submittedEvent } from './helpers'

const NOW = new Date('2026-12-01T02:00:00.000Z')
const lobby = { kind: 'device' as const, centerId: 'center-hz01', deviceId: 'device-k02', mode: 'visitor' as const }
const ctx = { credential: lobby, departments: BUILTIN_CATALOG.departments.map((d) => d.id), calendar: BUILTIN_CALENDAR, now: NOW }
const catalog = BUILTIN_CATALOG
const staff = { kind: 'staff' as const, id: 'lead-1', name: '周建华' }

/** A request another kiosk took, resolved by the department, as the platform's track record tells a lobby kiosk. */
async function pulledTrack(db: KioskDb, resolved = true): Promise<{ ticketNo: string; checkCode: string; requestId: string; view: PublicView }> {
  const request = sampleRequest({ checkCode: 'ABC234', deviceId: 'device-k01' })
  const events: RequestEvent[] = [
    submittedEvent(request),
    { id: uuidv7(), requestId: request.id, at: '2026-11-28T10:00:00.000Z', author: staff, type: 'accepted' },
  ]
  if (resolved) events.push({ id: uuidv7(), requestId: request.id, at: '2026-11-30T02:00:00.000Z', author: staff, type: 'resolved', resolution: '已办结' })
  const view = publicView(reduceRequest(events)!, catalog)
  await db.tracks.put({ requestId: request.id, createdAt: request.createdAt, checkCode: 'ABC234', view, ticketNo: request.ticketNo, receivedAt: NOW.toISOString() })
  return { ticketNo: request.ticketNo, checkCode: 'ABC234', requestId: request.id, view }
}

describe('a rating at a lobby kiosk that holds only the public state', () => {
  it('is saved with its outbox entry, opens a rectification when low, and shows at once when tracking', async () => {
    const db = freshDb()
    const { ticketNo, requestId } = await pulledTrack(db)
    const event = await recordRating(db, { ticketNo: ticketNo.toLowerCase(), checkCode: 'abc234', level: 1, comment: ' 跑了三趟 ', reasons: ['runaround', 'runaround'] }, ctx)
    expect(event).toMatchObject({
      type: 'rated',
      requestId,
      level: 1,
      comment: '跑了三趟',
      reasons: ['runaround'],
      author: { kind: 'visitor', id: 'device-k02', name: '' },
      // Tuesday 1 December 2026 + 15 working days.
      rectificationDue: { dueDate: '2026-12-22', provisional: false },
    })
    expect(await db.outbox.get(event.id)).toMatchObject({ state: 'pending', requestId })
    const view = await trackLocally(db, ticketNo, 'ABC234', catalog)
    expect(view?.rating).toEqual({ level: 1 })
    expect(view?.rectification).toEqual({ dueDate: '2026-12-22', provisional: false })
    expect(view?.timeline.at(-1)).toEqual({ type: 'rated', at: NOW.toISOString() })
  })

  it('takes one rating per request, and none before the request is resolved', async () => {
    const db = freshDb()
    const { ticketNo } = await pulledTrack(db)
    await recordRating(db, { ticketNo, checkCode: 'ABC234', level: 5 }, ctx)
    await expect(recordRating(db, { ticketNo, checkCode: 'ABC234', level: 4 }, ctx)).rejects.toBeInstanceOf(EventConflictError)
    const open = await pulledTrack(db, false)
    await expect(recordRating(db, { ticketNo: open.ticketNo, checkCode: 'ABC234', level: 5 }, ctx)).rejects.toBeInstanceOf(EventConflictError)
    expect(await db.outbox.count()).toBe(1)
  })

  it('refuses a rating the platform already has, and a wrong check code', async () => {
    const db = freshDb()
    const { ticketNo, view } = await pulledTrack(db)
    await db.tracks.update(ticketNo, { view: { ...view, rating: { level: 3 } } })
    await expect(recordRating(db, { ticketNo, checkCode: 'ABC234', level: 5 }, ctx)).rejects.toBeInstanceOf(EventConflictError)
    await expect(recordRating(db, { ticketNo, checkCode: 'ABC235', level: 5 }, ctx)).rejects.toThrow(/no request/)
    expect(await db.events.count()).toBe(0)
  })
})

describe('a rating of a lobby kiosk’s own intake, resolved on the platform', () => {
  it('follows the public state the platform sent, as its events stop at submit here', async () => {
    const db = freshDb()
    const { ticketNo, requestId } = await pulledTrack(db)
    const request = (await db.tracks.get(ticketNo))!
    const intake = sampleRequest({ id: requestId, ticketNo, checkCode: 'ABC234', deviceId: 'device-k02' })
    const { requestRow } = await import('../../../renderer/db/summary')
    await db.requests.add(requestRow(intake, [submittedEvent(intake)]))
    await db.events.add(submittedEvent(intake))
    expect(request.view.status).toBe('resolved')
    await recordRating(db, { ticketNo, checkCode: 'ABC234', level: 2 }, ctx)
    const view = await trackLocally(db, ticketNo, 'ABC234', catalog)
    expect(view?.rating).toEqual({ level: 2 })
    expect(view?.rectification?.dueDate).toBe('2026-12-22')
    await expect(recordRating(db, { ticketNo, checkCode: 'ABC234', level: 5 }, ctx)).rejects.toBeInstanceOf(EventConflictError)
  })
})

describe('a rating of a request this kiosk holds', () => {
  it('goes through its events and the shared reducer', async () => {
    const db = freshDb()
    const request = sampleRequest({ checkCode: 'XYZ789', deviceId: 'device-k02' })
    const events: RequestEvent[] = [
      submittedEvent(request),
      { id: uuidv7(), requestId: request.id, at: '2026-11-28T10:00:00.000Z', author: staff, type: 'accepted' },
      { id: uuidv7(), requestId: request.id, at: '2026-11-30T02:00:00.000Z', author: staff, type: 'resolved', resolution: '已办结' },
    ]
    const { requestRow } = await import('../../../renderer/db/summary')
    await db.requests.add(requestRow(request, events))
    await db.events.bulkAdd(events)
    await recordRating(db, { ticketNo: request.ticketNo, checkCode: 'XYZ789', level: 2 }, ctx)
    const state = reduceRequest(await db.events.where('requestId').equals(request.id).toArray())!
    expect(state.rating?.level).toBe(2)
    expect(state.rectification).toMatchObject({ departmentId: 'hr-bureau', dueDate: '2026-12-22' })
    await expect(recordRating(db, { ticketNo: request.ticketNo, checkCode: 'XYZ789', level: 5 }, ctx)).rejects.toBeInstanceOf(EventConflictError)
    const view = await trackLocally(db, request.ticketNo, 'XYZ789', catalog)
    expect(view?.rectification?.dueDate).toBe('2026-12-22')
  })
})

describe('the rectification at the counter', () => {
  it('is answered only by the lead of its department, through the handling actions', async () => {
    const { offeredActions, recordHandling, HandlingError } = await import('../../../renderer/db/handling')
    const { requestRow } = await import('../../../renderer/db/summary')
    const db = freshDb()
    const hrLead = { id: 'l1', name: '王四', departmentId: 'hrss', role: 'lead' as const }
    const taxLead = { id: 'l2', name: '郑三', departmentId: 'tax', role: 'lead' as const }
    const hrHandler = { id: 'h1', name: '吴二', departmentId: 'hrss', role: 'handler' as const }
    await db.staff.bulkPut([hrLead, taxLead, hrHandler])
    const request = sampleRequest({ checkCode: 'XYZ789', departmentIds: ['hrss'] })
    const events: RequestEvent[] = [
      submittedEvent(request),
      { id: uuidv7(), requestId: request.id, at: '2026-11-28T10:00:00.000Z', author: staff, type: 'accepted' },
      { id: uuidv7(), requestId: request.id, at: '2026-11-30T02:00:00.000Z', author: staff, type: 'resolved', resolution: '已办结' },
    ]
    await db.requests.add(requestRow(request, events))
    await db.events.bulkAdd(events)
    const counter = { credential: { ...lobby, mode: 'counter' as const }, departments: ['hrss', 'tax', 'service-center'] }
    await recordRating(db, { ticketNo: request.ticketNo, checkCode: 'XYZ789', level: 1, comment: '没人理' }, { ...ctx, ...counter })
    const state = reduceRequest(await db.events.where('requestId').equals(request.id).toArray())!
    const when = { ...counter, now: new Date('2026-12-02T02:00:00.000Z') }
    expect(offeredActions(hrLead, state, when)).toContain('rectified')
    expect(offeredActions(taxLead, state, when)).not.toContain('rectified')
    expect(offeredActions(hrHandler, state, when)).not.toContain('rectified')
    await expect(recordHandling(db, hrHandler, request.id, { type: 'rectified', response: '已整改' }, when)).rejects.toBeInstanceOf(HandlingError)
    const after = await recordHandling(db, hrLead, request.id, { type: 'rectified', response: '已约谈，向企业致歉' }, when)
    expect(after.rectification?.closed).toMatchObject({ response: '已约谈，向企业致歉', authorName: '王四' })
    expect(offeredActions(hrLead, after, when)).not.toContain('rectified')
    expect((await trackLocally(db, request.ticketNo, 'XYZ789', catalog))?.rectification?.response).toBe('已约谈，向企业致歉')
  })
})

describe('retention', () => {
  it('deletes a lobby kiosk’s rating of a request it followed by its public state, with that state', async () => {
    const { purgeExpired } = await import('../../../renderer/db/retention')
    const db = freshDb()
    const { ticketNo, requestId } = await pulledTrack(db)
    const event = await recordRating(db, { ticketNo, checkCode: 'ABC234', level: 4, comment: '很好' }, ctx)
    await db.outbox.delete(event.id)
    await purgeExpired(db, { days: 30, mode: 'visitor', now: new Date('2027-06-01T00:00:00.000Z') })
    expect(await db.tracks.count()).toBe(0)
    expect(await db.events.where('requestId').equals(requestId).count()).toBe(0)
  })
})
