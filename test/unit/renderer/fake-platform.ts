import { MAX_PUSH_BATCH, canApply, reduceRequest, type Change, type PushResult, type RequestEvent } from '../../../shared/index'

/**
 * The platform's sync rules in memory, answering through an injected `fetch`: keeps the first copy
 * of each event by id, rejects what the shared reducer refuses, and serves changes in sequence.
 */
export class FakePlatform {
  readonly events = new Map<string, RequestEvent>()
  readonly changes: Change[] = []
  pushCalls: number[] = []
  /** Set to answer every call with this status (e.g. 401, 500). */
  failWith: number | null = null

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (this.failWith) return json(this.failWith, { error: 'fail', message: `HTTP ${this.failWith}` })
    const url = new URL(String(input))
    if (url.pathname.endsWith('/sync/push')) return json(200, this.push(JSON.parse(String(init?.body)).events))
    if (url.pathname.endsWith('/sync/pull')) {
      return json(200, this.pull(Number(url.searchParams.get('since')), Number(url.searchParams.get('limit'))))
    }
    return json(404, { error: 'notFound', message: 'no such route' })
  }

  push(events: RequestEvent[]): { results: PushResult[] } {
    if (events.length > MAX_PUSH_BATCH) throw new Error(`batch of ${events.length} is larger than ${MAX_PUSH_BATCH}`)
    this.pushCalls.push(events.length)
    return {
      results: events.map((event) => {
        if (this.events.has(event.id)) return { id: event.id, status: 'duplicate' }
        const state = reduceRequest([...this.events.values()].filter((e) => e.requestId === event.requestId))
        if (!canApply(state, event)) return { id: event.id, status: 'rejected', reason: `cannot ${event.type} now` }
        this.add(event)
        return { id: event.id, status: 'accepted' }
      }),
    }
  }

  add(event: RequestEvent): void {
    this.events.set(event.id, event)
    this.changes.push({ seq: this.changes.length + 1, kind: 'event', event })
  }

  addChange(change: Change extends infer C ? (C extends Change ? Omit<C, 'seq'> : never) : never): void {
    this.changes.push({ ...change, seq: this.changes.length + 1 } as Change)
  }

  pull(since: number, limit: number) {
    const page = this.changes.filter((c) => c.seq > since).slice(0, limit)
    const cursor = page.at(-1)?.seq ?? since
    return { changes: page, cursor, hasMore: cursor < this.changes.length }
  }
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}
