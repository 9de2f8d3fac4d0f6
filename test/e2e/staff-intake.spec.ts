import type { Page } from '@playwright/test'
import { PLATFORM_URL, expect, test } from './fixtures'
import { STAFF, asCounterPc, openSection, signInStaff } from './staff-signin'
import { VISITOR, answerQuestions, confirmAndSubmit, fillEnterprise, next } from './visitor-steps'
import type { PullResponse, RequestEvent } from '../../shared/index'

/** Every `submitted` event of this ticket as a counter PC of HZ01 pulls them from the platform. */
async function submittedOnPlatform(ticketNo: string): Promise<Extract<RequestEvent, { type: 'submitted' }>[]> {
  const enrolled = await fetch(`${PLATFORM_URL}/api/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: 'COUNTER2026', deviceName: 'e2e reader' }),
  })
  const { token } = (await enrolled.json()) as { token: string }
  const found: Extract<RequestEvent, { type: 'submitted' }>[] = []
  for (let since = 0; ; ) {
    const page = (await (await fetch(`${PLATFORM_URL}/api/v1/sync/pull?since=${since}&limit=1000`, { headers: { authorization: `Bearer ${token}` } })).json()) as PullResponse
    for (const c of page.changes) if (c.kind === 'event' && c.event.type === 'submitted' && c.event.request.ticketNo === ticketNo) found.push(c.event)
    since = page.cursor
    if (!page.hasMore) return found
  }
}

async function chooseLegalConsultation(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^法治/ }).click()
  await page.getByRole('checkbox', { name: /企业法律咨询/ }).click()
  await next(page, /^下一步/)
}

test('a counter PC opens on the sign-in; a clerk takes a request at the counter that reaches the platform once, as a counter intake by that clerk', async ({ page }) => {
  await asCounterPc(page)
  await page.goto('/')
  await expect(page.getByRole('heading', { name: '工作人员登录' })).toBeVisible()
  // Nowhere else to go on a counter PC.
  await expect(page.getByRole('button', { name: '返回办事首页' })).toHaveCount(0)
  await signInStaff(page, 'clerk')
  await openSection(page, '代客填报')
  await page.getByRole('button', { name: '新建代客填报' }).click()
  await chooseLegalConsultation(page)
  await fillEnterprise(page)
  await answerQuestions(page, ['legal-consultation'])
  await next(page, /^下一步$/)
  const ticket = await confirmAndSubmit(page)
  await expect(page.getByText('已同步至省平台')).toBeVisible({ timeout: 30_000 })

  const events = await submittedOnPlatform(ticket)
  expect(events).toHaveLength(1)
  expect(events[0]!.request.channel).toBe('counter')
  expect(events[0]!.author).toEqual({ kind: 'staff', id: STAFF.clerk.id, name: STAFF.clerk.name })

  await page.getByRole('button', { name: '完成', exact: true }).click()
  await expect(page.getByRole('button', { name: '新建代客填报' })).toBeVisible()
})

test('a clerk saves an intake as a draft, finds it after a reload, resumes it where they left it and submits it', async ({ page }) => {
  await asCounterPc(page)
  await page.goto('/')
  await signInStaff(page, 'clerk')
  await openSection(page, '代客填报')
  await expect(page.getByText('没有草稿')).toBeVisible()
  await page.getByRole('button', { name: '新建代客填报' }).click()
  await chooseLegalConsultation(page)
  await fillEnterprise(page)
  await page.getByRole('button', { name: '保存草稿' }).click()

  const drafts = page.getByRole('list', { name: '我的草稿' })
  await expect(drafts.getByRole('listitem')).toHaveCount(1)
  await expect(drafts.getByRole('listitem')).toContainText(VISITOR.name)
  await expect(drafts.getByRole('listitem')).toContainText('保存于刚刚')

  // Drafts stay on the device: after a reload and a new sign-in it is still there.
  await page.reload()
  await signInStaff(page, 'clerk')
  await openSection(page, '代客填报')
  await page.getByRole('button', { name: `继续填报：${VISITOR.name}` }).click()
  await answerQuestions(page, ['legal-consultation'])
  await next(page, /^下一步$/)
  await expect(page.getByText(VISITOR.uscc)).toBeVisible()
  await confirmAndSubmit(page)
  await page.getByRole('button', { name: '完成', exact: true }).click()
  await expect(page.getByText('没有草稿')).toBeVisible()
})
