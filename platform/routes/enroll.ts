import { randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { v7 as uuidv7 } from 'uuid'
import { API_PREFIX, EnrollRequest, type Enrollment } from '../../shared/sync'
import { sha256 } from '../canonical'
import type { PlatformContext } from '../context'
import { HttpError, parseOr400 } from '../http/errors'
import { RateLimiter } from '../http/rate-limit'

const WINDOW_MS = 15 * 60_000
/** Wrong codes one address may send per window (a center's LAN often shares one address). */
const ADDRESS_FAILURES = 20
/** Refusals of one code value per window, wherever they come from. */
const CODE_FAILURES = 5

const REFUSALS = {
  unknown: { error: 'enroll_code_unknown', message: '注册码不存在，请向信息科核对（unknown enrollment code）' },
  used_up: { error: 'enroll_code_used_up', message: '注册码的使用次数已用完，请申请新的注册码（this enrollment code has been used up）' },
  expired: { error: 'enroll_code_expired', message: '注册码已过期，请申请新的注册码（this enrollment code has expired）' },
  revoked: { error: 'enroll_code_revoked', message: '注册码已被作废，请申请新的注册码（this enrollment code was revoked）' },
} as const

function tooMany(reply: FastifyReply, waitMs: number): HttpError {
  reply.header('retry-after', String(Math.ceil(waitMs / 1000)))
  return new HttpError(429, 'too_many_attempts', '注册码错误次数过多，请稍后再试（too many wrong enrollment codes; try again later）')
}

/**
 * Enrollment trades a code for a device token. Guessing is slowed per address and per code value:
 * an address that sent too many wrong codes gets 429 for any further wrong code, but a real code
 * still enrolls from it, so a careless or hostile neighbour on a center's shared address cannot lock
 * IT out. That leaks nothing a guesser could use: codes are 10 characters of 32 (50 bits), far
 * beyond guessing at any rate. The address is the client's own unless it came through a proxy
 * listed in TRUST_PROXY.
 */
export function enrollRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  const clock = () => ctx.now().getTime()
  const byAddress = new RateLimiter(ADDRESS_FAILURES, WINDOW_MS, clock)
  const byCode = new RateLimiter(CODE_FAILURES, WINDOW_MS, clock)

  app.post(`${API_PREFIX}/enroll`, async (request, reply): Promise<Omit<Enrollment, 'platformUrl'>> => {
    const body = parseOr400(EnrollRequest, request.body)
    const codeHash = sha256(body.code)
    const codeWait = byCode.retryAfter(codeHash)
    if (codeWait > 0) throw tooMany(reply, codeWait)
    const token = randomBytes(32).toString('base64url')
    const result = await ctx.storage.redeemEnrollCode(codeHash, ctx.now(), {
      id: uuidv7(),
      name: body.deviceName,
      tokenHash: sha256(token),
    })
    if (!result.ok) {
      const addressWait = byAddress.retryAfter(request.ip)
      byAddress.record(request.ip)
      byCode.record(codeHash)
      if (addressWait > 0) throw tooMany(reply, addressWait)
      const refusal = REFUSALS[result.reason]
      throw new HttpError(403, refusal.error, refusal.message, 'code')
    }
    request.log.info(
      { deviceId: result.device.id, centerId: result.center.id, kioskCode: result.device.kioskCode, mode: result.device.mode },
      'device enrolled',
    )
    return {
      deviceId: result.device.id,
      kioskCode: result.device.kioskCode,
      centerId: result.center.id,
      centerCode: result.center.code,
      centerName: result.center.name,
      mode: result.device.mode,
      token,
    }
  })
}
