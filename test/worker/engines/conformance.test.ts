/**
 * Both engines, one product: the same requests through the app served by MiniSearch in the
 * isolate and by D1 (forced, on the shipped corpus, loaded into the test D1 database with the
 * statements the build runs) must give the same answers: the same hits in the same order for the
 * query language's cases, the same suggestions, paragraphs, sources and pages, and nDCG@10 within
 * 0.01 on the public relevance queries with every snippet marked.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { evaluate, type Judgment } from '../../../scripts/lib/relevance.ts'
import { createApp } from '../../../src/worker/app.ts'
import { d1IndexProvider } from '../../../src/worker/engines/d1-engine.ts'
import type { Env } from '../../../src/worker/env.ts'
import { searchIndex } from '../../../src/worker/search-index.ts'

const testEnv = env as unknown as Env & { INDEX_DB: D1Database }
const inMemory = createApp({ index: searchIndex })
const inD1 = createApp({ index: d1IndexProvider() })

/** Loads the shipped index into the test D1, as the build does with wrangler. */
beforeAll(async () => {
  const { fill, activate } = inject('d1Content')
  const db = testEnv.INDEX_DB
  await db.batch([...fill, ...activate].map((statement) => db.prepare(statement)))
})

async function answer(app: typeof inMemory, path: string): Promise<{ status: number; type: string | null; body: unknown }> {
  const response = await app.fetch(new Request(new URL(path, 'http://search.test')), testEnv)
  const type = response.headers.get('content-type')
  const body: unknown = type?.startsWith('application/json') ? await response.json() : await response.text()
  // The time a search took is the one field allowed to differ.
  if (body && typeof body === 'object' && 'tookMs' in body) delete (body as { tookMs?: number }).tookMs
  return { status: response.status, type, body }
}

const q = (query: string, more = '') => `/api/search?q=${encodeURIComponent(query)}${more}`

// The query language's cases (README "Query language"), each kind at least once.
const SEARCHES = [
  q('red line'),
  q('Marine Le Pen'),
  q('"chemical weapons"'),
  q('"weapons chemical"'),
  q('chemical weapons -Assad'),
  q('Putin -"red line"'),
  q('coopera'),
  q('cooperation '),
  q('chemcal'),
  q('Versailes palace'),
  q('p'),
  q('Pu'),
  q('"in the"'),
  q('"of the"'),
  q('the'),
  q('what did Putin say about the election'),
  q('Putin Macron Versailles'),
  q('Putin', '&limit=3&offset=2'),
  q('Putin', '&kind=caption,heading'),
  q('Putin', '&source=bbc-macron-putin-frank-exchange'),
  q('Ptuin', '&fuzzy=false'),
  q('coopera', '&prefix=false'),
  q('Putin', '&snippet=60'),
  q('zzzzqqq'),
  q('-Putin'),
  q('“frank exchange”'),
  q('Pu*'),
  q('Ptuin'),
  q('Putin Merkel'),
  q('Putin', '&source=nope'),
]

describe('the D1 engine answers as MiniSearch does', () => {
  it.each(SEARCHES)('%s', async (path) => {
    const d1 = await answer(inD1, path)
    expect(d1).toEqual(await answer(inMemory, path))
    expect(d1.status).toBe(path.includes('source=nope') ? 400 : 200)
  })

  it('answers short prefixes typed alone from the precomputed answers, the same as a live search', async () => {
    const { generation } = inject('d1Content')
    const rows = await testEnv.INDEX_DB.prepare(`SELECT query FROM ps_answers_${generation} WHERE query IN ('p', 'P', 'pu', 'Pu')`).all<{ query: string }>()
    expect(rows.results.map((row) => row.query).sort()).toEqual(['P', 'Pu', 'p', 'pu'])
    for (const query of ['p', 'P', 'pu', 'Pu', 'Ma']) expect(await answer(inD1, q(query))).toEqual(await answer(inMemory, q(query)))
  })

  it('finds hits for the query language cases, so the comparison compares something', async () => {
    // As test/worker/search.test.ts counts them in the shipped corpus.
    const paths = [q('red line'), q('"chemical weapons"'), q('"weapons chemical"')]
    const totals = await Promise.all(paths.map(async (path) => ((await answer(inD1, path)).body as { total: number }).total))
    expect(totals).toEqual([3, 3, 0])
  })

  it.each(['/api/suggest?q=Marine%20Le%20P', '/api/suggest?q=chem&limit=3', '/api/suggest?q=Putin%20P', '/api/suggest?q=chemcal'])('%s', async (path) => {
    expect(await answer(inD1, path)).toEqual(await answer(inMemory, path))
  })

  it('gives every paragraph in context, every source and every reader page the same', async () => {
    const { body } = await answer(inMemory, '/api/sources')
    const sources = (body as { sources: { id: string }[] }).sources
    expect(sources.length).toBe(2)
    for (const { id } of sources) {
      for (const path of [`/api/sources/${id}`, `/sources/${id}`]) expect(await answer(inD1, path)).toEqual(await answer(inMemory, path))
      const { body: source } = await answer(inMemory, `/api/sources/${id}`)
      for (const paragraph of (source as { paragraphs: { id: string }[] }).paragraphs) {
        const path = `/api/paragraphs/${paragraph.id}?context=3`
        expect(await answer(inD1, path)).toEqual(await answer(inMemory, path))
      }
    }
    for (const path of ['/api/paragraphs/p0000000000', '/api/sources/nope', '/api/health', '/']) expect(await answer(inD1, path)).toEqual(await answer(inMemory, path))
  })

  it('gives the coverage, the quotations and the coverage page the same', async () => {
    const { body } = await answer(inMemory, '/api/compare')
    // Not vacuous: the shipped corpus has facts reported by both sources.
    expect((body as { facts: unknown[] }).facts.length).toBeGreaterThan(0)
    for (const path of ['/api/compare', '/api/quotes', '/api/quotes?speaker=putin', '/compare', '/api/compare?sources=nope']) expect(await answer(inD1, path)).toEqual(await answer(inMemory, path))
  })

  const judgments = inject('publicQueries')
  it.skipIf(judgments === null)('scores the public relevance queries within 0.01 nDCG@10, every snippet marked', async () => {
    const queries = JSON.parse(judgments!) as Judgment[]
    let memoryTotal = 0
    let d1Total = 0
    for (const judgment of queries) {
      const ranked = async (app: typeof inMemory) => {
        const { body } = await answer(app, q(judgment.q))
        const hits = (body as { hits: { text: string; snippet: string }[] }).hits
        for (const hit of hits) expect(hit.snippet).toContain('<mark>')
        return hits.map((hit) => hit.text)
      }
      const memoryScore = evaluate(await ranked(inMemory), judgment.relevant).ndcg
      const d1Score = evaluate(await ranked(inD1), judgment.relevant).ndcg
      expect(Math.abs(memoryScore - d1Score)).toBeLessThanOrEqual(0.01)
      memoryTotal += memoryScore
      d1Total += d1Score
    }
    expect(Math.abs(memoryTotal - d1Total) / queries.length).toBeLessThanOrEqual(0.01)
    // The README's figure for the public set.
    expect(d1Total / queries.length).toBeGreaterThanOrEqual(0.99)
  })
})
