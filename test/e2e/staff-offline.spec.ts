import { test, expect } from './fixtures'
import { asCounterPc, enterStaffNumber, enterStaffPin, openSection, signInStaff, STAFF } from './staff-signin'

/**
 * The staff area, its sign-in and its sections are chunks of their own: fetched ahead at idle (a lobby
 * kiosk only the sign-in and the frame, a counter PC everything), and retried when a load fails.
 */

test('a staff area opened while its chunk cannot load says so, then appears when the network returns', async ({ page }) => {
  let offline = true
  await page.route(/\/assets\/StaffPanel-[^/]*\.(js|css)$/, (route) => (offline ? route.abort('internetdisconnected') : route.continue()))
  await page.goto('/#staff')
  await enterStaffNumber(page, STAFF.clerk.id)
  await enterStaffPin(page, STAFF.clerk.pin)
  await expect(page.getByRole('status').filter({ hasText: '正在载入' })).toBeVisible()
  offline = false
  await expect(page.getByTestId('staff-name')).toHaveText(STAFF.clerk.name, { timeout: 15_000 })
})

test('a counter PC fetches its staff area ahead, so it opens with the kiosk server gone', async ({ page, baseURL }) => {
  await asCounterPc(page)
  const fetched = Promise.all(['StaffPanel', 'StaffGate', 'DeviceSection'].map((name) => page.waitForRequest(new RegExp(`/assets/${name}-[^/]*\\.js$`))))
  await page.goto('/')
  await fetched
  await expect(page.getByRole('heading', { name: '工作人员登录' })).toBeVisible()
  // Give the prefetched chunks time to finish, then cut the kiosk's own server off.
  await page.waitForLoadState('networkidle')
  await page.route(`${baseURL}**`, (route) => route.abort('internetdisconnected'))
  await signInStaff(page)
  await openSection(page, '设备')
})
