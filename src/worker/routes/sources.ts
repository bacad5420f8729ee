/**
 * @module
 * `GET /api/sources` and `GET /api/sources/{id}`: the sources and their recovered paragraphs.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import { publicSource } from '../../core/loaded-index.ts'
import type { AppEnv } from '../env.ts'
import { errorBody, errorResponses } from '../errors.ts'
import { ParagraphSchema, SourceSchema } from '../schemas.ts'

const listRoute = createRoute({
  method: 'get',
  path: '/sources',
  summary: 'List the sources',
  description: 'Every source of the index, with its metadata and number of paragraphs.',
  responses: {
    200: {
      description: 'The sources, in index order.',
      content: {
        'application/json': {
          schema: z.object({ sources: z.array(SourceSchema.extend({ paragraphs: z.number().int() })) }),
        },
      },
    },
  },
})

const showRoute = createRoute({
  method: 'get',
  path: '/sources/{id}',
  summary: 'One source and its paragraphs',
  description: 'The source and all its recovered paragraphs in document order.',
  request: {
    params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'bbc-macron-putin-frank-exchange' }) }),
  },
  responses: {
    200: {
      description: 'The source and its paragraphs.',
      content: {
        'application/json': {
          schema: z.object({ source: SourceSchema.extend({ topics: z.array(z.string()) }), paragraphs: z.array(ParagraphSchema) }),
        },
      },
    },
    ...errorResponses(404),
  },
})

/** Routes under `/api/sources`. */
export const sourcesRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, (c) => {
    const sources = [...c.var.index.sources.values()].map((source) => ({ ...publicSource(source), paragraphs: source.paragraphs }))
    return c.json({ sources }, 200)
  })
  .openapi(showRoute, async (c) => {
    const { id } = c.req.valid('param')
    const source = c.var.index.sources.get(id)
    if (!source) return c.json(errorBody('not_found', `no source with id "${id}"`), 404)
    const paragraphs = await c.var.read(
      (index) =>
        index.paragraphIds(id).map((paragraphId) => {
          const { kind, section, position, text } = index.paragraph(paragraphId)!
          return { id: paragraphId, kind, section, position, text }
        }),
      { sources: [id] }
    )
    return c.json({ source: { ...publicSource(source), topics: source.topics }, paragraphs }, 200)
  })
