import { chromium, type Browser, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PlatformClient } from '../../renderer/sync/api'
import type { RequestEvent } from '../../shared/index'
import { seededRandom } from '../integration/sync/fault-proxy'
import { PLATFORM_URL, expect, test } from './fixtures'
import { fillEnterprise } from './visitor-steps'
import { enterAdminPin } from './admin-pin'

/**
 * Power cuts at the worst moments: Chromium is killed (SIGKILL, no shutdown) at random points just
 * after a visitor presses submit. Every receipt that was shown must survive on the kiosk and reach
 * the platform exactly once.
 */

const SEED = Number(process.env.CRASH_SEED ?? 1128)
/** Submits in all, across every power cut (the figure); CRASH_SUBMITS lowers it while developing. */
const SUBMITS = Number(process.env.CRASH_SUBMITS ?? 200)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

interface Kiosk {
  child: ChildProcess
  browser: Browser
  page: Page
}

/** A real Chromium on a profile that outlives it, so IndexedDB and local storage are what a restart finds. */
async function launch(profile: string, baseURL: string): Promise<Kiosk> {
  const child = spawn(CHROMIUM, [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--lang=zh-CN',
    `--user-data-dir=${profile}`,
    '--remote-debugging-port=0',
    'about:blank',
  ])
  const ws = await new Promise<string>((resolve, reject) => {
    let seen = ''
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString()
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen)
      if (m) resolve(m[1]!)
    })
    child.once('exit', () => reject(new Error(`chromium exited before it listened: ${seen.slice(-500)}`)))
  })
  const browser = await chromium.connectOverCDP(ws)
  const context = browser.contexts()[0]!
  const page = context.pages()[0] ?? (await context.newPage())
  await page.setViewportSize({ width: 1080, height: 1920 })
  await page.goto(baseURL)
  return { child, browser, page }
}

async function kill(kiosk: Kiosk): Promise<void> {
  const exited = new Promise((r) => kiosk.child.once('exit', r))
  kiosk.child.kill('SIGKILL')
  await exited
  await kiosk.browser.close().catch(() => undefined)
}

/** A visitor reports a financing problem, up to the check screen. */
async function fillAppeal(page: Page, n: number): Promise<void> {
  await page.getByRole('button', { name: /轻触屏幕开始办事/ }).click()
  await page.getByRole('button', { name: /^中文/ }).click()
  await page.getByRole('button', { name: /我有问题要反映/ }).click()
  await page.getByRole('radio', { name: /融资难题/ }).click()
  const next = page.getByRole('button', { name: /^下一步$/ })
  if (await page.getByRole('radio', { name: /融资难题/ }).isVisible()) await next.click()
  // Each question has the same input id: wait for its heading, or the text goes into the one fading out.
  await expect(page.getByRole('heading', { name: '发生了什么？' })).toBeVisible()
  await page.locator('#appeal-input').fill(`第${n}次反映：贷款审批迟迟没有结果`)
  await next.click()
  await expect(page.getByRole('heading', { name: '希望得到怎样的解决？' })).toBeVisible()
  await page.locator('#appeal-input').fill('希望协调银行尽快答复')
  await next.click()
  await next.click()
  await fillEnterprise(page)
  await page.getByRole('button', { name: '信息无误，下一步' }).click()
  await expect(page.getByRole('heading', { name: '个人信息使用说明' })).toBeVisible()
}

async function readReceipt(page: Page): Promise<string> {
  await expect(page.getByRole('heading', { name: '已受理' })).toBeVisible()
  return (await page.getByTestId('ticket-no').innerText()).trim()
}

/** Ticket numbers in the kiosk's own database, read the way a support engineer would. */
async function localTickets(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('kiosk')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const all = open.result.transaction('requests').objectStore('requests').getAll()
          all.onsuccess = () => resolve((all.result as Array<{ ticketNo: string }>).map((r) => r.ticketNo))
          all.onerror = () => reject(all.error)
        }
      }),
  )
}

async function platformEvents(): Promise<RequestEvent[]> {
  const observer = await new PlatformClient({ baseUrl: PLATFORM_URL }).enroll('DEMO2026', 'e2e observer')
  const client = new PlatformClient({ baseUrl: PLATFORM_URL, token: observer.token })
  const events: RequestEvent[] = []
  for (let since = 0; ; ) {
    const page = await client.pull(since, 1000)
    for (const c of page.changes) if (c.kind === 'event') events.push(c.event)
    if (!page.hasMore || page.cursor <= since) return events
    since = page.cursor
  }
}

test.use({ actionTimeout: 20_000 })

// `platform` is asked for so the worker's platform process is up before the kiosk enrolls.
test('every receipt shown survives a killed browser and reaches the platform exactly once', async ({ baseURL, platform }) => {
  expect(platform.running).toBe(true)
  test.setTimeout(Math.max(420_000, SUBMITS * 6_000))
  const random = seededRandom(SEED)
  const profile = mkdtempSync(join(tmpdir(), 'kiosk-crash-'))
  const shown: string[] = []
  let visits = 0
  try {
    for (let round = 0; visits < SUBMITS; round++) {
      const kiosk = await launch(profile, baseURL!)
      // Some complete visits, then one cut short by the power cut somewhere around saving.
      const complete = Math.min(round === 0 ? 2 : Math.floor(random() * 16), SUBMITS - visits - 1)
      for (let i = 0; i < complete; i++) {
        await fillAppeal(kiosk.page, ++visits)
        await kiosk.page.getByRole('button', { name: '同意并提交' }).click()
        shown.push(await readReceipt(kiosk.page))
        await kiosk.page.getByRole('button', { name: '完成', exact: true }).click()
      }
      await fillAppeal(kiosk.page, ++visits)
      const cutAfterMs = Math.floor(random() * 400)
      await kiosk.page.getByRole('button', { name: '同意并提交' }).click()
      await kiosk.page.waitForTimeout(cutAfterMs)
      if ((await kiosk.page.getByTestId('ticket-no').count()) > 0) {
        shown.push((await kiosk.page.getByTestId('ticket-no').innerText()).trim())
      }
      await kill(kiosk)
    }

    const kiosk = await launch(profile, baseURL!)
    const local = await localTickets(kiosk.page)
    for (const ticket of shown) expect(local, `receipt ${ticket} was shown`).toContain(ticket)

    await kiosk.page.goto(`${baseURL}#staff`)
    await enterAdminPin(kiosk.page)
    await expect(kiosk.page.getByRole('heading', { name: '工作人员面板' })).toBeVisible()
    await expect
      .poll(
        async () => {
          await kiosk.page.getByRole('button', { name: '立即同步' }).click()
          return kiosk.page.getByTestId('pending-count').innerText()
        },
        { timeout: 60_000, intervals: [1000] },
      )
      .toBe('0')
    await expect(kiosk.page.getByTestId('rejected-count')).toHaveText('0')
    await kill(kiosk)

    const onPlatform = await platformEvents()
    expect(onPlatform.length).toBe(new Set(onPlatform.map((e) => e.id)).size)
    const submittedTickets = onPlatform.flatMap((e) => (e.type === 'submitted' ? [e.request.ticketNo] : []))
    for (const ticket of local) expect(submittedTickets.filter((t) => t === ticket), ticket).toHaveLength(1)
    console.info(`[sync-crash] seed ${SEED}: ${visits} visits, ${shown.length} receipts shown, ${local.length} saved, all on the platform once`)
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
})
