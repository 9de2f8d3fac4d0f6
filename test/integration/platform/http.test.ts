import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Enrollment, PullResponse, PushResponse } from '../../../shared/sync'
import { startTestPlatform, type TestPlatform } from '../../../platform/testing'
import { submittedBatch } from '../../../platform/test-support/fixtures'

let platform: TestPlatform

beforeAll(async () => {
  platform = await startTestPlatform()
})
afterAll(async () => {
  await platform?.stop()
})

async function call<T>(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${platform.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return res.json() as Promise<T>
}

const enrollKiosk = async (name: string, code = 'DEMO2026') =>
  Enrollment.omit({ platformUrl: true }).parse(await call('/api/v1/enroll', { method: 'POST', body: { code, deviceName: name } }))

describe('startTestPlatform over real HTTP', () => {
  it('serves a seeded platform on 127.0.0.1 and measures push throughput', async () => {
    expect(platform.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(await call('/healthz')).toEqual({ ok: true })
    const kiosk = await enrollKiosk('throughput')
    const batches = Array.from({ length: 10 }, (_, b) => submittedBatch(kiosk, 200, b * 200 + 1))
    const times: number[] = []
    for (const events of batches) {
      const started = performance.now()
      const { results } = PushResponse.parse(await call('/api/v1/sync/push', { method: 'POST', token: kiosk.token, body: { events } }))
      times.push(performance.now() - started)
      expect(results.every((r) => r.status === 'accepted')).toBe(true)
    }
    const again = performance.now()
    await call('/api/v1/sync/push', { method: 'POST', token: kiosk.token, body: { events: batches[0] } })
    const duplicateMs = performance.now() - again
    const sorted = [...times].sort((a, b) => a - b)
    console.info(
      `push of 200 new intakes over HTTP: median ${sorted[5]!.toFixed(0)} ms, max ${sorted[9]!.toFixed(0)} ms per batch; ` +
        `re-push of a stored batch: ${duplicateMs.toFixed(0)} ms`,
    )
  })

  it('keeps its data and its URL across restart()', async () => {
    const kiosk = await enrollKiosk('restart')
    // A counter PC reads the events back (a lobby kiosk gets their public state only).
    const counter = await enrollKiosk('restart counter', 'COUNTER2026')
    const events = submittedBatch(kiosk, 50, 5001)
    await call('/api/v1/sync/push', { method: 'POST', token: kiosk.token, body: { events } })
    const url = platform.url
    await platform.restart()
    expect(platform.url).toBe(url)
    const ids = new Set<string>()
    for (let since = 0, more = true; more; ) {
      const page = PullResponse.parse(await call(`/api/v1/sync/pull?since=${since}&limit=1000`, { token: counter.token }))
      for (const c of page.changes) if (c.kind === 'event') ids.add(c.event.id)
      since = page.cursor
      more = page.hasMore
    }
    expect(events.every((e) => ids.has(e.id))).toBe(true)
    const { results } = PushResponse.parse(await call('/api/v1/sync/push', { method: 'POST', token: kiosk.token, body: { events } }))
    expect(results.every((r) => r.status === 'duplicate')).toBe(true)
  })
})
