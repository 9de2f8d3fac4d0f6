import fc from 'fast-check'
import type { FastifyInstance, InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPlatform } from '../../../platform/app'
import { DEMO_DEFAULTS } from '../../../platform/seed/demo'
import { openStorage } from '../../../platform/storage/open'
import type { SqlStorage } from '../../../platform/storage/sql-storage'
import { resetDatabase } from '../../../platform/test-support/db'
import { appealRequest, submitted } from '../../../platform/test-support/fixtures'
import { enroll, pushOk, type TestEnrollment } from '../../../platform/test-support/http'
import { Heartbeat } from '../../../shared/fleet'
import { Id } from '../../../shared/text'
import { sampleHeartbeat } from '../../fixtures/heartbeat'
import { visitorEvent } from './actors'

/**
 * Malformed input against every route that takes any (issue 7): at least 1,000 bodies (or paths
 * and queries, for routes without a body) per endpoint. Wrong types, huge strings, deep nesting,
 * NUL and lone surrogates, control characters, `__proto__` and `constructor` keys, missing and extra
 * fields, wrong content types. The platform must never answer 5xx, must refuse every one of them
 * (4xx, or a push whose every event is rejected), and must store nothing: the database's
 * fingerprint is the same after each endpoint's run. Counts per endpoint are printed at the end.
 */

const RUNS = 1000
const ADMIN = 'fuzz-admin-token-0123456789'
const CHECK_CODE = 'K7M2QX'

let storage: SqlStorage
let app: FastifyInstance
let kiosk: TestEnrollment
let counter: TestEnrollment
let ticketNo: string
let requestId: string
let deviceId: string
const counts: Record<string, { bodies: number; status: Record<number, number>; ms: number }> = {}

beforeAll(async () => {
  storage = await openStorage({})
  await resetDatabase(storage)
  app = createPlatform({ storage, adminToken: ADMIN })
  kiosk = await enroll(app, DEMO_DEFAULTS.enrollCodes.HZ01, 'fuzz kiosk')
  counter = await enroll(app, DEMO_DEFAULTS.counterCode, 'fuzz counter')
  const intake = submitted(appealRequest(kiosk, 1, { checkCode: CHECK_CODE }))
  await pushOk(app, kiosk.token, [intake])
  ticketNo = intake.request.ticketNo
  requestId = intake.requestId
  deviceId = kiosk.deviceId
})

afterAll(async () => {
  await storage?.close()
  const rows = Object.entries(counts).map(([endpoint, c]) => ({
    endpoint,
    bodies: c.bodies,
    '5xx': Object.entries(c.status).filter(([s]) => Number(s) >= 500).reduce((n, [, k]) => n + k, 0),
    answers: Object.entries(c.status)
      .map(([s, k]) => `${s}×${k}`)
      .join(' '),
    seconds: (c.ms / 1000).toFixed(1),
  }))
  console.info('fuzz counts per endpoint:')
  console.table(rows)
})

/** Everything that can change when something is stored, in one string. */
async function fingerprint(): Promise<string> {
  const [row] = await storage.sql.query<Record<string, unknown>>(`SELECT
    (SELECT count(*) FROM events)::int AS events,
    (SELECT count(*) FROM requests)::int AS requests,
    (SELECT count(*) FROM changes)::int AS changes,
    (SELECT count(*) FROM centers)::int AS centers,
    (SELECT coalesce(sum(feed_seq), 0) FROM centers)::text AS feed,
    (SELECT count(*) FROM devices)::int AS devices,
    (SELECT count(*) FROM devices WHERE revoked_at IS NOT NULL OR mode <> 'visitor')::int AS devices_changed,
    (SELECT count(*) FROM enroll_codes)::int AS codes,
    (SELECT coalesce(sum(uses), 0) FROM enroll_codes)::int AS code_uses,
    (SELECT count(*) FROM enroll_codes WHERE revoked_at IS NOT NULL)::int AS codes_revoked,
    (SELECT count(*) FROM office_tokens)::int AS tokens,
    (SELECT count(*) FROM office_tokens WHERE revoked_at IS NOT NULL)::int AS tokens_revoked,
    (SELECT md5(string_agg(state::text, '' ORDER BY id)) FROM requests) AS states,
    (SELECT md5(coalesce(string_agg(body::text || received_at::text, '' ORDER BY device_id), '')) FROM device_heartbeats) AS heartbeats,
    (SELECT md5(string_agg(concat_ws('|', center_id, id, name, department_id, role, pin_hash, deactivated_at), '' ORDER BY center_id, id)) FROM staff_members) AS staff`)
  return JSON.stringify(row)
}

