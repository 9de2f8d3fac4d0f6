import { test, expect } from './fixtures'
import { STAFF, enterStaffNumber, enterStaffPin, signInStaff } from './staff-signin'

const ATTRACT = /轻触屏幕开始办事/

test('a clerk signs in from #staff, sees their name, role and department, and signs out back to the start screen', async ({ page }) => {
  await page.goto('/#staff')
  await signInStaff(page, 'clerk')
  await expect(page.getByText('窗口人员 · 市企业综合服务中心')).toBeVisible()
  await expect(page.getByRole('navigation', { name: '工作区' }).getByRole('button', { name: '设备' })).toBeVisible()
  await page.getByRole('button', { name: '退出登录' }).click()
  await expect(page.getByRole('button', { name: ATTRACT })).toBeVisible()
})

test('five wrong PINs lock that staff number on this device for five minutes, through a reload', async ({ page }) => {
  await page.clock.install()
  await page.goto('/#staff')
  await enterStaffNumber(page, STAFF.lead.id)
  for (let left = 4; left >= 1; left--) {
    await enterStaffPin(page, '000000')
    await expect(page.getByRole('alert')).toHaveText(`工号或 PIN 不正确，还可尝试 ${left} 次`)
  }
  await enterStaffPin(page, '000000')
  // The page's clock runs on while the test types: the count starts at five minutes.
  await expect(page.getByRole('alert')).toHaveText(/^错误次数过多，此工号已在本机锁定，请 (5 分 0|4 分 \d+) 秒 后再试$/)
  await expect(page.getByRole('button', { name: '确定', exact: true })).toBeDisabled()

  // A reload does not lift it.
  await page.reload()
  await enterStaffNumber(page, STAFF.lead.id)
  await expect(page.getByRole('alert')).toContainText('此工号已在本机锁定')
  await expect(page.getByRole('button', { name: '1', exact: true })).toBeDisabled()

  // Another person is not locked by it.
  await page.getByRole('button', { name: '返回', exact: true }).click()
  await page.getByRole('group', { name: '工号键盘' }).getByRole('button', { name: '清空' }).click()
  await enterStaffNumber(page, STAFF.handler.id)
  await expect(page.getByRole('button', { name: '1', exact: true })).toBeEnabled()
  await page.getByRole('button', { name: '返回', exact: true }).click()
  await page.getByRole('group', { name: '工号键盘' }).getByRole('button', { name: '清空' }).click()

  // Five minutes later the right PIN works.
  await page.clock.runFor(5 * 60_000)
  await enterStaffNumber(page, STAFF.lead.id)
  await enterStaffPin(page, STAFF.lead.pin)
  await expect(page.getByTestId('staff-name')).toHaveText(STAFF.lead.name)
})

test('staff mode ends after ten minutes without a touch, and a touch starts the ten minutes again', async ({ page }) => {
  await page.clock.install()
  await page.goto('/#staff')
  await signInStaff(page, 'handler')
  await page.clock.runFor(9 * 60_000)
  await page.getByRole('navigation', { name: '工作区' }).getByRole('button', { name: '设备' }).click()
  await page.clock.runFor(9 * 60_000)
  await expect(page.getByTestId('staff-name')).toHaveText(STAFF.handler.name)
  await page.clock.runFor(61_000)
  // A lobby kiosk goes back to its start screen; the way in asks for the PIN again.
  await expect(page.getByRole('button', { name: ATTRACT })).toBeVisible()
  await expect(page.getByTestId('staff-name')).toHaveCount(0)
  await page.keyboard.press('Control+Alt+S')
  await expect(page.getByRole('heading', { name: '工作人员登录' })).toBeVisible()
})

test('on a lobby kiosk staff get in by holding the top right corner of the start screen for two seconds; a tap there does nothing', async ({ page }) => {
  await page.clock.install()
  await page.goto('/')
  await expect(page.getByRole('button', { name: ATTRACT })).toBeVisible()
  const corner = page.getByRole('button', { name: '工作人员入口（长按 2 秒）' })
  const box = (await corner.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)

  await page.mouse.down()
  await page.clock.runFor(1_000)
  await page.mouse.up()
  await page.clock.runFor(2_000)
  await expect(page.getByRole('button', { name: ATTRACT })).toBeVisible()
  await expect(page.getByRole('heading', { name: '工作人员登录' })).toHaveCount(0)

  await page.mouse.down()
  await page.clock.runFor(2_000)
  await expect(page.getByRole('heading', { name: '工作人员登录' })).toBeVisible()
  await page.mouse.up()
  await signInStaff(page, 'clerk')
})

test("IT's idleTimeouts.staff of 300 s ends staff mode after five minutes, and the sign-in says so", async ({ page }) => {
  await page.route('**/provisioning.json', async (route) => {
    const response = await route.fetch()
    const provisioning = (await response.json()) as Record<string, unknown>
    await route.fulfill({ response, json: { ...provisioning, idleTimeouts: { visitor: 60, staff: 300 } } })
  })
  await page.clock.install()
  await page.goto('/#staff')
  await signInStaff(page, 'clerk')
  await page.clock.runFor(5 * 60_000 - 2_000)
  await expect(page.getByTestId('staff-name')).toHaveText(STAFF.clerk.name)
  await page.clock.runFor(3_000)
  await expect(page.getByTestId('staff-name')).toHaveCount(0)
  await page.keyboard.press('Control+Alt+S')
  await expect(page.getByRole('status')).toHaveText('超过 5 分钟无操作，已自动退出登录')
})
