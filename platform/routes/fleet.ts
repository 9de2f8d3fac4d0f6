import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { Heartbeat } from '../../shared/fleet'
import { API_PREFIX } from '../../shared/sync'
import { Id } from '../../shared/text'
import type { PlatformContext } from '../context'
import { fleetOverview } from '../fleet/overview'
import { FLEET_PAGE_CSP, fleetPage } from '../fleet/page'
import { authenticateAdmin, authenticateDevice } from '../http/auth'
import { HttpError, parseOr400 } from '../http/errors'

/** A heartbeat is a few hundred bytes; anything near this is not one. */
const HEARTBEAT_BODY_LIMIT = 16 * 1024

const FleetQuery = z.object({ centerId: Id.optional() })

/**
 * A browser asks for a password, not a bearer token: the fleet page takes the admin token as the
 * password of HTTP Basic authentication (any user name), or as a bearer token from a script.
 */
function withBasicAsBearer(request: FastifyRequest): FastifyRequest {
  const header = request.headers.authorization
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null
  if (!match) return request
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8')
  const password = decoded.slice(decoded.indexOf(':') + 1)
  return { headers: { authorization: `Bearer ${password}` } } as FastifyRequest
}

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', FLEET_PAGE_CSP)
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .send(html)
}

export function fleetRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  /** 心跳 from a kiosk: its own device token; replaces that device's previous one. */
  app.post(`${API_PREFIX}/fleet/heartbeat`, { bodyLimit: HEARTBEAT_BODY_LIMIT }, async (request) => {
    const device = await authenticateDevice(ctx.storage, request)
    const heartbeat = parseOr400(Heartbeat, request.body)
    const at = ctx.now()
    await ctx.storage.fleet.recordHeartbeat(device, heartbeat, at)
    // JSON like every answer of the API: the kiosk's client parses each one.
    return { ok: true, receivedAt: at.toISOString() }
  })

  /** Devices by center with their last heartbeat and what needs attention. */
  app.get(`${API_PREFIX}/admin/fleet`, async (request) => {
    authenticateAdmin(ctx.adminToken, request)
    const query = parseOr400(FleetQuery, request.query)
    if (query.centerId && !(await ctx.storage.getCenter(query.centerId))) {
      throw new HttpError(400, 'invalid_request', `centerId: no center ${query.centerId}`, 'centerId')
    }
    return fleetOverview(await ctx.storage.fleet.listFleet(query), ctx.now())
  })

  app.get('/admin/fleet', async (request, reply) => {
    try {
      authenticateAdmin(ctx.adminToken, withBasicAsBearer(request))
    } catch (error) {
      if (!(error instanceof HttpError) || error.statusCode !== 401) {
        return sendPage(reply, 404, '<!doctype html><meta charset="utf-8"><title>Not found</title><p>管理功能未开启。Administration is disabled.</p>')
      }
      reply.header('www-authenticate', 'Basic realm="kiosk fleet", charset="UTF-8"')
      return sendPage(reply, 401, '<!doctype html><meta charset="utf-8"><title>Sign in</title><p>请用管理员令牌登录（用户名任意，密码为令牌）。Sign in with the admin token as the password.</p>')
    }
    const query = parseOr400(FleetQuery, request.query)
    return sendPage(reply, 200, fleetPage(fleetOverview(await ctx.storage.fleet.listFleet(query), ctx.now())))
  })
}
