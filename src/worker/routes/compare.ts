/**
 * @module
 * `GET /api/compare`: the coverage view, how the sources report the event fact by fact.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import { CoverageError, compareSources, sourcesRead } from '../../core/coverage.ts'
import { CoverageSchema, sourceListParam } from '../coverage-schemas.ts'
import type { AppEnv } from '../env.ts'
import { errorBody, errorResponses } from '../errors.ts'
import { STRICT_QUERY } from '../schemas.ts'

const compareRoute = createRoute({
  method: 'get',
  path: '/compare',
  summary: 'Compare the coverage of sources',
  description:
    'Groups the paragraphs of the sources into facts: for each fact, which sources report it and in which paragraphs, and who is quoted on it by whom; for each source, what no other of the sources reports.',
  request: {
    query: z.strictObject({ sources: sourceListParam('Comma-separated ids of two or more sources; all sources when absent.') }, STRICT_QUERY),
  },
  responses: {
    200: { description: 'The coverage.', content: { 'application/json': { schema: CoverageSchema } } },
    ...errorResponses(400),
  },
})

/** The `/api/compare` route. */
export const compareRoutes = new OpenAPIHono<AppEnv>().openapi(compareRoute, async (c) => {
  const { sources } = c.req.valid('query')
  try {
    const coverage = await c.var.read((index) => compareSources(index, sources), { sources: sourcesRead(c.var.index, sources) })
    return c.json(coverage, 200)
  } catch (error) {
    if (error instanceof CoverageError) return c.json(errorBody('invalid_parameter', `sources: ${error.message}`), 400)
    throw error
  }
})
