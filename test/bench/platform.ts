// The platform as it runs in a center's province: its own process (platform/main.ts) on PostgreSQL
// (DATABASE_URL), or on PGlite when no server is given. Load comes from here, over HTTP, as kiosks send it.
import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { freshDataDir, ensurePgliteTemplate, PGLITE_TEMPLATE_ENV } from '../../platform/test-support/pglite-template'
import { API_PREFIX, type Enrollment, type PushResponse } from '../../shared/index'
import { submittedAppeal } from './intake'
import { quantile } from './stats'

const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef'

export interface BenchPlatform {
  url: string
  backend: string
  admin<T>(path: string, body: unknown): Promise<T>
  enroll(code: string, name: string): Promise<Enrollment>
  stop(): Promise<void>
}

/** A clean database each run: the schema of DATABASE_URL dropped and made again, or a fresh PGlite copy. */
async function cleanDatabase(databaseUrl: string | undefined): Promise<{ env: Record<string, string>; dispose(): void; backend: string }> {
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public')
    const v = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version
    await client.end()
    return { env: { DATABASE_URL: databaseUrl }, dispose: () => undefined, backend: `PostgreSQL ${v}` }
  }
  process.env[PGLITE_TEMPLATE_ENV] ??= await ensurePgliteTemplate()
  const dir = await freshDataDir('kiosk-bench-')
  return { env: { DATABASE_URL: '', DATA_DIR: dir }, dispose: () => rmSync(dir, { recursive: true, force: true }), backend: 'PGlite (no DATABASE_URL given)' }
}

export async function startPlatform(port: number, databaseUrl: string | undefined): Promise<BenchPlatform> {
  const db = await cleanDatabase(databaseUrl)
  const url = `http://127.0.0.1:${port}`
  // BENCH_PLATFORM_PROFILE=<dir>: a CPU profile of the platform process, written when it stops.
  const profile = process.env.BENCH_PLATFORM_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PLATFORM_PROFILE}`] : []
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', 'platform/main.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...db.env, PORT: String(port), SEED_DEMO: '1', ADMIN_TOKEN },
  })
  let exited = false
  child.once('exit', () => (exited = true))
  const until = Date.now() + 120_000
  for (;;) {
    if (exited) throw new Error(`platform exited at start (port ${port} taken?)`)
    if (Date.now() > until) {
      child.kill('SIGKILL')
      throw new Error('platform did not start')
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) break
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  const post = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
    const res = await fetch(`${url}${API_PREFIX}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }
  return {
    url,
    backend: db.backend,
    admin: (path, body) => post(path, body, ADMIN_TOKEN),
    enroll: async (code, name) => ({ ...(await post<Enrollment>('/enroll', { code, deviceName: name })), platformUrl: url }),
    async stop() {
      if (!exited) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve())
          child.kill('SIGTERM')
        })
      }
      db.dispose()
    },
  }
}

/** A new center with `kiosks` enrolled lobby kiosks. */
export async function centerWithKiosks(platform: BenchPlatform, code: string, kiosks: number): Promise<Enrollment[]> {
  const id = `bench-${code.toLowerCase()}`
  await platform.admin('/admin/centers', { id, code, name: { zh: `压测中心${code}`, en: `Bench center ${code}` } })
  const enroll = await platform.admin<{ code: string }>('/admin/enroll-codes', { centerId: id, maxUses: kiosks, mode: 'visitor' })
  const out: Enrollment[] = []
  for (let i = 0; i < kiosks; i++) out.push(await platform.enroll(enroll.code, `${code}-${i}`))
  return out
}

/** One kiosk's pushes: a batch of `size` new intakes, its latency, and whether every event was accepted. */
function kioskPusher(platform: BenchPlatform, enrollment: Enrollment, size: number) {
  let seq = 0
  return async (): Promise<{ ms: number; ok: boolean; accepted: number }> => {
    const events = Array.from({ length: size }, () => submittedAppeal(enrollment, ++seq))
    const t = performance.now()
    try {
      const res = await fetch(`${platform.url}${API_PREFIX}/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${enrollment.token}` },
        body: JSON.stringify({ events }),
      })
      const body = (await res.json()) as PushResponse
      const ms = performance.now() - t
      const accepted = res.ok ? body.results.filter((r) => r.status === 'accepted').length : 0
      return { ms, ok: res.ok && accepted === size, accepted }
    } catch {
      return { ms: performance.now() - t, ok: false, accepted: 0 }
    }
  }
}

/** Every kiosk pushes its next batch as soon as the last one is answered, for `seconds`. */
export async function closedLoop(platform: BenchPlatform, kiosks: Enrollment[], size: number, seconds: number) {
  const pushers = kiosks.map((k) => kioskPusher(platform, k, size))
  const latencies: number[] = []
  let accepted = 0
  let errors = 0
  const started = performance.now()
  const end = started + seconds * 1000
  await Promise.all(
    pushers.map(async (push) => {
      while (performance.now() < end) {
        const r = await push()
        latencies.push(r.ms)
        accepted += r.accepted
        if (!r.ok) errors++
      }
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  return { eventsPerS: accepted / elapsed, requestsPerS: latencies.length / elapsed, p99: quantile(latencies, 0.99), errors }
}

/** Every kiosk pushes one batch every `everyMs`, their starts spread over the period, for `seconds`. */
export async function paced(platform: BenchPlatform, kiosks: Enrollment[], size: number, everyMs: number, seconds: number) {
  const pushers = kiosks.map((k) => kioskPusher(platform, k, size))
  const latencies: number[] = []
  let errors = 0
  const started = performance.now()
  const rounds = Math.floor((seconds * 1000) / everyMs)
  await Promise.all(
    pushers.map(async (push, i) => {
      const offset = (i / pushers.length) * everyMs
      const pending: Promise<void>[] = []
      for (let round = 0; round < rounds; round++) {
        const due = started + offset + round * everyMs
        const wait = due - performance.now()
        if (wait > 0) await new Promise((r) => setTimeout(r, wait))
        // Paced, not closed: the next batch leaves on time even when the last is not answered yet.
        pending.push(
          push().then((r) => {
            latencies.push(r.ms)
            if (!r.ok) errors++
          }),
        )
      }
      await Promise.all(pending)
    }),
  )
  return { p99: quantile(latencies, 0.99), p50: quantile(latencies, 0.5), errors, requests: latencies.length }
}
