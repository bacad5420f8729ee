/**
 * @module
 * `GET /api/search`: ranked paragraph hits with highlighted snippets, totals and facets.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import type { SearchResponse } from '../../core/api-types.ts'
import { precomputedKey } from '../../core/prefix-answers.ts'
import { SEARCH_DEFAULTS, searchParagraphs } from '../../core/search.ts'
import { PARAGRAPH_KINDS, type ParagraphKind } from '../../core/types.ts'
import type { AppEnv } from '../env.ts'
import { errorBody, errorResponses } from '../errors.ts'
import { HitSchema, STRICT_QUERY, booleanParam, integerParam, queryTextParam, typedQuery } from '../schemas.ts'

const listOf = (name: string, description: string, check: (value: string) => boolean, message: string) =>
  z
    .string()
    .refine((value) => value.split(',').every((item) => item !== '' && check(item)), { error: message })
    .transform((value) => [...new Set(value.split(','))])
    .optional()
    .openapi({ param: { name, in: 'query' }, description })

export const SearchQuerySchema = z.strictObject(
  {
    q: queryTextParam(
      256,
      'The query: words, "quoted phrases" that must occur as consecutive words (“…”, „…“, «…» and ‘…’ too), -word and -"phrase" to exclude (– — − too), word* for a prefix. Only exclusions: every other paragraph, in document order.'
    ),
    limit: integerParam('limit', 1, 50, SEARCH_DEFAULTS.limit),
    offset: integerParam('offset', 0, 1000, SEARCH_DEFAULTS.offset),
    source: listOf('source', 'Comma-separated source ids to search in.', (id) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id), 'must be a comma-separated list of source ids'),
    kind: listOf(
      'kind',
      `Comma-separated paragraph kinds: ${PARAGRAPH_KINDS.join(', ')}.`,
      (kind) => (PARAGRAPH_KINDS as readonly string[]).includes(kind),
      `must be a comma-separated list of: ${PARAGRAPH_KINDS.join(', ')}`
    ),
    prefix: booleanParam('prefix', SEARCH_DEFAULTS.prefix, 'Complete the last word while it is being typed.'),
    fuzzy: booleanParam('fuzzy', SEARCH_DEFAULTS.fuzzy, 'Tolerate typos: none in words of up to 4 letters, one in 5 to 8, two from 9.'),
    snippet: integerParam('snippet', 60, 500, SEARCH_DEFAULTS.snippetLength),
  },
  STRICT_QUERY
)

export const SearchResponseSchema = z
  .object({
    query: z.string(),
    total: z.number().int().openapi({ description: 'Matching paragraphs over all pages.' }),
    corrected: z
      .number()
      .int()
      .openapi({ description: 'Of `total`, the paragraphs that match some query word only through a typo correction (they rank after the others).' }),
    unmatched: z.array(z.string()).openapi({ description: 'The query words and phrases, as typed, that no paragraph matched (filters aside).', example: ['Merkel'] }),
    offset: z.number().int(),
    limit: z.number().int(),
    tookMs: z.number().openapi({ description: 'Time spent searching, as the runtime measures it (Workers clocks are coarse).' }),
    facets: z.object({
      source: z.record(z.string(), z.number().int()).openapi({ description: 'Matches per source id, ignoring the source filter.' }),
      kind: z.record(z.string(), z.number().int()).openapi({ description: 'Matches per kind, ignoring the kind filter.' }),
    }),
    hits: z.array(HitSchema),
  })
  .openapi('SearchResponse')

const searchRoute = createRoute({
  method: 'get',
  path: '/search',
  summary: 'Search paragraphs',
  description:
    'Paragraphs matching every word come first, then those with fewer typos, then by BM25+ relevance. ' +
    'The last word is completed as a prefix while typing; typos are tolerated by word length.',
  request: { query: SearchQuerySchema },
  responses: {
    200: { description: 'One page of hits.', content: { 'application/json': { schema: SearchResponseSchema } } },
    ...errorResponses(400),
  },
})

/** The `/api/search` route. */
export const searchRoutes = new OpenAPIHono<AppEnv>().openapi(searchRoute, async (c) => {
  const params = c.req.valid('query')
  const index = c.var.index
  const unknown = (params.source ?? []).filter((id) => !index.sources.has(id))
  if (unknown.length > 0) {
    const known = [...index.sources.keys()].join(', ')
    return c.json(errorBody('invalid_parameter', `source: unknown source id${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => `"${id}"`).join(', ')} (known: ${known})`), 400)
  }
  const started = performance.now()
  const request = {
    query: typedQuery(c.req.query('q'), params.q),
    limit: params.limit,
    offset: params.offset,
    sources: params.source ?? [],
    kinds: (params.kind ?? []) as ParagraphKind[],
    prefix: params.prefix,
    fuzzy: params.fuzzy,
    snippetLength: params.snippet,
  }
  const key = c.var.precomputed && precomputedKey(request)
  const result = (key ? await c.var.precomputed!(key) : undefined) ?? (await c.var.read((index) => searchParagraphs(index, request)))
  const tookMs = Math.round((performance.now() - started) * 1000) / 1000
  const { query, total, corrected, unmatched, offset, limit, facets, hits } = result
  const body: SearchResponse = { query, total, corrected, unmatched, offset, limit, tookMs, facets, hits }
  return c.json(body, 200)
})
