import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { RequestEvent } from '../../shared/events'
import { normalizeCheckCode } from '../../shared/public-view'
import { opensRectification, rectificationDue } from '../../shared/rating'
import { API_PREFIX, type TrackResponse } from '../../shared/sync'
import type { PlatformContext } from '../context'
import { contentHash } from '../canonical'
import { HttpError, parseOr400 } from '../http/errors'
import { eventIdAt } from '../ids'
import { recordEvents } from '../sync/record'
import { RateLimiter } from '../http/rate-limit'
import { TicketParams, findTicket, trackOf } from '../track/lookup'
import { TRACK_PAGE_CSP, checkCodeForm, trackNotFoundPage, trackPage, trackTooManyPage, type RatingPageState } from '../track/page'

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

/** Ratings one address may post per hour: a family of receipts, not a campaign. */
const ADDRESS_RATINGS = 20
/** The largest rating form body: five fields, a comment of 500 characters in percent-encoding. */
const RATING_BODY_LIMIT = 16 * 1024

/** The rating form's fields as posted; the event schema then applies the shared rules to them. */
const CheckCodeField = z.string().max(32)
const RatingForm = z.object({
  c: CheckCodeField,
  level: z.coerce.number().int().min(1).max(5),
  comment: z.string().max(4000).optional(),
  reasons: z.array(z.string().max(32)).max(20).default([]),
})

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

  const ratings = new RateLimiter(ADDRESS_RATINGS, 60 * MINUTE, clock)

  const sendPage = (reply: FastifyReply) =>
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', TRACK_PAGE_CSP)
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')

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
      return reply.send(trackPage(view, { checkCode: code! }))
    } catch (e) {
      if (e instanceof HttpError && e.statusCode === 429) return reply.code(429).send(trackTooManyPage())
      throw e
    }
  })

  // The /t/ page's rating form posts a plain HTML form: its parser lives in this scope only, so the
  // JSON API still answers 415 to a form body.
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: RATING_BODY_LIMIT }, (_req, body, done) => {
      const params = new URLSearchParams(body as string)
      const fields: Record<string, unknown> = {}
      for (const key of new Set(params.keys())) fields[key] = key === 'reasons' ? params.getAll(key) : params.get(key)
      done(null, fields)
    })
    scope.post<{ Params: { ticketNo: string } }>('/t/:ticketNo', async (request, reply) => {
      sendPage(reply)
      const params = TicketParams.safeParse(request.params)
      const shown = request.params.ticketNo.slice(0, 64)
      if (!params.success) return reply.code(404).send(trackNotFoundPage(shown))
      const { ticketNo } = params.data
      const form = RatingForm.safeParse(request.body)
      // The check code on its own: a form without a level still says which request it is about.
      const c = CheckCodeField.safeParse((request.body as { c?: unknown } | null | undefined)?.c)
      const code = normalizeCheckCode(c.success ? c.data : '')
      if (!code) return reply.code(404).send(trackNotFoundPage(ticketNo))
      let view: TrackResponse | undefined
      try {
        const wait = ratings.retryAfter(request.ip)
        if (wait > 0) {
          reply.header('retry-after', String(Math.ceil(wait / 1000)))
          return reply.code(429).send(trackTooManyPage())
        }
        view = await lookUp(request, reply, ticketNo, code)
      } catch (e) {
        if (e instanceof HttpError && e.statusCode === 429) return reply.code(429).send(trackTooManyPage())
        throw e
      }
      if (!view) return reply.code(404).send(trackNotFoundPage(ticketNo))
      const page = (status: number, state: Omit<RatingPageState, 'checkCode'>, shownView = view!) =>
        reply.code(status).send(trackPage(shownView, { checkCode: code, ...state }))
      if (!form.success) return page(400, { notice: { zh: '请选择满意程度后再提交。', en: 'Please choose how satisfied you are.', error: true } })
      ratings.record(request.ip)
      const typed = { level: form.data.level, comment: form.data.comment, reasons: form.data.reasons }
      const tracked = (await findTicket(ctx, ticketNo))!
      const at = ctx.now()
      const comment = form.data.comment?.trim()
      const calendar = (await ctx.storage.calendarHistory())[0]
      // The event schema is the one rule for the fields (text rule, known reasons); the shared
      // authority rule and reducer decide whether it may be recorded, as for a kiosk's rating.
      const event = RequestEvent.safeParse({
        id: eventIdAt(at),
        requestId: tracked.state.id,
        at: at.toISOString(),
        author: { kind: 'visitor', id: 'public-track', name: '' },
        type: 'rated',
        level: form.data.level,
        ...(comment ? { comment } : {}),
        ...(form.data.reasons.length > 0 ? { reasons: [...new Set(form.data.reasons)] } : {}),
        ...(opensRectification(form.data.level) ? { rectificationDue: rectificationDue(at.toISOString(), calendar) } : {}),
      })
      if (!event.success) {
        const issue = event.error.issues[0]
        const message = (issue as { params?: { message?: string } } | undefined)?.params?.message
        return page(400, { typed, notice: { zh: message ?? '评价内容不符合要求，请修改后重试。', en: issue?.message ?? 'The rating could not be read.', error: true } })
      }
      const departments = ((await ctx.catalogs.current())?.departments ?? []).map((d) => d.id)
      const rules = { credential: { kind: 'tracking' as const, centerId: tracked.centerId }, staff: [], departments, now: at }
      const [outcome] = await ctx.storage.writeInCenter(tracked.centerId, at, (w) =>
        recordEvents(w, [{ event: event.data, contentHash: contentHash(event.data) }], rules),
      )
      if (outcome?.status !== 'accepted') {
        request.log.info({ ticketNo, reason: outcome?.reason }, 'public rating refused')
        return page(409, { notice: { zh: '该办件已评价过，或尚未办结，暂不能评价。', en: 'This request has been rated already, or is not resolved yet.', error: true } })
      }
      request.log.info({ ticketNo, level: form.data.level }, 'public rating')
      const updated = await trackOf(ctx, (await findTicket(ctx, ticketNo))!)
      return page(200, { notice: { zh: '感谢您的评价！', en: 'Thank you for your rating!' } }, updated)
    })
  })
}

function sameCode(expected: string, given: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}
