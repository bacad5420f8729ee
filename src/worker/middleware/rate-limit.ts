/**
 * @module
 * Rate limiting per client through the Workers rate-limiting binding (`[[ratelimits]]` in
 * wrangler.toml): the limit and period are the binding's; which paths it applies to is the
 * `RATE_LIMITED_PATHS` var (by default `/api/search` and `/api/suggest`, the routes that cost a
 * query). A client over its limit gets `429` with `Retry-After` and the API's JSON error. The
 * client is its `CF-Connecting-IP` (set by Cloudflare); counts are per Cloudflare location and
 * approximate, as the binding's documentation says.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env.ts'
import { apiError } from '../errors.ts'

/** Paths limited when `RATE_LIMITED_PATHS` is not set. */
export const DEFAULT_RATE_LIMITED_PATHS = ['/api/search', '/api/suggest']

/** The `Retry-After` when `RATE_LIMIT_PERIOD` is not set: the binding's usual period. */
const DEFAULT_PERIOD_SECONDS = 60

/**
 * The middleware. Does nothing when the binding is absent (a deployment that removed it).
 *
 * @example
 * app.use('/api/*', rateLimit())
 */
export function rateLimit(): MiddlewareHandler<AppEnv> {
  let cached: { setting: string | undefined; paths: ReadonlySet<string> } | undefined
  const limitedPaths = (setting: string | undefined): ReadonlySet<string> => {
    if (cached && cached.setting === setting) return cached.paths
    const list = setting === undefined ? DEFAULT_RATE_LIMITED_PATHS : setting.split(',').map((path) => path.trim()).filter(Boolean)
    cached = { setting, paths: new Set(list) }
    return cached.paths
  }
  return async (c, next) => {
    // `app.request()` in tests runs with no environment at all.
    const limiter = c.env?.RATE_LIMITER
    if (!limiter) return next()
    if (!limitedPaths(c.env.RATE_LIMITED_PATHS).has(c.req.path)) return next()
    const client = c.req.header('CF-Connecting-IP') ?? 'unknown'
    const { success } = await limiter.limit({ key: `${c.req.path} ${client}` })
    if (success) return next()
    const period = Number(c.env.RATE_LIMIT_PERIOD) > 0 ? Number(c.env.RATE_LIMIT_PERIOD) : DEFAULT_PERIOD_SECONDS
    c.header('Retry-After', String(period))
    return apiError(c, 429, 'rate_limited', `too many requests to ${c.req.path} from this client; retry in ${period} s`)
  }
}
