import { test, expect } from './fixtures'
import { confirmAndSubmit, fillEnterprise, next, startVisit, VISITOR } from './visitor-steps'

test('an appeal: category, what happened, what is wanted, department tried, enterprise, consent, receipt', async ({ page }) => {
  await startVisit(page)
  await page.getByRole('button', { name: /我有问题要反映/ }).click()
  await expect(page.getByText('第1步 / 共6步')).toBeVisible()
  await page.getByRole('radio', { name: /拖欠账款/ }).click()

  await expect(page.getByRole('heading', { name: '发生了什么？' })).toBeVisible()
  await next(page, /^下一步$/)
  await expect(page.getByText('请填写这一项')).toBeVisible()
  await page.getByRole('textbox', { name: '发生了什么？' }).fill('某区属国企拖欠我司工程款120万元，已逾期8个月。')
  await next(page, /^下一步$/)
  await page.getByRole('textbox', { name: '希望得到怎样的解决？' }).fill('希望协调对方在年底前支付欠款。')
  await next(page, /^下一步$/)
  await expect(page.getByText('没有找过可以不填。')).toBeVisible()
  await page.getByRole('textbox', { name: '之前已经找过哪个部门？' }).fill('区经信局')
  await next(page, /^下一步$/)

  await expect(page.getByText('第5步 / 共6步')).toBeVisible()
  await fillEnterprise(page)
  await expect(page.getByRole('heading', { name: '请核对您的信息' })).toBeVisible()
  await expect(page.getByText('第6步 / 共6步')).toBeVisible()
  await expect(page.getByText('某区属国企拖欠我司工程款120万元，已逾期8个月。')).toBeVisible()
  await expect(page.getByText(VISITOR.name)).toBeVisible()
  const ticket = await confirmAndSubmit(page)
  expect(ticket).toBeTruthy()
  await expect(page.getByText('您反映的问题已受理，请保留受理号和查询码。')).toBeVisible()
  await expect(page.getByText('拖欠账款')).toBeVisible()
  await expect(page.getByText('已同步至省平台')).toBeVisible({ timeout: 30_000 })
})
