// `npm run bench`: the figures issue 13 names, measured as a kiosk and the platform live. Kiosk
// figures in real Chromium (the kiosk's own code: a bench page built from test/bench/browser, and
// the built visitor app in out/web); platform figures against the platform's own process on
// PostgreSQL (DATABASE_URL), or on PGlite when no server is given. Writes bench/results.json (one
// flat object, "metric": number) and prints one line per metric with the machine's load.
// Figures live here, never in timed unit tests: the machines are shared and noisy.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { chromium, type Page } from '@playwright/test'
import { build } from 'vite'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config'
import { serveWeb } from '../../scripts/serve-web'
import type { Enrollment } from '../../shared/index'
import { E2E_ADMIN_PIN_HASH } from '../e2e/admin-pin'
import { coldStart, heapGrowth, tapLatency } from './app'
import type { BenchPage } from './browser/main'
import { centerWithKiosks, closedLoop, paced, startPlatform } from './platform'
import { round } from './stats'

const ROOT = resolve(import.meta.dirname, '../..')
const WEB_DIR = join(ROOT, 'out/web')
const BENCH_DIR = join(ROOT, 'node_modules/.cache/bench-web')
const PLATFORM_PORT = Number(process.env.BENCH_PLATFORM_PORT ?? process.env.E2E_PLATFORM_PORT ?? 8813)
const WEB_PORT = Number(process.env.BENCH_WEB_PORT ?? process.env.E2E_WEB_PORT ?? 5193)
const n = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
/** Smaller runs for trying the bench out; the defaults are the issue's. */
const SEEDED = n('BENCH_REQUESTS', 100_000)
const SYNC_EVENTS = n('BENCH_SYNC_EVENTS', 5_000)
const SESSIONS = n('BENCH_SESSIONS', 1_000)
const LOAD_SECONDS = n('BENCH_LOAD_SECONDS', 20)
const WORKLIST_REQUESTS = n('BENCH_WORKLIST_REQUESTS', 100_000)
/** BENCH_ONLY=platform,sync,seeded,worklist,app runs those parts alone (e.g. with BENCH_PLATFORM_PROFILE=<dir>). */
const only = process.env.BENCH_ONLY?.split(',')
const part = (name: string) => !only || only.includes(name)

const results: Record<string, number> = {}
const started = performance.now()
const uptime = () => loadavg().map((l) => l.toFixed(2)).join(' ')

function record(figures: Record<string, number>, unit = ''): void {
  for (const [name, value] of Object.entries(figures)) {
    results[name] = round(value)
    console.log(`${name.padEnd(30)} ${String(round(value)).padStart(9)}${unit ? ` ${unit}` : ''}   load ${uptime()}`)
  }
}

function note(text: string): void {
  console.log(`# ${text} (${((performance.now() - started) / 1000).toFixed(0)} s)`)
}

if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error('out/web is missing: run `npm run build:web` first (npm run bench does)')
await build({
  root: join(ROOT, 'test/bench/browser'),
  base: './',
  configFile: false,
  logLevel: 'warn',
  build: { outDir: BENCH_DIR, emptyOutDir: true, target: 'chrome120' },
})

console.log(`bench ${new Date().toISOString()} node ${process.version} chromium ${CHROMIUM_PATH}`)
const platform = await startPlatform(PLATFORM_PORT, process.env.DATABASE_URL || undefined)
note(`platform on ${platform.backend}`)
const app = await serveWeb({
  dir: WEB_DIR,
  port: WEB_PORT,
  provisioning: { platformUrl: platform.url, enrollCode: 'DEMO2026', adminPinHash: E2E_ADMIN_PIN_HASH },
})
const benchWeb = await serveWeb({ dir: BENCH_DIR, port: 0, provisioning: { platformUrl: platform.url } })
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
try {
  // The platform first, on its own: 200 kiosks of one center pushing as fast as they are answered,
  // then 200 kiosks over 20 centers each sending one batch of 20 every 2 s.
  if (part('platform')) await platformFigures()
  if (part('sync') || part('seeded') || part('worklist')) await kioskFigures()
  if (part('app')) await appFigures()
} finally {
  await browser.close()
  await benchWeb.close()
  await app.close()
  await platform.stop()
}

