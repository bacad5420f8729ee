/**
 * @module
 * `GET /api/paragraphs/{id}`: a paragraph with its neighbours and related paragraphs of other sources.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import { paragraphContext } from '../../core/paragraph-context.ts'
import type { AppEnv } from '../env.ts'
import { errorBody, errorResponses } from '../errors.ts'
import { ParagraphSchema, RelatedSchema, STRICT_QUERY, SourceSchema, integerParam } from '../schemas.ts'

const paragraphRoute = createRoute({
  method: 'get',
  path: '/paragraphs/{id}',
  summary: 'A paragraph in context',
  description: 'The paragraph, its neighbours in its source ("show in context"), and the paragraphs of the other sources that report the same thing ("also reported by").',
  request: {
    params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'p17rjbnjsz0' }) }),
    query: z.strictObject({ context: integerParam('context', 0, 10, 2) }, STRICT_QUERY),
  },
  responses: {
    200: {
      description: 'The paragraph in context.',
      content: {
        'application/json': {
          schema: z.object({
            paragraph: ParagraphSchema,
            source: SourceSchema,
            before: z.array(ParagraphSchema),
            after: z.array(ParagraphSchema),
            related: z.array(RelatedSchema).openapi({ description: 'Reports best first, then comments; empty when nothing is close enough.' }),
            fact: z.string().nullable().openapi({ description: 'The fact it reports with other sources: its row is /compare#fact-<id>. Null when no other source reports it.', example: 'f2fde341xcl' }),
          }),
        },
      },
    },
    ...errorResponses(400, 404),
  },
})

/** The `/api/paragraphs/{id}` route. */
export const paragraphRoutes = new OpenAPIHono<AppEnv>().openapi(paragraphRoute, async (c) => {
  const { id } = c.req.valid('param')
  const { context } = c.req.valid('query')
  const found = await c.var.read((index) => paragraphContext(index, id, context))
  if (!found) return c.json(errorBody('not_found', `no paragraph with id "${id}"`), 404)
  return c.json(found, 200)
})
