import type { Page } from '@playwright/test'
import { PLATFORM_URL, expect } from './fixtures'
import { enrollKiosk } from '../integration/sync/kiosk'
import { appealDraft } from '../unit/renderer/drafts'
import { openSection, signInStaff, type StaffKey } from './staff-signin'

let seeded = 0

/**
 * Requests taken at another kiosk of the center (a lobby kiosk simulated in this process) and
 * pushed to the platform: appeals of the given categories, with distinct business names (or the
 * names given, in the same order).
 */
export async function seedAppeals(categories: string[], names: string[] = []): Promise<Array<{ ticketNo: string; name: string; requestId: string; checkCode: string }>> {
  const kiosk = await enrollKiosk(`e2e-seed-${Date.now()}-${seeded++}`, PLATFORM_URL, PLATFORM_URL, 'DEMO2026')
  const made: Array<{ ticketNo: string; name: string; requestId: string; checkCode: string }> = []
  for (const [i, categoryId] of categories.entries()) {
    const draft = appealDraft(i)
    const name = names[i] ?? `工作台测试${seeded}${i}科技有限公司`
    await kiosk.submit({ ...draft, appeal: { ...draft.appeal!, categoryId }, enterprise: { ...draft.enterprise, name } })
  }
  for (const row of await kiosk.db.requests.toArray()) made.push({ ticketNo: row.ticketNo, name: row.intake.enterprise.name, requestId: row.id, checkCode: row.intake.checkCode! })
  await kiosk.engine.syncOnce()
  expect(await kiosk.pending()).toBe(0)
  return made.sort((a, b) => (a.ticketNo < b.ticketNo ? -1 : 1))
}

/** This browser as a counter PC: the same provisioning with the center's counter enrollment code. */
export async function asCounterPc(page: Page): Promise<void> {
  await page.route('**/provisioning.json', async (route) => {
    const res = await route.fetch()
    const body = { ...(await res.json()), enrollCode: 'COUNTER2026' }
    await route.fulfill({ response: res, body: JSON.stringify(body) })
  })
}

/** Syncs from the 设备 section (pressing again while an automatic sync runs). */
export async function syncNow(page: Page): Promise<void> {
  await openSection(page, '设备')
  await expect(async () => {
    await page.getByRole('button', { name: '立即同步' }).click()
    await expect(page.getByText('同步完成')).toBeVisible({ timeout: 3000 })
  }).toPass()
}

/** Syncs from the 设备 section and comes back to the worklist. */
export async function syncAndOpenWorklist(page: Page): Promise<void> {
  await syncNow(page)
  await openSection(page, '工作台')
}

/** Signs in at #staff on a counter PC and opens the worklist after a sync. */
export async function signInAtCounter(page: Page, who: StaffKey): Promise<void> {
  await page.goto('/#staff')
  await signInStaff(page, who)
  await syncAndOpenWorklist(page)
}

export function row(page: Page, ticketNo: string) {
  return page.getByRole('row', { name: new RegExp(ticketNo) })
}
