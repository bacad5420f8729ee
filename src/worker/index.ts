/**
 * @module
 * The Worker: composes the API routes and the error handling. Every error is JSON.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from './env.ts'
import { apiError, describeZodError } from './errors.ts'
import { searchIndex } from './search-index.ts'
import { sourcesRoutes } from './routes/sources.ts'
import { pagesRoutes } from './routes/pages.ts'

const api = new OpenAPIHono<AppEnv>({
  defaultHook: (result, c) => {
    if (!result.success) return apiError(c, 400, 'invalid_parameter', describeZodError(result.error))
  },
})

api.use('*', async (c, next) => {
  c.set('index', searchIndex)
  await next()
})
api.route('/', sourcesRoutes)

const app = new OpenAPIHono<AppEnv>()
app.route('/api', api)
app.route('/', pagesRoutes)
app.notFound((c) => apiError(c, 404, 'not_found', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`))
app.onError((error, c) => {
  console.error(error)
  return apiError(c, 500, 'internal_error', 'the server failed to answer this request')
})

export default app
