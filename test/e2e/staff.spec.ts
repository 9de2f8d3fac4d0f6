import { enterAdminPin } from './admin-pin'
import { test, expect } from './fixtures'

test('staff open their panel from the keyboard, give the admin PIN, and see the platform reachable with nothing pending', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('button', { name: /轻触屏幕开始办事/ })).toBeVisible()
  await page.keyboard.press('Control+Alt+S')
  await enterAdminPin(page)
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
  await enterAdminPin(page)
  await expect(page.getByRole('heading', { name: '工作人员面板' })).toBeVisible()
  await platform.stop()
  await page.getByRole('button', { name: '立即同步' }).click()
  await expect(page.getByText('未连接省平台')).toBeVisible()
})

test('the staff panel stays shut without the admin PIN, and a wrong PIN says how many tries are left', async ({ page }) => {
  await page.goto('/#staff')
  await enterAdminPin(page, '11111111')
  await expect(page.getByRole('alert')).toHaveText('PIN 不正确，还可尝试 4 次')
  await expect(page.getByRole('heading', { name: '工作人员面板' })).toHaveCount(0)
  await page.getByRole('button', { name: '返回', exact: true }).click()
  await expect(page.getByRole('button', { name: /轻触屏幕开始办事/ })).toBeVisible()
  // Back again: the panel asks for the PIN again.
  await page.keyboard.press('Control+Alt+S')
  await expect(page.getByRole('heading', { name: '运维管理员验证' })).toBeVisible()
})

test('the staff panel fills the enrollment form from the provisioning', async ({ page }) => {
  await page.goto('/#staff')
  await enterAdminPin(page)
  await expect(page.getByRole('heading', { name: '工作人员面板' })).toBeVisible()
  await expect(page.getByLabel('省平台地址')).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+$/)
})
