import { test, expect } from './fixtures'

test('staff open their panel from the keyboard and see the platform reachable with nothing pending', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('button', { name: /轻触屏幕开始办事/ })).toBeVisible()
  await page.keyboard.press('Control+Alt+S')
  await expect(page.getByRole('heading', { name: '工作人员面板' })).toBeVisible()
  await page.getByRole('button', { name: '立即同步' }).click()
  await expect(page.getByTestId('pending-count')).toHaveText('0')
  await expect(page.getByTestId('rejected-count')).toHaveText('0')
  await expect(page.getByText('未连接省平台')).toHaveCount(0)
  await page.getByRole('button', { name: '返回办事首页' }).click()
  await expect(page.getByRole('button', { name: /轻触屏幕开始办事/ })).toBeVisible()
})

test('staff see the platform unreachable while it is down', async ({ page, platform }) => {
  await page.goto('/#staff')
  await expect(page.getByRole('heading', { name: '工作人员面板' })).toBeVisible()
  await platform.stop()
  await page.getByRole('button', { name: '立即同步' }).click()
  await expect(page.getByText('未连接省平台')).toBeVisible()
})
