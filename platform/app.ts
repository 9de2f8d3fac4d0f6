import Fastify, { type FastifyInstance } from 'fastify'
import { CatalogCache } from './catalogs'
import type { PlatformContext } from './context'
import { installCors } from './http/cors'
import { installErrorHandlers } from './http/errors'
import { adminRoutes } from './routes/admin'
import { catalogRoutes } from './routes/catalog'
import { enrollRoutes } from './routes/enroll'
import { fleetRoutes } from './routes/fleet'
import { healthRoutes } from './routes/health'
import { officeRoutes } from './routes/office'
import { syncRoutes } from './routes/sync'
import { trackRoutes } from './routes/track'
import type { Storage } from './storage/types'

export interface PlatformOptions {
  storage: Storage
  logger?: boolean | object
  now?: () => Date
  /** Bearer token for /api/v1/admin; administration answers 404 when unset. */
  adminToken?: string
  /**
   * Addresses or CIDR ranges of the reverse proxies in front of the platform: X-Forwarded-For is
   * believed from them only, so no client picks the address its rate limits count.
   */
  trustProxy?: readonly string[]
}

/** The reference provincial platform: the sync API, tracking and the departments' back office. */
export function createPlatform(opts: PlatformOptions): FastifyInstance {
  const proxies = opts.trustProxy ?? []
  const app = Fastify({ logger: opts.logger ?? false, trustProxy: proxies.length > 0 ? [...proxies] : false })
  const ctx: PlatformContext = {
    storage: opts.storage,
    catalogs: new CatalogCache(opts.storage),
    now: opts.now ?? (() => new Date()),
    adminToken: opts.adminToken || undefined,
  }
  // JSON only: without a parser for it, any other body type is answered 415.
  app.removeContentTypeParser('text/plain')
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff')
  })
  installCors(app)
  installErrorHandlers(app)
  for (const routes of [healthRoutes, enrollRoutes, syncRoutes, catalogRoutes, trackRoutes, officeRoutes, adminRoutes, fleetRoutes]) {
    routes(app, ctx)
  }
  return app
}
