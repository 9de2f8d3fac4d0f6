import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect, PLATFORM_URL } from './fixtures'
import { allMaterialsHave, answerQuestions, confirmAndSubmit, fillEnterprise, next, startVisit } from './visitor-steps'
import { openSection, signInStaff } from './staff-signin'

/**
 * A kiosk loads nothing from outside itself and its platform: no fonts, scripts or images from a CDN.
 * Both what the browser asked for and what the CSP had to stop are checked, along a whole visit.
 */
test('a whole visit requests nothing from any origin but the kiosk and its platform', async ({ page, baseURL }) => {
  test.setTimeout(120_000)
  const allowed = new Set([new URL(baseURL!).origin, new URL(PLATFORM_URL).origin])
  const outside: string[] = []
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (/^(https?|wss?):$/.test(url.protocol) && !allowed.has(url.origin)) outside.push(r.url())
  })
  await page.addInitScript(() => {
    const blocked: string[] = []
    ;(window as unknown as { __blocked: string[] }).__blocked = blocked
    document.addEventListener('securitypolicyviolation', (e) => blocked.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`))
  })

  await startVisit(page)
  await page.getByRole('button', { name: /搜索事项/ }).click()
  await page.getByRole('group', { name: '屏幕键盘' }).getByRole('button', { name: 'r', exact: true }).click()
  await page.getByRole('button', { name: /^上一步/ }).click()
  await page.getByRole('button', { name: /^法治/ }).click()
  await page.getByRole('checkbox', { name: /企业法律咨询/ }).click()
  await next(page, /^下一步/)
  await fillEnterprise(page)
  await answerQuestions(page, ['legal-consultation'])
  await allMaterialsHave(page)
  await confirmAndSubmit(page)
  await expect(page.getByRole('img', { name: '扫码查看办理进度' })).toBeVisible()
  await page.getByRole('button', { name: '完成', exact: true }).click()
  await page.goto('/#staff')
  await signInStaff(page)
  await openSection(page, '设备')

  expect(outside).toEqual([])
  expect(await page.evaluate(() => (window as unknown as { __blocked: string[] }).__blocked)).toEqual([])
})

test('no built stylesheet or script names another host', () => {
  const dir = join(import.meta.dirname, '../../out/web/assets')
  for (const file of readdirSync(dir).filter((f) => /\.(css|js)$/.test(f))) {
    const text = readFileSync(join(dir, file), 'utf8')
    // url(//host…) or url(https://host…) in CSS would load from elsewhere; so would the icon font's CDN.
    expect(text.match(/url\(\s*['"]?(https?:)?\/\/[^)]*\)/g) ?? [], file).toEqual([])
    expect(text.includes('alicdn'), file).toBe(false)
  }
})
