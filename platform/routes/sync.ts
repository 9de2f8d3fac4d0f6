import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { API_PREFIX, MAX_PULL_LIMIT, PushRequest, type PullResponse, type PushResponse } from '../../shared/sync'
import type { PlatformContext } from '../context'
import { authenticateDevice } from '../http/auth'
import { HttpError, parseOr400 } from '../http/errors'
import { pushEvents } from '../sync/push'

const PullQuery = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(500),
})

/** 200 intakes with long answers stay well under this. */
const PUSH_BODY_LIMIT = 16 * 1024 * 1024

export function syncRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post(`${API_PREFIX}/sync/push`, { bodyLimit: PUSH_BODY_LIMIT }, async (request): Promise<PushResponse> => {
    const device = await authenticateDevice(ctx.storage, request)
    const body = parseOr400(PushRequest, request.body)
    const center = await ctx.storage.getCenter(device.centerId)
    if (!center) throw new Error(`device ${device.id} belongs to no center`)
    const results = await pushEvents({ storage: ctx.storage, catalogs: ctx.catalogs, device, center, at: ctx.now() }, body.events)
    const rejected = results.filter((r) => r.status === 'rejected').length
    if (rejected > 0) request.log.warn({ deviceId: device.id, rejected, total: results.length }, 'push had rejected events')
    return { results }
  })

  app.get(`${API_PREFIX}/sync/pull`, async (request): Promise<PullResponse> => {
    const device = await authenticateDevice(ctx.storage, request)
    const query = parseOr400(PullQuery, request.query)
    const page = await ctx.storage.changesSince(device.centerId, query.since, query.limit)
    if (query.since > page.head) {
      throw new HttpError(
        409,
        'cursor_ahead',
        `since ${query.since} is beyond this platform's feed (${page.head}): its data was reset; pull again from 0`,
        'since',
      )
    }
    const last = page.changes.at(-1)
    return { changes: page.changes, cursor: last ? last.seq : query.since, hasMore: page.hasMore }
  })
}
