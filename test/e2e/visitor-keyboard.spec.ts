import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { next, startVisit, VISITOR } from './visitor-steps'

/**
 * A lobby touchscreen has no keyboard: every text field opens the kiosk's own, and Chinese is typed
 * by pinyin with word candidates. Everything here is done by touch alone, except where a USB keyboard
 * is the point.
 */

const keyboard = (page: Page): Locator => page.getByRole('group', { name: '屏幕键盘' })

/** Tap the letters of `pinyin`, then the candidate `word` (checking it is offered first when asked). */
async function typePinyin(page: Page, pinyin: string, word: string, first = true): Promise<void> {
  const keys = keyboard(page)
  for (const k of pinyin) await keys.getByRole('button', { name: k, exact: true }).click()
  if (first) await expect(keys.getByRole('option').first()).toHaveText(word)
  await keys.getByRole('option', { name: word, exact: true }).click()
}

async function tapKeys(page: Page, text: string): Promise<void> {
  for (const k of text) await keyboard(page).getByRole('button', { name: k, exact: true }).click()
}

test('an appeal and an enterprise typed by touch alone: "hangzhou" and its candidate give 杭州', async ({ page }) => {
  test.setTimeout(120_000)
  const dictionary: string[] = []
  page.on('request', (r) => {
    if (/ime-dict/.test(r.url())) dictionary.push(r.url())
  })
  await startVisit(page)
  await page.getByRole('button', { name: /^我有问题要反映/ }).click()
  await page.getByRole('radio', { name: /融资难题/ }).click()
  await expect(page.getByRole('heading', { name: '发生了什么？' })).toBeVisible()
  // The word list is fetched only when a Chinese keyboard first opens.
  expect(dictionary).toEqual([])

  await page.getByRole('textbox', { name: '发生了什么？' }).click()
  await expect(keyboard(page)).toBeVisible()
  await typePinyin(page, 'hangzhou', '杭州')
  await typePinyin(page, 'youxiangongsi', '有限公司')
  await typePinyin(page, 'daikuan', '贷款')
  await keyboard(page).getByRole('button', { name: '，', exact: true }).click()
  await typePinyin(page, 'tuoqian', '拖欠')
  await keyboard(page).getByRole('button', { name: '。', exact: true }).click()
  expect(dictionary).toHaveLength(1)
  await expect(page.getByRole('textbox', { name: '发生了什么？' })).toHaveValue('杭州有限公司贷款，拖欠。')

  // A wrong letter goes with ⌫ before any word is chosen.
  await tapKeys(page, 'gongsx')
  await keyboard(page).getByRole('button', { name: /删除/ }).click()
  await tapKeys(page, 'i')
  await keyboard(page).getByRole('option', { name: '公司', exact: true }).click()
  await expect(page.getByRole('textbox', { name: '发生了什么？' })).toHaveValue('杭州有限公司贷款，拖欠。公司')

  await keyboard(page).getByRole('button', { name: '完成', exact: true }).click()
  await expect(keyboard(page)).toBeHidden()
  await next(page, /^下一步$/)
  await page.getByRole('textbox', { name: '希望得到怎样的解决？' }).click()
  await typePinyin(page, 'qiankuan', '欠款')
  await keyboard(page).getByRole('button', { name: '完成', exact: true }).click()
  await next(page, /^下一步$/)
  await next(page, /^下一步$/)

  await expect(page.getByRole('heading', { name: '企业和联系人信息' })).toBeVisible()
  await page.getByLabel('统一社会信用代码').click()
  await tapKeys(page, VISITOR.uscc)
  await expect(page.getByLabel('统一社会信用代码')).toHaveValue(VISITOR.uscc)
  // Tapping the next field keeps the keyboard up, with that field's keys.
  await page.getByLabel('企业名称').click()
  await typePinyin(page, 'hangzhou', '杭州')
  await typePinyin(page, 'youxiangongsi', '有限公司')
  await expect(page.getByLabel('企业名称')).toHaveValue('杭州有限公司')
  await page.getByLabel('联系人姓名').click()
  await typePinyin(page, 'wang', '王')
  await typePinyin(page, 'xiao', '小', false)
  await typePinyin(page, 'ming', '明', false)
  await expect(page.getByLabel('联系人姓名')).toHaveValue('王小明')
  await page.getByLabel('联系人手机号').click()
  await tapKeys(page, VISITOR.mobile)
  await keyboard(page).getByRole('button', { name: '完成', exact: true }).click()
  await next(page, /^下一步$/)

  await expect(page.getByRole('heading', { name: '请核对您的信息' })).toBeVisible()
  await expect(page.getByText('杭州有限公司贷款，拖欠。公司')).toBeVisible()
  await expect(page.getByText('杭州有限公司', { exact: true })).toBeVisible()
  await expect(page.getByText(`王小明 · ${VISITOR.mobile}`)).toBeVisible()
})

test('candidates page on; English letters and a USB keyboard type straight in', async ({ page }) => {
  await startVisit(page)
  await page.getByRole('button', { name: /^法治/ }).click()
  await page.getByRole('checkbox', { name: /企业法律咨询/ }).click()
  await next(page, /^下一步/)
  const name = page.getByLabel('企业名称')
  await name.click()
  await tapKeys(page, 'shi')
  const options = keyboard(page).getByRole('option')
  const firstPage = await options.allInnerTexts()
  expect(firstPage[0]).toBe('是')
  await keyboard(page).getByRole('button', { name: '下一页候选词' }).click()
  const secondPage = await options.allInnerTexts()
  expect(secondPage).not.toContain('是')
  expect(secondPage.length).toBeGreaterThan(0)
  await keyboard(page).getByRole('button', { name: '上一页候选词' }).click()
  await expect(options.first()).toHaveText('是')
  // Enter keeps the letters as typed.
  await keyboard(page).getByRole('button', { name: '确定', exact: true }).click()
  await expect(name).toHaveValue('shi')

  await keyboard(page).getByRole('button', { name: '英文', exact: true }).click()
  await keyboard(page).getByRole('button', { name: '大写' }).first().click()
  await tapKeys(page, 'A')
  await tapKeys(page, 'bc')
  await expect(name).toHaveValue('shiAbc')

  // A USB keyboard types into the field as ever, at the caret.
  await name.press('End')
  await page.keyboard.type('科技')
  await page.keyboard.press('Backspace')
  await expect(name).toHaveValue('shiAbc科')
})
