import { test, expect } from './fixtures'
import { BUILTIN_CATALOG, mergeItems } from '../../shared/index'
import { allMaterialsHave, answerQuestions, confirmAndSubmit, fillEnterprise, next, openBundles, startVisit } from './visitor-steps'

const bundle = BUILTIN_CATALOG.bundles.find((b) => b.id === 'bundle-talent')!
const kept = bundle.itemIds.filter((id) => id !== 'talent-school')

test('talent bundle with one item deselected: shared questions asked once, materials listed once', async ({ page }) => {
  await startVisit(page)
  await openBundles(page)
  await page.getByRole('button', { name: /^人才服务一类事/ }).click()
  for (const id of bundle.itemIds) {
    const name = BUILTIN_CATALOG.items.find((i) => i.id === id)!.name.zh
    await expect(page.getByRole('checkbox', { name: new RegExp(name) })).toHaveAttribute('aria-checked', 'true')
  }
  await page.getByRole('checkbox', { name: /人才子女就学/ }).click()
  await expect(page.getByRole('checkbox', { name: /人才子女就学/ })).toHaveAttribute('aria-checked', 'false')
  await next(page, /^下一步/)
  await fillEnterprise(page)

  const asked = await answerQuestions(page, kept)
  const form = mergeItems(BUILTIN_CATALOG, kept)
  const perItem = kept.flatMap((id) => BUILTIN_CATALOG.items.find((i) => i.id === id)!.questions.map((q) => q.key))
  expect(new Set(asked).size).toBe(asked.length)
  expect(asked.filter((k) => k === 'applicantName')).toHaveLength(1)
  expect(perItem.filter((k) => k === 'applicantName').length).toBe(kept.length)
  expect(asked.length).toBeLessThan(perItem.length)
  expect(asked).not.toContain('childName')

  const materialCount = form.materials.length
  const perItemMaterials = kept.flatMap((id) => BUILTIN_CATALOG.items.find((i) => i.id === id)!.materials).length
  expect(materialCount).toBeLessThan(perItemMaterials)
  await expect(page.getByText(`共${materialCount}份材料`)).toBeVisible()
  await expect(page.locator('[data-material]')).toHaveCount(materialCount)
  await expect(page.locator('[data-material="applicant-id"]')).toHaveCount(1)
  await allMaterialsHave(page)
  const ticket = await confirmAndSubmit(page)
  expect(ticket).toBeTruthy()
  for (const id of kept) await expect(page.getByText(BUILTIN_CATALOG.items.find((i) => i.id === id)!.name.zh)).toBeVisible()
})

test('a bundle keeps at least one item', async ({ page }) => {
  await startVisit(page)
  await openBundles(page)
  await page.getByRole('button', { name: /^人才服务一类事/ }).click()
  for (const id of bundle.itemIds.slice(1)) {
    await page.getByRole('checkbox', { name: new RegExp(BUILTIN_CATALOG.items.find((i) => i.id === id)!.name.zh) }).click()
  }
  const last = page.getByRole('checkbox', { name: /高层次人才分类认定/ })
  await last.click()
  await expect(last).toHaveAttribute('aria-checked', 'true')
  await expect(page.getByText('至少保留一项事项')).toBeVisible()
})

test('a conditional question appears when an earlier answer calls for it', async ({ page }) => {
  await startVisit(page)
  await page.getByRole('button', { name: /^人才/ }).first().click()
  await page.getByRole('checkbox', { name: /高层次人才分类认定/ }).click()
  await next(page, /^下一步/)
  await fillEnterprise(page)
  const asked = await answerQuestions(page, ['talent-certification'], { yesTo: ['isForeignNational'] })
  expect(asked).toContain('passportNo')
})
