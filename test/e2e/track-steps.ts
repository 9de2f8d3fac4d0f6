import { expect, type Page } from '@playwright/test'
import { confirmAndSubmit, fillEnterprise, next, startVisit } from './visitor-steps'

/** Tracking and rating specs: a problem reported at the kiosk and synced, and its receipt's check code. */

export async function submitAppeal(page: Page): Promise<string> {
  await startVisit(page)
  await page.getByRole('button', { name: /我有问题要反映/ }).click()
  await page.getByRole('radio', { name: /拖欠账款/ }).click()
  await page.getByRole('textbox', { name: '发生了什么？' }).fill('某区属国企拖欠我司工程款。')
  await next(page, /^下一步$/)
  await page.getByRole('textbox', { name: '希望得到怎样的解决？' }).fill('希望年底前支付。')
  await next(page, /^下一步$/)
  await next(page, /^下一步$/)
  await fillEnterprise(page)
  const ticket = await confirmAndSubmit(page)
  await expect(page.getByText('已同步至省平台')).toBeVisible({ timeout: 30_000 })
  return ticket
}

/** The check code printed on the receipt (the print goes to paper, so the test reads what was saved). */
export async function checkCodeOf(page: Page, ticketNo: string): Promise<string> {
  return page.evaluate(
    (ticket) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('kiosk')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const get = open.result.transaction('requests').objectStore('requests').index('ticketNo').get(ticket)
          get.onsuccess = () => resolve((get.result as { intake: { checkCode: string } }).intake.checkCode)
          get.onerror = () => reject(get.error)
        }
      }),
    ticketNo,
  )
}
