import type { Page } from '@playwright/test'
import { PLATFORM_URL, expect, officeAction, test } from './fixtures'
import { checkCodeOf, submitAppeal } from './track-steps'
import { openSection, openStaffArea } from './staff-signin'

// A whole visit, two syncs and two lookups: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 })

/**
 * 好差评 at the kiosk and the 差评整改 it opens: the visitor tracks a resolved request, rates it
 * 不满意 with a reason and a comment; the rating reaches the platform; the department answers the
 * rectification; the enterprise reads the answer when tracking again, at the kiosk and on /t/.
 */

async function syncFromStaffPanel(page: Page): Promise<void> {
  await openStaffArea(page)
  await openSection(page, '设备')
  await expect(async () => {
    await page.getByRole('button', { name: '立即同步' }).click()
    await expect(page.getByText('同步完成')).toBeVisible({ timeout: 3000 })
  }).toPass()
  await page.getByRole('button', { name: '返回办事首页' }).click()
}

async function track(page: Page, ticket: string, code: string): Promise<void> {
  await page.getByRole('button', { name: /查询办件进度/ }).click()
  await page.getByLabel('请输入受理号').fill(ticket)
  await page.getByRole('textbox', { name: '查询码' }).fill(code)
  await page.getByRole('button', { name: '查询', exact: true }).click()
}

test('a visitor rates a resolved request 不满意; the rectification opens, is answered, and the answer shows when tracking', async ({ page, request }) => {
  const ticket = await submitAppeal(page)
  const code = await checkCodeOf(page, ticket)
  await page.getByRole('button', { name: '完成' }).click()

  // Before it is resolved there is nothing to rate.
  await track(page, ticket, code)
  await expect(page.getByRole('article').getByText('已提交，待受理').first()).toBeVisible()
  await expect(page.getByRole('radiogroup', { name: '满意程度' })).toHaveCount(0)

  for (const body of [
    { type: 'accepted' },
    { type: 'assigned', departmentId: 'service-center', assigneeName: '李志强' },
    { type: 'resolved', resolution: '已协调支付' },
  ]) {
    await officeAction(ticket, body)
  }
  await syncFromStaffPanel(page)

  await track(page, ticket, code)
  const result = page.getByRole('article')
  await expect(result.getByText('已办结').first()).toBeVisible()
  const levels = page.getByRole('radiogroup', { name: '满意程度' })
  await expect(levels.getByRole('radio')).toHaveText(['非常满意', '满意', '基本满意', '不满意', '非常不满意'])
  await page.getByRole('button', { name: '提交评价' }).click()
  await expect(page.getByRole('alert')).toHaveText('请先选择满意程度')
  await levels.getByRole('radio', { name: '不满意', exact: true }).click()
  await expect(levels.getByRole('radio', { name: '不满意', exact: true })).toHaveAttribute('aria-checked', 'true')
  await page.getByRole('button', { name: '来回跑、重复提交材料' }).click()
  await page.getByRole('textbox', { name: '意见或建议（选填）' }).fill('材料交了两次')
  await page.getByRole('button', { name: '提交评价' }).click()
  await expect(page.getByText('感谢您的评价！')).toBeVisible()
  await expect(page.getByText('您的评价：不满意')).toBeVisible()
  await expect(page.getByText(/我们已将您的意见转交责任部门负责人整改，将于\d{4}年\d+月\d+日前给出书面答复/)).toBeVisible()
  await expect(page.getByRole('radiogroup', { name: '满意程度' })).toHaveCount(0)
  await expect(result.getByText('评价', { exact: true })).toBeVisible()

  // The rating reaches the platform once the kiosk syncs, and opens the rectification there.
  await syncFromStaffPanel(page)
  await expect
    .poll(async () => (await (await request.get(`${PLATFORM_URL}/api/v1/track/${ticket}?checkCode=${code}`)).json()).rating)
    .toEqual({ level: 2 })
  const view = await (await request.get(`${PLATFORM_URL}/api/v1/track/${ticket}?checkCode=${code}`)).json()
  expect(view.rectification.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  // A second rating of the same request is refused by the platform's page too.
  const again = await request.post(`${PLATFORM_URL}/t/${ticket}`, { form: { c: code, level: '5' } })
  expect(again.status()).toBe(409)

  // The responsible department answers in writing; the enterprise reads it at the kiosk and on /t/.
  await officeAction(ticket, { type: 'rectified', response: '已约谈经办人员，今后材料一次告知。' })
  await syncFromStaffPanel(page)
  await track(page, ticket, code)
  await expect(page.getByText(/^已整改（\d{4}年\d+月\d+日答复）$/)).toBeVisible()
  await expect(page.getByText('已约谈经办人员，今后材料一次告知。')).toBeVisible()
  await expect(page.getByText('材料交了两次')).toHaveCount(0)
  const publicPage = await (await request.get(`${PLATFORM_URL}/t/${ticket}?c=${code}`)).text()
  expect(publicPage).toContain('已约谈经办人员，今后材料一次告知。')
})
