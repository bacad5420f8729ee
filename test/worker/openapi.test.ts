import { describe, expect, it } from 'vitest'
import { getJson } from './fetch.ts'

type OpenApi = { openapi: string; paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema: Record<string, unknown> }[]; responses: Record<string, unknown> }>> }

describe('GET /api/openapi.json', () => {
  it('documents every route as OpenAPI 3.1', async () => {
    const { status, body } = await getJson<OpenApi>('/api/openapi.json')
    expect(status).toBe(200)
    expect(body.openapi).toBe('3.1.0')
    expect((body as unknown as { servers: { url: string }[] }).servers).toEqual([{ url: 'http://search.test/api' }])
    expect(Object.keys(body.paths).sort()).toEqual(['/health', '/paragraphs/{id}', '/search', '/sources', '/sources/{id}', '/suggest'])
  })

  it('documents the search parameters with the bounds the API enforces', async () => {
    const { body } = await getJson<OpenApi>('/api/openapi.json')
    const params = Object.fromEntries(body.paths['/search']!['get']!.parameters!.map((p) => [p.name, p.schema]))
    expect(Object.keys(params).sort()).toEqual(['fuzzy', 'kind', 'limit', 'offset', 'prefix', 'q', 'snippet', 'source'])
    expect(params['limit']).toMatchObject({ minimum: 1, maximum: 50, default: 10 })
    expect(params['offset']).toEqual(expect.objectContaining({ type: 'integer', minimum: 0, maximum: 1000, default: 0 }))
    expect(params['snippet']).toMatchObject({ minimum: 60, maximum: 500, default: 200 })
    expect(params['q']).toMatchObject({ minLength: 1, maxLength: 256 })
    expect(Object.keys(body.paths['/search']!['get']!.responses).sort()).toEqual(['200', '400'])
  })

  it('shows the match offsets, snippet window, word matches and unmatched words of a search', async () => {
    const { body } = await getJson<{ components: { schemas: Record<string, { properties: Record<string, { description?: string; enum?: string[] }>; required?: string[] }> } }>('/api/openapi.json')
    const { Hit, HitMatch, WordMatch, SearchResponse, MatchKind } = body.components.schemas
    expect(Hit!.required).toEqual(expect.arrayContaining(['matches', 'snippetWindow', 'words']))
    expect(Object.keys(HitMatch!.properties).sort()).toEqual(['end', 'match', 'query', 'start'])
    expect(HitMatch!.properties['start']!.description).toMatch(/UTF-16 code units/)
    expect(Object.keys(WordMatch!.properties).sort()).toEqual(['field', 'forms', 'match', 'query'])
    expect((MatchKind as unknown as { enum: string[] }).enum).toEqual(['exact', 'stem', 'completion', 'typo'])
    expect(SearchResponse!.required).toEqual(expect.arrayContaining(['unmatched', 'corrected']))
  })
})

