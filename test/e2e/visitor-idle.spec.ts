import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { fillEnterprise, next, piniaState, startVisit, VISITOR } from './visitor-steps'

/**
 * The shared-screen guard on the kiosk's real timings (60 s of quiet, then a 20 s warning), on
 * Playwright's clock: the test moves the page's time on instead of waiting it out, so a busy machine
 * cannot make the warning appear while the visitor is still typing.
 */
const QUIET_MS = 60_000
const WARNING_MS = 20_000

test.beforeEach(async ({ page }) => {
  await page.clock.install()
})

const warning = (page: Page) => page.getByRole('dialog').filter({ hasText: '您还在办理吗？' })

test('idle: a warning with a countdown of at least 20 s, 继续 keeps the visit', async ({ page }) => {
  await startVisit(page)
  await page.getByRole('button', { name: /^法治/ }).click()
  await page.clock.fastForward(QUIET_MS - 5_000)
  await expect(warning(page)).toBeHidden()
  await page.clock.fastForward(5_000)
  await expect(warning(page)).toBeVisible()
  const seconds = Number(await warning(page).locator('.idle-dialog__count').innerText())
  expect(seconds).toBeGreaterThanOrEqual(19)
  await warning(page).getByRole('button', { name: '继续办理' }).click()
  await expect(warning(page)).toBeHidden()
  await expect(page.getByRole('heading', { name: '法治' })).toBeVisible()
  // 继续 starts the quiet time again.
  await page.clock.fastForward(QUIET_MS - 5_000)
  await expect(warning(page)).toBeHidden()
})

test('idle: the visit is wiped from the screen and from every store, and the attract screen returns', async ({ page }) => {
  await startVisit(page)
  await page.getByRole('button', { name: /^法治/ }).click()
  await page.getByRole('checkbox', { name: /企业法律咨询/ }).click()
  await next(page, /^下一步/)
  await fillEnterprise(page)
  await expect(page.getByText('第1题 / 共3题')).toBeVisible()
  const before = await piniaState(page)
  expect(before).toContain(VISITOR.uscc)

  await page.clock.fastForward(QUIET_MS)
  await expect(warning(page)).toBeVisible()
  // The countdown ticks every second; run each tick.
  await page.clock.runFor(WARNING_MS)
  await expect(page.getByRole('button', { name: /轻触屏幕开始办事/ })).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)

  const html = await page.content()
  const after = await piniaState(page)
  for (const value of [VISITOR.uscc, VISITOR.name, VISITOR.contact, VISITOR.mobile]) {
    expect(html.includes(value), `page still shows ${value}`).toBe(false)
    expect(after.includes(value), `a store still holds ${value}`).toBe(false)
  }
  // The chosen item is visitor data too (the catalog itself lists every item, so look in the visit).
  expect(JSON.parse(after).visit.draft.itemIds).toEqual([])
  expect(page.url()).not.toContain(VISITOR.uscc)

  // No idle timer on the attract screen.
  await page.clock.fastForward(2 * QUIET_MS)
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test('返回首页 asks first, then wipes the visit', async ({ page }) => {
  await startVisit(page)
  await page.getByRole('button', { name: /^法治/ }).click()
  await page.getByRole('checkbox', { name: /企业法律咨询/ }).click()
  await next(page, /^下一步/)
  await page.getByLabel('企业名称').fill(VISITOR.name)
  await page.getByRole('button', { name: '返回首页', exact: true }).click()
  const dialog = page.getByRole('dialog').filter({ hasText: '返回首页？' })
  await dialog.getByRole('button', { name: '继续办理' }).click()
  await expect(page.getByLabel('企业名称')).toHaveValue(VISITOR.name)
  await page.getByRole('button', { name: '返回首页', exact: true }).click()
  await dialog.getByRole('button', { name: '清除并返回首页' }).click()
  await expect(page.getByRole('button', { name: /轻触屏幕开始办事/ })).toBeVisible()
  expect((await piniaState(page)).includes(VISITOR.name)).toBe(false)
})
