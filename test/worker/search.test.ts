import { describe, expect, it } from 'vitest'
import type { SearchResponse as SearchBody } from '../../src/core/api-types.ts'
import { getJson } from './fetch.ts'

const search = (params: Record<string, string>) => getJson<SearchBody>(`/api/search?${new URLSearchParams(params)}`)
const BBC = 'bbc-macron-putin-frank-exchange'
const SECOND = 'macron-putin-press-conference'

describe('GET /api/search', () => {
  it('answers with ranked hits, totals and facets in the documented shape', async () => {
    const { status, body } = await search({ q: 'red line' })
    expect(status).toBe(200)
    expect(body).toMatchObject({ query: 'red line', total: 3, offset: 0, limit: 10 })
    expect(typeof body.tookMs).toBe('number')
    expect(body.facets).toEqual({ source: { [BBC]: 1, [SECOND]: 2 }, kind: { body: 2, comment: 1 } })
    expect(Object.keys(body).sort()).toEqual(['corrected', 'facets', 'hits', 'limit', 'offset', 'query', 'tookMs', 'total', 'unmatched'])
    expect(Object.keys(body.hits[0]!).sort()).toEqual(['id', 'kind', 'matches', 'position', 'score', 'section', 'snippet', 'snippetWindow', 'source', 'terms', 'text', 'words'])
    expect(body.hits[0]!.source).toEqual({ id: BBC, title: "France's Macron holds 'frank exchange' with Putin", publisher: 'BBC News', published: '2017-05-29', url: '' })
    expect(body.hits.map((hit) => hit.source.id).sort()).toEqual([BBC, SECOND, SECOND])
    for (const hit of body.hits) expect(hit.snippet).toMatch(/<mark>red<\/mark> <mark>line<\/mark>/)
  })

  it('puts paragraphs naming Marine Le Pen first', async () => {
    const { body } = await search({ q: 'Marine Le Pen' })
    const naming = body.hits.filter((hit) => /Marine Le Pen/.test(hit.text))
    expect(naming.length).toBe(4)
    expect(body.hits.slice(0, 4)).toEqual(naming)
  })

  it('requires phrases as consecutive words and marks a phrase as one', async () => {
    const { body } = await search({ q: '"chemical weapons"' })
    expect(body.total).toBe(3)
    for (const hit of body.hits) expect(hit.snippet).toContain('<mark>chemical weapons</mark>')
    const { body: reversed } = await search({ q: '"weapons chemical"' })
    expect(reversed.total).toBe(0)
  })

  it('excludes words and phrases', async () => {
    const { body } = await search({ q: 'chemical weapons -Assad' })
    expect(body.hits.map((hit) => hit.text)).toEqual(['But the use of chemical weapons would be a "red line" that would draw an "immediate response" from France, he added.'])
    const { body: all } = await search({ q: 'Putin', limit: '50' })
    const { body: without } = await search({ q: 'Putin -"Marine Le Pen"', limit: '50' })
    const naming = all.hits.filter((hit) => hit.text.includes('Marine Le Pen'))
    expect(naming.length).toBeGreaterThan(0)
    expect(without.total).toBe(all.total - naming.length)
    expect(without.hits.some((hit) => hit.text.includes('Marine Le Pen'))).toBe(false)
  })

  it('highlights stemmed, corrected and completed matches', async () => {
    expect((await search({ q: 'weapon' })).body.hits[0]!.terms).toEqual(['weapons'])
    expect((await search({ q: 'Versailes' })).body.hits.every((hit) => hit.terms.includes('Versailles'))).toBe(true)
    expect((await search({ q: 'chechn' })).body.hits.map((hit) => hit.terms)).toEqual([['Chechnya'], ['Chechnya']])
  })

  it('completes the last word only while it is being typed: a trailing space ends it', async () => {
    const typing = await search({ q: 'Put' })
    expect(typing.body.total).toBeGreaterThan(0)
    expect(typing.body.hits.every((hit) => hit.terms.some((term) => /^Putin/.test(term)))).toBe(true)
    const finished = await search({ q: 'Put ' })
    expect(finished.body.total).toBe(0)
    expect(finished.body.query).toBe('Put ')
  })

  it('turns prefix and typo tolerance off on request', async () => {
    expect((await search({ q: 'chechn', prefix: 'false' })).body.total).toBe(0)
    expect((await search({ q: 'propoganda' })).body.total).toBe(4)
    expect((await search({ q: 'propoganda', fuzzy: 'false' })).body.total).toBe(0)
    expect((await search({ q: 'propoganda', fuzzy: '0', prefix: '0' })).body.total).toBe(0)
  })

  it('pages consistently: pages never overlap or skip, and total is the number of matches', async () => {
    const { body: all } = await search({ q: 'Putin Macron', limit: '50' })
    expect(all.total).toBe(all.hits.length)
    const pages = []
    for (let offset = 0; offset < all.total; offset += 7) pages.push(...(await search({ q: 'Putin Macron', limit: '7', offset: String(offset) })).body.hits.map((hit) => hit.id))
    expect(pages).toEqual(all.hits.map((hit) => hit.id))
    expect(new Set(pages).size).toBe(pages.length)
  })

  it('filters by source and kind, with facets over all matches', async () => {
    const { body } = await search({ q: 'Putin', source: SECOND, limit: '50' })
    expect(body.hits.every((hit) => hit.source.id === SECOND)).toBe(true)
    expect(body.total).toBe(body.facets.source[SECOND])
    expect(body.facets.source[BBC]).toBeGreaterThan(0)
    const { body: captions } = await search({ q: 'Putin', kind: 'caption,heading' })
    expect(captions.hits.map((hit) => hit.text).sort()).toEqual([
      'Marine Le Pen had an audience with President Putin in Moscow in March',
      'The first Macron-Putin te-te took place in the royal splendour of Versailles',
    ])
    expect(captions.facets.kind['body']).toBeGreaterThan(0)
  })

  it('sizes snippets by the snippet parameter, cutting at words with an ellipsis', async () => {
    const { body } = await search({ q: 'Syria', snippet: '60' })
    for (const hit of body.hits) {
      const shown = hit.snippet.replace(/<\/?mark>/g, '').replace(/&[a-z#0-9]+;/g, '_').replace(/^…|…$/g, '')
      expect(shown.length).toBeLessThanOrEqual(60)
      if (hit.text.length > 60) expect(hit.snippet).toMatch(/^…|…$/)
    }
  })

  it('escapes quotes and ampersands in snippets and treats markup in the query as text', async () => {
    const { body } = await search({ q: '"red line"' })
    expect(body.hits[0]!.snippet).toContain('&quot;<mark>red line</mark>&quot;')
    const { body: markup } = await search({ q: '<script>alert("x")</script> & red' })
    expect(markup.query).toBe('<script>alert("x")</script> & red')
    for (const hit of markup.hits) expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
  })

  const invalid: [string, Record<string, string>, string][] = [
    ['a missing q', {}, 'q: is required'],
    ['an empty q', { q: '   ' }, 'q: must be 1 to 256 characters after trimming'],
    ['a q over 256 characters', { q: 'x'.repeat(257) }, 'q: must be 1 to 256 characters after trimming'],
    ['limit 0', { q: 'x', limit: '0' }, 'limit: must be an integer from 1 to 50'],
    ['limit 51', { q: 'x', limit: '51' }, 'limit: must be an integer from 1 to 50'],
    ['a non-numeric limit', { q: 'x', limit: 'ten' }, 'limit: must be an integer from 1 to 50'],
    ['offset -1', { q: 'x', offset: '-1' }, 'offset: must be an integer from 0 to 1000'],
    ['offset 1001', { q: 'x', offset: '1001' }, 'offset: must be an integer from 0 to 1000'],
    ['a fractional offset', { q: 'x', offset: '1.5' }, 'offset: must be an integer from 0 to 1000'],
    ['snippet 59', { q: 'x', snippet: '59' }, 'snippet: must be an integer from 60 to 500'],
    ['snippet 501', { q: 'x', snippet: '501' }, 'snippet: must be an integer from 60 to 500'],
    ['a prefix that is not a boolean', { q: 'x', prefix: 'maybe' }, 'prefix: must be true or false'],
    ['a fuzzy that is not a boolean', { q: 'x', fuzzy: 'yes' }, 'fuzzy: must be true or false'],
    ['an unknown kind', { q: 'x', kind: 'body,video' }, 'kind: must be a comma-separated list of: body, caption, heading, comment'],
    ['a malformed source list', { q: 'x', source: 'a,,b' }, 'source: must be a comma-separated list of source ids'],
    ['an unknown source', { q: 'x', source: `${BBC},nope` }, `source: unknown source id "nope" (known: ${BBC}, ${SECOND})`],
    ['an unknown parameter', { q: 'x', limt: '5' }, 'unknown parameter: limt'],
  ]
  it('rejects a parameter given twice', async () => {
    const { status, body } = await getJson('/api/search?q=x&q=y&limit=5&limit=6')
    expect(status).toBe(400)
    expect(body).toEqual({ error: { code: 'invalid_parameter', message: 'q: must be given once; limit: must be given once' } })
  })
  for (const [name, params, message] of invalid) {
    it(`rejects ${name} with a 400 naming the parameter`, async () => {
      const { status, body } = await search(params)
      expect(status).toBe(400)
      expect(body).toEqual({ error: { code: 'invalid_parameter', message } })
    })
  }

  it('says how each word matched, with offsets into the text, and which words matched nothing', async () => {
    // bbc #13: 'But the use of chemical weapons would be a "red line" that would draw an
    // "immediate response" from France, he added.' "red" starts at offset 44, "line" at 48.
    const { body } = await search({ q: 'red line Merkel' })
    expect(body.unmatched).toEqual(['Merkel'])
    expect(body.corrected).toBe(0)
    const hit = body.hits.find((h) => h.text.startsWith('But the use of chemical weapons'))!
    expect(hit.matches).toEqual([
      { start: 44, end: 47, query: 'red', match: 'exact' },
      { start: 48, end: 52, query: 'line', match: 'exact' },
    ])
    expect(hit.words).toEqual([
      { query: 'red', match: 'exact', forms: ['red'], field: 'text' },
      { query: 'line', match: 'exact', forms: ['line'], field: 'text' },
    ])
    expect(hit.snippetWindow).toEqual({ start: 0, end: hit.text.length })
  })
})
