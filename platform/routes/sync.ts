import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { publicView } from '../../shared/public-view'
import { API_PREFIX, MAX_PULL_LIMIT, PushRequest, type Change, type PullResponse, type PushResponse } from '../../shared/sync'
import type { PlatformContext } from '../context'
import { authenticateDevice } from '../http/auth'
import { HttpError, parseOr400 } from '../http/errors'
import { QueryInt } from '../http/query'
import type { FeedChange } from '../storage/types'
import { pushEvents } from '../sync/push'

const PullQuery = z.object({
  since: QueryInt(0, Number.MAX_SAFE_INTEGER).default(0),
  limit: QueryInt(1, MAX_PULL_LIMIT).default(500),
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
    const publicOnly = device.mode !== 'counter'
    const [page, epoch] = [await ctx.storage.changesSince(device.centerId, query.since, query.limit, { publicOnly }), await ctx.storage.feedEpoch()]
    if (query.since > page.head) {
      throw new HttpError(
        409,
        'cursor_ahead',
        `since ${query.since} is beyond this platform's feed (${page.head}): its data was reset; pull again from 0`,
        'since',
      )
    }
    const last = page.changes.at(-1)
    return {
      changes: await publicChanges(ctx, page.changes),
      cursor: last ? last.seq : query.since,
      hasMore: page.hasMore,
      epoch,
      serverTime: ctx.now().toISOString(),
    }
  })
}

/**
 * A visitor kiosk's page: each request it touches becomes one track record (its public state and
 * check code), at the sequence number of its last change in the page.
 */
async function publicChanges(ctx: PlatformContext, changes: readonly FeedChange[]): Promise<Change[]> {
  const lastOf = new Map<string, number>()
  changes.forEach((c, i) => {
    if (c.kind === 'state') lastOf.set(c.state.id, i)
  })
  const out: Change[] = []
  for (const [i, c] of changes.entries()) {
    if (c.kind !== 'state') {
      out.push(c)
    } else if (lastOf.get(c.state.id) === i) {
      const { state } = c
      const catalog = await ctx.catalogs.get(state.request.catalogVersion)
      out.push({
        seq: c.seq,
        kind: 'track',
        track: {
          requestId: state.id,
          createdAt: state.request.createdAt,
          ...(state.request.checkCode ? { checkCode: state.request.checkCode } : {}),
          view: publicView(state, catalog),
        },
      })
    }
  }
  return out
}
