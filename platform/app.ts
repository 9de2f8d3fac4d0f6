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
  /** Behind a reverse proxy, take the client IP (for rate limits) from X-Forwarded-For. */
  trustProxy?: boolean
}

/** The reference provincial platform: the sync API, tracking and the departments' back office. */
export function createPlatform(opts: PlatformOptions): FastifyInstance {
  const app = Fastify({ logger: opts.logger ?? false, trustProxy: opts.trustProxy ?? false })
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