// ---- malformed values -------------------------------------------------------------------------

/** JSON text of values no field of any schema accepts. */
const nastyJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('null', 'true', '0', '-1', '1e308', '[]', '[null]', '{}', '"\\u0000"', '"\\ud83d"', '"\\udc00x"', '"a\\u0007b"'),
  fc.string({ maxLength: 20 }).map((s) => JSON.stringify(`${s}\u0000${s}`)),
  fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s).replace(/"$/, '\\ud800"')),
  // Inside the text: trailing whitespace (a scanner's Enter) is trimmed, which is no refusal.
  fc.constantFrom('\u0001', '\u001b[2J', '\u007f', '\u0085', '\r\n', '\u0008', '\u000b').map((c) => JSON.stringify(`名${c}称`)),
  fc.integer({ min: 5_001, max: 60_000 }).map((n) => JSON.stringify('字'.repeat(n))),
  fc.integer({ min: 50, max: 10_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 50, max: 5_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
  fc.constantFrom('{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"isAdmin":true}}}', '{"\\u0000":1}', '{"__proto__":1}'),
  fc.array(fc.constantFrom('"\\u0000"', 'null', '{}', '"\\udfff"'), { minLength: 1, maxLength: 5 }).map((a) => `[${a.join(',')}]`),
)

/** A path or query segment no route accepts, percent-encoded as a client would send it (or not). */
const nastySegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('%00', '%ED%A0%80', '%E0%A4%A', '%C0%AF', '..%2F..%2Fetc', '%0D%0ASet-Cookie:x', '%FF', 'a%20b', '-1', '1.5', '0x10', '1e400', '%F0%9F'),
  fc.integer({ min: 65, max: 20_000 }).map((n) => '9'.repeat(n)),
  fc.string({ maxLength: 10 }).map((s) => `${encodeURIComponent(s)}%00`),
  fc.constantFrom('__proto__', 'constructor', 'prototype').map((s) => `${s}%01`),
)

/** The JSON text of `valid` with the value at one path replaced by malformed JSON, or removed. */
function mutated(valid: object, required: readonly string[]): fc.Arbitrary<string> {
  const paths = leafPaths(valid)
  const replace = fc.tuple(fc.constantFrom(...paths), nastyJson, fc.boolean()).map(([path, nasty, extra]) => {
    const copy = structuredClone(valid) as Record<string, unknown>
    // A "malformed" value equal to the valid one ({} for empty answers) would be no malformation.
    const text = nasty === JSON.stringify(getAt(valid, path)) ? '"\\u0000"' : nasty
    setAt(copy, path, MARKER)
    if (extra) copy[`extra_${path.length}`] = 'ignored'
    return JSON.stringify(copy).replace(JSON.stringify(MARKER), () => text)
  })
  const remove = fc.constantFrom(...required).map((path) => {
    const copy = structuredClone(valid) as Record<string, unknown>
    deleteAt(copy, path.split('.'))
    return JSON.stringify(copy)
  })
  return required.length > 0 ? fc.oneof({ arbitrary: replace, weight: 4 }, { arbitrary: remove, weight: 1 }) : replace
}

const MARKER = '@@NASTY@@'

function getAt(target: unknown, path: string[]): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], target)
}

function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix]
  const entries = Object.entries(value)
  const inner = entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]))
  return prefix.length > 0 ? [prefix, ...inner] : inner
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown): void {
  const parent = path.slice(0, -1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, target)
  parent[path.at(-1)!] = value
}

function deleteAt(target: Record<string, unknown>, path: string[]): void {
  const parent = path.slice(0, -1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, target)
  delete parent[path.at(-1)!]
}

/** A whole body that is no body at all, or not JSON, or JSON in the wrong content type. */
const wrongBody: fc.Arbitrary<{ payload: string; contentType: string }> = fc.oneof(
  nastyJson.map((payload) => ({ payload, contentType: 'application/json' })),
  fc.constantFrom('{"a":', '', '\u0000', '{"a":1}}', "{'a':1}", 'NaN', '\ufeff{}', '{"a":1,"a":2,}').map((payload) => ({ payload, contentType: 'application/json' })),
  fc.tuple(
    fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=utf-16', 'image/png', 'application/jsonp'),
    fc.constantFrom('{}', 'code=DEMO2026', '--x\r\n\r\n--x--', '<a/>'),
  ).map(([contentType, payload]) => ({ payload, contentType })),
)

