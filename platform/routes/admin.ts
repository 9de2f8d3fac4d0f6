import { randomBytes, randomInt } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { LocalizedText } from '../../shared/i18n-text'
import { PIN_PATTERN, hashPin } from '../../shared/pin'
import { API_PREFIX, DeviceMode, StaffMember } from '../../shared/sync'
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

/** A new staff member; a PIN may be given now or set later. The platform keeps only its hash. */
const NewStaffMember = StaffMember.omit({ pinHash: true }).extend({ pin: z.string().regex(PIN_PATTERN, 'must be 6 to 12 digits').optional() })
const PinBody = z.object({ pin: z.string().regex(PIN_PATTERN, 'must be 6 to 12 digits') })
const StaffParams = z.object({ centerId: Id, staffId: Id })

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
/** A kind of credential the admin API lists by center and revokes by id. */
interface Revocable {
  path: string
  listKey: string
  params: typeof IdParams | typeof UuidParams
  noun: string
  /** The response's and the log's name for the id (devices answer `deviceId`). */
  idKey: 'id' | 'deviceId'
  list: (centerId: string | undefined) => Promise<unknown[]>
  revoke: (id: string, at: Date) => Promise<boolean>
}

export function adminRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  /**
   * The list and revoke routes of one kind of credential: `GET …/admin/<path>?centerId=` and
   * `POST …/admin/<path>/:id/revoke` (404 when there is no such one).
   */
  function listAndRevoke(o: Revocable): void {
    app.get(`${API_PREFIX}/admin/${o.path}`, async (request) => {
      admin(request)
      const query = parseOr400(CenterQuery, request.query)
      return { [o.listKey]: await o.list(query.centerId) }
    })
    app.post(`${API_PREFIX}/admin/${o.path}/:id/revoke`, async (request) => {
      admin(request)
      const { id } = parseOr400(o.params, request.params)
      if (!(await o.revoke(id, ctx.now()))) throw new HttpError(404, 'not_found', `no ${o.noun} ${id}`)
      request.log.info({ [o.idKey]: id }, `${o.noun} revoked`)
      return { ok: true, [o.idKey]: id }
    })
  }

  const admin = (request: FastifyRequest) => authenticateAdmin(ctx.adminToken, request)
  const center = async (id: string, field: string) => {
    if (!(await ctx.storage.getCenter(id))) throw new HttpError(400, 'invalid_request', `${field}: no center ${id}`, field)
  }
  const department = async (departmentId: string) => {
    const catalog = await ctx.catalogs.current()
    if (catalog && !catalog.departments.some((d) => d.id === departmentId)) {
      throw new HttpError(400, 'invalid_request', `departmentId: ${departmentId} is not a department of the catalog`, 'departmentId')
    }
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

  app.post(`${API_PREFIX}/admin/centers/:centerId/office-tokens`, async (request, reply) => {
    admin(request)
    const { centerId } = parseOr400(CenterParams, request.params)
    const body = parseOr400(NewOfficeToken, request.body)
    await center(centerId, 'centerId')
    await department(body.departmentId)
    const token = randomBytes(32).toString('base64url')
    const id = await ctx.storage.putOfficeToken(sha256(token), { centerId, ...body }, ctx.now())
    request.log.info({ id, centerId, departmentId: body.departmentId }, 'office token created')
    return reply.code(201).send({ id, token, centerId, ...body })
  })

  // Staff: who may sign in on the center's devices, by role. The PIN is hashed here (shared/pin.ts)
  // and only the hash is stored and sent to devices with the staff list; no answer carries either.
  app.get(`${API_PREFIX}/admin/centers/:centerId/staff`, async (request) => {
    admin(request)
    const { centerId } = parseOr400(CenterParams, request.params)
    const staff = await ctx.storage.listStaffMembers(centerId)
    if (!staff) throw new HttpError(404, 'not_found', `no center ${centerId}`)
    return { staff }
  })

  app.post(`${API_PREFIX}/admin/centers/:centerId/staff`, async (request, reply) => {
    admin(request)
    const { centerId } = parseOr400(CenterParams, request.params)
    const { pin, ...member } = parseOr400(NewStaffMember, request.body)
    await department(member.departmentId)
    const outcome = await ctx.storage.addStaffMember(centerId, member, ctx.now())
    if (outcome === 'no_center') throw new HttpError(404, 'not_found', `no center ${centerId}`)
    if (outcome === 'exists') throw new HttpError(409, 'staff_exists', `id: staff number ${member.id} is taken at this center`, 'id')
    if (pin) await ctx.storage.setStaffPin(centerId, member.id, await hashPin(pin), ctx.now())
    request.log.info({ centerId, staffId: member.id, role: member.role, departmentId: member.departmentId }, 'staff member created')
    return reply.code(201).send({ ...member, centerId, hasPin: pin !== undefined })
  })

  app.post(`${API_PREFIX}/admin/centers/:centerId/staff/:staffId/pin`, async (request) => {
    admin(request)
    const { centerId, staffId } = parseOr400(StaffParams, request.params)
    const { pin } = parseOr400(PinBody, request.body)
    // The slow hash is made only for someone who is there to take it.
    const active = (await ctx.storage.listStaffMembers(centerId))?.some((m) => m.id === staffId && !m.deactivatedAt)
    if (!active || !(await ctx.storage.setStaffPin(centerId, staffId, await hashPin(pin), ctx.now()))) {
      throw new HttpError(404, 'not_found', `no active staff member ${staffId} at center ${centerId}`)
    }
    request.log.info({ centerId, staffId }, 'staff PIN set')
    return { ok: true, id: staffId }
  })

  app.post(`${API_PREFIX}/admin/centers/:centerId/staff/:staffId/deactivate`, async (request) => {
    admin(request)
    const { centerId, staffId } = parseOr400(StaffParams, request.params)
    if (!(await ctx.storage.deactivateStaffMember(centerId, staffId, ctx.now()))) {
      throw new HttpError(404, 'not_found', `no staff member ${staffId} at center ${centerId}`)
    }
    request.log.info({ centerId, staffId }, 'staff member deactivated')
    return { ok: true, id: staffId }
  })

  app.post(`${API_PREFIX}/admin/devices/:id/mode`, async (request) => {
    admin(request)
    const { id } = parseOr400(IdParams, request.params)
    const { mode } = parseOr400(ModeBody, request.body)
    if (!(await ctx.storage.setDeviceMode(id, mode))) throw new HttpError(404, 'not_found', `no device ${id}`)
    request.log.info({ deviceId: id, mode }, 'device mode set')
    return { ok: true, deviceId: id, mode }
  })

  // Enrollment codes, office tokens and devices are listed and revoked alike.
  const revocable: Revocable[] = [
    { path: 'enroll-codes', listKey: 'codes', params: UuidParams, noun: 'enrollment code', idKey: 'id', list: (centerId) => ctx.storage.listEnrollCodes(centerId), revoke: (id, at) => ctx.storage.revokeEnrollCode(id, at) },
    { path: 'office-tokens', listKey: 'tokens', params: UuidParams, noun: 'office token', idKey: 'id', list: (centerId) => ctx.storage.listOfficeTokens(centerId), revoke: (id, at) => ctx.storage.revokeOfficeToken(id, at) },
    { path: 'devices', listKey: 'devices', params: IdParams, noun: 'device', idKey: 'deviceId', list: (centerId) => ctx.storage.listDevices(centerId), revoke: (id, at) => ctx.storage.revokeDevice(id, at) },
  ]
  for (const kind of revocable) listAndRevoke(kind)
}
