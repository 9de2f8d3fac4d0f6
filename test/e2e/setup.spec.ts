import { E2E_ADMIN_PIN_HASH, enterAdminPin } from './admin-pin'
import { expect, test } from './fixtures'

test('a kiosk with broken provisioning shows the setup screen; IT sees each bad field after the PIN', async ({ page }) => {
  await page.route('**/provisioning.json', (route) =>
    route.fulfill({ json: { platformURL: 'https://zlb.zj.gov.cn', platformUrl: 'http://10.1.2.3:8080', mode: 'lobby', adminPinHash: E2E_ADMIN_PIN_HASH } }),
  )
  await page.goto('/')
  await expect(page.getByRole('heading', { name: '本机尚未完成设置' })).toBeVisible()
  await expect(page.getByRole('button', { name: /轻触屏幕开始办事/ })).toHaveCount(0)
  await page.screenshot({ path: '/tmp/fleet-e2e-setup-notice.png' })

  await page.getByRole('button', { name: '运维人员查看详情' }).click()
  await enterAdminPin(page)
  await expect(page.getByRole('heading', { name: '设置检查结果' })).toBeVisible()
  await expect(page.getByText('设置有 3 处需要修改：')).toBeVisible()
  const problem = (field: string) => page.getByRole('listitem').filter({ has: page.getByText(field, { exact: true }) })
  await expect(problem('platformUrl')).toContainText('须以 https:// 开头')
  await expect(problem('mode')).toContainText('须为 "visitor"（大厅自助机）或 "counter"（柜台机）')
  await expect(problem('platformURL')).toContainText('是否应为 platformUrl？')
  await page.screenshot({ path: '/tmp/fleet-e2e-setup-details.png', fullPage: true })
})

test('a kiosk with no provisioning at all says so, and shows where it looked without a PIN to ask for', async ({ page }) => {
  await page.route('**/provisioning.json', (route) => route.fulfill({ status: 404, body: '' }))
  await page.goto('/')
  await expect(page.getByRole('heading', { name: '本机尚未完成设置' })).toBeVisible()
  await page.getByRole('button', { name: '运维人员查看详情' }).click()
  await expect(page.getByText('没有找到本机的设置文件（provisioning.json）。')).toBeVisible()
  await expect(page.getByText('设置中没有可用的管理员 PIN 哈希')).toBeVisible()
  await page.getByRole('button', { name: '关闭详情' }).click()
  await expect(page.getByRole('heading', { name: '本机尚未完成设置' })).toBeVisible()
})

test('a provisioning file that is not JSON is named as such, never a blank page', async ({ page }) => {
  await page.route('**/provisioning.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: "{platformUrl: 'x'" }))
  await page.goto('/')
  await page.getByRole('button', { name: '运维人员查看详情' }).click()
  await expect(page.getByText('不是有效的 JSON（请检查引号、逗号和括号）')).toBeVisible()
})
