import type { FastifyError, FastifyInstance } from 'fastify'
import type { z } from 'zod'
import type { ApiError } from '../../shared/sync'

/** An answer other than 2xx, with the ApiError body every client parses. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: string,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }

  body(): ApiError {
    return { error: this.error, message: this.message, ...(this.field !== undefined ? { field: this.field } : {}) }
  }
}

export function fieldOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.')
}

/** The first problem zod found, as a 400 naming the field and the reason. */
export function invalid(error: z.ZodError, prefix?: string): HttpError {
  const issue = error.issues[0]
  const field = [prefix, issue ? fieldOf(issue.path) : ''].filter(Boolean).join('.') || (prefix ?? 'body')
  const reason = issue?.message ?? 'is invalid'
  return new HttpError(400, 'invalid_request', `${field}: ${reason}`, field)
}

/** Parses with the schema or throws the 400. */
export function parseOr400<T>(schema: z.ZodType<T>, value: unknown, prefix?: string): T {
  const result = schema.safeParse(value)
  if (!result.success) throw invalid(result.error, prefix)
  return result.data
}

const FASTIFY_ERRORS: Record<string, { error: string; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { error: 'unsupported_media_type', message: 'send the body as application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { error: 'invalid_request', message: 'Content-Length does not match the body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { error: 'invalid_json', message: 'body: not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { error: 'invalid_request', message: 'body: a JSON body is required' },
  FST_ERR_CTP_BODY_TOO_LARGE: { error: 'payload_too_large', message: 'the body is too large' },
}

/** Every failure answers an ApiError; only a real fault is a 500, and it is logged. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HttpError, request, reply) => {
    if (err instanceof HttpError) return reply.code(err.statusCode).send(err.body())
    const status = err.statusCode ?? 500
    if (status >= 400 && status < 500) {
      const known = err.code ? FASTIFY_ERRORS[err.code] : undefined
      const body: ApiError = known ?? {
        error: err instanceof SyntaxError ? 'invalid_json' : 'invalid_request',
        message: err instanceof SyntaxError ? `body: not valid JSON (${err.message})` : err.message,
      }
      return reply.code(status).send({ ...body, ...(status === 400 ? { field: 'body' } : {}) })
    }
    request.log.error({ err }, 'request failed')
    return reply.code(500).send({ error: 'internal', message: 'the platform failed to answer; try again later' } satisfies ApiError)
  })
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` } satisfies ApiError),
  )
}
