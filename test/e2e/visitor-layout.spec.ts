import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { BUILTIN_CATALOG, mergeItems, type Question } from '../../shared/index'
import { test, expect } from './fixtures'
import { BANK_CARD, RESIDENT_ID, VISITOR } from './visitor-steps'

/**
 * Every visitor screen at every supported size — portrait 1080×1920, landscape 1920×1080, 1366×768 and
 * 1280×1024 — in Chinese, English and 长辈模式: nothing may be cut off, and what does not fit must sit
 * in a scrolling area. LAYOUT_SHOTS=<dir> also saves a picture of each, for people to look at.
 */
const SIZES = [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 1280, height: 1024 },
]
const SHOTS = process.env.LAYOUT_SHOTS

type Mode = 'zh' | 'en' | 'elder'

/** Runs in the page: what is cut off, sticks out of the window, or spills out of its box. */
function findLayoutProblems(): string[] {
  const problems: string[] = []
  const vw = document.documentElement.clientWidth
  const vh = document.documentElement.clientHeight
  const page = document.scrollingElement!
  if (page.scrollWidth > vw + 1 || page.scrollHeight > vh + 1) problems.push(`the page itself is ${page.scrollWidth}×${page.scrollHeight}`)
  const describe = (el: Element): string => {
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
    return `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">${text}`
  }
  const scrolls = (v: string): boolean => v === 'auto' || v === 'scroll'
  for (const el of document.querySelectorAll('body *')) {
    // Vant's wheel shows part of a long column by design; a visually hidden label is meant to be.
    if (el.closest('.van-picker-column, .visually-hidden, .van-toast')) continue
    const style = getComputedStyle(el)
    if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') continue
    const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')
    if (!ownText && !['INPUT', 'TEXTAREA', 'BUTTON', 'IMG'].includes(el.tagName)) continue
    const r = el.getBoundingClientRect()
    if (r.width < 1 || r.height < 1) continue
    if (ownText && style.overflowX === 'visible' && el.scrollWidth > el.clientWidth + 2 && style.display !== 'inline') {
      problems.push(`text spills sideways out of ${describe(el)} (${el.scrollWidth} > ${el.clientWidth})`)
    }
    let inScroller = false
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a)
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue
      const ar = a.getBoundingClientRect()
      if (!scrolls(s.overflowY) && (r.top < ar.top - 1 || r.bottom > ar.bottom + 1)) {
        problems.push(`${describe(el)} is cut off at the top or bottom by ${describe(a)}`)
        break
      }
      if (!scrolls(s.overflowX) && (r.left < ar.left - 1 || r.right > ar.right + 1)) {
        problems.push(`${describe(el)} is cut off at the side by ${describe(a)}`)
        break
      }
      if (scrolls(s.overflowY) || scrolls(s.overflowX)) {
        inScroller = true
        break
      }
    }
    if (!inScroller && (r.bottom > vh + 1 || r.right > vw + 1 || r.top < -1 || r.left < -1)) {
      problems.push(`${describe(el)} is outside the window (${Math.round(r.left)},${Math.round(r.top)} – ${Math.round(r.right)},${Math.round(r.bottom)})`)
    }
  }
  // A part with more below than shows must say so ("more below"), as a touchscreen draws no scrollbar.
  for (const el of document.querySelectorAll<HTMLElement>('.screen__body, .receipt__scroll')) {
    const hidden = el.scrollTop + el.clientHeight < el.scrollHeight - 4
    if (hidden && !el.parentElement?.querySelector('.scroll-more')) problems.push(`${describe(el)} has more below and does not say so`)
  }
  return [...new Set(problems)]
}

class Walk {
  constructor(
    private readonly page: Page,
    private readonly mode: Mode,
  ) {}

