import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPlatform } from '../../../platform/testing'
import { API_PREFIX } from '../../../shared/index'
import { BUILTIN_CATALOG } from '../../../shared/catalog/index'
import { localState } from '../../../renderer/db/append'
import { trackLocally } from '../../../renderer/db/track'
import { appealDraft } from '../../unit/renderer/drafts'
import { enrollKiosk } from './kiosk'

const OFFICE_TOKEN = 'demo-office-token-hz01'

type Platform = Awaited<ReturnType<typeof startTestPlatform>>
let platform: Platform

beforeAll(async () => {
  platform = await startTestPlatform()
})

afterAll(async () => {
  await platform?.stop()
})

async function officeAction(ticketNo: string, action: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${platform.url}${API_PREFIX}/office/requests/${ticketNo}/actions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OFFICE_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(action),
  })
  expect(res.status, await res.clone().text()).toBeLessThan(300)
}

describe('a department acts on the platform', () => {
  it('comes back to a counter PC as events, and the shared reducer shows it', async () => {
    const lobby = await enrollKiosk('roundtrip-lobby', platform.url, platform.url, 'DEMO2026')
    const counter = await enrollKiosk('roundtrip-counter', platform.url, platform.url, 'COUNTER2026')
    await lobby.submit(appealDraft())
    const [row] = await lobby.db.requests.toArray()
    expect(await lobby.engine.syncOnce()).toBe('synced')

    await officeAction(row!.ticketNo, { type: 'accepted' })
    await officeAction(row!.ticketNo, { type: 'assigned', departmentId: 'finance-regulation', assigneeName: '陈静' })

    expect(await counter.engine.syncOnce()).toBe('synced')
    const state = await localState(counter.db, row!.id)
    expect(state?.status).toBe('assigned')
    expect(state?.assignee).toEqual({ departmentId: 'finance-regulation', name: '陈静' })
    expect(state?.timeline.map((t) => t.type)).toEqual(['submitted', 'accepted', 'assigned'])
    expect((await counter.db.requests.get(row!.id))?.status).toBe('assigned')
    expect((await counter.db.requests.get(row!.id))?.intake.contact.name).toBe(row!.intake.contact.name)
  })

  it('comes back to the lobby kiosk that took it as public state, tracked there with the receipt’s check code', async () => {
    const lobby = await enrollKiosk('roundtrip-lobby-2', platform.url, platform.url, 'DEMO2026')
    await lobby.submit(appealDraft())
    const [row] = await lobby.db.requests.toArray()
    expect(await lobby.engine.syncOnce()).toBe('synced')
    await officeAction(row!.ticketNo, { type: 'accepted' })
    await officeAction(row!.ticketNo, { type: 'assigned', departmentId: 'finance-regulation', assigneeName: '陈静' })
    expect(await lobby.engine.syncOnce()).toBe('synced')

    // Its own events only: what the department did arrives as the public view.
    expect((await localState(lobby.db, row!.id))?.status).toBe('submitted')
    const view = await trackLocally(lobby.db, row!.ticketNo.toLowerCase(), row!.intake.checkCode!, BUILTIN_CATALOG)
    expect(view).toMatchObject({ status: 'assigned', assigneeName: '陈**', timeline: [{ type: 'submitted' }, { type: 'accepted' }, { type: 'assigned' }] })
    expect(await trackLocally(lobby.db, row!.ticketNo, 'ZZZZZZ', BUILTIN_CATALOG)).toBeUndefined()
    expect(JSON.stringify(await lobby.db.tracks.toArray())).not.toContain('陈静')
  })
})
