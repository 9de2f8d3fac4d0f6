import { chromium, expect, type Browser, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { PlatformClient } from '../../renderer/sync/api'
import type { RequestEvent } from '../../shared/index'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config'
import { PLATFORM_URL } from './fixtures'
import { VISITOR } from './visitor-steps'
import { openSection, signInStaff } from './staff-signin'

/**
 * Power cuts for the crash tests: a real Chromium on a profile that outlives it, killed with SIGKILL
 * (no shutdown), so IndexedDB and local storage are what the next start finds.
 */

export interface Kiosk {
  child: ChildProcess
  browser: Browser
  page: Page
}

export async function launch(profile: string, baseURL: string): Promise<Kiosk> {
  const child = spawn(CHROMIUM_PATH, [
    '--headless=new',
    ...CHROMIUM_ARGS,
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

export async function kill(kiosk: Kiosk): Promise<void> {
  const exited = new Promise((r) => kiosk.child.once('exit', r))
  kiosk.child.kill('SIGKILL')
  await exited
  await kiosk.browser.close().catch(() => undefined)
}

/** The ticket number on the receipt, if the receipt is showing now. */
export async function shownTicket(page: Page): Promise<string | null> {
  const ticket = page.getByTestId('ticket-no')
  return (await ticket.count()) > 0 ? (await ticket.innerText()).trim() : null
}

/**
 * The visitor agrees and submits, and the power goes within 400 ms (`random` picks when: the moment
 * is the fault injected, not a wait for something to appear). Returns the receipt's ticket number
 * if the receipt was showing when the power went.
 */
export async function submitAndCut(kiosk: Kiosk, random: () => number): Promise<string | null> {
  const cutAfterMs = Math.floor(random() * 400)
  await kiosk.page.getByRole('button', { name: '同意并提交' }).click()
  await kiosk.page.waitForTimeout(cutAfterMs)
  const ticket = await shownTicket(kiosk.page)
  await kill(kiosk)
  return ticket
}

/** Ticket numbers in the kiosk's own database, read the way a support engineer would. */
export async function localTickets(page: Page): Promise<string[]> {
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

/**
 * After the last power cut: every receipt shown is in the kiosk's database, the staff panel's sync
 * empties the outbox with nothing refused, and the platform holds each saved request exactly once.
 */
export async function expectNothingLostOrDoubled(profile: string, baseURL: string, shown: string[]): Promise<string[]> {
  const kiosk = await launch(profile, baseURL)
  const local = await localTickets(kiosk.page)
  for (const ticket of shown) expect(local, `receipt ${ticket} was shown`).toContain(ticket)

  await kiosk.page.goto(`${baseURL}#staff`)
  await signInStaff(kiosk.page)
  await openSection(kiosk.page, '设备')
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
  return local
}

/** What a visitor reporting a financing problem has typed by the time the consent screen shows. */
export function appealAtConsent(n: number) {
  return {
    kind: 'appeal' as const,
    itemIds: [],
    enterprise: { uscc: VISITOR.uscc, name: VISITOR.name },
    contact: { name: VISITOR.contact, mobile: VISITOR.mobile },
    answers: {},
    materials: {},
    appeal: { categoryId: 'financing', description: `第${n}次反映：贷款审批迟迟没有结果`, desiredOutcome: '希望协调银行尽快答复', triedDepartment: '' },
  }
}