  /** The screen as it is now, at each size: no problems allowed; a picture when asked. */
  async check(name: string): Promise<void> {
    const page = this.page
    const original = page.viewportSize()!
    for (const size of SIZES) {
      await page.setViewportSize(size)
      // The screen settles after a resize (observers, a field scrolled into view): ask until it has.
      await expect
        .poll(() => page.evaluate(findLayoutProblems), { message: `${name} at ${size.width}×${size.height} (${this.mode})`, timeout: 3_000 })
        .toEqual([])
      if (SHOTS) {
        mkdirSync(SHOTS, { recursive: true })
        await page.screenshot({ path: `${SHOTS}/${this.mode}-${size.width}x${size.height}-${name}.png` })
      }
    }
    await page.setViewportSize(original)
  }
}

const L = {
  zh: { start: /^中文/, next: /^(下一步|下一题)/, done: '完成', yes: '是', no: '否', bundles: /^一类事一次办/, talent: /^人才服务一类事/ },
  en: { start: /^English/, next: /^(Next|Next question)/, done: 'Done', yes: 'Yes', no: 'No', bundles: /^Several services at once/, talent: /^Talent services, all in one/ },
}

async function answer(page: Page, walk: Walk, q: Question, lang: 'zh' | 'en', seen: Set<string>): Promise<void> {
  const first = !seen.has(q.type)
  seen.add(q.type)
  const field = page.locator('#answer')
  const label = (o: { label: { zh: string; en: string } }) => (lang === 'en' ? o.label.en : o.label.zh)
  const typed: Partial<Record<Question['type'], string>> = {
    text: lang === 'en' ? 'Test answer' : '测试填写内容',
    longText: lang === 'en' ? 'A longer test answer.' : '需要了解办理流程和所需时间。',
    mobile: '13905710002',
    residentId: RESIDENT_ID,
    bankCard: BANK_CARD,
    passport: 'E12345678',
    amount: '50000',
    number: String(q.min ?? 1),
  }
  if (q.type in typed && !(q.type === 'number' && q.max !== undefined && q.min !== undefined && q.max - q.min <= 50)) {
    if (first) {
      // With the on-screen keyboard up, as a visitor sees it.
      await field.click()
      await expect(page.getByRole('group', { name: lang === 'en' ? 'On-screen keyboard' : '屏幕键盘' })).toBeVisible()
      await walk.check(`question-${q.type}-keyboard`)
      await page.getByRole('button', { name: L[lang].done, exact: true }).click()
    }
    await field.fill(typed[q.type]!)
  } else if (q.type === 'yesNo') {
    await page.getByRole('radio', { name: q.key === 'isForeignNational' ? L[lang].no : L[lang].yes, exact: true }).click()
  } else if (q.type === 'single') {
    await page.getByRole('radio', { name: label(q.options![0]!), exact: true }).click()
  } else if (q.type === 'multi') {
    for (const o of q.options!) await page.getByRole('checkbox', { name: label(o) }).click()
  } else if (q.type === 'date') {
    await field.click()
    if (first) await walk.check('question-date-picker')
    await page.getByRole('button', { name: lang === 'en' ? 'OK' : '确定', exact: true }).click()
  }
  if (first) await walk.check(`question-${q.type}`)
}

