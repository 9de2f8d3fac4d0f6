import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { seededRandom } from '../integration/sync/fault-proxy'
import { appealAtConsent, expectNothingLostOrDoubled, launch, submitAndCut } from './crash-kiosk'
import { expect, test } from './fixtures'

/**
 * Power cuts at the worst moment: on every visit Chromium is killed (SIGKILL, no shutdown) at a
 * random point just after the visitor agrees and submits. Every receipt that was shown must survive
 * on the kiosk and reach the platform exactly once. Each visit starts on the consent screen with the
 * form already filled (the visitor steps have specs of their own); `npm run soak` fills 200 by hand.
 */

const SEED = Number(process.env.CRASH_SEED ?? 1128)
const KILLS = Number(process.env.CRASH_KILLS ?? 20)

/** The visit as the visitor left it on the consent screen, put into the visit store of the page. */
async function seedConsentScreen(page: Page, n: number): Promise<void> {
  await expect(page.getByRole('button', { name: /轻触屏幕开始办事/ })).toBeVisible()
  await page.evaluate((draft) => {
    const el = document.querySelector('#app') as unknown as {
      __vue_app__: { config: { globalProperties: { $pinia: { state: { value: Record<string, Record<string, unknown>> } } } } }
    }
    const visit = el.__vue_app__.config.globalProperties.$pinia.state.value.visit!
    visit.draft = draft
    visit.history = [{ screen: 'attract' }, { screen: 'review' }, { screen: 'consent' }]
  }, appealAtConsent(n))
  await expect(page.getByRole('heading', { name: '个人信息使用说明' })).toBeVisible()
}

// `platform` is asked for so the worker's platform process is up before the kiosk enrolls.
test('every receipt shown survives a browser killed on every submit and reaches the platform exactly once', async ({ baseURL, platform }) => {
  expect(platform.running).toBe(true)
  test.setTimeout(120_000 + KILLS * 10_000)
  const random = seededRandom(SEED)
  const profile = mkdtempSync(join(tmpdir(), 'kiosk-crash-'))
  const shown: string[] = []
  try {
    for (let visit = 1; visit <= KILLS; visit++) {
      const kiosk = await launch(profile, baseURL!)
      await seedConsentScreen(kiosk.page, visit)
      const ticket = await submitAndCut(kiosk, random)
      if (ticket) shown.push(ticket)
    }
    const local = await expectNothingLostOrDoubled(profile, baseURL!, shown)
    console.info(`[sync-crash] seed ${SEED}: ${KILLS} kills, ${shown.length} receipts shown, ${local.length} saved, all on the platform once`)
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
})
