import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { openSection, signInStaff } from './staff-signin'

/** A press while the automatic sync runs is not taken (the button shows it is busy): press again. */
async function syncNow(page: Page): Promise<void> {
  await expect(async () => {
    await page.getByRole('button', { name: '立即同步' }).click()
    await expect(page.getByText('同步完成')).toBeVisible({ timeout: 3000 })
  }).toPass()
}

test('staff are told when the kiosk’s clock is off from the platform’s', async ({ page }) => {
  // The kiosk's clock runs ten minutes fast; time otherwise flows as usual.
  await page.clock.install({ time: new Date(Date.now() + 10 * 60_000) })
  await page.goto('/#staff')
  await signInStaff(page)
  await openSection(page, '设备')
  await syncNow(page)
  await expect(page.getByTestId('clock-warning')).toContainText('本机时钟比省平台快约 10 分钟')
})

test('no clock warning when the clocks agree', async ({ page }) => {
  await page.goto('/#staff')
  await signInStaff(page)
  await openSection(page, '设备')
  await syncNow(page)
  await expect(page.getByTestId('clock-warning')).toHaveCount(0)
})
