import { readFileSync } from 'node:fs'
import { enterAdminPin } from './admin-pin'
import { expect, test } from './fixtures'

test('IT opens the diagnostics behind the PIN: version, kiosk code, sync, and the logs as a download', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('button', { name: /轻触屏幕开始办事/ })).toBeVisible()
  // An error in the page goes to the log IT exports.
  await page.evaluate(() => setTimeout(() => Promise.reject(new Error('e2e: a page error for the log')), 0))

  await page.keyboard.press('Control+Alt+D')
  await enterAdminPin(page)
  await expect(page.getByRole('heading', { name: '运维诊断' })).toBeVisible()
  await expect(page.getByTestId('it-version')).toHaveText(/^\d+\.\d+\.\d+/)
  await expect(page.getByTestId('it-kiosk-code')).toHaveText(/^HZ01-K\d+$/)
  await expect(page.getByTestId('it-pending')).toHaveText('0')
  await expect(page.getByText('浏览器', { exact: true })).toBeVisible()
  await page.screenshot({ path: '/tmp/fleet-e2e-diagnostics.png', fullPage: true })

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出日志' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^kiosk-log-browser-\d{8}-\d{4}\.jsonl$/)
  const text = readFileSync(await file.path(), 'utf8')
  expect(text).toContain('e2e: a page error for the log')
  await expect(page.getByRole('status').filter({ hasText: '日志已保存为' })).toBeVisible()

  await page.getByRole('button', { name: '工作人员面板' }).click()
  await expect(page.getByRole('heading', { name: '工作人员登录' })).toBeVisible()
  await page.getByRole('button', { name: '返回办事首页' }).click()
  await expect(page.getByRole('button', { name: /轻触屏幕开始办事/ })).toBeVisible()
  // Locked again: the next visit to the diagnostics asks for the PIN.
  await page.keyboard.press('Control+Alt+D')
  await expect(page.getByRole('heading', { name: '运维管理员验证' })).toBeVisible()
})
