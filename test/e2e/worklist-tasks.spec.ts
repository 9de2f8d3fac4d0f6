import { readFileSync } from 'node:fs'
import type { Download, Page } from '@playwright/test'
import { chinaDateOf } from '../../shared/calendar/index'
import { PLATFORM_URL, expect, officeAction, test } from './fixtures'
import { STAFF } from './staff-signin'
import { asCounterPc, row, seedAppeals, signInAtCounter, syncNow } from './staff-worklist'

// Seeding, syncing and signing in twice: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 })
test.use({ viewport: { width: 1920, height: 1080 } })

/**
 * The worklist's two jobs for the lead and the clerk beyond handling: the 差评整改 task a low rating
 * opens, answered at the counter by the responsible department's lead; and the list exported to CSV
 * exactly as it is filtered or searched.
 */

const TODAY = chinaDateOf(new Date().toISOString())

async function resolveForHrss(ticketNo: string): Promise<void> {
  await officeAction(ticketNo, { type: 'accepted' })
  await officeAction(ticketNo, { type: 'assigned', departmentId: 'hrss', assigneeName: STAFF.handler.name })
  await officeAction(ticketNo, { type: 'resolved', resolution: '已协调企业补发工资' })
}

/** The CSV the download holds: BOM checked, then its lines split into cells (no cell here holds a comma). */
async function readCsv(download: Download): Promise<{ lines: string[]; tickets: string[] }> {
  const bytes = readFileSync((await download.path())!)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = bytes.toString('utf8').slice(1).split('\r\n').filter((l) => l !== '')
  return { lines, tickets: lines.slice(1).map((l) => l.split(',')[0]!) }
}

/** Every ticket number the worklist shows, page after page, then back to the first page. */
async function ticketsShown(page: Page): Promise<string[]> {
  const tickets: string[] = []
  const next = page.getByRole('button', { name: '下一页' })
  for (;;) {
    await expect(page.getByText('正在读取…')).toHaveCount(0)
    tickets.push(...(await page.locator('.wl__ticket').allTextContents()).map((t) => t.trim()))
    if (await next.isDisabled()) break
    const first = await page.locator('.wl__ticket').first().textContent()
    await next.click()
    await expect(page.locator('.wl__ticket').first()).not.toHaveText(first!)
  }
  while (await page.getByRole('button', { name: '上一页' }).isEnabled()) await page.getByRole('button', { name: '上一页' }).click()
  return tickets
}

async function exportList(page: Page): Promise<Download> {
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出 CSV' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe(`工作台-${TODAY}.csv`)
  return file
}

