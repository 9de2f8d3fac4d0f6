import { test, expect } from './fixtures'
import { answerQuestions, fillEnterprise, next, startVisit, VISITOR } from './visitor-steps'

test('English: the interface and catalog text are English, <html lang> follows, errors in English', async ({ page }) => {
  await startVisit(page, { english: true })
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { name: 'What do you need?' })).toBeVisible()
  await page.getByRole('button', { name: /^Legal/ }).click()
  await page.getByRole('checkbox', { name: /Legal advice for companies/ }).click()
  await next(page, /^Next/)

  await page.getByLabel('Unified social credit code').fill('91330100MA27')
  await next(page, /^Next$/)
  await expect(page.getByText('The unified social credit code has 18 characters; this one has 12')).toBeVisible()
  await fillEnterprise(page, undefined, true)
  await expect(page.getByText(/^Question 1 of \d+$/)).toBeVisible()
  const asked = await answerQuestions(page, ['legal-consultation'], { en: true })
  expect(asked.length).toBe(3)
  await expect(page.getByRole('heading', { name: 'Documents for your request' })).toBeVisible()
  await expect(page.getByRole('radio', { name: 'I have it' }).first()).toBeVisible()

  const cjk = /[\u4e00-\u9fff]/
  // What the visitor typed stays as typed; everything else must be English.
  // The language switch names Chinese in Chinese, as language switches do.
  const screenText = async () =>
    (await page.locator('body').innerText()).replaceAll(VISITOR.name, '').replaceAll(VISITOR.contact, '').replace(/^中文$/m, '')
  expect(await screenText()).not.toMatch(cjk)

  await page.getByRole('button', { name: 'I have them all' }).click()
  await next(page, /^Next$/)
  await expect(page.getByRole('heading', { name: 'Check your answers' })).toBeVisible()
  expect(await screenText()).not.toMatch(cjk)
  await page.getByRole('button', { name: 'All correct, continue' }).click()
  await expect(page.getByRole('heading', { name: 'How we use your personal information' })).toBeVisible()
  expect(await screenText()).not.toMatch(cjk)
  await page.getByRole('button', { name: 'Agree and submit' }).click()
  await expect(page.getByRole('heading', { name: 'Received' })).toBeVisible()
  await expect(page.getByText('Sent to the provincial platform')).toBeVisible({ timeout: 30_000 })
  expect(await screenText()).not.toMatch(cjk)
})
