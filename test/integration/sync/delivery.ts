import { expect } from 'vitest'
import type { RequestEvent } from '../../../shared/index'
import { appealDraft } from '../../unit/renderer/drafts'
import type { FaultProxy } from './fault-proxy'
import { platformEvents, type TestKiosk } from './kiosk'

/** Fast retries so the tests measure the protocol, not the production backoff's patience. */
export const FAST = { backoff: { baseMs: 20, capMs: 400 }, intervalMs: 250 }

/** The ids of the intakes a kiosk made itself (it also holds the others' after pulling). */
export async function ownSubmittedIds(kiosk: TestKiosk): Promise<string[]> {
  const own = await kiosk.db.events
    .filter((e) => e.type === 'submitted' && e.request.deviceId === kiosk.enrollment.deviceId)
    .primaryKeys()
  return own as string[]
}

async function ownSubmittedRequestIds(kiosk: TestKiosk): Promise<string[]> {
  const own = await kiosk.db.events.filter((e) => e.type === 'submitted' && e.request.deviceId === kiosk.enrollment.deviceId).toArray()
  return own.map((e) => e.requestId)
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

/** Every event the kiosks made reached the platform once: none lost, none doubled, nothing else new. */
export function expectExactlyOnce(onPlatform: RequestEvent[], before: Set<string>, expected: string[]): void {
  const fresh = onPlatform.filter((e) => !before.has(e.id)).map((e) => e.id)
  expect(fresh.length).toBe(new Set(fresh).size)
  expect(new Set(fresh)).toEqual(new Set(expected))
  expect(fresh.length).toBe(expected.length)
}

/**
 * `total` intakes shared among `kiosks` that sync through `proxy` while visitors keep submitting
 * (a sync asked for every `syncEvery`), drained, then one clean round each so every kiosk also
 * pulled the others' events. Checks exactly-once delivery; returns the seconds it took end to end.
 */
export async function deliverThroughFaults(opts: {
  platformUrl: string
  observerToken: string
  proxy: FaultProxy
  kiosks: TestKiosk[]
  total: number
  syncEvery: number
  drainTimeoutMs: number
}): Promise<{ submitSeconds: number; seconds: number }> {
  const { kiosks, proxy, total } = opts
  const before = new Set((await platformEvents(opts.platformUrl, opts.observerToken)).map((e) => e.id))
  const started = Date.now()
  await Promise.all(kiosks.map((k) => k.engine.start()))
  await Promise.all(
    kiosks.map(async (kiosk, k) => {
      const share = Math.floor(total / kiosks.length) + (k < total % kiosks.length ? 1 : 0)
      for (let i = 0; i < share; i++) {
        await kiosk.submit(appealDraft(i))
        if (i % opts.syncEvery === opts.syncEvery - 1) kiosk.engine.requestSync()
      }
      kiosk.engine.requestSync()
    }),
  )
  const submitSeconds = (Date.now() - started) / 1000
  await waitUntilDrained(kiosks, opts.drainTimeoutMs)
  for (const kiosk of kiosks) kiosk.engine.stop()
  proxy.setRates({ drop: 0, delay: 0, error500: 0, resetMidResponse: 0, truncate: 0 })
  for (const kiosk of kiosks) expect(await kiosk.engine.syncOnce()).toBe('synced')
  const seconds = (Date.now() - started) / 1000

  const expected = (await Promise.all(kiosks.map(ownSubmittedIds))).flat()
  expect(expected).toHaveLength(total)
  expectExactlyOnce(await platformEvents(opts.platformUrl, opts.observerToken), before, expected)
  const expectedRequests = (await Promise.all(kiosks.map(ownSubmittedRequestIds))).flat()
  for (const kiosk of kiosks) {
    expect(await kiosk.pending()).toBe(0)
    expect(await kiosk.rejected()).toBe(0)
    // Lobby kiosks learn of every intake of the center as public state only: one track record each.
    const tracked = new Set(await kiosk.db.tracks.orderBy('requestId').uniqueKeys())
    expect(expectedRequests.every((id) => tracked.has(id))).toBe(true)
  }
  return { submitSeconds, seconds }
}
