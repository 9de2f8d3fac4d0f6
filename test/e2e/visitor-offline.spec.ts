import { test, expect } from './fixtures'
import { answerQuestions, confirmAndSubmit, fillEnterprise, next, startVisit } from './visitor-steps'

test('offline: the receipt says waiting to upload and that online tracking follows; when the platform is back it says synced', async ({ page, platform }) => {
  // The kiosk's retry timers run on Playwright's clock: a slow machine must not outwait its backoff.
  await page.clock.install()
  await startVisit(page)
  await platform.stop()
  await page.getByRole('button', { name: /^法治/ }).click()
  await page.getByRole('checkbox', { name: /企业法律咨询/ }).click()
  await next(page, /^下一步/)
  await fillEnterprise(page)
  await answerQuestions(page, ['legal-consultation'])
  await page.getByRole('button', { name: '全部已带来' }).click()
  await next(page, /^下一步$/)
  const ticket = await confirmAndSubmit(page)
  expect(ticket).toBeTruthy()
  await expect(page.getByText('待上传，联网后自动上传')).toBeVisible()
  // The QR code points at the platform, which does not know the request yet: the receipt says so.
  const note = page.getByText(/上传后才能扫码或在网上查询进度/)
  await expect(note).toBeVisible()

  await platform.start()
  // However far the retries have backed off, the next one is due within the 5-minute cap.
  await page.clock.fastForward('05:00')
  // Five idle minutes also raise the shared-screen warning (which hides the receipt): the visitor is still there.
  await page.getByRole('button', { name: '继续办理' }).click()
  await expect(page.getByText('已同步至省平台')).toBeVisible({ timeout: 45_000 })
  await expect(note).toBeHidden()
})
