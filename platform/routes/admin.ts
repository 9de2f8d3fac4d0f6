import { randomBytes, randomInt } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { LocalizedText } from '../../shared/i18n-text'
import { API_PREFIX, DeviceMode } from '../../shared/sync'
import { Id, Line } from '../../shared/text'
import { sha256 } from '../canonical'
import type { PlatformContext } from '../context'
import { authenticateAdmin } from '../http/auth'
import { HttpError, parseOr400 } from '../http/errors'

const CenterName = LocalizedText.extend({ zh: Line(100, 2), en: Line(200, 2) })

const NewCenter = z.object({
  id: Id,
  /** Short code in ticket numbers (HZ01): it never changes once kiosks print it. */
  code: z.string().regex(/^[A-Z0-9]{2,8}$/, 'must be 2-8 capitals and digits'),
  name: CenterName,
})

const NewEnrollCode = z.object({
  centerId: Id,
  maxUses: z.number().int().min(1).max(10_000).default(1),
  expiresInHours: z.number().positive().max(24 * 365).optional(),
  mode: DeviceMode.default('visitor'),
})

const NewOfficeToken = z.object({
  departmentId: Id,
  /** How the department signs its actions, as kiosks and the public timeline show it. */
  name: Line(50, 1),
})

const CenterQuery = z.object({ centerId: Id.optional() })
const IdParams = z.object({ id: Id })
const CenterParams = z.object({ centerId: Id })
const UuidParams = z.object({ id: z.uuid() })
const ModeBody = z.object({ mode: DeviceMode })

/** Without 0/O and 1/I, so a code read aloud or copied from paper is typed right. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const CODE_LENGTH = 10

function newCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
}

/**
 * What IT needs to run real centers: create a center, make and revoke enrollment codes and
 * back-office tokens, list and revoke devices. Secrets (codes, tokens) are answered once, when
 * made, and stored as sha-256 only; lists show ids, never secrets.
 */
export function adminRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  const admin = (request: FastifyRequest) => authenticateAdmin(ctx.adminToken, request)
  const center = async (id: string, field: string) => {
    if (!(await ctx.storage.getCenter(id))) throw new HttpError(400, 'invalid_request', `${field}: no center ${id}`, field)
  }

  app.get(`${API_PREFIX}/admin/centers`, async (request) => {
    admin(request)
    return { centers: await ctx.storage.listCenters() }
  })

  app.post(`${API_PREFIX}/admin/centers`, async (request, reply) => {
    admin(request)
    const body = parseOr400(NewCenter, request.body)
    if (!(await ctx.storage.createCenter(body, ctx.now()))) {
      throw new HttpError(409, 'center_exists', `a center with id ${body.id} or code ${body.code} exists already`, 'id')
    }
    request.log.info({ centerId: body.id, code: body.code }, 'center created')
    return reply.code(201).send(body)
  })

  app.post(`${API_PREFIX}/admin/enroll-codes`, async (request, reply) => {
    admin(request)
    const body = parseOr400(NewEnrollCode, request.body)
    await center(body.centerId, 'centerId')
    const now = ctx.now()
    const expiresAt = body.expiresInHours ? new Date(now.getTime() + body.expiresInHours * 3_600_000).toISOString() : undefined
    for (;;) {
      const code = newCode()
      const id = await ctx.storage.addEnrollCode(
        { codeHash: sha256(code), centerId: body.centerId, maxUses: body.maxUses, mode: body.mode, expiresAt },
        now,
      )
      if (id) {
        request.log.info({ id, centerId: body.centerId, maxUses: body.maxUses, mode: body.mode, expiresAt }, 'enrollment code created')
        return reply.code(201).send({ id, code, centerId: body.centerId, mode: body.mode, maxUses: body.maxUses, ...(expiresAt ? { expiresAt } : {}) })
      }
    }
  })

  app.get(`${API_PREFIX}/admin/enroll-codes`, async (request) => {
    admin(request)
    const query = parseOr400(CenterQuery, request.query)
    return { codes: await ctx.storage.listEnrollCodes(query.centerId) }
  })

  app.post(`${API_PREFIX}/admin/enroll-codes/:id/revoke`, async (request) => {
    admin(request)
    const { id } = parseOr400(UuidParams, request.params)
    if (!(await ctx.storage.revokeEnrollCode(id, ctx.now()))) throw new HttpError(404, 'not_found', `no enrollment code ${id}`)
    request.log.info({ id }, 'enrollment code revoked')
    return { ok: true, id }
  })

  app.post(`${API_PREFIX}/admin/centers/:centerId/office-tokens`, async (request, reply) => {
    admin(request)
    const { centerId } = parseOr400(CenterParams, request.params)
    const body = parseOr400(NewOfficeToken, request.body)
    await center(centerId, 'centerId')
    const catalog = await ctx.catalogs.current()
    if (catalog && !catalog.departments.some((d) => d.id === body.departmentId)) {
      throw new HttpError(400, 'invalid_request', `departmentId: ${body.departmentId} is not a department of the catalog`, 'departmentId')
    }
    const token = randomBytes(32).toString('base64url')
    const id = await ctx.storage.putOfficeToken(sha256(token), { centerId, ...body }, ctx.now())
    request.log.info({ id, centerId, departmentId: body.departmentId }, 'office token created')
    return reply.code(201).send({ id, token, centerId, ...body })
  })

  app.get(`${API_PREFIX}/admin/office-tokens`, async (request) => {
    admin(request)
    const query = parseOr400(CenterQuery, request.query)
    return { tokens: await ctx.storage.listOfficeTokens(query.centerId) }
  })

  app.post(`${API_PREFIX}/admin/office-tokens/:id/revoke`, async (request) => {
    admin(request)
    const { id } = parseOr400(UuidParams, request.params)
    if (!(await ctx.storage.revokeOfficeToken(id, ctx.now()))) throw new HttpError(404, 'not_found', `no office token ${id}`)
    request.log.info({ id }, 'office token revoked')
    return { ok: true, id }
  })

  app.get(`${API_PREFIX}/admin/devices`, async (request) => {
    admin(request)
    const query = parseOr400(CenterQuery, request.query)
    return { devices: await ctx.storage.listDevices(query.centerId) }
  })

  app.post(`${API_PREFIX}/admin/devices/:id/revoke`, async (request) => {
    admin(request)
    const { id } = parseOr400(IdParams, request.params)
    if (!(await ctx.storage.revokeDevice(id, ctx.now()))) throw new HttpError(404, 'not_found', `no device ${id}`)
    request.log.info({ deviceId: id }, 'device revoked')
    return { ok: true, deviceId: id }
  })

  app.post(`${API_PREFIX}/admin/devices/:id/mode`, async (request) => {
    admin(request)
    const { id } = parseOr400(IdParams, request.params)
    const { mode } = parseOr400(ModeBody, request.body)
    if (!(await ctx.storage.setDeviceMode(id, mode))) throw new HttpError(404, 'not_found', `no device ${id}`)
    request.log.info({ deviceId: id, mode }, 'device mode set')
    return { ok: true, deviceId: id, mode }
  })
}
