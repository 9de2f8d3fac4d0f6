import { enterAdminPin } from './admin-pin'
import { ADMIN_TOKEN, PLATFORM_URL, expect, test } from './fixtures'

const VERSION = (JSON.parse(await import('node:fs').then((fs) => fs.readFileSync('package.json', 'utf8'))) as { version: string }).version

test('a kiosk reports its heartbeat, and IT sees it on the platform fleet page', async ({ page, browser }) => {
  await page.goto('/')
  await expect(page.getByRole('button', { name: /轻触屏幕开始办事/ })).toBeVisible()
  const deviceId = await page.evaluate(() => (JSON.parse(localStorage.getItem('kiosk.enrollment') ?? '{}') as { deviceId?: string }).deviceId)
  expect(deviceId).toBeTruthy()

  // IT, at a PC elsewhere: the browser asks for the admin token as a password.
  const it = await browser.newContext({ httpCredentials: { username: 'it', password: ADMIN_TOKEN }, locale: 'zh-CN', viewport: { width: 1366, height: 768 } })
  const fleet = await it.newPage()
  const row = fleet.locator(`tr[data-device="${deviceId}"]`).first()
  // The page refreshes itself every minute; IT in a hurry reloads it.
  await expect(async () => {
    await fleet.goto(`${PLATFORM_URL}/admin/fleet`)
    await expect(row).toContainText(VERSION, { timeout: 1000 })
  }).toPass({ timeout: 30_000 })
  await expect(fleet.getByRole('heading', { name: /终端运行状态/ })).toBeVisible()
  await expect(row).toContainText('大厅')
  await expect(row).toContainText(/刚刚|分钟前/)
  await expect(row).toContainText('正常')
  await fleet.screenshot({ path: '/tmp/fleet-e2e-fleet-page.png', fullPage: true })

  // The kiosk's own IT screen says when it last reported.
  await page.keyboard.press('Control+Alt+D')
  await enterAdminPin(page)
  await expect(page.getByRole('heading', { name: '运维诊断' })).toBeVisible()
  await expect(page.getByText('上次上报', { exact: true })).toBeVisible()
  await expect(page.getByText('尚未上报')).toHaveCount(0)
  await expect(page.getByText(/上次上报失败/)).toHaveCount(0)
  await it.close()
})

test('the fleet page stays shut without the admin token', async ({ browser }) => {
  const stranger = await browser.newContext({ httpCredentials: { username: 'it', password: 'guess' } })
  const res = await (await stranger.newPage()).goto(`${PLATFORM_URL}/admin/fleet`)
  expect(res?.status()).toBe(401)
  await stranger.close()
})
