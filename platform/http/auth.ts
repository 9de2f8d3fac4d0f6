import { timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { sha256 } from '../canonical'
import type { Device, OfficeIdentity, Storage } from '../storage/types'
import { HttpError } from './errors'

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  // Tokens are base64url; anything longer or stranger is no token of ours and is not hashed.
  const match = typeof header === 'string' ? /^Bearer\s+([\x21-\x7e]{1,200})\s*$/i.exec(header) : null
  return match?.[1]
}

export async function authenticateDevice(storage: Storage, request: FastifyRequest): Promise<Device> {
  const token = bearerToken(request)
  if (!token) throw new HttpError(401, 'unauthorized', 'send the device token as Authorization: Bearer <token>')
  const device = await storage.deviceByTokenHash(sha256(token))
  if (!device) throw new HttpError(401, 'unauthorized', 'unknown device token; enroll this kiosk again')
  if (device.revokedAt) throw new HttpError(403, 'device_revoked', `device ${device.id} was revoked at ${device.revokedAt}`)
  return device
}

export async function authenticateOffice(storage: Storage, request: FastifyRequest): Promise<OfficeIdentity> {
  const token = bearerToken(request)
  if (!token) throw new HttpError(401, 'unauthorized', 'send the back-office token as Authorization: Bearer <token>')
  const office = await storage.officeByTokenHash(sha256(token))
  if (!office) throw new HttpError(401, 'unauthorized', 'unknown back-office token')
  if (office.revokedAt) throw new HttpError(403, 'token_revoked', `this back-office token was revoked at ${office.revokedAt}`)
  return { centerId: office.centerId, departmentId: office.departmentId, name: office.name }
}

export function authenticateAdmin(adminToken: string | undefined, request: FastifyRequest): void {
  if (!adminToken) throw new HttpError(404, 'admin_disabled', 'administration is disabled: ADMIN_TOKEN is not set')
  const token = bearerToken(request)
  const given = Buffer.from(sha256(token ?? ''))
  if (!token || !timingSafeEqual(given, Buffer.from(sha256(adminToken)))) {
    throw new HttpError(401, 'unauthorized', 'send the admin token as Authorization: Bearer <token>')
  }
}
