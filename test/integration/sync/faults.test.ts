import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPlatform, type TestPlatform } from '../../../platform/testing'
import { appealDraft } from '../../unit/renderer/drafts'
import { deliverThroughFaults, expectExactlyOnce, FAST, ownSubmittedIds } from './delivery'
import { FAULTS, startFaultProxy, type Fault, type FaultProxy } from './fault-proxy'
import { enrollKiosk, platformEvents } from './kiosk'

/**
 * Every kind of network fault, forced on both the way up (push) and the way down (pull), and platform
 * restarts: nothing is lost and nothing doubled. Deterministic: the faults are a fixed schedule, not
 * chances; `npm run soak` sends 5,000 events through random faults as well.
 */

const ENROLL_CODE = 'DEMO2026'
/** The observer reads every event of the center, as only a counter PC may. */
const OBSERVER_CODE = 'COUNTER2026'

let platform: TestPlatform
let proxy: FaultProxy

/** Each fault once, with a good answer after each, so the kiosk makes progress between them. */
const SCHEDULE: Fault[] = FAULTS.flatMap((fault) => [fault, 'pass' as const])

beforeAll(async () => {
  platform = await startTestPlatform()
  proxy = await startFaultProxy({ target: platform.url, seed: 20_261_128, forced: { push: SCHEDULE, pull: SCHEDULE }, maxDelayMs: 150 })
})

afterAll(async () => {
  await proxy?.close()
  await platform?.stop()
})

describe('sync through a faulty network', () => {
  it('delivers 300 events from 3 kiosks exactly once through every fault, on push and on pull', { timeout: 120_000 }, async () => {
    const observer = await enrollKiosk('observer', platform.url, platform.url, OBSERVER_CODE)
    // Small batches and pages: enough requests for the whole schedule on each route.
    const kiosks = await Promise.all(
      [0, 1, 2].map((i) => enrollKiosk(`fault-${i}`, platform.url, proxy.url, ENROLL_CODE, { ...FAST, pushBatchSize: 20, pullLimit: 40 })),
    )
    await deliverThroughFaults({
      platformUrl: platform.url,
      observerToken: observer.enrollment.token,
      proxy,
      kiosks,
      total: 300,
      syncEvery: 20,
      drainTimeoutMs: 60_000,
    })
    for (const route of ['push', 'pull'] as const) {
      for (const fault of FAULTS) expect(proxy.countsBy[route][fault], `${fault} on ${route}`).toBe(1)
    }
  })

  it('loses and doubles nothing when the platform restarts between batches and cuts one off', { timeout: 120_000 }, async () => {
    const observer = await enrollKiosk('observer-2', platform.url, platform.url, OBSERVER_CODE)
    const before = new Set((await platformEvents(platform.url, observer.enrollment.token)).map((e) => e.id))
    let pushes = 0
    let cut: 'failed' | 'answered' | undefined
    let restarting: Promise<void> | undefined
    const restart = async (abrupt: boolean) => {
      await platform.restart({ abrupt })
      proxy.setTarget(platform.url)
    }
    const fetchWithRestarts: typeof fetch = async (input, init) => {
      const isPush = String(input).includes('/sync/push')
      if (isPush) pushes++
      if (isPush && pushes === 5) {
        // Batch 5 reaches the platform, which goes down with the request under way.
        platform.app.server.once('request', () => (restarting = restart(true)))
        try {
          const res = await fetch(input, init)
          cut = res.ok ? 'answered' : 'failed'
          return res
        } catch (error) {
          cut = 'failed'
          throw error
        }
      }
      const res = await fetch(input, init)
      // Between batches 2 and 3 it restarts cleanly.
      if (isPush && pushes === 2) await restart(false)
      return res
    }
    const kiosk = await enrollKiosk('restart', platform.url, proxy.url, ENROLL_CODE, { ...FAST, fetch: fetchWithRestarts, pushBatchSize: 25 })
    for (let i = 0; i < 300; i++) await kiosk.submit(appealDraft(i))
    const end = Date.now() + 60_000
    while ((await kiosk.pending()) > 0) {
      if (Date.now() > end) throw new Error('did not drain')
      await kiosk.engine.syncOnce()
      await restarting
    }
    expect(cut, 'the restart cut batch 5 off').toBe('failed')
    expect(await kiosk.engine.syncOnce()).toBe('synced')
    // 12 batches, and batch 5 once more (at least: a connection the restart closed may cost a retry).
    expect(pushes).toBeGreaterThanOrEqual(13)
    expectExactlyOnce(await platformEvents(platform.url, observer.enrollment.token), before, await ownSubmittedIds(kiosk))
    expect(await kiosk.rejected()).toBe(0)
  })
})
