import type { Locator } from '@playwright/test'
import { test, expect } from './fixtures'
import { fillEnterprise, next, startVisit } from './visitor-steps'

async function expectTargets(buttons: Locator, min: number): Promise<void> {
  const count = await buttons.count()
  expect(count).toBeGreaterThan(0)
  for (let i = 0; i < count; i++) {
    const b = buttons.nth(i)
    if (!(await b.isVisible())) continue
    const box = await b.boundingBox()
    expect(box, await b.innerText()).not.toBeNull()
    expect(Math.min(box!.width, box!.height), await b.innerText()).toBeGreaterThanOrEqual(min)
  }
}

test('长辈模式: larger type and touch targets of at least 64 px', async ({ page }) => {
  await startVisit(page, { elder: true })
  await expect(page.locator('html')).toHaveClass(/elder/)
  await expect(page.getByRole('heading', { name: '您要办什么？' })).toBeVisible()
  const bodySize = await page.locator('.need__card-name').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  expect(bodySize).toBeGreaterThanOrEqual(40)
  await expectTargets(page.getByRole('button'), 64)

  await page.getByRole('button', { name: /^法治/ }).click()
  await expect(page.getByRole('heading', { name: '法治' })).toBeVisible()
  await expectTargets(page.getByRole('checkbox'), 64)
  await page.getByRole('checkbox', { name: /企业法律咨询/ }).click()
  await next(page, /^下一步/)
  await expect(page.getByRole('heading', { name: '企业和联系人信息' })).toBeVisible()
  await expectTargets(page.locator('input'), 64)
  await fillEnterprise(page)
  await expect(page.getByText('第1题 / 共3题')).toBeVisible()
  await expectTargets(page.getByRole('button'), 64)
})

test('normal mode: no text under 18 px and touch targets of at least 48 px', async ({ page }) => {
  await startVisit(page)
  await expect(page.getByRole('heading', { name: '您要办什么？' })).toBeVisible()
  const smallest = await page.evaluate(() => {
    let min = Infinity
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const hasText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())
      if (hasText && (el as HTMLElement).offsetParent !== null) min = Math.min(min, parseFloat(getComputedStyle(el).fontSize))
    }
    return min
  })
  expect(smallest).toBeGreaterThanOrEqual(18)
  await expectTargets(page.getByRole('button'), 48)
})
