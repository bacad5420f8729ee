/**
 * @module
 * The API's one error shape, `{ "error": { "code", "message" } }`, and helpers that produce it.
 */
import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ZodError } from 'zod'

/** Machine-readable error codes. */
export type ErrorCode = 'invalid_parameter' | 'not_found' | 'method_not_allowed' | 'rate_limited' | 'internal_error' | 'unavailable' | 'timeout'

/** The index cannot be read now (not loaded, or its store failed): the API answers 503. */
export class IndexUnavailableError extends Error {}

/**
 * The index a request was reading is gone: a D1 generation a newer build dropped since the
 * isolate read it (see `engines/d1-engine.ts`). The app answers the request again, whole, from
 * the index active now; should that one go too, 503.
 */
export class IndexDroppedError extends IndexUnavailableError {}

/** The schema of every error response. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_parameter' }),
      message: z.string().openapi({ example: 'limit: must be an integer from 1 to 50' }),
    }),
  })
  .openapi('Error')

/** OpenAPI response entries for the errors a route can give. */
export function errorResponses<S extends 400 | 404>(...statuses: S[]): Record<S, { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }> {
  const descriptions = { 400: 'The request is malformed; the message names the parameter.', 404: 'No such resource.' }
  return Object.fromEntries(
    statuses.map((status) => [status, { description: descriptions[status], content: { 'application/json': { schema: ErrorSchema } } }])
  ) as Record<S, { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }>
}

/**
 * The body of an error response, for handlers that answer with `c.json(body, status)`.
 *
 * @example
 * errorBody('not_found', 'no source with id "x"') // => { error: { code: 'not_found', message: 'no source with id "x"' } }
 */
export function errorBody(code: ErrorCode, message: string): { error: { code: ErrorCode; message: string } } {
  return { error: { code, message } }
}

/**
 * Responds with a JSON error.
 *
 * @example
 * return apiError(c, 404, 'not_found', 'no source with id "x"')
 */
export function apiError(c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string): Response {
  return c.json(errorBody(code, message), status, { 'Cache-Control': 'no-store' })
}

/**
 * Turns a validation failure into one readable sentence naming each parameter at fault.
 *
 * @example
 * describeZodError(error) // => 'limit: must be an integer from 1 to 50'
 */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => {
      const name = issue.path.map(String).join('.')
      return name ? `${name}: ${issue.message}` : issue.message
    })
    .join('; ')
}