for (const mode of ['zh', 'en', 'elder'] as Mode[]) {
  test(`every visitor screen fits at every size: ${mode}`, async ({ page, platform }) => {
    test.setTimeout(300_000)
    const lang = mode === 'en' ? 'en' : 'zh'
    const walk = new Walk(page, mode)
    await page.goto('/')
    await expect(page.getByRole('button', { name: /轻触屏幕开始办事/ })).toBeVisible()
    await walk.check('attract')
    await page.getByRole('button', { name: /轻触屏幕开始办事/ }).click()
    if (mode === 'elder') await page.getByRole('switch', { name: /长辈模式/ }).click()
    await walk.check('welcome')
    await page.getByRole('button', { name: L[lang].start }).click()
    await walk.check('need-domains')
    await page.getByRole('button', { name: L[lang].bundles }).click()
    await walk.check('need-bundles')

    await page.getByRole('button', { name: lang === 'en' ? /Search services/ : /搜索事项/ }).click()
    await expect(page.getByRole('group', { name: lang === 'en' ? 'On-screen keyboard' : '屏幕键盘' })).toBeVisible()
    await walk.check('search-keyboard')
    await page.locator('#search-input').fill(lang === 'en' ? 'talent' : '人才')
    await page.locator('#search-input').blur()
    await walk.check('search-results')
    await page.getByRole('button', { name: lang === 'en' ? /^Back/ : /^上一步/ }).click()

    await page.getByRole('button', { name: L[lang].talent }).click()
    await walk.check('bundle-items')
    await page.getByRole('button', { name: L[lang].next }).click()

    await walk.check('enterprise')
    await page.locator('#ent-name').click()
    await walk.check('enterprise-keyboard')
    await page.getByRole('button', { name: L[lang].done, exact: true }).click()
    await page.locator('#ent-uscc').fill(VISITOR.uscc)
    await page.locator('#ent-name').fill(VISITOR.name)
    await page.locator('#ent-contactName').fill(VISITOR.contact)
    await page.locator('#ent-mobile').fill('1390571')
    await page.getByRole('button', { name: L[lang].next }).click()
    await expect(page.getByRole('alert').first()).toBeVisible()
    await walk.check('enterprise-error')
    await page.locator('#ent-mobile').fill(VISITOR.mobile)
    await page.getByRole('button', { name: L[lang].next }).click()

    const form = mergeItems(BUILTIN_CATALOG, BUILTIN_CATALOG.bundles.find((b) => b.id === 'bundle-talent')!.itemIds)
    const seen = new Set<string>()
    const heading = page.locator('h1')
    for (;;) {
      const text = (await heading.innerText()).trim()
      const q = form.questions.find((x) => (lang === 'en' ? x.label.en : x.label.zh) === text)
      if (!q) break
      await answer(page, walk, q, lang, seen)
      await page.getByRole('button', { name: L[lang].next }).click()
      await expect(heading).not.toHaveText(text)
    }

    await walk.check('materials')
    await page.getByRole('button', { name: L[lang].next }).click()
    await walk.check('materials-unanswered')
    await page.getByRole('button', { name: lang === 'en' ? 'I have them all' : '全部已带来' }).click()
    await page.getByRole('radio', { name: lang === 'en' ? 'I will bring it' : '稍后补交' }).first().click()
    await page.getByRole('button', { name: L[lang].next }).click()
    await walk.check('review')
    await page.getByRole('button', { name: lang === 'en' ? 'All correct, continue' : '信息无误，下一步' }).click()
    await walk.check('consent')
    await platform.stop()
    await page.getByRole('button', { name: lang === 'en' ? /^Agree and submit/ : '同意并提交' }).click()
    await expect(page.getByTestId('ticket-no')).toBeVisible()
    await walk.check('receipt-pending')
    await platform.start()

    await page.getByRole('button', { name: lang === 'en' ? 'Done' : '完成', exact: true }).click()
    await page.getByRole('button', { name: lang === 'en' ? 'Track a request' : '查询办件进度' }).click()
    await walk.check('track')

    // The appeal's screens.
    await page.goto('/')
    await page.getByRole('button', { name: /轻触屏幕开始办事/ }).click()
    if (mode === 'elder') await page.getByRole('switch', { name: /长辈模式/ }).click()
    await page.getByRole('button', { name: L[lang].start }).click()
    await page.getByRole('button', { name: lang === 'en' ? /^I have a problem to report/ : /^我有问题要反映/ }).click()
    await walk.check('appeal-category')
    await page.getByRole('radio').first().click()
    await page.locator('#appeal-input').click()
    await walk.check('appeal-text-keyboard')
  })
}
