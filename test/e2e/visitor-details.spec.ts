import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { allMaterialsHave, answerQuestions, fillEnterprise, next, startVisit, VISITOR } from './visitor-steps'

/** What a walk-through of the visitor's screens found, one test each. */

async function openItem(page: Page, domain: RegExp, item: RegExp): Promise<void> {
  await page.getByRole('button', { name: domain }).first().click()
  await page.getByRole('checkbox', { name: item }).click()
  await next(page, /^下一步/)
}

test('a tap shows the next screen in the next frames: no fade-out, one short settle from readable', async ({ page }) => {
  await startVisit(page)
  await expect(page.getByRole('heading', { name: '您要办什么？' })).toBeVisible()
  const after = await page.evaluate(
    () =>
      new Promise<{ headings: string[]; opacity: number; duration: string }>((resolve) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent!.trim().startsWith('法治'))!
        button.click()
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const screen = document.querySelector('main > *')!
            resolve({
              headings: [...document.querySelectorAll('main h1')].map((h) => h.textContent!.trim()),
              opacity: Number(getComputedStyle(screen).opacity),
              duration: getComputedStyle(screen).animationDuration,
            })
          }),
        )
      }),
  )
  expect(after.headings).toEqual(['法治'])
  expect(after.opacity).toBeGreaterThanOrEqual(0.6)
  expect(parseFloat(after.duration)).toBeLessThanOrEqual(0.15)
})

test('the idle warning hides what the visitor entered', async ({ page }) => {
  await startVisit(page, { query: '?idle=3' })
  await page.getByRole('button', { name: /^我有问题要反映/ }).click()
  await page.getByRole('radio', { name: /拖欠账款/ }).click()
  await page.getByRole('textbox', { name: '发生了什么？' }).fill('拖欠工程款')
  await next(page, /^下一步$/)
  await page.getByRole('textbox', { name: '希望得到怎样的解决？' }).fill('尽快支付')
  await next(page, /^下一步$/)
  await next(page, /^下一步$/)
  await fillEnterprise(page)
  await expect(page.getByText(VISITOR.uscc)).toBeVisible()
  const dialog = page.getByRole('dialog').filter({ hasText: '您还在办理吗？' })
  await expect(dialog).toBeVisible({ timeout: 15_000 })
  for (const value of [VISITOR.uscc, VISITOR.name, '拖欠工程款']) await expect(page.getByText(value)).toBeHidden()
  await dialog.getByRole('button', { name: '继续办理' }).click()
  await expect(page.getByText(VISITOR.uscc)).toBeVisible()
})

test('🔊 reads the question and its choices in the visitor\'s language; no voice, no button', async ({ page }) => {
  await page.addInitScript(() => {
    const spoken: Array<{ text: string; lang: string }> = []
    ;(window as unknown as { __spoken: typeof spoken }).__spoken = spoken
    const voices = [
      { lang: 'zh-CN', localService: true, name: 'Huihui', voiceURI: 'zh', default: true },
      { lang: 'en-US', localService: true, name: 'Zira', voiceURI: 'en', default: false },
    ]
    class Utterance {
      voice: unknown
      lang = ''
      rate = 1
      onend: (() => void) | null = null
      onerror: (() => void) | null = null
      constructor(readonly text: string) {}
    }
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true })
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        getVoices: () => voices,
        speak: (u: Utterance) => spoken.push({ text: u.text, lang: u.lang }),
        cancel: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      },
    })
  })
  await startVisit(page)
  await openItem(page, /^法治/, /企业法律咨询/)
  await fillEnterprise(page)
  await page.getByRole('button', { name: '朗读' }).click()
  const spoken = await page.evaluate(() => (window as unknown as { __spoken: Array<{ text: string; lang: string }> }).__spoken)
  expect(spoken).toHaveLength(1)
  expect(spoken[0]!.lang).toBe('zh-CN')
  expect(spoken[0]!.text).toContain('咨询领域')
  expect(spoken[0]!.text).toContain('劳动用工')

  await page.getByRole('button', { name: '语言 English' }).click()
  await page.getByRole('button', { name: 'Read aloud' }).click()
  const last = await page.evaluate(() => (window as unknown as { __spoken: Array<{ text: string; lang: string }> }).__spoken.at(-1))
  expect(last!.lang).toBe('en-US')
  expect(last!.text).toContain('Equity and governance')
})

test('without a voice for the language there is no 🔊', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: { getVoices: () => [], speak: () => undefined, cancel: () => undefined, addEventListener: () => undefined, removeEventListener: () => undefined },
    })
  })
  await startVisit(page)
  await expect(page.getByRole('heading', { name: '您要办什么？' })).toBeVisible()
  await expect(page.getByRole('button', { name: '朗读' })).toHaveCount(0)
})

