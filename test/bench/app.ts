// The built visitor app (out/web) in Chromium, as a lobby kiosk runs it: cold start on a warm
// profile, the JavaScript it loads before the first tap, tap-to-content, and heap after many visits.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config'
import { median, p95 } from './stats'

const ATTRACT = '轻触屏幕开始办事'
const VIEWPORT = { width: 1080, height: 1920 }

// Scripts that run in the page are plain JavaScript text: tsx would wrap the named functions of a
// TypeScript function in a helper (`__name`) that the page does not have.

/**
 * Installed before any page script: when the attract button first appears, the time after
 * navigation start of the second frame after it is kept in `__attractAt` (painted, ready for a tap).
 */
const WATCH_FOR_ATTRACT = `(() => {
  const seen = () => [...document.querySelectorAll('button')].some((b) => b.textContent.includes(${JSON.stringify(ATTRACT)}))
  const observer = new MutationObserver(() => {
    if (window.__attractAt !== undefined || !seen()) return
    observer.disconnect()
    requestAnimationFrame(() => requestAnimationFrame(() => (window.__attractAt = performance.now())))
  })
  observer.observe(document, { childList: true, subtree: true })
})()`

async function attractAt(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as unknown as { __attractAt?: number }).__attractAt !== undefined, undefined, { timeout: 60_000 })
  return page.evaluate(() => (window as unknown as { __attractAt: number }).__attractAt)
}

export type ColdStart = {
  cold_start_ms: number
  visitor_js_gzip_kb: number
}

/** Median of `runs` navigations to the attract screen with a warm, enrolled profile; and the JS loaded before the first tap. */
export async function coldStart(url: string, webDir: string, runs: number): Promise<ColdStart> {
  const profile = mkdtempSync(join(tmpdir(), 'kiosk-bench-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  try {
    await context.addInitScript({ content: WATCH_FOR_ATTRACT })
    // The first start enrolls the kiosk and fills the profile, as on the day it was installed.
    const first = await context.newPage()
    await first.goto(url)
    await attractAt(first)
    await first.close()
    const times: number[] = []
    let scripts: string[] = []
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage()
      const loaded: string[] = []
      page.on('request', (r) => {
        const path = new URL(r.url()).pathname
        if (path.endsWith('.js')) loaded.push(path)
      })
      await page.goto(url)
      times.push(await attractAt(page))
      await page.waitForLoadState('networkidle')
      scripts = loaded
      await page.close()
    }
    const gzip = scripts.reduce((sum, p) => sum + gzipSync(readFileSync(join(webDir, p))).length, 0)
    return { cold_start_ms: median(times), visitor_js_gzip_kb: gzip / 1024 }
  } finally {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
}

async function newKioskPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(url)
  await page.getByRole('button', { name: new RegExp(ATTRACT) }).waitFor()
  return page
}

/**
 * Arms the page for one tap. From the pointerdown it checks every frame for the main area's new
 * screen: `__tapMs` is the frame after the one that first holds it (painted: the screen is readable
 * from its first frame, base.css), `__settledMs` the frame after its entrance animation ended.
 */
const ARM_TAP = `(() => {
  window.__tapMs = undefined
  window.__settledMs = undefined
  const main = document.querySelector('.kiosk__main')
  const before = main && main.firstElementChild
  addEventListener('pointerdown', (e) => {
    const start = e.timeStamp
    const check = () => {
      const screen = main && main.firstElementChild
      const shown = screen && screen !== before
      if (shown && window.__tapMs === undefined) requestAnimationFrame(() => (window.__tapMs = performance.now() - start))
      if (shown && screen.getAnimations({ subtree: true }).every((a) => a.playState !== 'running')) {
        requestAnimationFrame(() => (window.__settledMs = performance.now() - start))
      } else requestAnimationFrame(check)
    }
    requestAnimationFrame(check)
  }, { once: true, capture: true })
})()`

type TapWindow = { __tapMs?: number; __settledMs?: number }

async function timedTap(page: Page, name: RegExp): Promise<{ shown: number; settled: number }> {
  await page.evaluate(ARM_TAP)
  await page.getByRole('button', { name }).first().tap()
  await page.waitForFunction(() => (window as unknown as TapWindow).__settledMs !== undefined)
  return page.evaluate(() => ({ shown: (window as unknown as TapWindow).__tapMs!, settled: (window as unknown as TapWindow).__settledMs! }))
}

/** Taps through the first screens, then back and forth between a domain and its items. */
export async function tapLatency(context: BrowserContext, url: string, rounds: number) {
  const page = await newKioskPage(context, url)
  const taps = [await timedTap(page, new RegExp(ATTRACT)), await timedTap(page, /^中文/)]
  for (let i = 0; i < rounds; i++) {
    taps.push(await timedTap(page, /^法治/))
    taps.push(await timedTap(page, /^上一步/))
  }
  await page.close()
  const shown = taps.map((t) => t.shown)
  const settled = taps.map((t) => t.settled)
  return { tap_p95_ms: p95(shown), tap_median_ms: median(shown), tap_settled_p95_ms: p95(settled) }
}

/** In the page: resolves when `pred` holds, checked on every change of the DOM (no timers: the clock is Playwright's). */
const WAIT_FOR = `(pred) => new Promise((resolve) => {
  if (pred()) return resolve(pred())
  const observer = new MutationObserver(() => {
    const found = pred()
    if (found) { observer.disconnect(); resolve(found) }
  })
  observer.observe(document.body, { childList: true, subtree: true, characterData: true })
})`
const BUTTON = `(text) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith(text))`

/** A visit, in the page: start, a language, a domain, until the domain's screen shows. */
const VISIT = `(async () => {
  const waitFor = ${WAIT_FOR}
  const button = ${BUTTON}
  document.querySelector('.attract__start').click()
  ;(await waitFor(() => button('中文'))).click()
  ;(await waitFor(() => button('法治'))).click()
  await waitFor(() => [...document.querySelectorAll('h1, h2, h3')].some((h) => h.textContent.trim() === '法治'))
})()`

const ATTRACT_AGAIN = `(async () => {
  const waitFor = ${WAIT_FOR}
  await waitFor(() => document.querySelector('.attract__start'))
})()`

/** One visit that the visitor walks away from: the quiet minute, the 20 s warning, and the wipe. */
async function abandonedVisit(page: Page): Promise<void> {
  await page.evaluate(VISIT)
  // The quiet time is the shortest the kiosk takes (?idle=5), then the 20 s warning: runFor runs
  // every animation frame of that time too, so a shorter quiet time keeps 1,000 visits in minutes.
  await page.clock.runFor(25_500)
  await page.evaluate(ATTRACT_AGAIN)
}

/** JS heap after `sessions` visits ending in the idle wipe, minus after 10, each after a forced GC. */
export async function heapGrowth(context: BrowserContext, url: string, sessions: number): Promise<{ heap_growth_mb: number }> {
  const page = await context.newPage()
  await page.clock.install()
  await page.goto(`${url}?idle=5`)
  await page.getByRole('button', { name: new RegExp(ATTRACT) }).waitFor()
  const cdp = await context.newCDPSession(page)
  const heap = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage')
    return (await cdp.send('Runtime.getHeapUsage')).usedSize
  }
  for (let i = 0; i < 10; i++) await abandonedVisit(page)
  const after10 = await heap()
  for (let i = 10; i < sessions; i++) await abandonedVisit(page)
  const after = await heap()
  await page.close()
  return { heap_growth_mb: (after - after10) / 1024 / 1024 }
}
