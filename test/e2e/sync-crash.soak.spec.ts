import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { seededRandom } from '../integration/sync/fault-proxy'
import { expectNothingLostOrDoubled, launch, shownTicket, submitAndCut } from './crash-kiosk'
import { expect, test } from './fixtures'
import { fillEnterprise } from './visitor-steps'

/**
 * `npm run soak`: 200 visits filled in by hand, power cuts (Chromium killed) at random points just
 * after a submit, some runs of complete visits between them. Every receipt that was shown must
 * survive on the kiosk and reach the platform exactly once.
 */

const SEED = Number(process.env.CRASH_SEED ?? 1128)
const SUBMITS = Number(process.env.CRASH_SUBMITS ?? 200)

/** A visitor reports a financing problem, up to the consent screen. */
async function fillAppeal(page: Page, n: number): Promise<void> {
  await page.getByRole('button', { name: /轻触屏幕开始办事/ }).click()
  await page.getByRole('button', { name: /^中文/ }).click()
  await page.getByRole('button', { name: /我有问题要反映/ }).click()
  await page.getByRole('radio', { name: /融资难题/ }).click()
  const next = page.getByRole('button', { name: /^下一步$/ })
  if (await page.getByRole('radio', { name: /融资难题/ }).isVisible()) await next.click()
  await page.locator('#appeal-input').fill(`第${n}次反映：贷款审批迟迟没有结果`)
  await next.click()
  await page.locator('#appeal-input').fill('希望协调银行尽快答复')
  await next.click()
  await next.click()
  await fillEnterprise(page)
  await page.getByRole('button', { name: '信息无误，下一步' }).click()
  await expect(page.getByRole('heading', { name: '个人信息使用说明' })).toBeVisible()
}

test.use({ actionTimeout: 20_000 })

test(`every receipt shown survives ${SUBMITS} submits with power cuts and reaches the platform exactly once`, async ({ baseURL, platform }) => {
  expect(platform.running).toBe(true)
  test.setTimeout(Math.max(420_000, SUBMITS * 6_000))
  const random = seededRandom(SEED)
  const profile = mkdtempSync(join(tmpdir(), 'kiosk-crash-'))
  const shown: string[] = []
  let visits = 0
  try {
    for (let round = 0; visits < SUBMITS; round++) {
      const kiosk = await launch(profile, baseURL!)
      // Some complete visits, then one cut short by the power cut somewhere around saving.
      const complete = Math.min(round === 0 ? 2 : Math.floor(random() * 16), SUBMITS - visits - 1)
      for (let i = 0; i < complete; i++) {
        await fillAppeal(kiosk.page, ++visits)
        await kiosk.page.getByRole('button', { name: '同意并提交' }).click()
        await expect(kiosk.page.getByRole('heading', { name: '已受理' })).toBeVisible()
        shown.push((await shownTicket(kiosk.page))!)
        await kiosk.page.getByRole('button', { name: '完成', exact: true }).click()
      }
      await fillAppeal(kiosk.page, ++visits)
      const ticket = await submitAndCut(kiosk, random)
      if (ticket) shown.push(ticket)
    }
    const local = await expectNothingLostOrDoubled(profile, baseURL!, shown)
    console.info(`[sync-crash soak] seed ${SEED}: ${visits} visits, ${shown.length} receipts shown, ${local.length} saved, all on the platform once`)
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
})