test('language and 长辈模式 can be changed in the band of a later screen', async ({ page }) => {
  await startVisit(page)
  await openItem(page, /^法治/, /企业法律咨询/)
  await expect(page.getByRole('heading', { name: '企业和联系人信息' })).toBeVisible()
  await page.getByRole('button', { name: '语言 English' }).click()
  await expect(page.getByRole('heading', { name: 'Your business and contact' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.getByRole('switch', { name: /Large text|长辈模式/ }).click()
  await expect(page.locator('html')).toHaveClass(/elder/)
  await page.getByRole('button', { name: 'Language 中文' }).click()
  await expect(page.getByRole('heading', { name: '企业和联系人信息' })).toBeVisible()
})

test('tracking opened from the English half of the attract button is in English', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Track a request' }).click()
  await expect(page.getByRole('heading', { name: 'Track a request' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

test('passport and bank card numbers have their own rules; a start date cannot lie in the future', async ({ page }) => {
  test.setTimeout(90_000)
  await startVisit(page)
  await openItem(page, /^人才/, /人才资金补助申领/)
  await fillEnterprise(page)
  const field = page.locator('#answer')
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear()
  await answerQuestions(page, ['talent-subsidy'], {
    yesTo: ['isForeignNational'],
    onQuestion: async (q) => {
      if (q.key === 'passportNo') {
        await field.fill('张三')
        await next(page)
        await expect(page.getByText('护照号码只能包含英文字母和数字')).toBeVisible()
        await expect(field).toHaveValue('张三')
      }
      if (q.key === 'bankAccount') {
        await field.fill('张三')
        await next(page)
        await expect(page.getByText('银行卡号只能包含数字')).toBeVisible()
        await field.fill('6222021234567890127')
        await next(page)
        await expect(page.getByText(/银行卡号有误（校验位不符）/)).toBeVisible()
      }
      if (q.key === 'employmentStartDate') {
        await expect(page.getByText(`至 ${year}-`)).toBeVisible()
        await field.click()
        const years = page.locator('.van-picker-column').first().locator('.van-picker-column__item')
        await expect(years.last()).toHaveText(`${year}年`)
        await page.getByRole('button', { name: '取消', exact: true }).click()
      }
    },
  })
  await expect(page.getByRole('heading', { name: '请确认申请材料' })).toBeVisible()
})

test('amounts show their digits grouped, as typed and on the check screen', async ({ page }) => {
  await startVisit(page)
  await openItem(page, /^金融/, /政府性融资担保/)
  await fillEnterprise(page)
  await answerQuestions(page, ['finance-guarantee'], {
    onQuestion: async (q) => {
      if (q.type !== 'amount') return
      await page.locator('#answer').fill('1250000.5')
      await expect(page.locator('#answer')).toHaveValue('1,250,000.5')
    },
  })
  await allMaterialsHave(page)
  await expect(page.getByText('50,000 元').first()).toBeVisible()
})

test('同联系人 fills the applicant from the contact and skips the mobile question', async ({ page }) => {
  await startVisit(page)
  await openItem(page, /^人才/, /高层次人才分类认定/)
  await fillEnterprise(page)
  await expect(page.getByRole('heading', { name: '申请人姓名' })).toBeVisible()
  await expect(page.getByText('第1题 / 共7题')).toBeVisible()
  await page.getByRole('switch', { name: /同联系人/ }).click()
  await expect(page.locator('#answer')).toHaveValue(VISITOR.contact)
  await expect(page.getByText('第1题 / 共6题')).toBeVisible()
  await next(page)
  await page.getByRole('radio', { name: '否', exact: true }).click()
  await next(page)
  await page.locator('#answer').fill('11010519491231002X')
  await next(page)
  // 申请人手机号码 was the contact's: not asked again.
  await expect(page.getByRole('heading', { name: '人才类别' })).toBeVisible()
})

test('the check screen keeps its place after a change; 还有N份材料未选择 goes to the first one', async ({ page }) => {
  test.setTimeout(90_000)
  await startVisit(page)
  await openItem(page, /^人才/, /高层次人才分类认定/)
  await fillEnterprise(page)
  await answerQuestions(page, ['talent-certification'])
  await expect(page.getByRole('heading', { name: '请确认申请材料' })).toBeVisible()
  await page.locator('[data-material]').last().scrollIntoViewIfNeeded()
  await next(page, /^下一步$/)
  await expect(page.getByText(/^还有4份必交材料未选择/)).toBeVisible()
  const first = page.locator('[data-material="applicant-id"]')
  await expect(first).toBeInViewport()
  await expect(first).toHaveClass(/mat--missing/)
  await allMaterialsHave(page)

  await expect(page.getByRole('heading', { name: '请核对您的信息' })).toBeVisible()
  const body = page.locator('.screen__body')
  await page.getByRole('button', { name: '修改 申请认定的依据（荣誉、项目、职称等）' }).scrollIntoViewIfNeeded()
  const before = await body.evaluate((el) => el.scrollTop)
  expect(before).toBeGreaterThan(100)
  await page.getByRole('button', { name: '修改 申请认定的依据（荣誉、项目、职称等）' }).click()
  await page.locator('#answer').fill('获省级科技进步奖')
  await next(page, /^返回核对$/)
  await expect(page.getByText('获省级科技进步奖')).toBeVisible()
  expect(Math.abs((await body.evaluate((el) => el.scrollTop)) - before)).toBeLessThan(40)
})
