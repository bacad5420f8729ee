/**
 * @module
 * The Worker's app, composed from route modules: the JSON API under `/api` and the HTML pages.
 * The index is injected, so the same app serves the bundled index and, in tests, any other. A
 * request reads one index throughout: one dropped while it read (`IndexDroppedError`) is answered
 * again, whole, from the index provided then.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import type { Context, ExecutionContext as RequestContext } from 'hono'
import { inMemoryReader, type IndexReader } from '../core/index-reader.ts'
import type { LoadedIndex } from '../core/loaded-index.ts'
import type { AppEnv, Env } from './env.ts'
import { IndexDroppedError, IndexUnavailableError, apiError, describeZodError } from './errors.ts'
import { conditionalCache } from './middleware/conditional-cache.ts'
import { corsFromEnv } from './middleware/cors-from-env.ts'
import { compareRoutes } from './routes/compare.ts'
import { deadline } from './middleware/deadline.ts'
import { rateLimit } from './middleware/rate-limit.ts'
import { healthRoutes } from './routes/health.ts'
import { notFoundHtml, pagesRoutes } from './routes/pages.ts'
import { paragraphRoutes } from './routes/paragraphs.ts'
import { quotesRoutes } from './routes/quotes.ts'
import { searchRoutes } from './routes/search.ts'
import { sourcesRoutes } from './routes/sources.ts'
import { suggestRoutes } from './routes/suggest.ts'

/**
 * Where the app gets its index: called on every request, so it must cache what it loads. The
 * execution context is there to keep a load alive past the request that started it. An index in
 * memory is a `LoadedIndex`; one in a store (D1) comes with its reader (see `core/index-reader.ts`).
 */
export type IndexProvider = (env: Env, ctx?: Pick<ExecutionContext, 'waitUntil'>) => LoadedIndex | IndexReader | Promise<LoadedIndex | IndexReader>

/** Options of {@link createApp}. */
export type AppOptions = {
  /** The index to serve. */
  index: IndexProvider
}

const ALLOWED_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const ALLOW_HEADER = [...ALLOWED_METHODS].join(', ')
const CACHED_API_PATHS = ['/search', '/suggest', '/sources', '/sources/*', '/paragraphs/*', '/compare', '/quotes', '/openapi.json']

/** The request's execution context; `app.request()` in tests runs without one. */
function executionContext(c: Context): RequestContext | undefined {
  try {
    return c.executionCtx
  } catch {
    return undefined
  }
}

/** Names of the query parameters a URL gives more than once. */
function repeatedParameters(url: string): string[] {
  const names = [...new URL(url).searchParams.keys()]
  return [...new Set(names.filter((name, i) => names.indexOf(name) !== i))]
}

/**
 * Creates the Worker's app.
 *
 * @param options - Where the index comes from.
 * @returns A Hono app: `export default createApp(...)` is a Worker.
 *
 * @example
 * export default createApp({ index: () => searchIndex })
 */
export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return apiError(c, 400, 'invalid_parameter', describeZodError(result.error))
    },
  })

  api.use('*', corsFromEnv())
  api.use('*', async (c, next) => {
    if (!ALLOWED_METHODS.has(c.req.method) && knownApiPath(c.req.path)) {
      c.header('Allow', ALLOW_HEADER)
      return apiError(c, 405, 'method_not_allowed', `${c.req.method} is not allowed on ${c.req.path}; use GET`)
    }
    const repeated = repeatedParameters(c.req.url)
    if (repeated.length > 0) return apiError(c, 400, 'invalid_parameter', repeated.map((name) => `${name}: must be given once`).join('; '))
    await next()
  })
  const cached = conditionalCache<AppEnv>({ version: (c) => c.var.index.manifest.indexVersion })
  for (const path of CACHED_API_PATHS) api.use(path, cached)

  api.route('/', searchRoutes)
  api.route('/', suggestRoutes)
  api.route('/', paragraphRoutes)
  api.route('/', sourcesRoutes)
  api.route('/', healthRoutes)
  api.route('/', compareRoutes)
  api.route('/', quotesRoutes)
  api.doc31('/openapi.json', (c) => ({
    openapi: '3.1.0',
    info: {
      title: 'Paragraph search API',
      version: c.var.index.manifest.indexVersion,
      description: 'Paragraph-level full-text search over news sources that report the same event.',
    },
    servers: [{ url: `${new URL(c.req.url).origin}/api` }],
  }))

  /** Whether a path is one the API serves with GET (so another method gets 405, not 404). */
  let knownPaths: RegExp[] | undefined
  function knownApiPath(path: string): boolean {
    knownPaths ??= api.routes
      .filter((route) => route.method === 'GET')
      .map((route) => new RegExp(`^/api${route.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+')}$`))
    return knownPaths.some((pattern) => pattern.test(path))
  }

  const onError = (error: Error, c: Context<AppEnv>) => {
    if (error instanceof IndexUnavailableError) {
      c.header('Retry-After', '1')
      return apiError(c, 503, 'unavailable', error.message)
    }
    console.error(error)
    return apiError(c, 500, 'internal_error', 'the server failed to answer this request')
  }

  // Everything a request reads of the index, from one index: answered again, whole, when it
  // turns out dropped (see below).
  const withIndex = new OpenAPIHono<AppEnv>()
  withIndex.use('*', async (c, next) => {
    const provided = await options.index(c.env, executionContext(c))
    const reader = 'read' in provided ? provided : inMemoryReader(provided)
    c.set('index', reader.index)
    c.set('read', reader.read)
    c.set('precomputed', reader.precomputed)
    await next()
  })
  withIndex.route('/api', api)
  withIndex.route('/', pagesRoutes)
  withIndex.notFound((c) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return apiError(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`)
    return notFoundHtml(c, `There is no page at ${c.req.path}.`)
  })
  withIndex.onError((error, c) => {
    // Left to the app, which answers the request again.
    if (error instanceof IndexDroppedError) throw error
    return onError(error, c)
  })

  const app = new OpenAPIHono<AppEnv>()
  app.use('/api/*', rateLimit())
  app.use('/api/*', deadline())
  app.all('*', async (c) => {
    // An index dropped while the request read it (a D1 generation a newer build dropped, see
    // `engines/d1-engine.ts`): what the request read before may be of it (its sources, its
    // version), so the whole request is answered again, from the index provided now. Once: a
    // second drop is a 503 (`IndexDroppedError` is an `IndexUnavailableError`).
    try {
      return await withIndex.fetch(c.req.raw, c.env, executionContext(c))
    } catch (error) {
      if (!(error instanceof IndexDroppedError)) throw error
      return await withIndex.fetch(c.req.raw, c.env, executionContext(c))
    }
  })
  app.onError(onError)
  return app
}
