import { test, expect } from './fixtures'
import { enterStaffNumber, enterStaffPin, openSection, signInStaff } from './staff-signin'

test('staff open their sign-in from the keyboard, sign in, and see the platform reachable with nothing pending', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('button', { name: /轻触屏幕开始办事/ })).toBeVisible()
  await page.keyboard.press('Control+Alt+S')
  await signInStaff(page)
  await openSection(page, '设备')
  await page.getByRole('button', { name: '立即同步' }).click()
  await expect(page.getByTestId('pending-count')).toHaveText('0')
  await expect(page.getByTestId('rejected-count')).toHaveText('0')
  await expect(page.getByText('未连接省平台')).toHaveCount(0)
  await page.getByRole('button', { name: '返回办事首页' }).click()
  await expect(page.getByRole('button', { name: /轻触屏幕开始办事/ })).toBeVisible()
  // Leaving signed the person out: the way back asks again.
  await page.keyboard.press('Control+Alt+S')
  await expect(page.getByRole('heading', { name: '工作人员登录' })).toBeVisible()
})

test('staff see the platform unreachable while it is down', async ({ page, platform }) => {
  await page.goto('/#staff')
  await signInStaff(page)
  await openSection(page, '设备')
  await platform.stop()
  await page.getByRole('button', { name: '立即同步' }).click()
  await expect(page.getByText('未连接省平台')).toBeVisible()
})

test('the staff area stays shut without the right PIN, and a wrong PIN says how many tries are left', async ({ page }) => {
  await page.goto('/#staff')
  await enterStaffNumber(page, 'HZ1001')
  await enterStaffPin(page, '111111')
  await expect(page.getByRole('alert')).toHaveText('工号或 PIN 不正确，还可尝试 4 次')
  await expect(page.getByTestId('staff-name')).toHaveCount(0)
  await page.getByRole('button', { name: '返回', exact: true }).click()
  await page.getByRole('button', { name: '返回办事首页' }).click()
  await expect(page.getByRole('button', { name: /轻触屏幕开始办事/ })).toBeVisible()
  await page.keyboard.press('Control+Alt+S')
  await expect(page.getByRole('heading', { name: '工作人员登录' })).toBeVisible()
})

test('the device section fills the enrollment form from the provisioning', async ({ page }) => {
  await page.goto('/#staff')
  await signInStaff(page)
  await openSection(page, '设备')
  await expect(page.getByLabel('省平台地址')).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+$/)
})
