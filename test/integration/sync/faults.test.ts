import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPlatform } from '../../../platform/testing'
import type { RequestEvent } from '../../../shared/index'
import { appealDraft } from '../../unit/renderer/drafts'
import { startFaultProxy, type FaultProxy } from './fault-proxy'
import { enrollKiosk, platformEvents, type TestKiosk } from './kiosk'

const TOTAL_EVENTS = 5_000
const KIOSKS = 3
const ENROLL_CODE = 'DEMO2026'
/** The observer reads every event of the center, as only a counter PC may. */
const OBSERVER_CODE = 'COUNTER2026'
/** Fast retries so the test measures the protocol, not the production backoff's patience. */
const FAST = { backoff: { baseMs: 20, capMs: 400 }, intervalMs: 250 }

type Platform = Awaited<ReturnType<typeof startTestPlatform>>

let platform: Platform
let proxy: FaultProxy

beforeAll(async () => {
  platform = await startTestPlatform()
  proxy = await startFaultProxy({
    target: platform.url,
    seed: 20_261_128,
    rates: { drop: 0.06, delay: 0.1, error500: 0.06, resetMidResponse: 0.06, truncate: 0.06 },
    maxDelayMs: 150,
  })
})

afterAll(async () => {
  await proxy?.close()
  await platform?.stop()
})

async function ownSubmittedIds(kiosk: TestKiosk): Promise<string[]> {
  const own = await kiosk.db.events
    .filter((e) => e.type === 'submitted' && e.request.deviceId === kiosk.enrollment.deviceId)
    .primaryKeys()
  return own as string[]
}

async function waitUntilDrained(kiosks: TestKiosk[], timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const pending = await Promise.all(kiosks.map((k) => k.pending()))
    const busy = kiosks.some((k) => k.engine.status.syncing)
    if (pending.every((p) => p === 0) && !busy) return
    if (Date.now() > end) throw new Error(`still pending after ${timeoutMs} ms: ${pending.join(', ')}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

function expectExactlyOnce(onPlatform: RequestEvent[], before: Set<string>, expected: string[]): void {
  const fresh = onPlatform.filter((e) => !before.has(e.id)).map((e) => e.id)
  expect(fresh.length).toBe(new Set(fresh).size)
  expect(new Set(fresh)).toEqual(new Set(expected))
  expect(fresh.length).toBe(expected.length)
}

describe('sync through a faulty network', () => {
  it(`delivers ${TOTAL_EVENTS} events from ${KIOSKS} kiosks to the platform exactly once`, { timeout: 240_000 }, async () => {
    const observer = await enrollKiosk('observer', platform.url, platform.url, OBSERVER_CODE)
    const before = new Set((await platformEvents(platform.url, observer.enrollment.token)).map((e) => e.id))
    const kiosks = await Promise.all(
      Array.from({ length: KIOSKS }, (_, i) => enrollKiosk(`fault-${i}`, platform.url, proxy.url, ENROLL_CODE, FAST)),
    )
    const started = Date.now()
    await Promise.all(kiosks.map((k) => k.engine.start()))
    await Promise.all(
      kiosks.map(async (kiosk, k) => {
        const share = Math.floor(TOTAL_EVENTS / KIOSKS) + (k < TOTAL_EVENTS % KIOSKS ? 1 : 0)
        for (let i = 0; i < share; i++) {
          await kiosk.submit(appealDraft(i))
          if (i % 100 === 99) kiosk.engine.requestSync()
        }
        kiosk.engine.requestSync()
      }),
    )
    const submittedAt = Date.now()
    await waitUntilDrained(kiosks, 200_000)
    // One last round each, so every kiosk also pulled the others' events.
    for (const kiosk of kiosks) kiosk.engine.stop()
    proxy.setRates({ drop: 0, delay: 0, error500: 0, resetMidResponse: 0, truncate: 0 })
    for (const kiosk of kiosks) expect(await kiosk.engine.syncOnce()).toBe('synced')
    const seconds = (Date.now() - started) / 1000

    const expected = (await Promise.all(kiosks.map(ownSubmittedIds))).flat()
    expect(expected).toHaveLength(TOTAL_EVENTS)
    expectExactlyOnce(await platformEvents(platform.url, observer.enrollment.token), before, expected)
    for (const kiosk of kiosks) {
      expect(await kiosk.pending()).toBe(0)
      expect(await kiosk.rejected()).toBe(0)
      // Lobby kiosks learn of the others' intakes as public state only, one record per request.
      expect(await kiosk.db.tracks.count()).toBe(TOTAL_EVENTS)
    }
    for (const fault of ['drop', 'delay', 'error500', 'resetMidResponse', 'truncate'] as const) {
      expect(proxy.counts[fault]).toBeGreaterThan(0)
    }
    console.info(
      `[faults] ${TOTAL_EVENTS} events, ${KIOSKS} kiosks: submitted in ${((submittedAt - started) / 1000).toFixed(1)} s, ` +
        `all synced in ${seconds.toFixed(1)} s (${Math.round(TOTAL_EVENTS / seconds)} events/s end to end); ` +
        `proxy ${JSON.stringify(proxy.counts)}`,
    )
  })

  it('loses and doubles nothing when the platform restarts between and during batches', { timeout: 120_000 }, async () => {
    const observer = await enrollKiosk('observer-2', platform.url, platform.url, OBSERVER_CODE)
    const before = new Set((await platformEvents(platform.url, observer.enrollment.token)).map((e) => e.id))
    let pushes = 0
    let restarting: Promise<void> | undefined
    const restart = async () => {
      await platform.restart()
      proxy.setTarget(platform.url)
    }
    const fetchWithRestarts: typeof fetch = async (input, init) => {
      const isPush = String(input).includes('/sync/push')
      if (isPush) pushes++
      const answer = fetch(input, init)
      // During batch 5 the platform goes down while the request is on its way or being handled.
      if (isPush && pushes === 5) await new Promise<void>((r) => setTimeout(() => ((restarting = restart()), r()), 2))
      const res = await answer
      // Between batches 2 and 3 it restarts cleanly.
      if (isPush && pushes === 2) await restart()
      return res
    }
    const kiosk = await enrollKiosk('restart', platform.url, proxy.url, ENROLL_CODE, { ...FAST, fetch: fetchWithRestarts, pushBatchSize: 100 })
    proxy.setRates({ drop: 0, delay: 0, error500: 0, resetMidResponse: 0, truncate: 0 })
    for (let i = 0; i < 900; i++) await kiosk.submit(appealDraft(i))
    const end = Date.now() + 100_000
    while ((await kiosk.pending()) > 0 || pushes < 6) {
      if (Date.now() > end) throw new Error('did not drain')
      await kiosk.engine.syncOnce()
      await new Promise((r) => setTimeout(r, 50))
    }
    await restarting
    expect(await kiosk.engine.syncOnce()).toBe('synced')
    expect(pushes).toBeGreaterThanOrEqual(9)
    expectExactlyOnce(await platformEvents(platform.url, observer.enrollment.token), before, await ownSubmittedIds(kiosk))
    expect(await kiosk.rejected()).toBe(0)
  })
})
