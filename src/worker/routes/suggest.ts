/**
 * @module
 * `GET /api/suggest`: completions for a search box.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import { suggest } from '../../core/suggest.ts'
import type { AppEnv } from '../env.ts'
import { errorResponses } from '../errors.ts'
import { STRICT_QUERY, integerParam, queryTextParam, typedQuery } from '../schemas.ts'

export const SuggestResponseSchema = z
  .object({
    query: z.string(),
    suggestions: z.array(
      z.object({
        text: z.string().openapi({ description: 'The whole query with its last word completed; never a word already typed again.', example: 'Marine Le Pen' }),
        score: z.number(),
      })
    ),
  })
  .openapi('SuggestResponse')

const suggestRoute = createRoute({
  method: 'get',
  path: '/suggest',
  summary: 'Complete a query',
  description: 'Completes the word being typed from the words of the corpus, ranked by how well the completed query matches.',
  request: {
    query: z.strictObject(
      { q: queryTextParam(256, 'The query as typed so far.'), limit: integerParam('limit', 1, 20, 8) },
      STRICT_QUERY
    ),
  },
  responses: {
    200: {
      description: 'Completions, best first.',
      content: {
        'application/json': {
          schema: SuggestResponseSchema,
        },
      },
    },
    ...errorResponses(400),
  },
})

/** The `/api/suggest` route. */
export const suggestRoutes = new OpenAPIHono<AppEnv>().openapi(suggestRoute, async (c) => {
  const { q, limit } = c.req.valid('query')
  const query = typedQuery(c.req.query('q'), q)
  return c.json({ query, suggestions: await c.var.read((index) => suggest(index, query, limit)) }, 200)
})
