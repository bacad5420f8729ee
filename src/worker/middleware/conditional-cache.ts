/**
 * @module
 * HTTP caching for read-only routes: `Cache-Control` fit for browsers and CDNs, and a weak `ETag`
 * derived from the index version and the request, so `If-None-Match` gets a `304` before any
 * search work is done.
 */
import type { Context, Env, MiddlewareHandler } from 'hono'
import { shortHash } from '../../core/hash.ts'

/** Options of {@link conditionalCache}. */
export type ConditionalCacheOptions<E extends Env> = {
  /** Names the content served (the ETag changes when it does), read per request. */
  version: (c: Context<E>) => string
  /** `Cache-Control` of successful responses. Default: five minutes in browsers, an hour in shared caches. */
  cacheControl?: string
}

const DEFAULT_CACHE_CONTROL = 'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400'

/**
 * The request as a cache key: path and query parameters in sorted order, so parameter order does
 * not matter.
 *
 * @example
 * canonicalRequest('http://x/api/search?q=a&limit=5') === canonicalRequest('http://x/api/search?limit=5&q=a') // => true
 */
export function canonicalRequest(url: string): string {
  const { pathname, searchParams } = new URL(url)
  const params = [...searchParams].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
  return `${pathname}?${new URLSearchParams(params).toString()}`
}

/**
 * Whether an `If-None-Match` header matches an ETag (weak comparison, RFC 9110 §13.1.2). `*`
 * matches any ETag unless `wildcard` is `false`.
 *
 * @example
 * ifNoneMatchMatches('"a", W/"b"', 'W/"b"') // => true
 */
export function ifNoneMatchMatches(header: string | undefined, etag: string, options: { wildcard?: boolean } = {}): boolean {
  if (!header) return false
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  return header.split(',').some((tag) => (tag.trim() === '*' ? options.wildcard !== false : opaque(tag) === opaque(etag)))
}


/**
 * Middleware answering conditional GETs and marking successful responses cacheable. Error
 * responses get `Cache-Control: no-store`.
 *
 * @param options - The content version and the `Cache-Control` to send.
 *
 * @example
 * api.use('/search', conditionalCache({ version: (c) => c.var.index.manifest.indexVersion }))
 */
export function conditionalCache<E extends Env>(options: ConditionalCacheOptions<E>): MiddlewareHandler<E> {
  const cacheControl = options.cacheControl ?? DEFAULT_CACHE_CONTROL
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
    const etag = `W/"${options.version(c)}-${shortHash(canonicalRequest(c.req.url))}"`
    const ifNoneMatch = c.req.header('If-None-Match')
    // A tag we issued was issued for a 200: the same request gets the same answer, so no work is
    // needed. `*` matches only if there is an answer, which only the handler knows.
    const headers = { ETag: etag, 'Cache-Control': cacheControl }
    if (ifNoneMatchMatches(ifNoneMatch, etag, { wildcard: false })) return c.body(null, 304, headers)
    await next()
    if (c.res.status === 200) {
      if (ifNoneMatchMatches(ifNoneMatch, etag)) {
        c.res = new Response(null, { status: 304, headers })
        return
      }
      c.res.headers.set('ETag', etag)
      c.res.headers.set('Cache-Control', cacheControl)
    } else if (c.res.status >= 400) {
      c.res.headers.set('Cache-Control', 'no-store')
    }
  }
}