test('a 不满意 rating opens a 差评整改 task in the lead’s worklist; the lead answers it at the counter and the enterprise reads the answer', async ({ page, request }) => {
  const [labor] = await seedAppeals(['labor'])
  await resolveForHrss(labor!.ticketNo)
  // The enterprise rates it on the public tracking page (its receipt's QR code).
  const rated = await request.post(`${PLATFORM_URL}/t/${labor!.ticketNo}`, { form: { c: labor!.checkCode, level: '2', comment: '材料交了两次' } })
  expect(rated.status()).toBeLessThan(400)

  await asCounterPc(page)
  await signInAtCounter(page, 'lead')
  // Resolved requests are not in the open list; the header says a low rating waits for an answer.
  await expect(row(page, labor!.ticketNo)).toHaveCount(0)
  const tasks = page.getByTestId('rectification-count')
  await expect(tasks).toHaveText(/^待答复差评 \d+ 件$/)
  await tasks.click()
  await expect(tasks).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('combobox', { name: '差评整改' })).toHaveValue('open')
  await expect(page.getByRole('columnheader', { name: '整改答复期限' })).toBeVisible()
  const task = row(page, labor!.ticketNo)
  await expect(task).toContainText('差评待整改')
  await expect(task).toContainText('市人力资源和社会保障局')
  await page.screenshot({ path: '/tmp/worklist-tasks-1920x1080.png' })

  await task.click()
  const note = page.getByTestId('rectification')
  await expect(note).toContainText('不满意，待答复')
  await expect(note).toContainText('企业意见：材料交了两次')
  await page.getByRole('button', { name: '答复差评整改', exact: true }).click()
  await page.getByRole('button', { name: '确认', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText('请填写整改答复（企业查询时可见）')
  await page.getByRole('textbox', { name: '整改答复（企业查询时可见）' }).fill('已约谈经办人员，今后材料一次告知。')
  await page.getByRole('button', { name: '确认', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: '已记录：答复差评整改' })).toBeVisible()
  await expect(note).toContainText('已约谈经办人员，今后材料一次告知。')
  await expect(page.getByRole('button', { name: '答复差评整改', exact: true })).toHaveCount(0)

  // Back in the list the task has left the open ones and is among the answered.
  await page.getByRole('button', { name: /返回工作台/ }).click()
  await expect(row(page, labor!.ticketNo)).toHaveCount(0)
  await page.getByRole('combobox', { name: '差评整改' }).selectOption({ label: '已答复' })
  await expect(row(page, labor!.ticketNo)).toBeVisible()
  await expect(row(page, labor!.ticketNo)).not.toContainText('差评待整改')

  // The answer reaches the platform once, and the enterprise reads it when tracking.
  await syncNow(page)
  await expect
    .poll(async () => (await (await request.get(`${PLATFORM_URL}/api/v1/track/${labor!.ticketNo}?checkCode=${labor!.checkCode}`)).json()).rectification?.response)
    .toBe('已约谈经办人员，今后材料一次告知。')
  const publicPage = await (await request.get(`${PLATFORM_URL}/t/${labor!.ticketNo}?c=${labor!.checkCode}`)).text()
  expect(publicPage).toContain('已约谈经办人员，今后材料一次告知。')
})

test('the worklist exports to CSV exactly as filtered or searched: BOM, header, the rows shown, a formula-like name defused', async ({ page }) => {
  const formula = '=HYPERLINK("http://x")导出测试有限公司'
  const [first, second] = await seedAppeals(['labor', 'labor'], [formula, '导出测试第二有限公司'])
  await asCounterPc(page)
  await signInAtCounter(page, 'clerk')

  // A filter: hrss's open requests, every page of them, in the order shown.
  await page.getByRole('combobox', { name: '部门' }).selectOption({ label: '市人力资源和社会保障局' })
  await expect(row(page, first!.ticketNo)).toBeVisible()
  const shown = await ticketsShown(page)
  const filtered = await readCsv(await exportList(page))
  expect(filtered.lines[0]).toBe('受理号,企业名称,统一社会信用代码,办理事项或反映问题,状态,责任部门,责任人,渠道,提交时间,限时办结,时限,待补正材料,整改答复期限,差评整改')
  expect(filtered.tickets).toEqual(shown)
  await expect(page.getByRole('status').filter({ hasText: `已导出 ${shown.length} 件：工作台-${TODAY}.csv` })).toBeVisible()

  // A search: only its matches, the formula-like name quoted and defused.
  await page.getByRole('searchbox', { name: '受理号、企业名称或统一社会信用代码' }).fill('导出测试')
  await page.getByRole('button', { name: '搜索', exact: true }).click()
  await expect(page.getByRole('row')).toHaveCount(3)
  const searched = await readCsv(await exportList(page))
  expect(searched.tickets.sort()).toEqual([first!.ticketNo, second!.ticketNo].sort())
  const line = searched.lines.find((l) => l.startsWith(first!.ticketNo))!
  expect(line).toContain(`,"'=HYPERLINK(""http://x"")导出测试有限公司",`)
  expect(line).toContain(',已提交，待受理,')
  // No contact person leaves the device.
  expect(searched.lines.join('\n')).not.toContain('13800138000')
})
