import { z } from 'zod'
import {
  API_PREFIX,
  Change,
  Enrollment,
  type Heartbeat,
  PullResponse,
  PushResponse,
  type RequestEvent,
} from '../../shared/index'

/** How a call to the platform failed; the engine decides from `kind` whether and when to retry. */
export type ApiFailureKind =
  /** No answer: refused, reset, DNS, or the timeout fired. */
  | 'network'
  /** 401/403: the device credential is no longer valid; retrying cannot help. */
  | 'auth'
  /** 5xx, or 429. */
  | 'server'
  /** Any other 4xx: our request was wrong (e.g. a bad enrollment code). */
  | 'client'
  /** The answer came but is not what the protocol says (truncated body, wrong JSON). */
  | 'protocol'

export class ApiFailure extends Error {
  override readonly name = 'ApiFailure'
  constructor(
    readonly kind: ApiFailureKind,
    message: string,
    readonly status?: number,
    /** The platform's error code (ApiError.error), when it sent one. */
    readonly code?: string,
  ) {
    super(message)
  }
}

export interface ClientOptions {
  baseUrl: string
  token?: string
  fetch?: typeof fetch
  /** A hung connection must not stall sync forever. */
  timeoutMs?: number
}

const PullEnvelope = PullResponse.extend({ changes: z.array(z.unknown()) })
const ErrorBody = z.object({ error: z.string(), message: z.string() }).partial()

/** The kiosk's side of /api/v1 (shared/sync.ts). Every answer is parsed with the shared schemas. */
export class PlatformClient {
  private readonly fetchFn: typeof fetch
  private readonly timeoutMs: number

  constructor(private readonly opts: ClientOptions) {
    this.fetchFn = opts.fetch ?? globalThis.fetch.bind(globalThis)
    this.timeoutMs = opts.timeoutMs ?? 20_000
  }

  async enroll(code: string, deviceName: string): Promise<Enrollment> {
    // We keep the address we actually reached the platform at, whatever it calls itself.
    const body = await this.call('POST', '/enroll', { code, deviceName }, false)
    const withUrl = typeof body === 'object' && body !== null ? { ...body, platformUrl: this.base() } : body
    return parse(Enrollment, withUrl)
  }

  async push(events: RequestEvent[]): Promise<PushResponse> {
    return parse(PushResponse, await this.call('POST', '/sync/push', { events }))
  }

  /**
   * One page of changes. A change this kiosk cannot read (a kind or event type from a newer
   * platform) is skipped and counted rather than failing the page: otherwise it would stop every
   * later change, and the pushes that share the sync round, for good.
   */
  async pull(since: number, limit: number): Promise<PullResponse & { skipped: number }> {
    const page = parse(PullEnvelope, await this.call('GET', `/sync/pull?since=${since}&limit=${limit}`))
    const changes = page.changes.flatMap((c) => {
      const parsed = Change.safeParse(c)
      return parsed.success ? [parsed.data] : []
    })
    return { ...page, changes, skipped: page.changes.length - changes.length }
  }

  /** The kiosk's health report for the fleet page (shared/fleet.ts); nothing personal. */
  async heartbeat(heartbeat: Heartbeat): Promise<void> {
    await this.call('POST', '/fleet/heartbeat', heartbeat)
  }

  private base(): string {
    return this.opts.baseUrl.replace(/\/+$/, '')
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown, auth = true): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (auth && this.opts.token) headers.authorization = `Bearer ${this.opts.token}`
    const abort = new AbortController()
    const timer = setTimeout(() => abort.abort(), this.timeoutMs)
    try {
      let res: Response
      try {
        res = await this.fetchFn(`${this.base()}${API_PREFIX}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: abort.signal,
        })
      } catch (e) {
        throw new ApiFailure('network', `platform unreachable: ${describe(e)}`)
      }
      let text: string
      try {
        // The timeout also covers the body: a connection that stalls mid-response is abandoned.
        text = await res.text()
      } catch (e) {
        throw new ApiFailure('network', `answer cut off: ${describe(e)}`, res.status)
      }
      if (!res.ok) throw failureFor(res.status, text)
      try {
        return JSON.parse(text) as unknown
      } catch {
        throw new ApiFailure('protocol', `answer is not JSON (${text.length} bytes)`, res.status)
      }
    } finally {
      clearTimeout(timer)
    }
  }
}

function failureFor(status: number, text: string): ApiFailure {
  let code: string | undefined
  let message = `HTTP ${status}`
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(text))
    if (parsed.success) {
      code = parsed.data.error
      if (parsed.data.message) message = parsed.data.message
    }
  } catch {
    // a body that is not JSON still tells us the status
  }
  const kind: ApiFailureKind =
    status === 401 || status === 403 ? 'auth' : status >= 500 || status === 429 ? 'server' : 'client'
  return new ApiFailure(kind, message, status, code)
}

function parse<T>(schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data)
  if (!parsed.success) throw new ApiFailure('protocol', `answer does not match the protocol: ${parsed.error.message}`)
  return parsed.data
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
