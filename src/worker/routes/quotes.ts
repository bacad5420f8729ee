/**
 * @module
 * `GET /api/quotes`: the direct quotations of the sources, with their speakers.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import { CoverageError, listQuotes, sourcesRead } from '../../core/coverage.ts'
import { QuoteSchema, sourceListParam } from '../coverage-schemas.ts'
import type { AppEnv } from '../env.ts'
import { errorBody, errorResponses } from '../errors.ts'
import { STRICT_QUERY } from '../schemas.ts'

const quotesRoute = createRoute({
  method: 'get',
  path: '/quotes',
  summary: 'List quotations',
  description: 'Direct quotations, with their speakers where the text names one, in source and document order.',
  request: {
    query: z.strictObject(
      {
        speaker: z
          .string()
          .trim()
          .min(1, { error: 'must not be empty' })
          .max(100, { error: 'must be at most 100 characters' })
          .optional()
          .openapi({ param: { name: 'speaker', in: 'query' }, description: 'Who: a speaker whose name holds these words, case and accents ignored (`putin`, `Emmanuel Macron`). All when absent.', example: 'Putin' }),
        sources: sourceListParam('Comma-separated source ids; all sources when absent.'),
      },
      STRICT_QUERY
    ),
  },
  responses: {
    200: {
      description: 'The quotations.',
      content: { 'application/json': { schema: z.object({ speaker: z.string().nullable(), total: z.number().int(), quotes: z.array(QuoteSchema) }) } },
    },
    ...errorResponses(400),
  },
})

/** The `/api/quotes` route. */
export const quotesRoutes = new OpenAPIHono<AppEnv>().openapi(quotesRoute, async (c) => {
  const { speaker, sources } = c.req.valid('query')
  try {
    const quotes = await c.var.read((index) => listQuotes(index, { ...(speaker ? { speaker } : {}), sources }), { sources: sourcesRead(c.var.index, sources) })
    return c.json({ speaker: speaker ?? null, total: quotes.length, quotes }, 200)
  } catch (error) {
    if (error instanceof CoverageError) return c.json(errorBody('invalid_parameter', `sources: ${error.message}`), 400)
    throw error
  }
})
