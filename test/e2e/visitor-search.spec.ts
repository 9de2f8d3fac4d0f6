import { test, expect } from './fixtures'
import { next, startVisit } from './visitor-steps'

test('search in Chinese finds items and bundles; an item found can be chosen', async ({ page }) => {
  await startVisit(page)
  await page.getByRole('button', { name: /搜索事项/ }).click()
  await page.getByLabel('输入事项名称或拼音').fill('人才')
  await expect(page.getByRole('button', { name: /人才服务一类事/ })).toBeVisible()
  await page.getByRole('checkbox', { name: /高层次人才分类认定/ }).click()
  await expect(page.getByRole('button', { name: /下一步 · 已选1项/ })).toBeEnabled()
  await next(page, /^下一步/)
  await expect(page.getByRole('heading', { name: '企业和联系人信息' })).toBeVisible()
})

test('search by touch: "rencai" on the pinyin keyboard gives 人才, which finds its items', async ({ page }) => {
  await startVisit(page)
  await page.getByRole('button', { name: /搜索事项/ }).click()
  const keys = page.getByRole('group', { name: '屏幕键盘' })
  for (const k of 'rencai') await keys.getByRole('button', { name: k, exact: true }).click()
  // The pinyin keyboard offers the catalog's own word first.
  await expect(keys.getByRole('option').first()).toHaveText('人才')
  await keys.getByRole('option', { name: '人才', exact: true }).click()
  await expect(page.getByLabel('输入事项名称或拼音')).toHaveValue('人才')
  await expect(page.getByRole('checkbox', { name: /高层次人才分类认定/ })).toBeVisible()
  await page.getByRole('button', { name: /人才服务一类事/ }).click()
  await expect(page.getByRole('heading', { name: '人才服务一类事' })).toBeVisible()
})

test('a search with no match says so plainly', async ({ page }) => {
  await startVisit(page)
  await page.getByRole('button', { name: /搜索事项/ }).click()
  await page.getByLabel('输入事项名称或拼音').fill('zzzzqqq')
  await expect(page.getByText('没有找到与“zzzzqqq”相关的事项')).toBeVisible()
})
