import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { normalizeCheckCode } from '../../shared/public-view'
import { API_PREFIX, type TrackResponse } from '../../shared/sync'
import type { PlatformContext } from '../context'
import { HttpError, parseOr400 } from '../http/errors'
import { RateLimiter } from '../http/rate-limit'
import { TicketParams, findTicket, trackOf } from '../track/lookup'
import { TRACK_PAGE_CSP, checkCodeForm, trackNotFoundPage, trackPage, trackTooManyPage } from '../track/page'

const MINUTE = 60_000
/** Lookups one address may make per minute: more than any person, fewer than a crawler needs. */
const ADDRESS_LOOKUPS = 60
/** Wrong ticket/check-code pairs one address may send per 15 minutes. */
const ADDRESS_FAILURES = 30
/**
 * Wrong check codes one ticket may see per hour, from anywhere. With 32⁶ (about 10⁹) codes this keeps
 * a guesser, however many addresses it has, about ten thousand years from a ticket's code; the
 * price is that such an attack can hide one ticket for an hour (the kiosk and the counter still show it).
 */
const TICKET_FAILURES = 10

const CheckCodeQuery = z.object({
  checkCode: z.string().max(32).optional(),
  c: z.string().max(32).optional(),
})

/**
 * Public: anyone holding the receipt (ticket number and check code) may follow the request; the
 * answer is the shared public view, without personal data or free text. Unknown ticket and wrong
 * code get the same 404, so neither can be probed alone.
 */
export function trackRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  const clock = () => ctx.now().getTime()
  const lookups = new RateLimiter(ADDRESS_LOOKUPS, MINUTE, clock)
  const addressFailures = new RateLimiter(ADDRESS_FAILURES, 15 * MINUTE, clock)
  const ticketFailures = new RateLimiter(TICKET_FAILURES, 60 * MINUTE, clock)

  /** The public view for this ticket and code; undefined (and counted) when they do not match a request. */
  async function lookUp(request: FastifyRequest, reply: FastifyReply, ticketNo: string, code: string): Promise<TrackResponse | undefined> {
    const wait = Math.max(lookups.retryAfter(request.ip), addressFailures.retryAfter(request.ip), ticketFailures.retryAfter(ticketNo))
    if (wait > 0) {
      reply.header('retry-after', String(Math.ceil(wait / 1000)))
      throw new HttpError(429, 'too_many_attempts', '查询过于频繁，请稍后再试（too many lookups; try again later）')
    }
    lookups.record(request.ip)
    const tracked = await findTicket(ctx, ticketNo)
    const expected = tracked?.state.request.checkCode
    if (!tracked || !expected || !sameCode(expected, code)) {
      addressFailures.record(request.ip)
      ticketFailures.record(ticketNo)
      return undefined
    }
    return trackOf(ctx, tracked)
  }

  app.get(`${API_PREFIX}/track/:ticketNo`, async (request, reply): Promise<TrackResponse> => {
    const { ticketNo } = parseOr400(TicketParams, request.params)
    const query = parseOr400(CheckCodeQuery, request.query)
    const code = normalizeCheckCode(query.checkCode ?? query.c ?? '')
    if (!code) throw new HttpError(400, 'invalid_request', 'checkCode: the 6-character check code printed on the receipt is required', 'checkCode')
    const view = await lookUp(request, reply, ticketNo, code)
    if (!view) throw new HttpError(404, 'not_found', `no request with ticket number ${ticketNo} and this check code`)
    return view
  })

  app.get<{ Params: { ticketNo: string } }>('/t/:ticketNo', async (request, reply) => {
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', TRACK_PAGE_CSP)
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
    const params = TicketParams.safeParse(request.params)
    const query = CheckCodeQuery.safeParse(request.query)
    const shown = request.params.ticketNo.slice(0, 64)
    if (!params.success || !query.success) return reply.code(404).send(trackNotFoundPage(shown))
    const { ticketNo } = params.data
    const given = query.data.c ?? query.data.checkCode
    if (given === undefined) return reply.send(checkCodeForm(ticketNo))
    const code = normalizeCheckCode(given)
    try {
      const view = code ? await lookUp(request, reply, ticketNo, code) : undefined
      if (!view) return reply.code(404).send(trackNotFoundPage(ticketNo))
      return reply.send(trackPage(view))
    } catch (e) {
      if (e instanceof HttpError && e.statusCode === 429) return reply.code(429).send(trackTooManyPage())
      throw e
    }
  })
}

function sameCode(expected: string, given: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}