function body(valid: object, required: readonly string[]): fc.Arbitrary<{ payload: string; contentType: string }> {
  return fc.oneof(
    { arbitrary: mutated(valid, required).map((payload) => ({ payload, contentType: 'application/json' })), weight: 5 },
    { arbitrary: wrongBody, weight: 1 },
  )
}

// ---- the runner --------------------------------------------------------------------------------

type Outcome = 'refused' | { accepted: string }

/** Fuzzes one endpoint: `request` turns a generated input into a request; every answer must be a refusal. */
async function fuzz<T>(
  endpoint: string,
  input: fc.Arbitrary<T>,
  request: (value: T) => InjectOptions,
  refused: (res: { statusCode: number; body: string }) => Outcome = (res) =>
    res.statusCode >= 400 && res.statusCode < 500 ? 'refused' : { accepted: `${res.statusCode} ${res.body.slice(0, 300)}` },
): Promise<void> {
  const before = await fingerprint()
  const started = performance.now()
  const tally: (typeof counts)[string] = (counts[endpoint] = { bodies: 0, status: {}, ms: 0 })
  await fc.assert(
    fc.asyncProperty(input, async (value) => {
      const res = await app.inject(request(value))
      tally.bodies++
      tally.status[res.statusCode] = (tally.status[res.statusCode] ?? 0) + 1
      expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500)
      const outcome = refused(res)
      expect(outcome, endpoint).toBe('refused')
    }),
    { numRuns: RUNS, seed: 20261129, endOnFailure: true },
  )
  tally.ms = performance.now() - started
  expect(await fingerprint(), `${endpoint} stored something from a refused body`).toBe(before)
  expect(tally.bodies).toBeGreaterThanOrEqual(RUNS)
}

