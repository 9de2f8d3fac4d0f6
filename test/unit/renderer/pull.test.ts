import { describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import type { Change, PullResponse, RequestEvent } from '../../../shared/index'
import { ApiFailure } from '../../../renderer/sync/api'
import { META } from '../../../renderer/db/index'
import { applyPullPage, pullPage, readCursor } from '../../../renderer/sync/pull'
import { freshDb, sampleRequest, submittedEvent } from './helpers'

const dept = { kind: 'department' as const, id: 'hr-1', name: '人社局 张三' }

function page(): PullResponse {
  const a = sampleRequest()
  const b = sampleRequest()
  const events: RequestEvent[] = [
    submittedEvent(a),
    submittedEvent(b),
    { id: uuidv7(), requestId: a.id, at: '2026-11-28T10:00:00.000Z', author: dept, type: 'accepted' },
    { id: uuidv7(), requestId: a.id, at: '2026-11-28T11:00:00.000Z', author: dept, type: 'assigned', departmentId: 'hrss', assigneeName: '张三' },
    // An action on a request this kiosk no longer holds (purged): not kept.
    { id: uuidv7(), requestId: uuidv7(), at: '2026-11-28T11:00:00.000Z', author: dept, type: 'noted', note: '已回访' },
  ]
  const changes: Change[] = events.map((event, i) => ({ seq: i + 1, kind: 'event', event }))
  changes.push({ seq: 6, kind: 'staff', staff: [{ id: 's1', name: '张三', departmentId: 'hrss', role: 'handler' }] })
  return { changes, cursor: 6, hasMore: false }
}

describe('pull', () => {
  it('saves a page and its cursor together, merging events by id and summarising requests', async () => {
    const db = freshDb()
    const p = page()
    await applyPullPage(db, p)
    expect(await readCursor(db)).toBe(6)
    expect(await db.events.count()).toBe(4)
    expect(await db.requests.count()).toBe(2)
    const a = p.changes[0]!.kind === 'event' ? p.changes[0]!.event.requestId : ''
    expect((await db.requests.get(a))?.status).toBe('assigned')
    expect(await db.staff.count()).toBe(1)
  })

  it('leaves neither changes nor cursor when the page fails midway, and a re-pull is harmless', async () => {
    const db = freshDb()
    const p = page()
    const crash = () => {
      throw new Error('power cut')
    }
    db.staff.hook('creating', crash)
    await expect(applyPullPage(db, p)).rejects.toThrow()
    expect(await readCursor(db)).toBe(0)
    expect(await db.events.count()).toBe(0)
    expect(await db.requests.count()).toBe(0)
    db.staff.hook('creating').unsubscribe(crash)
    await applyPullPage(db, p)
    await applyPullPage(db, { ...p, cursor: 6 })
    expect(await db.events.count()).toBe(4)
    expect(await db.requests.count()).toBe(2)
    expect(await readCursor(db)).toBe(6)
  })

  it('pulls from the start and re-sends what it holds when the platform never handed out its cursor', async () => {
    const db = freshDb()
    const p = page()
    await applyPullPage(db, p)
    const pending = { eventId: 'queued-already', requestId: 'r', state: 'pending' as const, attempts: 0, createdAt: 1 }
    await db.outbox.add(pending)
    const resetPlatform = {
      pull: async () => {
        throw new ApiFailure('client', 'cursor is ahead', 409, 'cursor_ahead')
      },
    }
    const outcome = await pullPage(db, resetPlatform)
    expect(outcome.hasMore).toBe(true)
    expect(await readCursor(db)).toBe(0)
    // Every held event this device may deliver is queued once (a department's is the platform's
    // own business); what was queued already stays as it was.
    const mine = (await db.events.toArray()).filter((e) => e.author.kind === 'visitor')
    expect(mine).toHaveLength(2)
    expect(await db.outbox.count()).toBe(mine.length + 1)
    expect(await db.outbox.get('queued-already')).toEqual(pending)
  })

  it('pulls from the start and re-sends when the feed has a new epoch (the platform was restored)', async () => {
    const db = freshDb()
    await applyPullPage(db, { ...page(), epoch: 'epoch-1' })
    expect((await db.meta.get(META.epoch))?.value).toBe('epoch-1')
    const restored = { pull: async () => ({ ...page(), changes: [], cursor: 9, epoch: 'epoch-2', skipped: 0 }) }
    const outcome = await pullPage(db, restored)
    expect(outcome).toMatchObject({ hasMore: true, cursor: 0 })
    expect(await readCursor(db)).toBe(0)
    expect((await db.meta.get(META.epoch))?.value).toBe('epoch-2')
    expect(await db.outbox.count()).toBe(2)
    // The same epoch again: the page is stored as usual.
    const same = { pull: async () => ({ ...page(), cursor: 6, epoch: 'epoch-2', skipped: 0 }) }
    expect(await pullPage(db, same)).toMatchObject({ cursor: 6 })
    expect(await readCursor(db)).toBe(6)
  })

  it('keeps the public state a visitor kiosk receives, by ticket number', async () => {
    const db = freshDb()
    const view = {
      ticketNo: 'HZ01-K02-20261128-0003',
      status: 'accepted' as const,
      escalated: false,
      departments: [{ id: 'hrss', name: { zh: '人社局', en: 'HRSS' } }],
      dueDate: '2026-12-10',
      dueDateProvisional: false,
      timeline: [{ type: 'submitted' as const, at: '2026-11-28T09:00:00.000Z' }],
    }
    const track = { requestId: uuidv7(), createdAt: '2026-11-28T09:00:00.000Z', checkCode: 'K7M2QX', view }
    await applyPullPage(db, { changes: [{ seq: 1, kind: 'track', track }], cursor: 1, hasMore: false })
    expect(await db.tracks.get(view.ticketNo)).toMatchObject({ ...track, ticketNo: view.ticketNo })
    expect(await db.requests.count()).toBe(0)
  })
})
