import { test, expect } from './fixtures'
import { answerQuestions, fillEnterprise, next, startVisit } from './visitor-steps'

test('a full disk: the visitor is told plainly that nothing was saved, and gets no receipt', async ({ page }) => {
  // The disk "fills up" once the test says so: every IndexedDB write then fails as a full disk does.
  await page.addInitScript(() => {
    const w = window as unknown as { __diskFull?: boolean }
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method]
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
        if (w.__diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        return original.apply(this, args)
      } as typeof original
    }
  })
  await startVisit(page)
  await page.getByRole('button', { name: /^法治/ }).click()
  await page.getByRole('checkbox', { name: /企业法律咨询/ }).click()
  await next(page, /^下一步/)
  await fillEnterprise(page)
  await answerQuestions(page, ['legal-consultation'])
  await page.getByRole('button', { name: '全部已带来' }).click()
  await next(page, /^下一步$/)
  await page.getByRole('button', { name: '信息无误，下一步' }).click()
  await page.evaluate(() => ((window as unknown as { __diskFull?: boolean }).__diskFull = true))
  await page.getByRole('button', { name: '同意并提交' }).click()

  await expect(page.getByText('本机存储空间不足，您的申请未能保存，请联系工作人员')).toBeVisible()
  await expect(page.getByText('您的申请未能保存', { exact: true })).toBeVisible()
  await expect(page.getByText('受理号')).toHaveCount(0)
  await expect(page.getByRole('heading', { name: '已受理' })).toHaveCount(0)
  await page.getByRole('button', { name: '返回修改' }).click()
  await expect(page.getByRole('heading', { name: '请核对您的信息' })).toBeVisible()
})
