import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPlatform, type TestPlatform } from '../../platform/testing'
import { deliverThroughFaults, FAST } from '../integration/sync/delivery'
import { FAULTS, startFaultProxy, type FaultProxy } from '../integration/sync/fault-proxy'
import { enrollKiosk } from '../integration/sync/kiosk'

/** `npm run soak`: volume through a network that fails at random, seeded so that a failure replays. */

const TOTAL_EVENTS = Number(process.env.SOAK_EVENTS ?? 5_000)
const KIOSKS = 3
const ENROLL_CODE = 'DEMO2026'

let platform: TestPlatform
let proxy: FaultProxy

beforeAll(async () => {
  platform = await startTestPlatform()
  proxy = await startFaultProxy({
    target: platform.url,
    seed: Number(process.env.SOAK_SEED ?? 20_261_128),
    rates: { drop: 0.06, delay: 0.1, error500: 0.06, resetMidResponse: 0.06, truncate: 0.06 },
    maxDelayMs: 150,
  })
})

afterAll(async () => {
  await proxy?.close()
  await platform?.stop()
})

describe('sync through a faulty network, at volume', () => {
  it(`delivers ${TOTAL_EVENTS} events from ${KIOSKS} kiosks to the platform exactly once`, { timeout: 600_000 }, async () => {
    const observer = await enrollKiosk('observer', platform.url, platform.url, ENROLL_CODE)
    const kiosks = await Promise.all(
      Array.from({ length: KIOSKS }, (_, i) => enrollKiosk(`fault-${i}`, platform.url, proxy.url, ENROLL_CODE, FAST)),
    )
    const { submitSeconds, seconds } = await deliverThroughFaults({
      platformUrl: platform.url,
      observerToken: observer.enrollment.token,
      proxy,
      kiosks,
      total: TOTAL_EVENTS,
      syncEvery: 100,
      drainTimeoutMs: 500_000,
    })
    for (const fault of FAULTS) expect(proxy.counts[fault]).toBeGreaterThan(0)
    console.info(
      `[soak] ${TOTAL_EVENTS} events, ${KIOSKS} kiosks: submitted in ${submitSeconds.toFixed(1)} s, ` +
        `all synced in ${seconds.toFixed(1)} s (${Math.round(TOTAL_EVENTS / seconds)} events/s end to end); ` +
        `proxy ${JSON.stringify(proxy.counts)}`,
    )
  })
})
