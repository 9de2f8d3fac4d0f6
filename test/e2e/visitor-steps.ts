import { expect, type Page } from '@playwright/test'
import {
  BUILTIN_CATALOG,
  mergeItems,
  usccCheckChar,
  visibleQuestions,
  type Answers,
  type Question,
} from '../../shared/index'

/** Steps a visitor takes, shared by the visitor specs. Labels are the ones on the screen (zh-CN). */

const USCC_BODY = '91330100MA27XXXXX'
export const VISITOR = {
  uscc: USCC_BODY + usccCheckChar(USCC_BODY),
  name: '杭州云栖智造科技有限公司',
  contact: '王晓明',
  mobile: '13905710001',
}
/** A bank card number with a correct Luhn check digit. */
export const BANK_CARD = '6222021234567890128'
/** A resident ID number with a correct check character (GB 11643 sample). */
export const RESIDENT_ID = '11010519491231002X'

export async function startVisit(page: Page, opts: { english?: boolean; elder?: boolean; query?: string } = {}): Promise<void> {
  await page.goto(`/${opts.query ?? ''}`)
  await page.getByRole('button', { name: /轻触屏幕开始办事/ }).click()
  if (opts.elder) await page.getByRole('switch', { name: /长辈模式/ }).click()
  await page.getByRole('button', { name: opts.english ? /^English/ : /^中文/ }).click()
}

/** The 一类事 way in on the "what do you need" screen. */
export async function openBundles(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^一类事一次办/ }).click()
}

export async function next(page: Page, name: RegExp = /^(下一步|下一题)/): Promise<void> {
  await page.getByRole('button', { name }).click()
}

export async function fillEnterprise(page: Page, v = VISITOR, en = false): Promise<void> {
  await page.getByLabel(en ? 'Unified social credit code' : '统一社会信用代码').fill(v.uscc)
  await page.getByLabel(en ? 'Business name' : '企业名称').fill(v.name)
  await page.getByLabel(en ? 'Contact name' : '联系人姓名').fill(v.contact)
  await page.getByLabel(en ? 'Contact mobile number' : '联系人手机号').fill(v.mobile)
  await next(page, en ? /^Next/ : /^下一步/)
  await expect(page.getByRole('heading', { name: en ? 'Your business and contact' : '企业和联系人信息' })).toBeHidden()
}

function isStepper(q: Question): boolean {
  return q.type === 'number' && q.min !== undefined && q.max !== undefined && q.max - q.min <= 50
}

/** Answer one question the way a visitor would with the control its type shows. */
async function answer(page: Page, q: Question, yes: boolean, en: boolean): Promise<void> {
  const field = page.locator('#answer')
  switch (q.type) {
    case 'text':
      return field.fill(en ? 'Test answer' : '测试填写内容')
    case 'longText':
      return field.fill(en ? 'A longer test answer.' : '需要了解办理流程和所需时间。')
    case 'number':
      if (isStepper(q)) return
      return field.fill(String(q.min ?? 1))
    case 'amount':
      return field.fill(String(Math.max(q.min ?? 0, 50000)))
    case 'mobile':
      return field.fill('13905710002')
    case 'residentId':
      return field.fill(RESIDENT_ID)
    case 'uscc':
      return field.fill(VISITOR.uscc)
    case 'yesNo':
      return page.getByRole('radio', { name: yes ? (en ? 'Yes' : '是') : en ? 'No' : '否', exact: true }).click()
    case 'multi':
      return page.getByRole('checkbox', { name: en ? q.options![0]!.label.en : q.options![0]!.label.zh }).click()
    case 'passport':
      return field.fill('E12345678')
    case 'bankCard':
      return field.fill(BANK_CARD)
    case 'single':
      // Radio cards, none chosen until the visitor taps one.
      await expect(page.getByRole('radio', { checked: true })).toHaveCount(0)
      return page.getByRole('radio', { name: en ? q.options![0]!.label.en : q.options![0]!.label.zh, exact: true }).click()
    case 'date':
      await field.click()
      await page.getByRole('button', { name: en ? 'OK' : '确定', exact: true }).click()
      return
  }
}

/**
 * Walk the question screens for `itemIds`, one per screen, until the questions end. Returns the keys
 * asked, in order, and checks the quiet progress indicator on each.
 */
export async function answerQuestions(
  page: Page,
  itemIds: string[],
  opts: { yesTo?: string[]; en?: boolean; onQuestion?: (q: Question, open: boolean) => Promise<void> } = {},
): Promise<string[]> {
  const form = mergeItems(BUILTIN_CATALOG, itemIds)
  const asked: string[] = []
  const answers: Answers = {}
  const heading = page.locator('h1')
  for (;;) {
    await expect(heading).toBeVisible()
    const label = (await heading.innerText()).trim()
    const q = form.questions.find((x) => (opts.en ? x.label.en : x.label.zh) === label)
    if (!q) break
    const visible = visibleQuestions(form.questions, answers)
    const index = visible.findIndex((x) => x.key === q.key) + 1
    const progress = opts.en ? `Question ${index} of ${visible.length}` : `第${index}题 / 共${visible.length}题`
    await expect(page.getByText(progress)).toBeVisible()
    const yes = opts.yesTo?.includes(q.key) ?? false
    await opts.onQuestion?.(q, false)
    await answer(page, q, yes, opts.en ?? false)
    if (q.type === 'yesNo') answers[q.key] = yes
    else answers[q.key] = 'x'
    asked.push(q.key)
    await next(page, opts.en ? /^(Next question|Next)$/ : /^(下一题|下一步)$/)
    await expect(heading).not.toHaveText(label)
  }
  return asked
}

export async function allMaterialsHave(page: Page): Promise<void> {
  await page.getByRole('button', { name: '全部已带来' }).click()
  await next(page, /^下一步$/)
}

/** Check screen → consent → saved receipt; returns the ticket number shown. */
export async function confirmAndSubmit(page: Page): Promise<string> {
  await page.getByRole('button', { name: '信息无误，下一步' }).click()
  await expect(page.getByRole('heading', { name: '个人信息使用说明' })).toBeVisible()
  await page.getByRole('button', { name: '同意并提交' }).click()
  await expect(page.getByRole('heading', { name: '已受理' })).toBeVisible()
  const ticket = (await page.getByTestId('ticket-no').innerText()).trim()
  expect(ticket).toMatch(/^[A-Z0-9]{2,8}-[A-Z0-9]{2,8}-\d{8}-\d{4,6}$/)
  return ticket
}

/** Everything Pinia holds, as JSON, read the way the brief allows (no global exposed for tests). */
export async function piniaState(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.querySelector('#app') as unknown as {
      __vue_app__: { config: { globalProperties: { $pinia: { state: { value: unknown } } } } }
    }
    return JSON.stringify(el.__vue_app__.config.globalProperties.$pinia.state.value)
  })
}
