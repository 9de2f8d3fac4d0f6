import type { FastifyInstance } from 'fastify'

/**
 * Any origin may call: clients authenticate with bearer tokens, never cookies, so a foreign page
 * gains nothing it could not do with its own fetch. Preflights are answered before routing.
 */
export function installCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('access-control-allow-origin', '*')
    if (request.method === 'OPTIONS') {
      reply
        .header('access-control-allow-methods', 'GET, POST, OPTIONS')
        .header('access-control-allow-headers', 'authorization, content-type')
        .header('access-control-max-age', '600')
        .code(204)
      return reply.send()
    }
  })
}
