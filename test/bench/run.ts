// `npm run bench`: the figures the issues name, measured on this machine. Figures live here, never in
// timed unit tests (the machines are shared and noisy). Each line: what, median / p95 / max, unit.
import { performance } from 'node:perf_hooks'
import { v7 as uuidv7 } from 'uuid'
import { startTestPlatform } from '../../platform/testing'
import { BUILTIN_CATALOG, searchCatalog } from '../../shared/catalog/index'
import { addWorkingDays } from '../../shared/calendar/index'
import { reduceRequest, type RequestEvent } from '../../shared/index'
import { appealDraft } from '../unit/renderer/drafts'
import { enrollKiosk, platformEvents } from '../integration/sync/kiosk'
import { sampleRequest, submittedEvent } from '../unit/renderer/helpers'
import { imeFigures } from './ime'
import { measureWorklist, seedWorklist, WORKLIST_BENCH_REQUESTS } from './browser/worklist'
import { freshDb } from '../unit/renderer/helpers'

interface Figure {
  name: string
  unit: string
  samples: number[]
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

function report(f: Figure): void {
  const s = [...f.samples].sort((a, b) => a - b)
  const fmt = (n: number) => (n < 10 ? n.toFixed(3) : n.toFixed(1))
  console.log(
    `${f.name.padEnd(66)} median ${fmt(quantile(s, 0.5))}  p95 ${fmt(quantile(s, 0.95))}  max ${fmt(s[s.length - 1]!)}  ${f.unit}  (n=${s.length})`,
  )
}

async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t = performance.now()
  await fn()
  return performance.now() - t
}

async function repeat(n: number, fn: (i: number) => unknown | Promise<unknown>): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) out.push(await time(() => fn(i)))
  return out
}

async function sharedRules(): Promise<void> {
  const queries = ['人才', 'rencai', 'rc', '融资', 'rongzi', '专利', 'zhuanli', '出口', 'financing', '社保']
  report({ name: 'searchCatalog (Chinese, pinyin, English queries)', unit: 'ms', samples: await repeat(500, (i) => searchCatalog(BUILTIN_CATALOG, queries[i % queries.length]!)) })
  report({
    name: 'addWorkingDays (1-60 working days from 2024-2026 dates)',
    unit: 'ms',
    samples: await repeat(2000, (i) => addWorkingDays(`202${4 + (i % 3)}-${String(1 + (i % 12)).padStart(2, '0')}-15`, 1 + (i % 60))),
  })
}

async function reducer(): Promise<void> {
  const requestId = uuidv7()
  const author = { kind: 'department' as const, id: 'd', name: '张三' }
  const base = Date.parse('2026-11-28T01:00:00Z')
  const notes: RequestEvent[] = Array.from({ length: 200 }, (_, i) => ({
    id: uuidv7(),
    requestId,
    at: new Date(base + i * 1000).toISOString(),
    author,
    type: 'noted' as const,
    note: `第${i}次跟进`,
  }))
  const events = [submittedEvent(sampleRequest({ id: requestId })), ...notes].reverse()
  report({ name: 'reduceRequest (201 events, arrival order reversed)', unit: 'ms', samples: await repeat(300, () => reduceRequest(events)) })
}

async function syncRoundTrip(): Promise<void> {
  const platform = await startTestPlatform()
  try {
    const kiosks = await Promise.all([0, 1, 2].map((i) => enrollKiosk(`bench-${i}`, platform.url, platform.url, 'DEMO2026')))
    const submitTimes: number[] = []
    for (const [k, kiosk] of kiosks.entries()) {
      for (let i = 0; i < 400; i++) submitTimes.push(await time(() => kiosk.submit(appealDraft(k * 1000 + i))))
    }
    report({ name: 'kiosk submit: request+event+outbox, one transaction (fake IDB)', unit: 'ms', samples: submitTimes })

    const rounds: number[] = []
    const started = performance.now()
    for (const kiosk of kiosks) rounds.push(await time(() => kiosk.engine.syncOnce()))
    const total = performance.now() - started
    report({ name: 'sync round, 400 pending events per kiosk (push 2 batches + pull)', unit: 'ms', samples: rounds })
    console.log(`${'3 kiosks x 400 events pushed and pulled, end to end'.padEnd(66)} ${total.toFixed(0)} ms  (${((1200 / total) * 1000).toFixed(0)} events/s)`)

    // A counter PC: it pulls the events themselves, as a lobby kiosk no longer does.
    const observer = (await enrollKiosk('bench-observer', platform.url, platform.url, 'COUNTER2026')).enrollment.token
    report({ name: 'pull of the whole center feed from 0 (1000 per page)', unit: 'ms', samples: await repeat(5, () => platformEvents(platform.url, observer)) })
  } finally {
    await platform.stop()
  }
}

/**
 * The worklist's figures in Node on fake-indexeddb, so they exist before the real-Chromium harness
 * runs the same `measureWorklist`; fake-indexeddb is a JavaScript tree, not Chromium's LevelDB.
 */
async function worklist(): Promise<void> {
  // fake-indexeddb takes well over ten minutes to seed 100,000 rows on this machine; the goal's size
  // is for Chromium (BENCH_WORKLIST_REQUESTS=100000 runs it here anyway).
  const n = Number(process.env.BENCH_WORKLIST_REQUESTS ?? WORKLIST_BENCH_REQUESTS / 5)
  const db = freshDb('bench-worklist')
  const seeded = await time(() => seedWorklist(db, n))
  const figures = await measureWorklist(db)
  const label = `(Node, fake-indexeddb, ${n.toLocaleString('en')} requests; seeded in ${(seeded / 1000).toFixed(0)} s)`
  console.log(`${'worklist_p95_ms: first page of open overdue requests by due date'.padEnd(66)} p95 ${figures.worklist_p95_ms.toFixed(2)} ms  goal <= 20  ${label}`)
  console.log(`${'search_p95_ms: ticket tail, name prefix or part, USCC'.padEnd(66)} p95 ${figures.search_p95_ms.toFixed(2)} ms  goal <= 5  ${label}`)
  db.close()
}

console.log(`bench ${new Date().toISOString()} node ${process.version}`)
if (process.argv.includes('--worklist')) {
  await worklist()
  process.exit(0)
}
await worklist()
await sharedRules()
await imeFigures()
await reducer()
await syncRoundTrip()
