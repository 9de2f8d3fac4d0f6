import { describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import { BUILTIN_CATALOG } from '../../../shared/catalog/index'
import { reduceRequest, type RequestEvent } from '../../../shared/index'
import { submitRequest } from '../../../renderer/db/submit'
import { appendEvent } from '../../../renderer/db/append'
import { EventConflictError, EventRefusedError, SubmitError, isQuotaError } from '../../../renderer/db/errors'
import { META, type KioskDb } from '../../../renderer/db/index'
import { ENROLLMENT, appealDraft, consultationDraft } from './drafts'
import { freshDb } from './helpers'

const ctx = (now = new Date('2026-11-28T02:00:00.000Z')) => ({ enrollment: ENROLLMENT, catalog: BUILTIN_CATALOG, now })

async function counts(db: KioskDb) {
  return { requests: await db.requests.count(), events: await db.events.count(), outbox: await db.outbox.count() }
}

describe('submit', () => {
  it('commits the request, its submitted event, its outbox entry and the ticket sequence together', async () => {
    const db = freshDb()
    const request = await submitRequest(db, consultationDraft(), ctx())
    expect(request.ticketNo).toBe('HZ01-K01-20261128-0001')
    expect(request.departmentIds).toEqual(['justice'])
    expect(await counts(db)).toEqual({ requests: 1, events: 1, outbox: 1 })
    const [event] = await db.events.toArray()
    expect(event).toMatchObject({ type: 'submitted', requestId: request.id, request: { ticketNo: request.ticketNo } })
    expect(await db.outbox.get(event!.id)).toMatchObject({ state: 'pending', requestId: request.id, attempts: 0 })
    expect((await db.meta.get(META.ticketSeq('2026-11-28')))?.value).toBe(1)
    expect(await db.requests.get(request.id)).toMatchObject({ status: 'submitted', intake: { id: request.id } })
  })

  it('makes a check code for the receipt, and names the visitor only in the intake', async () => {
    const db = freshDb()
    const codes = new Set<string>()
    for (let i = 0; i < 20; i++) codes.add((await submitRequest(db, appealDraft(i), ctx())).checkCode!)
    expect([...codes].every((c) => /^[A-HJ-NP-Z2-9]{6}$/.test(c))).toBe(true)
    expect(codes.size).toBe(20)
    const [event] = await db.events.toArray()
    expect(event!.author).toEqual({ kind: 'visitor', id: ENROLLMENT.deviceId, name: '' })
  })

  it('refuses text with a control character or a broken character, naming the field in both languages', async () => {
    const db = freshDb()
    const draft = appealDraft()
    draft.appeal!.description = '资金\u0000未到'
    draft.contact.name = '王\ud83d'
    const error = (await submitRequest(db, draft, ctx()).catch((e: unknown) => e)) as SubmitError
    expect(error.code).toBe('invalid')
    expect(error.errors.map((e) => e.field).sort()).toEqual(['appeal.description', 'contact.name'])
    expect(error.errors.find((e) => e.field === 'contact.name')?.message).toContain('联系人姓名')
    expect(await counts(db)).toEqual({ requests: 0, events: 0, outbox: 0 })
  })

  it('numbers tickets by the China-time day and never repeats a number, even when submits race', async () => {
    const db = freshDb()
    const tickets = await Promise.all(Array.from({ length: 40 }, (_, i) => submitRequest(db, appealDraft(i), ctx())))
    const numbers = tickets.map((r) => r.ticketNo)
    expect(new Set(numbers).size).toBe(40)
    expect(numbers.map((t) => Number(t.slice(-4))).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    // 2026-11-28T17:00Z is already the 29th in China: a new day starts again at 0001.
    const nextDay = await submitRequest(db, appealDraft(), ctx(new Date('2026-11-28T17:00:00.000Z')))
    expect(nextDay.ticketNo).toBe('HZ01-K01-20261129-0001')
    const again = await submitRequest(db, appealDraft(), ctx())
    expect(again.ticketNo).toBe('HZ01-K01-20261128-0041')
  })

  it('writes nothing when the transaction fails midway, and does not use up a ticket number', async () => {
    const db = freshDb()
    const failing = () => {
      throw new Error('disk went away')
    }
    db.outbox.hook('creating', failing)
    await expect(submitRequest(db, appealDraft(), ctx())).rejects.toMatchObject({ code: 'storage' })
    expect(await counts(db)).toEqual({ requests: 0, events: 0, outbox: 0 })
    expect(await db.meta.count()).toBe(0)
    db.outbox.hook('creating').unsubscribe(failing)
    expect((await submitRequest(db, appealDraft(), ctx())).ticketNo).toBe('HZ01-K01-20261128-0001')
  })

  it('reports a full disk as quota, however it is wrapped', async () => {
    const db = freshDb()
    db.events.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    const error = await submitRequest(db, appealDraft(), ctx()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SubmitError)
    expect((error as SubmitError).code).toBe('quota')
    expect(await counts(db)).toEqual({ requests: 0, events: 0, outbox: 0 })
    const quota = new DOMException('full', 'QuotaExceededError')
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true)
    expect(isQuotaError(new Error('wrapped', { cause: { name: 'AbortError', inner: quota } }))).toBe(true)
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'ConstraintError' } })).toBe(false)
  })

  it('refuses an invalid intake with the shared rules and stores nothing', async () => {
    const db = freshDb()
    const draft = { ...appealDraft(), enterprise: { uscc: '91330100MA27XL0Q3N', name: '杭州示例科技有限公司' } }
    const error = (await submitRequest(db, draft, ctx()).catch((e: unknown) => e)) as SubmitError
    expect(error.code).toBe('invalid')
    expect(error.errors.map((e) => e.field)).toContain('enterprise.uscc')
    const unknownItem = { ...consultationDraft(), itemIds: ['no-such-item'] }
    expect(await submitRequest(db, unknownItem, ctx()).catch((e: SubmitError) => e.code)).toBe('invalid')
    expect(await counts(db)).toEqual({ requests: 0, events: 0, outbox: 0 })
  })
})

