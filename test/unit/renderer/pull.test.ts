import { describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import type { Change, PullResponse, RequestEvent } from '../../../shared/index'
import { applyPullPage, readCursor } from '../../../renderer/sync/pull'
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
})