function isHeartbeat(payload: string): boolean {
  try {
    return Heartbeat.safeParse(JSON.parse(payload)).success
  } catch {
    return false
  }
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const post = (url: string, headers: Record<string, string>) => (b: { payload: string; contentType: string }): InjectOptions => ({
  method: 'POST',
  url,
  payload: b.payload,
  headers: { ...headers, 'content-type': b.contentType },
})

// 1,000 requests an endpoint take a few seconds on a quiet machine; a busy one must not fail them for time.
describe('fuzz: malformed input is refused, never a 5xx, and nothing is stored', { timeout: 180_000 }, () => {
  it('POST /api/v1/enroll', async () => {
    await fuzz(
      'POST /enroll',
      fc.tuple(body({ code: 'DEMO2026', deviceName: '一楼大厅 1 号机' }, ['code', 'deviceName']), fc.integer({ min: 1, max: 250 })),
      ([b, n]) => ({ ...post('/api/v1/enroll', {})(b), remoteAddress: `10.20.${n % 250}.1` }),
    )
  })

  it('POST /api/v1/sync/push', async () => {
    const intake = submitted(appealRequest(kiosk, 2, { checkCode: CHECK_CODE }))
    const withdrawn = visitorEvent(deviceId, requestId, 'withdrawn', { reason: '不办了' }, new Date().toISOString())
    const rated = { ...withdrawn, type: 'rated', level: 5, comment: '满意' }
    const event = fc.oneof(
      mutated(intake, ['id', 'requestId', 'at', 'author', 'type', 'request.ticketNo', 'request.contact.mobile', 'request.enterprise']),
      mutated(withdrawn, ['id', 'requestId', 'at', 'author.kind', 'type']),
      mutated(rated, ['level', 'id']),
    )
    const batch = fc.oneof(
      { arbitrary: fc.array(event, { minLength: 1, maxLength: 4 }).map((events) => ({ payload: `{"events":[${events.join(',')}]}`, contentType: 'application/json' })), weight: 5 },
      { arbitrary: nastyJson.map((n) => ({ payload: `{"events":${n}}`, contentType: 'application/json' })), weight: 1 },
      { arbitrary: wrongBody, weight: 1 },
    )
    await fuzz('POST /sync/push', batch, post('/api/v1/sync/push', bearer(kiosk.token)), (res) => {
      if (res.statusCode >= 400 && res.statusCode < 500) return 'refused'
      const results = (JSON.parse(res.body) as { results?: Array<{ status: string }> }).results ?? []
      return results.length > 0 && results.every((r) => r.status === 'rejected') ? 'refused' : { accepted: res.body.slice(0, 300) }
    })
  })

  it('GET /api/v1/sync/pull', async () => {
    const query = fc.oneof(
      fc.tuple(fc.constantFrom('since', 'limit'), nastySegment).map(([k, v]) => `${k}=${v}`),
      fc.tuple(nastySegment, nastySegment).map(([a, b]) => `since=${a}&limit=${b}`),
      fc.constantFrom('since=1&since=2', 'limit=0', 'limit=1001', 'since=', 'limit=', 'since=99999999999999999999'),
    )
    await fuzz('GET /sync/pull', query, (q) => ({ method: 'GET', url: `/api/v1/sync/pull?${q}`, headers: bearer(counter.token) }))
  })

  it('GET /api/v1/track/:ticketNo', async () => {
    const input = fc.oneof(
      nastySegment.map((t) => `/api/v1/track/${t}?checkCode=${CHECK_CODE}`),
      nastySegment.map((c) => `/api/v1/track/${ticketNo}?checkCode=${c}`),
      fc.constantFrom(`/api/v1/track/${ticketNo}`, `/api/v1/track/${ticketNo}?checkCode=`, `/api/v1/track/${ticketNo}?checkCode=ABCDEF&checkCode=GHJKLM`),
    )
    await fuzz('GET /track/:ticketNo', fc.tuple(input, fc.integer({ min: 1, max: 250 })), ([url, n]) => ({
      method: 'GET',
      url,
      remoteAddress: `10.30.${n}.1`,
    }))
  })

  it('GET /t/:ticketNo', async () => {
    const input = fc.oneof(nastySegment.map((t) => `/t/${t}?c=${CHECK_CODE}`), nastySegment.map((c) => `/t/${ticketNo}?c=${c}`))
    await fuzz('GET /t/:ticketNo', fc.tuple(input, fc.integer({ min: 1, max: 250 })), ([url, n]) => ({ method: 'GET', url, remoteAddress: `10.40.${n}.1` }))
  })

  it('POST /api/v1/office/requests/:ticketNo/actions', async () => {
    const actions = [
      { type: 'noted', note: '已电话联系企业' },
      { type: 'assigned', departmentId: 'ndrc', assigneeName: '李志强' },
      { type: 'escalated', reason: '超期未办', departmentIds: ['ndrc', 'tax'] },
      { type: 'material_requested', materials: ['营业执照副本'] },
      { type: 'resolved', resolution: '已办结' },
    ]
    const input = fc.oneof(
      { arbitrary: fc.constantFrom(...actions).chain((a) => body(a, Object.keys(a).filter((k) => k !== 'type'))).map((b) => ({ b, ticket: ticketNo })), weight: 4 },
      { arbitrary: nastySegment.map((ticket) => ({ b: { payload: '{"type":"noted","note":"x"}', contentType: 'application/json' }, ticket })), weight: 1 },
    )
    await fuzz('POST /office/requests/:ticketNo/actions', input, ({ b, ticket }) =>
      post(`/api/v1/office/requests/${ticket}/actions`, bearer(DEMO_DEFAULTS.officeTokens.HZ01))(b),
    )
  })

  it('GET /api/v1/office/requests', async () => {
    const query = fc.tuple(fc.constantFrom('status', 'limit'), nastySegment).map(([k, v]) => `${k}=${v}`)
    await fuzz('GET /office/requests', query, (q) => ({ method: 'GET', url: `/api/v1/office/requests?${q}`, headers: bearer(DEMO_DEFAULTS.officeTokens.HZ01) }))
  })

  it('POST /api/v1/admin/centers', async () => {
    const valid = { id: 'zj-fuzz-01', code: 'FZ01', name: { zh: '模糊测试中心', en: 'Fuzz center' } }
    await fuzz('POST /admin/centers', body(valid, ['id', 'code', 'name', 'name.zh', 'name.en']), post('/api/v1/admin/centers', bearer(ADMIN)))
  })

  it('POST /api/v1/admin/enroll-codes', async () => {
    const valid = { centerId: 'zj-hangzhou-01', maxUses: 2, expiresInHours: 24, mode: 'counter' }
    await fuzz('POST /admin/enroll-codes', body(valid, ['centerId']), post('/api/v1/admin/enroll-codes', bearer(ADMIN)))
  })

  it('POST /api/v1/admin/centers/:centerId/office-tokens', async () => {
    const valid = { departmentId: 'ndrc', name: '市发改委' }
    const input = fc.oneof(
      { arbitrary: body(valid, ['departmentId', 'name']).map((b) => ({ b, center: 'zj-hangzhou-01' })), weight: 4 },
      { arbitrary: nastySegment.map((center) => ({ b: { payload: JSON.stringify(valid), contentType: 'application/json' }, center })), weight: 1 },
    )
    await fuzz('POST /admin/centers/:centerId/office-tokens', input, ({ b, center }) => post(`/api/v1/admin/centers/${center}/office-tokens`, bearer(ADMIN))(b))
  })

  it('POST /api/v1/admin/devices/:id/mode', async () => {
    const input = fc.oneof(
      { arbitrary: body({ mode: 'counter' }, ['mode']).map((b) => ({ b, id: deviceId })), weight: 3 },
      { arbitrary: nastySegment.map((id) => ({ b: { payload: '{"mode":"counter"}', contentType: 'application/json' }, id })), weight: 1 },
    )
    await fuzz('POST /admin/devices/:id/mode', input, ({ b, id }) => post(`/api/v1/admin/devices/${id}/mode`, bearer(ADMIN))(b))
  })

  it('POST /api/v1/admin/centers/:centerId/staff', async () => {
    const valid = { id: 'FZ9001', name: '模糊', departmentId: 'tax', role: 'handler', pin: '246813' }
    const input = fc.oneof(
      { arbitrary: body(valid, ['id', 'name', 'departmentId', 'role']).map((b) => ({ b, center: 'zj-hangzhou-01' })), weight: 4 },
      // A valid body at a center that is not there.
      { arbitrary: nastySegment.map((center) => ({ b: { payload: JSON.stringify(valid), contentType: 'application/json' }, center })), weight: 1 },
    )
    await fuzz('POST /admin/centers/:centerId/staff', input, ({ b, center }) => post(`/api/v1/admin/centers/${center}/staff`, bearer(ADMIN))(b))
  })

  it('POST /api/v1/admin/centers/:centerId/staff/:staffId/pin', async () => {
    const input = fc.oneof(
      { arbitrary: body({ pin: '246813' }, ['pin']).map((b) => ({ b, center: 'zj-hangzhou-01', staff: 'HZ1001' })), weight: 3 },
      { arbitrary: nastySegment.map((staff) => ({ b: { payload: '{"pin":"246813"}', contentType: 'application/json' }, center: 'zj-hangzhou-01', staff })), weight: 1 },
      { arbitrary: nastySegment.map((center) => ({ b: { payload: '{"pin":"246813"}', contentType: 'application/json' }, center, staff: 'HZ1001' })), weight: 1 },
    )
    await fuzz('POST /admin/centers/:centerId/staff/:staffId/pin', input, ({ b, center, staff }) => post(`/api/v1/admin/centers/${center}/staff/${staff}/pin`, bearer(ADMIN))(b))
  })

  it('POST /api/v1/admin/centers/:centerId/staff/:staffId/deactivate and GET …/staff', async () => {
    const input = fc.tuple(fc.constantFrom('deactivate-staff', 'deactivate-center', 'list'), nastySegment)
    await fuzz('POST …/staff/:staffId/deactivate, GET …/staff', input, ([what, segment]) =>
      what === 'list'
        ? { method: 'GET', url: `/api/v1/admin/centers/${segment}/staff`, headers: bearer(ADMIN) }
        : what === 'deactivate-staff'
          ? { method: 'POST', url: `/api/v1/admin/centers/zj-hangzhou-01/staff/${segment}/deactivate`, headers: bearer(ADMIN) }
          : { method: 'POST', url: `/api/v1/admin/centers/${segment}/staff/HZ1001/deactivate`, headers: bearer(ADMIN) },
    )
  })

  it.each(['devices', 'enroll-codes', 'office-tokens'])('POST /api/v1/admin/%s/:id/revoke', async (what) => {
    await fuzz(`POST /admin/${what}/:id/revoke`, nastySegment, (id) => ({ method: 'POST', url: `/api/v1/admin/${what}/${id}/revoke`, headers: bearer(ADMIN) }))
  })

  it('GET /api/v1/admin/{devices,enroll-codes,office-tokens}?centerId=', async () => {
    // Segments that decode to a well-formed id (1.5, 0x10) are valid filters, answered with an empty list.
    const notAnId = nastySegment.filter((s) => !Id.safeParse(decoded(s)).success)
    const input = fc.tuple(fc.constantFrom('devices', 'enroll-codes', 'office-tokens'), notAnId)
    await fuzz('GET /admin/*?centerId=', input, ([what, c]) => ({ method: 'GET', url: `/api/v1/admin/${what}?centerId=${c}`, headers: bearer(ADMIN) }))
  })

  it('POST /api/v1/fleet/heartbeat', async () => {
    const valid = sampleHeartbeat({ lastError: { at: new Date().toISOString(), message: '同步失败' } }, new Date().toISOString())
    // `null` is a valid value of the nullable fields: a mutation that happens to be a heartbeat is no malformed body.
    const malformed = body(valid, ['appVersion', 'shell', 'mode', 'sentAt', 'online', 'pendingEvents', 'printer', 'printer.state', 'update']).filter(
      (b) => b.contentType !== 'application/json' || !isHeartbeat(b.payload),
    )
    await fuzz('POST /fleet/heartbeat', malformed, post('/api/v1/fleet/heartbeat', bearer(kiosk.token)))
  })

  it('GET /api/v1/admin/fleet?centerId= and /admin/fleet?centerId=', async () => {
    const notAnId = nastySegment.filter((s) => !Id.safeParse(decoded(s)).success)
    const input = fc.tuple(fc.constantFrom('/api/v1/admin/fleet', '/admin/fleet'), notAnId)
    await fuzz('GET /admin/fleet?centerId=', input, ([path, c]) => ({ method: 'GET', url: `${path}?centerId=${c}`, headers: bearer(ADMIN) }))
  })

  it('POST /t/:ticketNo (the public page’s rating form)', async () => {
    // A resolved request, so a form that is almost right reaches the event's own rules.
    const intake = submitted(appealRequest(kiosk, 3, { checkCode: CHECK_CODE }))
    await pushOk(app, kiosk.token, [intake])
    const resolvedTicket = intake.request.ticketNo
    for (const action of [{ type: 'accepted' }, { type: 'resolved', resolution: '已协调银行答复' }]) {
      const res = await app.inject({ ...post(`/api/v1/office/requests/${resolvedTicket}/actions`, bearer(DEMO_DEFAULTS.officeTokens.HZ01))({ payload: JSON.stringify(action), contentType: 'application/json' }) })
      expect(res.statusCode, res.body).toBe(200)
    }
    const valid = { c: CHECK_CODE, level: '2', comment: encodeURIComponent('答复太慢'), reasons: 'slow' }
    const nasty: Record<keyof typeof valid, fc.Arbitrary<string>> = {
      c: fc.constantFrom('%00', 'ABC', '', 'K7M2Q%00', 'x'.repeat(40)),
      level: fc.constantFrom('0', '6', '3.5', 'abc', '', '1e400', '-1', '__proto__', '%00'),
      comment: fc.oneof(
        fc.constantFrom('%00', 'a%07b', '%1B%5B2J', '%7F', 'line%0Dbreak%00'),
        fc.integer({ min: 501, max: 6_000 }).map((n) => encodeURIComponent('字'.repeat(n))),
      ),
      reasons: fc.constantFrom('unknown-reason', '%00', '__proto__', 'x'.repeat(40)),
    }
    const form = fc
      .tuple(fc.constantFrom(...(Object.keys(valid) as Array<keyof typeof valid>)), fc.boolean())
      .chain(([field, drop]) =>
        (drop && field !== 'comment' && field !== 'reasons' ? fc.constant(null) : nasty[field]).map((value) => {
          const fields = { ...valid, [field]: value }
          return Object.entries(fields)
            .filter(([, v]) => v !== null)
            .map(([k, v]) => `${k}=${v}`)
            .join('&')
        }),
      )
    const input = fc.tuple(
      fc.oneof(
        { arbitrary: form.map((payload) => ({ payload, contentType: 'application/x-www-form-urlencoded' })), weight: 5 },
        { arbitrary: wrongBody, weight: 1 },
      ),
      fc.integer({ min: 1, max: 250 }),
    )
    await fuzz('POST /t/:ticketNo', input, ([b, n]) => ({ ...post(`/t/${resolvedTicket}`, {})(b), remoteAddress: `10.50.${n}.${(n * 7) % 250}` }))
  })
})
