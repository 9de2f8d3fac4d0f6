import { test, expect, officeAction } from './fixtures'
import { answerQuestions, confirmAndSubmit, fillEnterprise, next, startVisit, VISITOR } from './visitor-steps'

test('one item end to end: receipt with ticket number, then synced; still findable after a reload', async ({ page }) => {
  await startVisit(page)
  await page.getByRole('button', { name: /^法治/ }).click()
  await page.getByRole('checkbox', { name: /企业法律咨询/ }).click()
  await next(page, /^下一步/)
  await fillEnterprise(page)
  const asked = await answerQuestions(page, ['legal-consultation'])
  expect(asked).toEqual(['legalTopic', 'legalQuestion', 'prefersOnsite'])

  await expect(page.getByRole('heading', { name: '请确认申请材料' })).toBeVisible()
  // Its only document is optional (选交): nothing is forced, and it is never owed later.
  await expect(page.getByRole('radio', { name: '稍后补交' })).toHaveCount(0)
  await expect(page.getByRole('radio', { name: '不提供' })).toHaveAttribute('aria-checked', 'true')
  await next(page, /^下一步$/)

  await expect(page.getByRole('heading', { name: '请核对您的信息' })).toBeVisible()
  await expect(page.getByText(VISITOR.uscc)).toBeVisible()
  const ticket = await confirmAndSubmit(page)
  const checkCode = await page.getByTestId('check-code').innerText()

  await expect(page.getByText('企业法律咨询')).toBeVisible()
  await expect(page.getByText('市司法局')).toBeVisible()
  await expect(page.getByText('限时办结', { exact: true })).toBeVisible()
  await expect(page.getByRole('img', { name: '扫码查看办理进度' })).toBeVisible()
  await expect(page.getByText(/需补交/)).toHaveCount(0)
  await expect(page.getByText('已同步至省平台')).toBeVisible({ timeout: 30_000 })

  await page.reload()
  await page.getByRole('button', { name: /查询办件进度/ }).click()
  await page.getByLabel('请输入受理号').fill(ticket.toLowerCase())
  await page.getByRole('textbox', { name: '查询码' }).fill(checkCode)
  await page.getByRole('button', { name: '查询', exact: true }).click()
  await expect(page.getByText(ticket)).toBeVisible()
  await expect(page.getByText('市司法局')).toBeVisible()
  await expect(page.getByText('办理记录')).toBeVisible()
  await expect(page.getByText('待分配')).toBeVisible()

  // A department acts on the platform; the kiosk learns of it by pulling (a reload syncs at once).
  for (const body of [{ type: 'accepted' }, { type: 'assigned', departmentId: 'justice', assigneeName: '张敏' }]) await officeAction(ticket, body)
  await expect(async () => {
    await page.reload()
    await page.getByRole('button', { name: /查询办件进度/ }).click()
    await page.getByLabel('请输入受理号').fill(ticket)
    await page.getByRole('textbox', { name: '查询码' }).fill(checkCode)
    await page.getByRole('button', { name: '查询', exact: true }).click()
    // The person responsible by surname only: the public view names no one in full.
    await expect(page.getByText('张**').first()).toBeVisible({ timeout: 3_000 })
  }).toPass({ timeout: 30_000 })
  await expect(page.getByText('张敏')).toHaveCount(0)
  await expect(page.getByText('办理中').first()).toBeVisible()
})

test('修改 on the check screen goes to that question and returns to the check screen', async ({ page }) => {
  await startVisit(page)
  await page.getByRole('button', { name: /^法治/ }).click()
  await page.getByRole('checkbox', { name: /企业法律咨询/ }).click()
  await next(page, /^下一步/)
  await fillEnterprise(page)
  await answerQuestions(page, ['legal-consultation'])
  await page.getByRole('button', { name: '全部已带来' }).click()
  await next(page, /^下一步$/)

  await page.getByRole('button', { name: '修改 具体问题' }).click()
  await expect(page.getByRole('heading', { name: '具体问题' })).toBeVisible()
  await page.getByRole('textbox', { name: '具体问题' }).fill('股权转让协议的审查')
  // Both ways off a change made from the check screen lead back there, and say so.
  await expect(page.getByRole('button', { name: /^上一步/ })).toHaveCount(0)
  await next(page, /^返回核对$/)
  await expect(page.getByRole('heading', { name: '请核对您的信息' })).toBeVisible()
  await expect(page.getByText('股权转让协议的审查')).toBeVisible()

  await page.getByRole('button', { name: '修改 企业信息' }).click()
  await page.getByLabel('企业名称').fill('杭州云栖智造科技股份有限公司')
  await next(page, /^返回核对$/)
  await expect(page.getByRole('heading', { name: '请核对您的信息' })).toBeVisible()
  await expect(page.getByText('杭州云栖智造科技股份有限公司')).toBeVisible()
})

test('declining consent returns without submitting', async ({ page }) => {
  await startVisit(page)
  await page.getByRole('button', { name: /^法治/ }).click()
  await page.getByRole('checkbox', { name: /企业法律咨询/ }).click()
  await next(page, /^下一步/)
  await fillEnterprise(page)
  await answerQuestions(page, ['legal-consultation'])
  await page.getByRole('button', { name: '全部已带来' }).click()
  await next(page, /^下一步$/)
  await page.getByRole('button', { name: '信息无误，下一步' }).click()
  await expect(page.getByText('保存多久')).toBeVisible()
  await expect(page.getByText(/保存180天/)).toBeVisible()
  await page.getByRole('button', { name: '不同意' }).click()
  await expect(page.getByRole('heading', { name: '请核对您的信息' })).toBeVisible()
  await expect(page.getByText('已受理')).toHaveCount(0)
})
