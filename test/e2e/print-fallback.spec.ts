import { test, expect } from './fixtures'
import { confirmAndSubmit, fillEnterprise, next, startVisit } from './visitor-steps'

test('when the receipt does not print, the visitor is told plainly and the ticket number and QR code stay on screen', async ({ page }) => {
  // A printer that fails: the browser's print call in the receipt's print frame throws.
  await page.addInitScript(() => {
    const contentWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      get(this: HTMLIFrameElement) {
        const win = contentWindow.get!.call(this) as Window | null
        if (win) win.print = () => { throw new Error('printer jammed') }
        return win
      },
    })
  })
  await startVisit(page)
  await page.getByRole('button', { name: /我有问题要反映/ }).click()
  await page.getByRole('radio', { name: /拖欠账款/ }).click()
  await page.getByRole('textbox', { name: '发生了什么？' }).fill('某区属国企拖欠我司工程款120万元，已逾期8个月。')
  await next(page, /^下一步$/)
  await page.getByRole('textbox', { name: '希望得到怎样的解决？' }).fill('希望协调对方在年底前支付欠款。')
  await next(page, /^下一步$/)
  await next(page, /^下一步$/)
  await fillEnterprise(page)
  const ticket = await confirmAndSubmit(page)

  await page.getByRole('button', { name: '打印回执' }).click()
  const alert = page.getByRole('alert').filter({ hasText: '回执没有打印出来' })
  await expect(alert).toBeVisible()
  await expect(alert).toContainText('打印机出现故障。')
  await expect(alert).toContainText('请用手机拍下本页的受理号和二维码')
  await expect(alert).not.toContainText('printer jammed')
  await expect(page.getByTestId('ticket-no')).toHaveText(ticket)
  await expect(page.getByRole('img', { name: '扫码查看办理进度' })).toBeVisible()
  await page.screenshot({ path: '/tmp/fleet-e2e-print-fallback.png' })
})
