import { randomInt } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { API_PREFIX } from '../../shared/sync'
import type { PlatformContext } from '../context'
import { authenticateAdmin } from '../http/auth'
import { HttpError, parseOr400 } from '../http/errors'

const NewEnrollCode = z.object({
  centerId: z.string().min(1).max(64),
  maxUses: z.number().int().min(1).max(10_000).default(1),
  expiresInHours: z.number().positive().max(24 * 365).optional(),
})

/** Without 0/O and 1/I, so a code read aloud or copied from paper is typed right. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const CODE_LENGTH = 10

function newCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
}

export function adminRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post(`${API_PREFIX}/admin/enroll-codes`, async (request) => {
    authenticateAdmin(ctx.adminToken, request)
    const body = parseOr400(NewEnrollCode, request.body)
    if (!(await ctx.storage.getCenter(body.centerId))) {
      throw new HttpError(400, 'invalid_request', `centerId: no center ${body.centerId}`, 'centerId')
    }
    const now = ctx.now()
    const expiresAt = body.expiresInHours ? new Date(now.getTime() + body.expiresInHours * 3_600_000).toISOString() : undefined
    for (;;) {
      const code = newCode()
      if (await ctx.storage.addEnrollCode({ code, centerId: body.centerId, maxUses: body.maxUses, expiresAt }, now)) {
        request.log.info({ centerId: body.centerId, maxUses: body.maxUses, expiresAt }, 'enrollment code created')
        return { code, centerId: body.centerId, maxUses: body.maxUses, ...(expiresAt ? { expiresAt } : {}) }
      }
    }
  })

  app.post<{ Params: { id: string } }>(`${API_PREFIX}/admin/devices/:id/revoke`, async (request) => {
    authenticateAdmin(ctx.adminToken, request)
    if (!(await ctx.storage.revokeDevice(request.params.id, ctx.now()))) {
      throw new HttpError(404, 'not_found', `no device ${request.params.id}`)
    }
    request.log.info({ deviceId: request.params.id }, 'device revoked')
    return { ok: true, deviceId: request.params.id }
  })
}
