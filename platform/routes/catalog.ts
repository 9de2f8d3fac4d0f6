import type { FastifyInstance } from 'fastify'
import { API_PREFIX } from '../../shared/sync'
import type { PlatformContext } from '../context'
import { HttpError } from '../http/errors'

export function catalogRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.get(`${API_PREFIX}/catalog`, async () => {
    const catalog = await ctx.catalogs.current()
    if (!catalog) throw new HttpError(404, 'not_found', 'no catalog has been published yet')
    return catalog
  })
}
