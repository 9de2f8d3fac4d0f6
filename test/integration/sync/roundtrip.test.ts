import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPlatform } from '../../../platform/testing'
import { API_PREFIX } from '../../../shared/index'
import { localState } from '../../../renderer/db/append'
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
  it('comes back to the kiosk on the next pull and the shared reducer shows it', async () => {
    const kiosk = await enrollKiosk('roundtrip', platform.url, platform.url, 'DEMO2026')
    await kiosk.submit(appealDraft())
    const [row] = await kiosk.db.requests.toArray()
    expect(await kiosk.engine.syncOnce()).toBe('synced')

    await officeAction(row!.ticketNo, { type: 'accepted' })
    await officeAction(row!.ticketNo, { type: 'assigned', departmentId: 'finance-regulation', assigneeName: '陈静' })
    expect((await localState(kiosk.db, row!.id))?.status).toBe('submitted')

    expect(await kiosk.engine.syncOnce()).toBe('synced')
    const state = await localState(kiosk.db, row!.id)
    expect(state?.status).toBe('assigned')
    expect(state?.assignee).toEqual({ departmentId: 'finance-regulation', name: '陈静' })
    expect(state?.timeline.map((t) => t.type)).toEqual(['submitted', 'accepted', 'assigned'])
    expect((await kiosk.db.requests.get(row!.id))?.status).toBe('assigned')
  })
})
