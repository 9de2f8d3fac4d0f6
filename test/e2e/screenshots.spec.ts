import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { answerQuestions, fillEnterprise, next, startVisit, VISITOR } from './visitor-steps'
import { asCounterPc, enterStaffNumber, enterStaffPin, openSection, signInStaff, STAFF } from './staff-signin'

/**
 * `npm run screenshots`: a picture of every visitor screen (zh-CN, with English and 长辈模式 samples)
 * in test-results/screens, for people to look at: does it read like a lobby product?
 */

async function shot(page: Page, name: string): Promise<void> {
  // What a person would see once the screen has settled: the next frame is drawn and every
  // transition and popup animation that ends has ended (a spinner's endless one does not count).
  await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)))
  })
  await page.screenshot({ path: `test-results/screens/${name}.png`, animations: 'disabled', caret: 'hide' })
}

test('every screen of an application, zh-CN', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('/')
  await expect(page.getByRole('button', { name: /轻触屏幕开始办事/ })).toBeVisible()
  await shot(page, '01-attract')
  await page.getByRole('button', { name: /轻触屏幕开始办事/ }).click()
  await shot(page, '02-welcome')
  await page.getByRole('button', { name: /^中文/ }).click()
  await shot(page, '03-need')
  await page.getByRole('button', { name: /搜索事项/ }).click()
  const keys = page.getByRole('group', { name: '屏幕键盘' })
  for (const k of 'rencai') await keys.getByRole('button', { name: k, exact: true }).click()
  await shot(page, '04-search')
  await page.getByRole('button', { name: /^上一步/ }).click()
  await page.getByRole('button', { name: /^一类事一次办/ }).click()
  await page.getByRole('button', { name: /^人才服务一类事/ }).click()
  await page.getByRole('checkbox', { name: /人才子女就学/ }).click()
  await shot(page, '05-bundle-items')
  await next(page, /^下一步/)
  await page.getByLabel('统一社会信用代码').fill(VISITOR.uscc.slice(0, 17) + '0')
  await page.getByLabel('企业名称').click()
  await shot(page, '06-enterprise-error')
  await page.getByLabel('联系人手机号').click()
  await shot(page, '07-enterprise-keypad')
  await page.getByRole('button', { name: '完成', exact: true }).click()
  await fillEnterprise(page)
  const seen = new Set<string>()
  await answerQuestions(page, ['talent-certification', 'talent-housing', 'talent-residence', 'talent-subsidy'], {
    onQuestion: async (q) => {
      if (seen.has(q.type)) return
      seen.add(q.type)
      await shot(page, `08-question-${q.type}`)
      if (q.type === 'date') {
        await page.locator('#answer').click()
        await shot(page, `08-question-${q.type}-open`)
        await page.getByRole('button', { name: '取消', exact: true }).click()
      }
    },
  })
  await shot(page, '11-materials')
  await page.getByRole('button', { name: '全部已带来' }).click()
  await page.getByRole('radio', { name: '稍后补交' }).nth(1).click()
  await next(page, /^下一步$/)
  await shot(page, '12-review')
  await page.getByRole('button', { name: '信息无误，下一步' }).click()
  await shot(page, '13-consent')
  await page.getByRole('button', { name: '同意并提交' }).click()
  await expect(page.getByRole('heading', { name: '已受理' })).toBeVisible()
  await expect(page.getByText('已同步至省平台')).toBeVisible({ timeout: 30_000 })
  await shot(page, '14-receipt')
  const ticket = (await page.getByTestId('ticket-no').innerText()).trim()
  await page.getByRole('button', { name: '完成' }).click()
  await page.getByRole('button', { name: /查询办件进度/ }).click()
  await shot(page, '15-track')
  await page.getByLabel('请输入受理号').fill(ticket)
  // Public tracking needs the receipt's check code too; the printout is paper, so read what was saved.
  const code = await page.evaluate(async (no) => {
    const db = await new Promise<IDBDatabase>((ok) => (indexedDB.open('kiosk').onsuccess = (e) => ok((e.target as IDBOpenDBRequest).result)))
    const get = db.transaction('requests').objectStore('requests').index('ticketNo').get(no)
    return new Promise<string>((ok) => (get.onsuccess = () => ok(get.result.intake.checkCode)))
  }, ticket)
  await page.getByRole('textbox', { name: '查询码' }).fill(code)
  await page.getByRole('button', { name: '查询', exact: true }).click()
  await shot(page, '16-track-result')
})

test('question inputs: number keypad, an answer refused by the shared rule, the date picker', async ({ page }) => {
  await startVisit(page)
  await page.getByRole('button', { name: /^人才/ }).first().click()
  await page.getByRole('checkbox', { name: /企业招工服务/ }).click()
  await next(page, /^下一步/)
  await fillEnterprise(page)
  await answerQuestions(page, ['employ-recruitment'], {
    yesTo: ['needsJobFair'],
    onQuestion: async (q) => {
      if (q.key === 'employeeCount') {
        await page.locator('#answer').click()
        await shot(page, '17-question-number-keypad')
        await page.getByRole('button', { name: '完成', exact: true }).click()
      }
      if (q.key === 'monthlyWage') {
        await page.locator('#answer').fill(String((q.min ?? 1) - 1))
        await next(page)
        await expect(page.getByRole('alert')).toBeVisible()
        await shot(page, '18-question-error')
      }
      if (q.type === 'date') {
        await page.locator('#answer').click()
        await shot(page, '19-question-date')
        await page.getByRole('button', { name: '取消', exact: true }).click()
      }
    },
  })
})

