import type { Page } from '@playwright/test'
import { OFFICE_TOKEN, PLATFORM_URL, expect, test } from './fixtures'
import { STAFF, openStaffArea } from './staff-signin'
import { asCounterPc, row, seedAppeals, signInAtCounter, syncNow } from './staff-worklist'

// Seeding, syncing and a whole loop of handling: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 })
test.use({ viewport: { width: 1920, height: 1080 } })

async function officeView(ticketNo: string) {
  const res = await fetch(`${PLATFORM_URL}/api/v1/office/requests?limit=500`, { headers: { authorization: `Bearer ${OFFICE_TOKEN}` } })
  const { requests } = (await res.json()) as { requests: Array<{ ticketNo: string; timeline: Array<{ type: string }>; awaitingMaterials?: string[]; assigneeName?: string }> }
  return requests.find((r) => r.ticketNo === ticketNo)
}

/** The clerk accepts the open request and assigns it to the hrss handler by name (责任到人). */
async function acceptAndAssignToHandler(page: Page): Promise<void> {
  await act(page, '受理')
  await confirm(page, '受理')
  await act(page, '指派责任人')
  await page.getByRole('combobox', { name: '责任部门' }).selectOption({ label: '市人力资源和社会保障局' })
  await page.getByRole('combobox', { name: '责任人' }).selectOption({ label: STAFF.handler.name })
  await confirm(page, '指派责任人')
}

async function act(page: Page, action: string): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click()
  await expect(page.getByRole('form', { name: action })).toBeVisible()
}

async function confirm(page: Page, action: string): Promise<void> {
  await page.getByRole('button', { name: '确认', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: `已记录：${action}` })).toBeVisible()
}

test('a request goes round the loop at the counter: accepted, assigned to a named person, consulted, material asked for and supplied, noted, resolved and closed', async ({ page }) => {
  const [labor] = await seedAppeals(['labor'])
  await asCounterPc(page)
  await signInAtCounter(page, 'clerk')
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible()
  await expect(page.getByTestId('overdue-count')).toBeVisible()
  await row(page, labor!.ticketNo).click()
  await expect(page.getByRole('heading', { name: labor!.name })).toBeVisible()
  await expect(page.getByText('已提交，待受理')).toBeVisible()

  await acceptAndAssignToHandler(page)
  await expect(page.getByText(`市人力资源和社会保障局 · ${STAFF.handler.name}`)).toBeVisible()
  await act(page, '会商')
  await page.getByRole('checkbox', { name: '市司法局' }).check()
  await page.getByRole('textbox', { name: '会商事由' }).fill('涉及劳动仲裁')
  await confirm(page, '会商')
  await expect(page.getByText('会商部门：市司法局')).toBeVisible()
  await page.getByRole('button', { name: '退出登录' }).click()

  // The handler of that department takes it from here.
  await signInAtCounter(page, 'handler')
  await row(page, labor!.ticketNo).click()
  await act(page, '通知补正材料')
  await page.getByRole('textbox', { name: '其他材料（每行一项）' }).fill('劳动合同复印件\n工资支付记录')
  await confirm(page, '通知补正材料')
  await expect(page.getByRole('note')).toHaveText('待补正材料：劳动合同复印件、工资支付记录')
  await act(page, '添加备注')
  await page.getByRole('textbox', { name: '备注' }).fill('企业已送来材料')
  await page.getByRole('checkbox', { name: '企业已补齐所需材料' }).check()
  await confirm(page, '添加备注')
  await expect(page.getByRole('note')).toHaveCount(0)
  await act(page, '办结')
  await page.getByRole('textbox', { name: '办理结果' }).fill('已协调企业补发工资')
  await confirm(page, '办结')
  // A handler does not close.
  await expect(page.getByRole('button', { name: '归档', exact: true })).toHaveCount(0)
  await page.getByRole('button', { name: '退出登录' }).click()

  await signInAtCounter(page, 'lead')
  await page.getByRole('combobox', { name: '时限' }).selectOption({ label: '已办结' })
  await row(page, labor!.ticketNo).click()
  await act(page, '归档')
  await confirm(page, '归档')
  await expect(page.getByText('已归档').first()).toBeVisible()
  const timeline = page.getByRole('region', { name: '办理记录' })
  await expect(timeline.getByRole('listitem')).toHaveCount(8)
  await expect(timeline.getByRole('listitem').first()).toContainText(STAFF.lead.name)

  // Every step reaches the platform once.
  await syncNow(page)
  const view = await officeView(labor!.ticketNo)
  expect(view?.timeline.map((t) => t.type)).toEqual(['submitted', 'accepted', 'assigned', 'escalated', 'material_requested', 'noted', 'resolved', 'closed'])
})

