import type { FastifyInstance } from 'fastify'
import { v7 as uuidv7 } from 'uuid'
import { z } from 'zod'
import { RequestEvent } from '../../shared/events'
import type { RequestStatus } from '../../shared/reducer'
import { API_PREFIX, type TrackResponse } from '../../shared/sync'
import { contentHash } from '../canonical'
import type { PlatformContext } from '../context'
import { authenticateOffice } from '../http/auth'
import { HttpError, parseOr400 } from '../http/errors'
import { recordEvents } from '../sync/record'
import { findTicket, trackOf } from '../track/lookup'
import { trackView } from '../track/view'

const ACTION_TYPES = ['accepted', 'assigned', 'escalated', 'noted', 'resolved', 'closed'] as const
const ActionType = z.object({ type: z.enum(ACTION_TYPES) })
const STATUSES: [RequestStatus, ...RequestStatus[]] = ['submitted', 'accepted', 'assigned', 'resolved', 'closed', 'withdrawn']
const ListQuery = z.object({
  status: z.enum(STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

/** A department's back office: acts on its center's requests; kiosks learn of it by pulling. */
export function officeRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post<{ Params: { ticketNo: string } }>(
    `${API_PREFIX}/office/requests/:ticketNo/actions`,
    async (request): Promise<TrackResponse> => {
      const office = await authenticateOffice(ctx.storage, request)
      const { type } = parseOr400(ActionType, request.body)
      const tracked = await findTicket(ctx, request.params.ticketNo)
      if (!tracked || tracked.centerId !== office.centerId) {
        throw new HttpError(404, 'not_found', `no request with ticket number ${request.params.ticketNo} at this center`)
      }
      const at = ctx.now()
      // The body's fields are the event's own, so the event schema is the one rule for them.
      const event = parseOr400(RequestEvent, {
        ...(request.body as object),
        type,
        id: uuidv7({ msecs: at.getTime() }),
        requestId: tracked.state.id,
        at: at.toISOString(),
        author: { kind: 'department', id: office.departmentId, name: office.name },
      })
      if (event.type === 'assigned') {
        const catalog = await ctx.catalogs.current()
        if (catalog && !catalog.departments.some((d) => d.id === event.departmentId)) {
          throw new HttpError(400, 'invalid_request', `departmentId: ${event.departmentId} is not a department of the catalog`, 'departmentId')
        }
      }
      const [outcome] = await ctx.storage.writeInCenter(office.centerId, at, (w) =>
        recordEvents(w, [{ event, contentHash: contentHash(event) }]),
      )
      if (outcome?.status !== 'accepted') {
        throw new HttpError(409, 'conflict', outcome?.reason ?? 'the action was not recorded')
      }
      request.log.info({ ticketNo: request.params.ticketNo, type, departmentId: office.departmentId }, 'office action')
      const updated = await findTicket(ctx, request.params.ticketNo)
      return trackOf(ctx, updated!)
    },
  )

  app.get(`${API_PREFIX}/office/requests`, async (request) => {
    const office = await authenticateOffice(ctx.storage, request)
    const query = parseOr400(ListQuery, request.query)
    const states = await ctx.storage.listRequests(office.centerId, query)
    const requests = await Promise.all(
      states.map(async (state) => ({
        ...trackView(state, await ctx.catalogs.get(state.request.catalogVersion)),
        requestId: state.id,
        request: state.request,
        ...(state.assignee ? { assignee: state.assignee } : {}),
        ...(state.rating ? { rating: state.rating } : {}),
      })),
    )
    return { requests }
  })
}
