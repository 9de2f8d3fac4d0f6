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

/** A clerk signed in at a counter PC starts an assisted intake: an item chosen, the enterprise filled in. */
async function startIntakeWithEnterprise(page: Page): Promise<void> {
  await asCounterPc(page)
  await page.goto('/')
  await signInStaff(page, 'clerk')
  await openSection(page, '代客填报')
  await page.getByRole('button', { name: '新建代客填报' }).click()
  await chooseLegalConsultation(page)
  await fillEnterprise(page)
}

test('an assisted intake saves itself as the clerk types: after a reload (a crash, a power cut) the draft holds what was typed', async ({ page }) => {
  await page.clock.install()
  await startIntakeWithEnterprise(page)
  // A moment after the last change the bar says it was saved.
  await page.clock.runFor(1500)
  await expect(page.getByRole('status').filter({ hasText: /^已自动保存为草稿（\d{2}:\d{2}）$/ })).toBeVisible()

  // The counter PC restarts without anyone pressing 保存草稿.
  await page.reload()
  await signInStaff(page, 'clerk')
  await openSection(page, '代客填报')
  const drafts = page.getByRole('list', { name: '我的草稿' })
  await expect(drafts.getByRole('listitem')).toHaveCount(1)
  await page.getByRole('button', { name: `继续填报：${VISITOR.name}` }).click()
  await expectEnterpriseKept(page)
  await next(page, /^下一步/)
  await answerQuestions(page, ['legal-consultation'])
  await next(page, /^下一步$/)
  await confirmAndSubmit(page)
  await page.getByRole('button', { name: '完成', exact: true }).click()
  // Submitted: the draft is gone, autosaved or not.
  await page.clock.runFor(1500)
  await expect(page.getByText('没有草稿')).toBeVisible()
})

/** Checks the enterprise screen still holds what was typed, going back to it from the first question. */
async function expectEnterpriseKept(page: Page): Promise<void> {
  await expect(page.getByText('第1题 / 共3题')).toBeVisible()
  await page.getByRole('button', { name: '上一步' }).click()
  await expect(page.getByRole('heading', { name: '企业和联系人信息' })).toBeVisible()
  await expect(page.getByLabel('统一社会信用代码')).toHaveValue(VISITOR.uscc)
  await expect(page.getByLabel('企业名称')).toHaveValue(VISITOR.name)
  await expect(page.getByLabel('联系人姓名')).toHaveValue(VISITOR.contact)
  await expect(page.getByLabel('联系人手机号')).toHaveValue(VISITOR.mobile)
}

test('返回首页 in an assisted intake keeps it as a draft, says so, and the clerk resumes it with what was typed', async ({ page }) => {
  await asCounterPc(page)
  await page.goto('/')
  await signInStaff(page, 'clerk')
  await openSection(page, '代客填报')
  await page.getByRole('button', { name: '新建代客填报' }).click()
  // The intake's first screen has no 上一步 that would leave it unkept.
  await expect(page.getByRole('heading', { name: '您要办什么？' })).toBeVisible()
  await expect(page.getByRole('button', { name: '上一步' })).toHaveCount(0)
  await chooseLegalConsultation(page)
  await fillEnterprise(page)

  await page.getByRole('button', { name: '返回首页', exact: true }).click()
  const dialog = page.getByRole('dialog').filter({ hasText: '返回代客填报？' })
  await expect(dialog).toContainText('已填写的内容将保存到“我的草稿”')
  await expect(dialog.getByRole('button', { name: '清除并返回首页' })).toHaveCount(0)
  await dialog.getByRole('button', { name: '保存草稿并返回' }).click()

  await expect(page.getByRole('status').filter({ hasText: '已保存为草稿' })).toHaveText(`已保存为草稿：${VISITOR.name}`)
  const drafts = page.getByRole('list', { name: '我的草稿' })
  await expect(drafts.getByRole('listitem')).toHaveCount(1)
  await expect(drafts.getByRole('listitem')).toContainText(VISITOR.name)
  await page.getByRole('button', { name: `继续填报：${VISITOR.name}` }).click()
  await expectEnterpriseKept(page)

  // Leaving it again replaces the same draft; deleting it is asked first.
  await page.getByRole('button', { name: '保存草稿' }).click()
  await expect(drafts.getByRole('listitem')).toHaveCount(1)
  await drafts.getByRole('button', { name: '删除' }).click()
  const confirmDelete = page.getByRole('dialog').filter({ hasText: '删除草稿？' })
  await confirmDelete.getByRole('button', { name: '保留' }).click()
  await expect(drafts.getByRole('listitem')).toHaveCount(1)
  await drafts.getByRole('button', { name: '删除' }).click()
  await confirmDelete.getByRole('button', { name: '删除' }).click()
  await expect(page.getByText('没有草稿')).toBeVisible()
})

test("an assisted intake follows the staff idle rule, not the visitor's: no visitor warning, and the staff sign-out keeps it as a draft", async ({ page }) => {
  await page.clock.install()
  await startIntakeWithEnterprise(page)

  // Past the visitor's 60 s and its 20 s warning: a clerk on the phone is not asked, nor wiped.
  await page.clock.runFor(90_000)
  await expect(page.getByRole('dialog').filter({ hasText: '您还在办理吗？' })).toHaveCount(0)
  await expect(page.getByText('第1题 / 共3题')).toBeVisible()

  // The staff session's ten minutes end it, and the intake is kept.
  await page.clock.runFor(10 * 60_000)
  await expect(page.getByRole('heading', { name: '工作人员登录' })).toBeVisible()
  await expect(page.getByRole('status')).toHaveText('超过 10 分钟无操作，已自动退出登录')
  await expect(page.getByText(VISITOR.uscc)).toHaveCount(0)

  await signInStaff(page, 'clerk')
  await openSection(page, '代客填报')
  const drafts = page.getByRole('list', { name: '我的草稿' })
  await expect(drafts.getByRole('listitem')).toContainText(VISITOR.name)
  await page.getByRole('button', { name: `继续填报：${VISITOR.name}` }).click()
  await expectEnterpriseKept(page)
})
