import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { BUILTIN_CATALOG } from '../../shared/catalog/index'
import { chinaDateOf } from '../../shared/calendar/index'
import { rectificationDue } from '../../shared/rating'
import { expect, test } from './fixtures'
import { openSection, openStaffArea } from './staff-signin'

test.describe.configure({ timeout: 120_000 })

/**
 * 统计 for a lead, from the kiosk's own database: known requests are put there, the numbers on the
 * screen and in the exported CSV are checked, not only that a chart appears.
 */

const DAY_MS = 86_400_000
const TODAY = chinaDateOf(new Date().toISOString())
const YESTERDAY = new Date(Date.parse(`${TODAY}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10)
const LATER = new Date(Date.parse(`${TODAY}T00:00:00Z`) + 10 * DAY_MS).toISOString().slice(0, 10)
const ITEM = BUILTIN_CATALOG.items[0]!
const DOMAIN = BUILTIN_CATALOG.domains.find((d) => d.id === ITEM.domain)!.name.zh
const FORMULA_NAME = '=HYPERLINK("http://x")科技有限公司'

let n = 0
const uuid = () => `0193a1b2-0000-7000-8000-${String(++n).padStart(12, '0')}`
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString()

interface Seed {
  day: string
  due: string
  channel: 'kiosk' | 'counter'
  appeal?: boolean
  name?: string
  status: 'submitted' | 'assigned' | 'resolved'
  level?: 1 | 2 | 3 | 4 | 5
}

/** A request row and its events as this kiosk would hold them (an intake of its own, handled on the platform). */
function record(deviceId: string, s: Seed) {
  const id = uuid()
  const created = at(s.day, '00:30')
  const request = {
    id,
    ticketNo: `HZ01-K99-${s.day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`,
    checkCode: 'ABC234',
    centerId: 'zj-hangzhou-01',
    deviceId,
    channel: s.channel,
    kind: s.appeal ? 'appeal' : 'application',
    catalogVersion: BUILTIN_CATALOG.version,
    itemIds: s.appeal ? [] : [ITEM.id],
    ...(s.appeal ? { appeal: { categoryId: 'policy-fulfilment', description: '政策补贴资金没有兑现', desiredOutcome: '尽快拨付' } } : {}),
    enterprise: { uscc: '91330100MA27XL0Q3X', name: s.name ?? '杭州示例科技有限公司' },
    contact: { name: '王小明', mobile: '13800138000' },
    answers: {},
    materials: {},
    locale: 'zh-CN',
    consentAt: created,
    createdAt: created,
    dueDate: s.due,
    dueDateProvisional: false,
    departmentIds: [s.appeal ? 'ndrc' : ITEM.departmentId],
  }
  const staff = { kind: 'department', id: 'service-center', name: '市企业综合服务中心' }
  const e = (time: string, body: object, author: object = staff) => ({ id: uuid(), requestId: id, at: at(s.day, time), author, ...body })
  const events: object[] = [e('00:30', { type: 'submitted', request }, { kind: 'visitor', id: deviceId, name: '' })]
  if (s.status !== 'submitted') events.push(e('00:40', { type: 'accepted' }), e('00:41', { type: 'assigned', departmentId: 'service-center', assigneeName: '李志强' }))
  if (s.status === 'resolved') events.push(e('00:50', { type: 'resolved', resolution: '已办结' }))
  if (s.level) {
    const ratedAt = at(s.day, '00:55')
    events.push(e('00:55', { type: 'rated', level: s.level, ...(s.level <= 2 ? { rectificationDue: rectificationDue(ratedAt) } : {}) }, { kind: 'visitor', id: deviceId, name: '' }))
  }
  const row = { id, ticketNo: request.ticketNo, createdAt: new Date(created).toISOString(), intake: request, status: s.status }
  return { row, events }
}

async function seed(page: Page): Promise<void> {
  const deviceId = await page.evaluate(() => (JSON.parse(localStorage.getItem('kiosk.enrollment') ?? '{}') as { deviceId: string }).deviceId)
  const records = [
    // Today: resolved on time and rated 非常满意; an appeal at the counter, open and past its date; resolved and rated 不满意.
    record(deviceId, { day: TODAY, due: LATER, channel: 'kiosk', status: 'resolved', level: 5 }),
    record(deviceId, { day: TODAY, due: YESTERDAY, channel: 'counter', appeal: true, name: FORMULA_NAME, status: 'assigned' }),
    record(deviceId, { day: TODAY, due: LATER, channel: 'kiosk', status: 'resolved', level: 2 }),
    // Yesterday: one open request, not yet due.
    record(deviceId, { day: YESTERDAY, due: LATER, channel: 'kiosk', status: 'submitted' }),
  ]
  await page.evaluate(
    (list) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kiosk')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction(['requests', 'events'], 'readwrite')
          for (const r of list) {
            tx.objectStore('requests').put(r.row)
            for (const e of r.events) tx.objectStore('events').put(e)
          }
          tx.oncomplete = () => resolve()
          tx.onerror = () => reject(tx.error)
        }
      }),
    records,
  )
}

async function openFigures(page: Page): Promise<void> {
  await page.goto('/')
  await expect(page.getByRole('button', { name: /轻触屏幕开始办事/ })).toBeVisible()
  await seed(page)
  await openStaffArea(page, 'lead')
  await openSection(page, '统计')
  await page.getByLabel('开始日期').fill(TODAY)
  await page.getByLabel('结束日期').fill(TODAY)
  await page.getByRole('button', { name: '查看', exact: true }).click()
  await expect(page.getByText(`上期 ${YESTERDAY} 至 ${YESTERDAY}`)).toBeVisible()
}

test('a lead reads the figures of a day beside the day before, in numbers and charts', async ({ page }) => {
  await openFigures(page)
  await expect(page.getByTestId('kpi-total')).toHaveText('3')
  await expect(page.getByText('上期 1（+2）')).toBeVisible()
  await expect(page.getByTestId('kpi-on-time')).toHaveText('66.7%')
  await expect(page.getByTestId('kpi-handling')).toHaveText('0.0 个工作日')
  await expect(page.getByTestId('kpi-satisfied')).toHaveText('50.0%')
  await expect(page.getByTestId('kpi-overdue')).toHaveText('1')
  await expect(page.getByTestId('kpi-rectifications')).toHaveText('0')
  await expect(page.getByTestId('figures-synced')).toContainText(/数据同步至|尚未与省平台同步/)

  const row = (table: string, name: string) => page.getByTestId(`table-${table}`).getByRole('row', { name: new RegExp(`^${name} `) })
  await expect(row('channel', '自助终端').getByRole('cell')).toHaveText(['2', '1', '+1'])
  await expect(row('channel', '窗口').getByRole('cell')).toHaveText(['1', '0', '+1'])
  await expect(row('domain', DOMAIN).getByRole('cell')).toHaveText(['2', '1', '+1'])
  await expect(row('domain', '涉企问题').getByRole('cell')).toHaveText(['1', '0', '+1'])
  await expect(row('status', '已办结').getByRole('cell')).toHaveText(['2', '0', '+2'])
  await expect(row('categories', '政策兑现').getByRole('cell')).toHaveText(['1', '0', '+1'])
  await expect(row('keywords', '补贴').getByRole('cell')).toHaveText(['1', '0', '+1'])
  await expect(page.getByRole('row', { name: /^非常满意 1 50\.0%$/ })).toBeVisible()
  await expect(page.getByRole('row', { name: /^不满意 1 50\.0%$/ })).toBeVisible()
  await expect(page.getByTestId('table-overdue').getByRole('row')).toHaveCount(2)
  await expect(page.getByTestId('table-overdue')).toContainText(YESTERDAY)
  // The charts are drawn (SVG), beside the tables that carry the same numbers.
  await expect(page.getByRole('img', { name: '按服务领域' }).locator('svg')).toBeVisible()
  await expect(page.getByRole('img', { name: /满意度/ }).locator('svg')).toBeVisible()

  const shots = process.env.FIGURES_SHOTS
  if (shots) {
    for (const [w, h] of [[1920, 1080], [1280, 1024]] as const) {
      await page.setViewportSize({ width: w, height: h })
      await page.screenshot({ path: `${shots}/figures-${w}x${h}.png`, fullPage: true })
    }
  }
})

test('the figures export to CSV for Excel: BOM, header, the numbers, a formula-like name defused', async ({ page }) => {
  await openFigures(page)
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出 CSV' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe(`统计-${TODAY}-${TODAY}.csv`)
  await expect(page.getByText(`已导出：统计-${TODAY}-${TODAY}.csv`)).toBeVisible()
  const bytes = readFileSync((await file.path())!)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = bytes.toString('utf8').slice(1).split('\r\n')
  expect(lines[0]).toBe(`统计期间,${TODAY} ~ ${TODAY},,${YESTERDAY} ~ ${YESTERDAY}`)
  expect(lines[1]).toBe('分类,项目,本期,上期,变化')
  expect(lines).toContain('统计,受理总数,3,1,2')
  expect(lines).toContain('按受理渠道,自助终端,2,1,1')
  expect(lines).toContain('统计,按时办结率,0.6667,,')
  const overdue = lines.find((l) => l.startsWith('逾期办件清单,HZ01-K99-'))
  expect(overdue).toContain(`"'=HYPERLINK(""http://x"")科技有限公司"`)
})
