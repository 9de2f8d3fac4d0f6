import type { Page } from '@playwright/test'
import { PLATFORM_URL, expect, officeAction, test } from './fixtures'
import { checkCodeOf, submitAppeal } from './track-steps'
import { openSection, openStaffArea } from './staff-signin'

// A whole visit, a sync and several lookups: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 })

/**
 * 查询办件进度 at the kiosk: the receipt's ticket number and check code, typed on the screen's keys,
 * typed in lower case without dashes, or scanned from the receipt's QR code (the scanner types the
 * link); the shared public view, in the visitor's language.
 */

async function syncFromStaffPanel(page: Page): Promise<void> {
  await openStaffArea(page)
  await openSection(page, '设备')
  // A press while the automatic sync runs is not taken (the button shows it is busy): press again.
  await expect(async () => {
    await page.getByRole('button', { name: '立即同步' }).click()
    await expect(page.getByText('同步完成')).toBeVisible({ timeout: 3000 })
  }).toPass()
  await page.getByRole('button', { name: '返回办事首页' }).click()
}

async function openTracking(page: Page): Promise<void> {
  await page.getByRole('button', { name: /查询办件进度/ }).click()
  await expect(page.getByRole('heading', { name: '查询办件进度' })).toBeVisible()
}

/** Types on the screen's own keys, as a visitor at the touchscreen does. */
async function tapKeys(page: Page, text: string): Promise<void> {
  const keys = page.getByRole('group', { name: '屏幕键盘' })
  for (const key of text) await keys.getByRole('button', { name: key, exact: true }).click()
}

test('a visitor tracks a receipt by touch, a second one right after, and in English', async ({ page }) => {
  const ticket = await submitAppeal(page)
  const code = await checkCodeOf(page, ticket)
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/)
  await page.getByRole('button', { name: '完成' }).click()
  await officeAction(ticket, { type: 'accepted' })
  await officeAction(ticket, { type: 'assigned', departmentId: 'ndrc', assigneeName: '李志强' })
  await syncFromStaffPanel(page)

  await openTracking(page)
  await page.getByLabel('请输入受理号').click()
  await tapKeys(page, ticket)
  await page.getByRole('textbox', { name: '查询码' }).click()
  await tapKeys(page, code)
  await page.getByRole('button', { name: '查询', exact: true }).click()
  const result = page.getByRole('article')
  await expect(result.getByText('办理中').first()).toBeVisible()
  await expect(result.getByText('李**')).toBeVisible()
  // What it is about, by the catalog's name for its category; never what the visitor wrote.
  await expect(result.getByRole('definition').filter({ hasText: /^拖欠账款/ })).toBeVisible()
  await expect(result.getByRole('term').filter({ hasText: '反映问题类别' })).toBeVisible()
  await expect(page.getByText('李志强')).toHaveCount(0)
  await expect(page.getByText('某区属国企拖欠我司工程款。')).toHaveCount(0)

  // The keys stay: the next receipt's number is typed straight away, replacing the last one.
  await expect(page.getByRole('group', { name: '屏幕键盘' })).toBeVisible()
  await tapKeys(page, 'HZ01')
  await expect(page.getByLabel('请输入受理号')).toHaveValue('HZ01')
  await expect(page.getByRole('textbox', { name: '查询码' })).toHaveValue('')
  await expect(result).toHaveCount(0)

  await page.getByRole('button', { name: 'English' }).click()
  await page.getByLabel('Enter the ticket number').fill(ticket.toLowerCase().replaceAll('-', ''))
  await page.getByRole('textbox', { name: 'Check code' }).fill(code.toLowerCase())
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page.getByRole('article').getByText('In progress').first()).toBeVisible()
  await expect(page.getByText('Person responsible assigned')).toBeVisible()
})

test('a QR scanner types the receipt link into the field; a wrong check code finds nothing', async ({ page }) => {
  const ticket = await submitAppeal(page)
  const code = await checkCodeOf(page, ticket)
  await page.getByRole('button', { name: '完成' }).click()
  await syncFromStaffPanel(page)
  await openTracking(page)

  await page.getByLabel('请输入受理号').click()
  await page.keyboard.type(`${PLATFORM_URL}/t/${ticket}?c=${code}\n`)
  await expect(page.getByRole('article').getByText('已提交，待受理').first()).toBeVisible()
  await expect(page.getByLabel('请输入受理号')).toHaveValue(ticket)

  await page.getByRole('textbox', { name: '查询码' }).fill(code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ')
  await page.getByRole('button', { name: '查询', exact: true }).click()
  await expect(page.getByRole('alert')).toContainText('查询码相符的办件')
  await page.getByRole('textbox', { name: '查询码' }).fill('12')
  await page.getByRole('button', { name: '查询', exact: true }).click()
  await expect(page.getByText('查询码是回执上的6位字母和数字')).toBeVisible()
})

test('the receipt link shows the same public view on the platform’s page, and only with the check code', async ({ page, request }) => {
  const ticket = await submitAppeal(page)
  const code = await checkCodeOf(page, ticket)
  const withCode = await request.get(`${PLATFORM_URL}/t/${ticket}?c=${code}`)
  expect(await withCode.text()).toContain('已提交，待受理')
  expect(await withCode.text()).toMatch(/反映问题类别[\s\S]*拖欠账款/)
  expect(await withCode.text()).not.toContain('某区属国企拖欠我司工程款')
  const without = await request.get(`${PLATFORM_URL}/t/${ticket}`)
  expect(await without.text()).not.toContain('已提交，待受理')
  expect(await without.text()).toContain('查询码')
})