async function platformFigures(): Promise<void> {
  const one = await centerWithKiosks(platform, 'BL01', 200)
  const loop = await closedLoop(platform, one, 20, LOAD_SECONDS)
  note(`closed loop: ${loop.requestsPerS.toFixed(0)} req/s, p99 ${loop.p99.toFixed(0)} ms, ${loop.errors} errors`)
  record({ platform_events_per_s: loop.eventsPerS }, 'events/s')
  const spread: Enrollment[] = []
  for (let c = 0; c < 20; c++) spread.push(...(await centerWithKiosks(platform, `BP${String(c).padStart(2, '0')}`, 10)))
  const steady = await paced(platform, spread, 20, 2_000, LOAD_SECONDS)
  note(`paced: ${steady.requests} requests, median ${steady.p50.toFixed(0)} ms`)
  record({ platform_push_p99_ms: steady.p99 }, 'ms')
  record({ platform_push_errors: steady.errors })
}

/** The kiosk's code in Chromium. */
async function kioskFigures(): Promise<void> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(benchWeb.url)
  await page.waitForFunction(() => document.title === 'bench ready')
  const pushKiosk = await platform.enroll('DEMO2026', 'bench-push')
  if (part('sync')) await syncFigures(page, pushKiosk)
  if (part('seeded')) {
    const seeded = await page.evaluate(([count, e]) => (globalThis as unknown as { bench: BenchPage }).bench.seeded(count, e), [SEEDED, pushKiosk] as const)
    note(`seeded ${SEEDED} requests in ${seeded.seconds.seed!.toFixed(0)} s`)
    record(seeded.figures, 'ms')
  }
  if (part('worklist')) {
    const worklist = await page.evaluate((count) => (globalThis as unknown as { bench: BenchPage }).bench.worklist(count), WORKLIST_REQUESTS)
    note(`seeded the worklist with ${WORKLIST_REQUESTS} requests in ${worklist.seconds.toFixed(0)} s`)
    record(worklist.figures, 'ms')
  }
  await context.close()
}

async function syncFigures(page: Page, pushKiosk: Enrollment): Promise<void> {
  const push = await page.evaluate(([e, count]) => (globalThis as unknown as { bench: BenchPage }).bench.push(e, count), [pushKiosk, SYNC_EVENTS] as const)
  record({ sync_push_events_per_s: push }, 'events/s')
  const counter = await platform.enroll('COUNTER2026', 'bench-pull')
  const pull = await page.evaluate(([e, count]) => (globalThis as unknown as { bench: BenchPage }).bench.pull(e, count), [counter, SYNC_EVENTS] as const)
  record({ sync_pull_events_per_s: pull }, 'events/s')
  const lobby = await platform.enroll('DEMO2026', 'bench-pull-lobby')
  const pullLobby = await page.evaluate(([e, count]) => (globalThis as unknown as { bench: BenchPage }).bench.pull(e, count), [lobby, SYNC_EVENTS] as const)
  record({ sync_pull_lobby_events_per_s: pullLobby }, 'events/s')
}

/** The built visitor app. */
async function appFigures(): Promise<void> {
  record(await coldStart(app.url, WEB_DIR, 5))
  const kiosk = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  record(await tapLatency(kiosk, app.url, 15), 'ms')
  note('taps done')
  record(await heapGrowth(kiosk, app.url, SESSIONS), 'MB')
  note(`${SESSIONS} visits done`)
  await kiosk.close()
}

mkdirSync(join(ROOT, 'bench'), { recursive: true })
const file = join(ROOT, 'bench/results.json')
// A partial run (BENCH_ONLY) updates its own figures and keeps the others.
const kept = only && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>) : {}
writeFileSync(file, `${JSON.stringify({ ...kept, ...results }, null, 2)}\n`)
note(`bench/results.json written; load ${uptime()}`)
