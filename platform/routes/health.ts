import type { FastifyInstance } from 'fastify'
import type { PlatformContext } from '../context'

export function healthRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/healthz', async (request, reply) => {
    try {
      await ctx.storage.ping()
      return { ok: true }
    } catch (err) {
      request.log.error({ err }, 'database does not answer')
      return reply.code(503).send({ ok: false, error: 'database_unavailable', message: 'the database does not answer' })
    }
  })
}