test('appeal screens and the idle warning', async ({ page }) => {
  await page.clock.install()
  await startVisit(page)
  await page.getByRole('button', { name: /我有问题要反映/ }).click()
  await shot(page, '20-appeal-category')
  await page.getByRole('radio', { name: /拖欠账款/ }).click()
  await page.getByRole('textbox', { name: '发生了什么？' }).fill('某区属国企拖欠我司工程款120万元，已逾期8个月。')
  await shot(page, '21-appeal-text')
  await page.clock.fastForward(60_000)
  await expect(page.getByRole('dialog').filter({ hasText: '您还在办理吗？' })).toBeVisible()
  await shot(page, '22-idle-warning')
})

test('English and 长辈模式 samples', async ({ page }) => {
  await startVisit(page, { english: true })
  await shot(page, '23-en-need')
  await page.getByRole('button', { name: /^Several services at once/ }).click()
  await page.getByRole('button', { name: /^Talent services/ }).click()
  await shot(page, '24-en-bundle-items')
  await next(page, /^Next/)
  await fillEnterprise(page, undefined, true)
  await shot(page, '25-en-question')
  await page.goto('/')
  await startVisit(page, { elder: true })
  await shot(page, '26-elder-need')
  await page.getByRole('button', { name: /^法治/ }).click()
  await page.getByRole('checkbox', { name: /企业法律咨询/ }).click()
  await next(page, /^下一步/)
  await shot(page, '27-elder-enterprise')
  await fillEnterprise(page)
  await page.locator('#answer').click()
  await shot(page, '28-elder-picker')
})

// Counter screens are landscape: each staff screen at the two counter sizes, and the lobby kiosk's way in.
for (const [width, height] of [
  [1920, 1080],
  [1366, 768],
  [1280, 1024],
] as const) {
  test(`staff screens at ${width}x${height}`, async ({ page }) => {
    test.setTimeout(120_000)
    await page.setViewportSize({ width, height })
    await asCounterPc(page)
    await page.goto('/')
    const size = `${width}x${height}`
    await enterStaffNumber(page, STAFF.lead.id)
    await shot(page, `staff-${size}-01-signin-pin`)
    for (let i = 0; i < 5; i++) await enterStaffPin(page, '000000')
    await expect(page.getByRole('alert')).toContainText('已在本机锁定')
    await shot(page, `staff-${size}-02-lockout`)
    await page.getByRole('button', { name: '返回', exact: true }).click()
    await page.getByRole('group', { name: '工号键盘' }).getByRole('button', { name: '清空' }).click()
    await shot(page, `staff-${size}-00-signin`)
    await signInStaff(page, 'clerk')
    await openSection(page, '设备')
    await shot(page, `staff-${size}-03-device`)
    await page.getByRole('button', { name: 'English', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Device', exact: true })).toBeVisible()
    await shot(page, `staff-${size}-03-device-en`)
    await page.getByRole('button', { name: '中文', exact: true }).click()
    await openSection(page, '工作台')
    await expect(page.getByRole('button', { name: '导出 CSV' })).toBeVisible()
    await shot(page, `staff-${size}-08-worklist`)
    await page.getByRole('button', { name: 'English', exact: true }).click()
    await expect(page.getByRole('button', { name: 'Export CSV' })).toBeVisible()
    await shot(page, `staff-${size}-08-worklist-en`)
    await page.getByRole('button', { name: '中文', exact: true }).click()
    await openSection(page, '代客填报')
    await shot(page, `staff-${size}-04-intake`)
    await page.getByRole('button', { name: '新建代客填报' }).click()
    await page.getByRole('button', { name: /^法治/ }).click()
    await page.getByRole('checkbox', { name: /企业法律咨询/ }).click()
    await shot(page, `staff-${size}-05-intake-items`)
    await next(page, /^下一步/)
    await fillEnterprise(page)
    await shot(page, `staff-${size}-06-intake-question`)
    await page.getByRole('button', { name: '保存草稿' }).click()
    await shot(page, `staff-${size}-07-intake-drafts`)
  })
}

test('the lobby kiosk’s way in for staff, portrait', async ({ page }) => {
  await page.clock.install()
  await page.goto('/')
  const corner = page.getByRole('button', { name: '工作人员入口（长按 2 秒）' })
  const box = (await corner.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.clock.runFor(1_000)
  await page.screenshot({ path: 'test-results/screens/staff-portrait-01-long-press.png', caret: 'hide' })
  await page.clock.runFor(1_000)
  await page.mouse.up()
  await shot(page, 'staff-portrait-02-signin')
  await signInStaff(page, 'handler')
  await shot(page, 'staff-portrait-03-shell')
})
