import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Enrollment, PullResponse, PushResponse } from '../../shared/sync'

export type TestEnrollment = Omit<Enrollment, 'platformUrl'>

export async function enroll(app: FastifyInstance, code = 'DEMO2026', deviceName = 'kiosk'): Promise<TestEnrollment> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/enroll', payload: { code, deviceName } })
  if (res.statusCode !== 200) throw new Error(`enroll failed: ${res.statusCode} ${res.body}`)
  return res.json()
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

export function push(app: FastifyInstance, token: string, events: unknown[]): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: bearer(token), payload: { events } })
}

export async function pushOk(app: FastifyInstance, token: string, events: unknown[]): Promise<PushResponse['results']> {
  const res = await push(app, token, events)
  if (res.statusCode !== 200) throw new Error(`push failed: ${res.statusCode} ${res.body}`)
  return (res.json() as PushResponse).results
}

export async function pull(app: FastifyInstance, token: string, since = 0, limit?: number): Promise<PullResponse> {
  const query = limit === undefined ? `since=${since}` : `since=${since}&limit=${limit}`
  const res = await app.inject({ method: 'GET', url: `/api/v1/sync/pull?${query}`, headers: bearer(token) })
  if (res.statusCode !== 200) throw new Error(`pull failed: ${res.statusCode} ${res.body}`)
  return res.json()
}

/** Every change of the center from the start, page by page. */
export async function pullAll(app: FastifyInstance, token: string, limit = 1000): Promise<PullResponse['changes']> {
  const all: PullResponse['changes'] = []
  let since = 0
  for (;;) {
    const page = await pull(app, token, since, limit)
    all.push(...page.changes)
    since = page.cursor
    if (!page.hasMore) return all
  }
}
