import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { test, expect } from './fixtures'

/**
 * What a visitor's kiosk loads before anyone touches it: at most 250 KB of JavaScript (gzip), and
 * never the on-screen keyboard or its word list, which load when first needed.
 */
const BUDGET = 250 * 1024

test('before the first tap the visitor screens load at most 250 KB of JavaScript (gzip), and no keyboard', async ({ page }) => {
  const scripts: string[] = []
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname
    if (path.endsWith('.js')) scripts.push(path)
  })
  await page.goto('/')
  await expect(page.getByRole('button', { name: /轻触屏幕开始办事/ })).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(scripts.filter((p) => /OnScreenKeyboard|ime-dict/.test(p))).toEqual([])
  const gzip = scripts.reduce((sum, p) => sum + gzipSync(readFileSync(join(import.meta.dirname, '../../out/web', p))).length, 0)
  expect(gzip, `${scripts.join(', ')}: ${(gzip / 1024).toFixed(0)} KB`).toBeLessThanOrEqual(BUDGET)
})