describe('appendEvent', () => {
  const staff = { kind: 'staff' as const, id: 'clerk-1', name: '李四' }
  const event = (requestId: string, fields: Record<string, unknown>, at = '2026-11-28T03:00:00.000Z') =>
    ({ id: uuidv7(), requestId, at, author: staff, ...fields }) as RequestEvent
  const counter = { kind: 'device' as const, centerId: ENROLLMENT.centerId, deviceId: ENROLLMENT.deviceId, mode: 'counter' as const }
  const append = { credential: counter, departments: BUILTIN_CATALOG.departments.map((d) => d.id), now: new Date('2026-11-28T04:00:00.000Z') }
  const withStaff = async (db: KioskDb) => {
    await db.staff.bulkPut([
      { id: 'clerk-1', name: '李四', departmentId: 'service-center', role: 'clerk' },
      { id: 'lead-1', name: '周建华', departmentId: 'service-center', role: 'lead' },
    ])
    return db
  }

  it('stores a staff action with its outbox entry and updates the summary from the reducer', async () => {
    const db = await withStaff(freshDb())
    const request = await submitRequest(db, consultationDraft(), ctx())
    const state = await appendEvent(db, event(request.id, { type: 'accepted' }), append)
    expect(state.status).toBe('accepted')
    expect(await db.outbox.count()).toBe(2)
    expect((await db.requests.get(request.id))?.status).toBe('accepted')
    expect(reduceRequest(await db.events.where('requestId').equals(request.id).toArray())?.status).toBe('accepted')
  })

  it('refuses an action the reducer does not allow, writing nothing', async () => {
    const db = await withStaff(freshDb())
    const request = await submitRequest(db, consultationDraft(), ctx())
    const lead = { ...event(request.id, { type: 'closed' }), author: { kind: 'staff', id: 'lead-1', name: '周建华' } } as RequestEvent
    await expect(appendEvent(db, lead, append)).rejects.toBeInstanceOf(EventConflictError)
    await expect(appendEvent(db, event(uuidv7(), { type: 'accepted' }), append)).rejects.toBeInstanceOf(EventConflictError)
    expect(await counts(db)).toEqual({ requests: 1, events: 1, outbox: 1 })
  })

  it('applies the platform’s author rule on the kiosk: no staff action from a lobby kiosk, none a role does not allow', async () => {
    const db = await withStaff(freshDb())
    const request = await submitRequest(db, consultationDraft(), ctx())
    const lobby = { ...append, credential: { ...counter, mode: 'visitor' as const } }
    const refused = await appendEvent(db, event(request.id, { type: 'accepted' }), lobby).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(EventRefusedError)
    expect((refused as EventRefusedError).refusal.code).toBe('forbidden')
    await expect(appendEvent(db, event(request.id, { type: 'closed' }), append)).rejects.toMatchObject({ refusal: { code: 'forbidden' } })
    const forged = { ...event(request.id, { type: 'accepted' }), author: { kind: 'department', id: 'justice', name: '司法局' } } as RequestEvent
    await expect(appendEvent(db, forged, append)).rejects.toBeInstanceOf(EventRefusedError)
    expect(await counts(db)).toEqual({ requests: 1, events: 1, outbox: 1 })
  })

  it('refuses an action stamped before one already recorded for the request', async () => {
    const db = await withStaff(freshDb())
    const request = await submitRequest(db, consultationDraft(), ctx())
    await appendEvent(db, event(request.id, { type: 'accepted' }, '2026-11-28T03:00:00.000Z'), append)
    const backdated = event(request.id, { type: 'noted', note: '补记' }, '2026-11-28T02:30:00.000Z')
    await expect(appendEvent(db, backdated, append)).rejects.toMatchObject({ refusal: { code: 'backdated' } })
  })
})
