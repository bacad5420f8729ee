/**
 * @module
 * `GET /api/health`: whether the Worker is up, and which index it serves.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import type { AppEnv } from '../env.ts'

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Health',
  description: 'The Worker is up and serves this index.',
  responses: {
    200: {
      description: 'Up.',
      content: {
        'application/json': {
          schema: z.object({
            status: z.literal('ok'),
            sources: z.number().int(),
            paragraphs: z.number().int(),
            indexVersion: z.string().openapi({ example: '74ae1d6e5da3' }),
          }),
        },
      },
    },
  },
})

/** The `/api/health` route. */
export const healthRoutes = new OpenAPIHono<AppEnv>().openapi(healthRoute, (c) => {
  const { counts, indexVersion } = c.var.index.manifest
  c.header('Cache-Control', 'no-store')
  return c.json({ status: 'ok' as const, sources: counts.sources, paragraphs: counts.paragraphs, indexVersion }, 200)
})