test('a step another window took first is refused with the reason, and nothing is stored twice', async ({ page, context }) => {
  const [labor] = await seedAppeals(['labor'])
  await asCounterPc(page)
  await signInAtCounter(page, 'clerk')
  await row(page, labor!.ticketNo).click()
  await act(page, '受理')

  const other = await context.newPage()
  await other.goto('/#staff')
  const { signInStaff } = await import('./staff-signin')
  await signInStaff(other, 'deptClerk')
  await row(other, labor!.ticketNo).click()
  await act(other, '受理')
  await confirm(other, '受理')
  await other.close()

  await page.getByRole('button', { name: '确认', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText('该办件已受理，不需要再受理')
})

test('a handler sees only what their department is responsible for; the worklist filters and searches', async ({ page }) => {
  const [labor, financing] = await seedAppeals(['labor', 'financing'])
  await asCounterPc(page)
  await signInAtCounter(page, 'handler')
  await expect(row(page, labor!.ticketNo)).toBeVisible()
  await expect(row(page, financing!.ticketNo)).toHaveCount(0)
  await page.getByRole('searchbox', { name: '受理号、企业名称或统一社会信用代码' }).fill(financing!.ticketNo)
  await page.getByRole('button', { name: '搜索', exact: true }).click()
  await expect(page.getByText('没有符合条件的办件')).toBeVisible()
  await page.getByRole('button', { name: '退出登录' }).click()

  await signInAtCounter(page, 'clerk')
  await expect(row(page, financing!.ticketNo)).toBeVisible()
  // Search: the ticket typed in lower case without dashes, then part of the business name.
  const search = page.getByRole('searchbox', { name: '受理号、企业名称或统一社会信用代码' })
  await search.fill(financing!.ticketNo.toLowerCase().replaceAll('-', ''))
  await page.getByRole('button', { name: '搜索', exact: true }).click()
  await expect(page.getByRole('row')).toHaveCount(2)
  await expect(row(page, financing!.ticketNo)).toBeVisible()
  await search.fill(financing!.name.slice(2, 9))
  await page.getByRole('button', { name: '搜索', exact: true }).click()
  await expect(row(page, financing!.ticketNo)).toBeVisible()
  await page.getByRole('button', { name: '清除搜索' }).click()

  // Filters: a department, then a status nobody's request has.
  await page.getByRole('combobox', { name: '部门' }).selectOption({ label: '市人力资源和社会保障局' })
  await expect(row(page, labor!.ticketNo)).toBeVisible()
  await expect(row(page, financing!.ticketNo)).toHaveCount(0)
  await page.getByRole('combobox', { name: '部门' }).selectOption({ label: '全部' })
  await page.getByRole('combobox', { name: '状态' }).selectOption({ label: '已撤回' })
  await expect(page.getByText('没有符合条件的办件')).toBeVisible()
  await page.getByRole('combobox', { name: '状态' }).selectOption({ label: '全部' })
  await page.getByRole('combobox', { name: '时限' }).selectOption({ label: '已超期' })
  await expect(row(page, labor!.ticketNo)).toHaveCount(0)
  await page.getByRole('combobox', { name: '时限' }).selectOption({ label: '未办结' })
  await expect(row(page, labor!.ticketNo)).toBeVisible()
  await expect(row(page, labor!.ticketNo)).toContainText('年')

  await page.screenshot({ path: '/tmp/worklist-1920x1080.png' })
  await row(page, labor!.ticketNo).click()
  await expect(page.getByRole('heading', { name: labor!.name })).toBeVisible()
  await page.screenshot({ path: '/tmp/worklist-detail-1920x1080.png' })
  await page.setViewportSize({ width: 1280, height: 1024 })
  await page.screenshot({ path: '/tmp/worklist-detail-1280x1024.png' })
  await page.getByRole('button', { name: /返回工作台/ }).click()
  await page.screenshot({ path: '/tmp/worklist-1280x1024.png' })
})

test('an action taken offline reaches the platform once when the network returns', async ({ page }) => {
  const [labor] = await seedAppeals(['labor'])
  await asCounterPc(page)
  await signInAtCounter(page, 'clerk')
  await page.route(`${PLATFORM_URL}/**`, (route) => route.abort('internetdisconnected'))
  await row(page, labor!.ticketNo).click()
  await act(page, '受理')
  await confirm(page, '受理')
  await expect(page.getByText('已受理').first()).toBeVisible()
  expect((await officeView(labor!.ticketNo))?.timeline.map((t) => t.type)).toEqual(['submitted'])

  await page.unroute(`${PLATFORM_URL}/**`)
  await syncNow(page)
  // A second round pushes nothing again.
  await syncNow(page)
  expect((await officeView(labor!.ticketNo))?.timeline.map((t) => t.type)).toEqual(['submitted', 'accepted'])
})

test('tracking at a lobby kiosk shows who is responsible by surname, the material awaited and the due date', async ({ page, browser }) => {
  const [labor] = await seedAppeals(['labor'])
  await asCounterPc(page)
  await signInAtCounter(page, 'clerk')
  await row(page, labor!.ticketNo).click()
  await acceptAndAssignToHandler(page)
  await page.getByRole('button', { name: '退出登录' }).click()
  await signInAtCounter(page, 'handler')
  await row(page, labor!.ticketNo).click()
  await act(page, '通知补正材料')
  await page.getByRole('textbox', { name: '其他材料（每行一项）' }).fill('劳动合同复印件')
  await confirm(page, '通知补正材料')
  await syncNow(page)

  const lobby = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage()
  await lobby.goto('/')
  await openStaffArea(lobby, 'clerk')
  await syncNow(lobby)
  await lobby.getByRole('button', { name: '返回办事首页' }).click()
  await lobby.getByRole('button', { name: /查询办件进度/ }).click()
  await lobby.getByLabel('请输入受理号').click()
  await lobby.keyboard.type(`${PLATFORM_URL}/t/${labor!.ticketNo}?c=${labor!.checkCode}\n`)
  const result = lobby.getByRole('article')
  await expect(result).toContainText(`${STAFF.handler.name[0]}**`)
  await expect(result).not.toContainText(STAFF.handler.name)
  await expect(result).toContainText('待补正材料')
  await expect(result).toContainText('劳动合同复印件')
  await expect(result).toContainText(/限时办结\s*\d{4}年\d{1,2}月\d{1,2}日/)
  await lobby.context().close()
})

test('the enterprise withdraws its request at the counter: the clerk records why, and the platform has it once', async ({ page }) => {
  const [labor] = await seedAppeals(['labor'])
  await asCounterPc(page)
  await signInAtCounter(page, 'clerk')
  await row(page, labor!.ticketNo).click()
  // Not yet accepted and not due for weeks: the detail marks no due state.
  await expect(page.getByText('已提交，待受理')).toBeVisible()
  await expect(page.getByText('已办结', { exact: true })).toHaveCount(0)
  await act(page, '撤回（企业申请）')
  await expect(page.getByRole('note')).toHaveText('撤回后该办件不再办理，也不能恢复；企业如仍需办理，须重新提交。')
  await page.getByRole('button', { name: '确认', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText('请填写撤回原因（企业的说明）')
  await page.getByRole('textbox', { name: '撤回原因（企业的说明）' }).fill('企业已自行与员工协商解决')
  await confirm(page, '撤回（企业申请）')
  await expect(page.getByText('已撤回').first()).toBeVisible()
  await expect(page.getByRole('button', { name: '撤回（企业申请）', exact: true })).toHaveCount(0)
  await syncNow(page)
  await syncNow(page)
  expect((await officeView(labor!.ticketNo))?.timeline.map((t) => t.type)).toEqual(['submitted', 'withdrawn'])
})
