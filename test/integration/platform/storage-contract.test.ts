import { readdir } from 'node:fs/promises'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BUILTIN_CATALOG } from '../../../shared/catalog/index'
import { createPlatform } from '../../../platform/app'
import { sha256 } from '../../../platform/canonical'
import { migrate } from '../../../platform/storage/migrate'
import type { SqlStorage } from '../../../platform/storage/sql-storage'
import { resetDatabase } from '../../../platform/test-support/db'
import { submittedBatch, tick } from '../../../platform/test-support/fixtures'
import { enroll, pull, pullAll, pushOk, type TestEnrollment } from '../../../platform/test-support/http'
import { staffEvent, staffMember } from './actors'
import { backends } from './backends'

const HZ = 'zj-hangzhou-01'

describe.each(backends())('storage contract on $name', (backend) => {
  let storage: SqlStorage
  let app: FastifyInstance
  let hz: TestEnrollment

  const count = async (table: string) => {
    const rows = await storage.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)
    return rows[0]!.n
  }

  beforeAll(async () => {
    storage = await backend.open()
  })
  afterAll(async () => {
    await storage?.close()
    await backend.dispose()
  })
  beforeEach(async () => {
    await resetDatabase(storage)
    app = createPlatform({ storage })
    hz = await enroll(app)
  })

  it('applies migrations once', async () => {
    expect(await migrate(storage.sql)).toEqual([])
    const rows = await storage.sql.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
    const files = (await readdir(new URL('../../../platform/storage/migrations/', import.meta.url))).filter((f) => /^\d+_.+\.sql$/.test(f))
    expect(rows.map((r) => r.version)).toEqual(files.map((f) => Number.parseInt(f, 10)).sort((a, b) => a - b))
  })

  it('publishes catalog, calendar and staff idempotently', async () => {
    const at = new Date()
    expect(await storage.publishCatalog(BUILTIN_CATALOG, at)).toBe(false)
    const staff = await storage.getStaff(HZ)
    expect(await storage.publishStaff(HZ, staff, at)).toBe(false)
    const before = await count('changes')
    const changed = [...staff, { id: 'hz01-new', name: '新同事', departmentId: 'ndrc', role: 'handler' as const }]
    expect(await storage.publishStaff(HZ, changed, at)).toBe(true)
    expect(await count('changes')).toBe(before + 1)
    const [calendar] = await storage.calendarHistory()
    expect(await storage.publishCalendar(calendar!, at)).toBe(false)
  })

  it('uses a code exactly as often as allowed when devices enroll at once', async () => {
    await storage.addEnrollCode({ codeHash: sha256('RACE0001'), centerId: HZ, maxUses: 3 }, new Date())
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        app.inject({ method: 'POST', url: '/api/v1/enroll', payload: { code: 'RACE0001', deviceName: `k${i}` } }),
      ),
    )
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(3)
    expect(answers.filter((a) => a.statusCode === 403)).toHaveLength(5)
    const codes = answers.filter((a) => a.statusCode === 200).map((a) => a.json().kioskCode)
    expect(new Set(codes).size).toBe(3)
  })

  it('stores each event once when the same 200-event batch is pushed three times at once', async () => {
    const batch = submittedBatch(hz, 200)
    const started = performance.now()
    const answers = await Promise.all([1, 2, 3].map(() => pushOk(app, hz.token, batch)))
    const ms = performance.now() - started
    batch.forEach((_, i) => {
      expect(answers.map((a) => a[i]!.status).sort()).toEqual(['accepted', 'duplicate', 'duplicate'])
    })
    expect(await count('events')).toBe(200)
    expect(await count('requests')).toBe(200)
    console.info(`[${backend.name}] same 200-event batch ×3 concurrently: ${ms.toFixed(0)} ms`)
  })

  it('keeps the cursor monotonic and complete under concurrent writers', async () => {
    const kiosks = [hz, await enroll(app), await enroll(app)]
    const intakes = kiosks.map((k) => submittedBatch(k, 40))
    await Promise.all(kiosks.map((k, i) => pushOk(app, k.token, intakes[i]!)))
    const office = (ticketNo: string, type: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/office/requests/${ticketNo}/actions`,
        payload: { type },
        headers: { authorization: 'Bearer demo-office-token-hz01' },
      })
    const counter = await enroll(app, 'COUNTER2026')
    const lead = await staffMember(storage, HZ, 'lead', 'service-center')
    const accepted = new Set(intakes.flat().slice(0, 30).map((e) => e.requestId))
    const seen: number[] = []
    let cursor = 0
    let writing = true
    const reader = (async () => {
      while (writing) {
        await new Promise((resolve) => setImmediate(resolve))
        const page = await pull(app, counter.token, cursor, 25)
        expect(page.cursor).toBeGreaterThanOrEqual(cursor)
        seen.push(...page.changes.map((c) => c.seq))
        cursor = page.cursor
      }
    })()
    await Promise.all([
      // Notes on the requests the office leaves alone: a note stamped before an acceptance that was
      // recorded first would be refused as backdated, which is not what this test is about.
      ...intakes.map((batch) =>
        pushOk(app, counter.token, batch.filter((e) => !accepted.has(e.requestId)).map((e) => staffEvent(lead, e.requestId, 'noted', { note: '补充说明' }, tick()))),
      ),
      ...intakes.flat().slice(0, 30).map((e) => office(e.request.ticketNo, 'accepted')),
    ])
    writing = false
    await reader
    for (let more = true; more; ) {
      const page = await pull(app, counter.token, cursor, 1000)
      seen.push(...page.changes.map((c) => c.seq))
      cursor = page.cursor
      more = page.hasMore
    }
    const all = await pullAll(app, counter.token)
    expect(seen).toEqual(all.map((c) => c.seq))
    expect(all.filter((c) => c.kind === 'event')).toHaveLength(120 + 90 + 30)
  })

  it('lets only one center have an event id that two centers push at once', async () => {
    const qz = await enroll(app, 'QUZHOU2026')
    const results = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const [mine] = submittedBatch(hz, 1, i + 1)
        const [theirs] = submittedBatch(qz, 1, i + 1)
        const clash = { ...theirs!, id: mine!.id }
        return Promise.all([pushOk(app, hz.token, [mine]), pushOk(app, qz.token, [clash])])
      }),
    )
    for (const [[a], [b]] of results) {
      expect([a!.status, b!.status].sort()).toEqual(['accepted', 'rejected'])
      expect([a, b].find((r) => r!.status === 'rejected')!.reason).toBe('id reused with different content')
    }
    expect(await count('events')).toBe(5)
    expect(await count('requests')).toBe(5)
  })

  it('keeps every center to itself in the feed', async () => {
    const qz = await enroll(app, 'QUZHOU2026')
    await pushOk(app, hz.token, submittedBatch(hz, 5))
    await pushOk(app, qz.token, submittedBatch(qz, 2))
    const qzEvents = (await storage.changesSince('zj-quzhou-01', 0, 1000)).changes.filter((c) => c.kind === 'event')
    expect(qzEvents).toHaveLength(2)
    expect(qzEvents.every((c) => c.kind === 'event' && c.event.type === 'submitted' && c.event.request.centerId === 'zj-quzhou-01')).toBe(
      true,
    )
  })

  it('loses nothing across a restart', async () => {
    const batch = submittedBatch(hz, 20)
    await pushOk(app, hz.token, batch)
    const counter = await enroll(app, 'COUNTER2026')
    const before = await pull(app, counter.token, 0, 1000)
    await app.close()
    await storage.close()
    storage = await backend.open()
    app = createPlatform({ storage })
    const after = await pull(app, counter.token, 0, 1000)
    expect(after.changes).toEqual(before.changes)
    // A restart is no restore: kiosks keep their place in the feed.
    expect(after.epoch).toBe(before.epoch)
    expect(await pushOk(app, hz.token, batch.slice(0, 1))).toEqual([{ id: batch[0]!.id, status: 'duplicate' }])
  })
})
