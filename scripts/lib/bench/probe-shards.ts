/**
 * @module
 * The bench's fan-out probe (`npm run bench -- --shards`): one Worker bound to N local D1
 * databases, each holding the D1 index of one shard of the corpus (whole sources, see
 * `shards.ts`), answering a search as a sharded deployment would (ARCHITECTURE.md, "Past one
 * database"): every shard searched at once for the first `offset + limit` hits with the D1
 * engine's own reader, then the totals added and the hits merged (facets
 * would be added the same way: a few hundred counts).
 *
 * The merge orders by score: a shard's response does not carry the ranking's other keys (words
 * covered, typos), which a real fan-out would return with each hit. The shards score with their
 * own statistics, not the corpus's (ARCHITECTURE.md, "Comparable scores"). Neither changes what is
 * measured here: what N shards cost per query.
 *
 * Routes: `GET /bench-ready.txt`; `GET /search?q=` → `{ tookMs, total, hits }`.
 */
import type { IndexReader } from '../../../src/core/index-reader.ts'
import { precomputedKey } from '../../../src/core/prefix-answers.ts'
import { SEARCH_DEFAULTS, searchParagraphs, type SearchResult } from '../../../src/core/search.ts'
import { d1IndexProvider } from '../../../src/worker/engines/d1-engine.ts'

/** The binding of shard `i` (`shards.ts` writes them into the probe's wrangler.toml). */
export const shardBinding = (i: number) => `SHARD_${i}`

/** One reader provider per shard, each keeping its shard's shell. */
const providers: ReturnType<typeof d1IndexProvider>[] = []

export default {
  async fetch(request: Request, env: Record<string, D1Database | undefined>): Promise<Response> {
    const url = new URL(request.url)
    if (url.pathname === '/bench-ready.txt') return new Response('ready\n')
    if (url.pathname !== '/search') return new Response('not found', { status: 404 })
    const started = performance.now()
    const dbs: D1Database[] = []
    for (let i = 0; env[shardBinding(i)]; i++) dbs.push(env[shardBinding(i)]!)
    while (providers.length < dbs.length) providers.push(d1IndexProvider())
    const asked = { ...SEARCH_DEFAULTS, query: url.searchParams.get('q') ?? '' }
    // Each shard gives its first `offset + limit` hits: the page of the whole is among them.
    const perShard = { ...asked, offset: 0, limit: asked.offset + asked.limit }
    const key = precomputedKey(perShard)
    const answers = await Promise.all(
      dbs.map(async (db, i): Promise<SearchResult> => {
        const reader: IndexReader = await providers[i]!({ INDEX_DB: db })
        return (key ? await reader.precomputed?.(key) : undefined) ?? (await reader.read((index) => searchParagraphs(index, perShard)))
      })
    )
    const hits = answers
      .flatMap((answer) => answer.hits)
      .sort((a, b) => b.score - a.score)
      .slice(asked.offset, asked.offset + asked.limit)
    const total = answers.reduce((sum, answer) => sum + answer.total, 0)
    return Response.json({ tookMs: performance.now() - started, total, hits })
  },
}
