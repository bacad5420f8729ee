/**
 * @module
 * A deadline for API requests: one the engine cannot answer in time (an index that will not load,
 * a store that does not answer) gets a `503` JSON error with `Retry-After` instead of a hang. The
 * work left running is not cancelled (a Worker cannot cancel a pending I/O), only no longer
 * awaited by the client.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env.ts'
import { apiError } from '../errors.ts'

/** Milliseconds allowed when `QUERY_TIMEOUT_MS` is not set. */
export const DEFAULT_QUERY_TIMEOUT_MS = 2000

/**
 * The middleware: `QUERY_TIMEOUT_MS` (default {@link DEFAULT_QUERY_TIMEOUT_MS}) per request.
 *
 * @example
 * app.use('/api/*', deadline())
 */
export function deadline(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const setting = Number(c.env?.QUERY_TIMEOUT_MS)
    const ms = setting > 0 ? setting : DEFAULT_QUERY_TIMEOUT_MS
    let timer: ReturnType<typeof setTimeout> | undefined
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)))
    const outcome = await Promise.race([next().then(() => 'done' as const), late])
    clearTimeout(timer)
    if (outcome === 'done') return
    c.header('Retry-After', '1')
    return apiError(c, 503, 'timeout', `the search engine did not answer within ${ms} ms; try again`)
  }
}
