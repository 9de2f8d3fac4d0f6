import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { v7 as uuidv7 } from 'uuid'
import { API_PREFIX, EnrollRequest, type Enrollment } from '../../shared/sync'
import { sha256 } from '../canonical'
import type { PlatformContext } from '../context'
import { HttpError, parseOr400 } from '../http/errors'
import { FailureLimiter } from '../http/rate-limit'

const MAX_FAILURES = 10
const WINDOW_MS = 15 * 60_000

const REFUSALS = {
  unknown: { error: 'enroll_code_unknown', message: '注册码不存在，请向信息科核对（unknown enrollment code）' },
  used_up: { error: 'enroll_code_used_up', message: '注册码的使用次数已用完，请申请新的注册码（this enrollment code has been used up）' },
  expired: { error: 'enroll_code_expired', message: '注册码已过期，请申请新的注册码（this enrollment code has expired）' },
} as const

export function enrollRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  const limiter = new FailureLimiter(MAX_FAILURES, WINDOW_MS, () => ctx.now().getTime())

  app.post(`${API_PREFIX}/enroll`, async (request, reply): Promise<Omit<Enrollment, 'platformUrl'>> => {
    const wait = limiter.retryAfter(request.ip)
    if (wait > 0) {
      reply.header('retry-after', String(Math.ceil(wait / 1000)))
      throw new HttpError(429, 'too_many_attempts', '注册码错误次数过多，请稍后再试（too many wrong enrollment codes; try again later）')
    }
    const body = parseOr400(EnrollRequest, request.body)
    const token = randomBytes(32).toString('base64url')
    const result = await ctx.storage.redeemEnrollCode(body.code, ctx.now(), {
      id: uuidv7(),
      name: body.deviceName,
      tokenHash: sha256(token),
    })
    if (!result.ok) {
      limiter.fail(request.ip)
      const refusal = REFUSALS[result.reason]
      throw new HttpError(403, refusal.error, refusal.message, 'code')
    }
    request.log.info({ deviceId: result.device.id, centerId: result.center.id, kioskCode: result.device.kioskCode }, 'device enrolled')
    return {
      deviceId: result.device.id,
      kioskCode: result.device.kioskCode,
      centerId: result.center.id,
      centerCode: result.center.code,
      centerName: result.center.name,
      token,
    }
  })
}
