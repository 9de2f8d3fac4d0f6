import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { RequestEvent } from '../../shared/events'
import { publicView } from '../../shared/public-view'
import { RequestStatus } from '../../shared/reducer'
import { API_PREFIX, type TrackResponse } from '../../shared/sync'
import { contentHash } from '../canonical'
import type { PlatformContext } from '../context'
import { authenticateOffice } from '../http/auth'
import { HttpError, parseOr400 } from '../http/errors'
import { QueryInt } from '../http/query'
import { eventIdAt } from '../ids'
import { recordEvents } from '../sync/record'
import { TicketParams, findTicket, trackOf } from '../track/lookup'

const ACTION_TYPES = ['accepted', 'assigned', 'escalated', 'material_requested', 'noted', 'resolved', 'closed', 'rectified'] as const
const ActionType = z.object({ type: z.enum(ACTION_TYPES) })
const ListQuery = z.object({
  status: RequestStatus.optional(),
  limit: QueryInt(1, 500).default(100),
})

/** The shared rules' refusal as an HTTP answer: 400 naming the field, 403, or 409 for the request's state. */
function refusalError(code: string | undefined, reason: string): HttpError {
  const field = /^([\w.]+):/.exec(reason)?.[1]
  if (code === 'invalid') return new HttpError(400, 'invalid_request', reason, field)
  if (code === 'forbidden') return new HttpError(403, 'forbidden', reason, field)
  return new HttpError(409, 'conflict', reason)
}

/** A department's back office: acts on its center's requests; kiosks learn of it by pulling. */
export function officeRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post(`${API_PREFIX}/office/requests/:ticketNo/actions`, async (request): Promise<TrackResponse> => {
    const office = await authenticateOffice(ctx.storage, request)
    const { ticketNo } = parseOr400(TicketParams, request.params)
    const { type } = parseOr400(ActionType, request.body)
    const tracked = await findTicket(ctx, ticketNo)
    if (!tracked) throw new HttpError(404, 'not_found', `no request with ticket number ${ticketNo}`)
    if (tracked.centerId !== office.centerId) {
      throw new HttpError(403, 'forbidden', `request ${ticketNo} belongs to another center`)
    }
    const at = ctx.now()
    // The body's fields are the event's own, so the event schema is the one rule for them.
    const event = parseOr400(RequestEvent, {
      ...(request.body as object),
      type,
      id: eventIdAt(at),
      requestId: tracked.state.id,
      at: at.toISOString(),
      author: { kind: 'department', id: office.departmentId, name: office.name },
    })
    const departments = ((await ctx.catalogs.current())?.departments ?? []).map((d) => d.id)
    const rules = { credential: { kind: 'office' as const, ...office }, staff: [], departments, now: at }
    const [outcome] = await ctx.storage.writeInCenter(office.centerId, at, (w) =>
      recordEvents(w, [{ event, contentHash: contentHash(event) }], rules),
    )
    if (outcome?.status !== 'accepted') throw refusalError(outcome?.code, outcome?.reason ?? 'the action was not recorded')
    request.log.info({ ticketNo, type, departmentId: office.departmentId }, 'office action')
    const updated = await findTicket(ctx, ticketNo)
    return trackOf(ctx, updated!)
  })

  app.get(`${API_PREFIX}/office/requests`, async (request) => {
    const office = await authenticateOffice(ctx.storage, request)
    const query = parseOr400(ListQuery, request.query)
    const states = await ctx.storage.listRequests(office.centerId, query)
    const requests = await Promise.all(
      states.map(async (state) => ({
        ...publicView(state, await ctx.catalogs.get(state.request.catalogVersion)),
        requestId: state.id,
        request: state.request,
        ...(state.assignee ? { assignee: state.assignee } : {}),
        ...(state.rating ? { rating: state.rating } : {}),
      })),
    )
    return { requests }
  })
}
