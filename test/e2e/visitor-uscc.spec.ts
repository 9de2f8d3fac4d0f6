import { test, expect } from './fixtures'
import { next, startVisit, VISITOR } from './visitor-steps'

test.beforeEach(async ({ page }) => {
  await startVisit(page)
  await page.getByRole('button', { name: /^法治/ }).click()
  await page.getByRole('checkbox', { name: /企业法律咨询/ }).click()
  await next(page, /^下一步/)
})

const cases = [
  { typed: VISITOR.uscc.slice(0, 17).toLowerCase(), shown: VISITOR.uscc.slice(0, 17), error: '统一社会信用代码应为18位，当前为17位' },
  { typed: '91330100MA27XXXXI9', shown: '91330100MA27XXXXI9', error: '统一社会信用代码不使用字母I（第17位）' },
  {
    typed: VISITOR.uscc.slice(0, 17) + (VISITOR.uscc[17] === '0' ? '1' : '0'),
    shown: VISITOR.uscc.slice(0, 17) + (VISITOR.uscc[17] === '0' ? '1' : '0'),
    error: '统一社会信用代码第18位校验码不正确，请核对后重新输入',
  },
]

for (const c of cases) {
  test(`统一社会信用代码 error is specific and keeps what was typed: ${c.error}`, async ({ page }) => {
    const field = page.getByLabel('统一社会信用代码')
    await field.fill(c.typed)
    await field.blur()
    await expect(page.getByRole('alert').filter({ hasText: c.error })).toBeVisible()
    await expect(field).toHaveValue(c.shown)
    await next(page, /^下一步$/)
    await expect(page.getByRole('heading', { name: '企业和联系人信息' })).toBeVisible()
    await expect(field).toHaveValue(c.shown)
    await expect(field).toHaveAttribute('aria-invalid', 'true')
  })
}

test('a correct code lowercased is accepted and upper-cased as typed', async ({ page }) => {
  const field = page.getByLabel('统一社会信用代码')
  await field.pressSequentially(VISITOR.uscc.toLowerCase())
  await expect(field).toHaveValue(VISITOR.uscc)
  await field.blur()
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('mobile errors come from the shared rule', async ({ page }) => {
  const field = page.getByLabel('联系人手机号')
  await field.fill('1380013')
  await next(page, /^下一步$/)
  await expect(page.getByText('手机号码应为11位，当前为7位')).toBeVisible()
  await expect(field).toHaveValue('1380013')
})
