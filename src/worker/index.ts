/**
 * @module
 * The Worker: composes the API routes and their middleware. Every API answer is JSON, errors
 * included: `{ "error": { "code", "message" } }`.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from './env.ts'
import { apiError, describeZodError } from './errors.ts'
import { conditionalCache } from './middleware/conditional-cache.ts'
import { corsFromEnv } from './middleware/cors-from-env.ts'
import { healthRoutes } from './routes/health.ts'
import { pagesRoutes } from './routes/pages.ts'
import { paragraphRoutes } from './routes/paragraphs.ts'
import { searchRoutes } from './routes/search.ts'
import { sourcesRoutes } from './routes/sources.ts'
import { suggestRoutes } from './routes/suggest.ts'
import { searchIndex } from './search-index.ts'

const ALLOWED_METHODS = 'GET, HEAD, OPTIONS'

const api = new OpenAPIHono<AppEnv>({
  defaultHook: (result, c) => {
    if (!result.success) return apiError(c, 400, 'invalid_parameter', describeZodError(result.error))
  },
})

api.use('*', corsFromEnv())
api.use('*', async (c, next) => {
  if (!ALLOWED_METHODS.includes(c.req.method) && knownApiPath(c.req.path)) {
    c.header('Allow', ALLOWED_METHODS)
    return apiError(c, 405, 'method_not_allowed', `${c.req.method} is not allowed on ${c.req.path}; use GET`)
  }
  c.set('index', searchIndex)
  await next()
})
const cached = conditionalCache({ version: searchIndex.manifest.indexVersion })
for (const path of ['/search', '/suggest', '/sources', '/sources/*', '/paragraphs/*', '/openapi.json']) api.use(path, cached)

api.route('/', searchRoutes)
api.route('/', suggestRoutes)
api.route('/', paragraphRoutes)
api.route('/', sourcesRoutes)
api.route('/', healthRoutes)
api.doc31('/openapi.json', (c) => ({
  openapi: '3.1.0',
  info: {
    title: 'Paragraph search API',
    version: searchIndex.manifest.indexVersion,
    description: 'Paragraph-level full-text search over news sources that report the same event.',
  },
  servers: [{ url: new URL(c.req.url).origin }],
}))

/** Whether a path is one the API serves with GET (so another method gets 405, not 404). */
function knownApiPath(path: string): boolean {
  knownPaths ??= api.routes
    .filter((route) => route.method === 'GET')
    .map((route) => new RegExp(`^/api${route.path.replace(/:[^/]+/g, '[^/]+')}$`))
  return knownPaths.some((pattern) => pattern.test(path))
}
let knownPaths: RegExp[] | undefined

const app = new OpenAPIHono<AppEnv>()
app.route('/api', api)
app.route('/', pagesRoutes)
app.notFound((c) => apiError(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`))
app.onError((error, c) => {
  console.error(error)
  return apiError(c, 500, 'internal_error', 'the server failed to answer this request')
})

export default app
