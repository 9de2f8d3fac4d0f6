import type { FastifyInstance } from 'fastify'
import { API_PREFIX, type TrackResponse } from '../../shared/sync'
import type { PlatformContext } from '../context'
import { HttpError } from '../http/errors'
import { findTicket, trackOf } from '../track/lookup'
import { TRACK_PAGE_CSP, trackNotFoundPage, trackPage } from '../track/page'

interface TicketParams {
  ticketNo: string
}

/** Public: anyone with the receipt's number may follow the request; the answer carries no personal data. */
export function trackRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.get<{ Params: TicketParams }>(`${API_PREFIX}/track/:ticketNo`, async (request): Promise<TrackResponse> => {
    const tracked = await findTicket(ctx, request.params.ticketNo)
    if (!tracked) throw new HttpError(404, 'not_found', `no request with ticket number ${request.params.ticketNo}`)
    return trackOf(ctx, tracked)
  })

  app.get<{ Params: TicketParams }>('/t/:ticketNo', async (request, reply) => {
    const tracked = await findTicket(ctx, request.params.ticketNo)
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', TRACK_PAGE_CSP)
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
    if (!tracked) return reply.code(404).send(trackNotFoundPage(request.params.ticketNo))
    return reply.send(trackPage(await trackOf(ctx, tracked)))
  })
}
