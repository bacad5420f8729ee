/**
 * @module
 * The benchmark's probe Worker, run in workerd by `wrangler dev` in a copy of the project that
 * holds one corpus size's index. It loads the index when asked (not at start-up, so the load can
 * be timed: locally `performance.now()` counts whole milliseconds in workerd, synchronous code
 * included (BENCHMARKS.md, "Fewer round trips"), while in production it does not advance during
 * synchronous code) and runs query mixes with
 * the core code the Worker runs, excluding HTTP, routing and JSON serialisation of the results.
 *
 * Routes: `GET /noop`; `GET /load` (loads the index, once); `POST /queries` with
 * `{ queries, minMs }` (latency per query, by repetition); `POST /pass` with `{ queries }` (runs
 * the mix once, for timing from outside).
 */
import { loadIndex, type IndexTexts, type LoadedIndex } from '../../../src/core/loaded-index.ts'
import { SEARCH_DEFAULTS, searchParagraphs } from '../../../src/core/search.ts'
import { repeatedMeans } from './repeat.ts'

/** Where a probe gets the index files' text from. */
export type TextSource = (env: { ASSETS: Fetcher }) => IndexTexts | Promise<IndexTexts>

/** A probe Worker that reads the index files' text from `source`. */
export function probeWorker(source: TextSource): ExportedHandler<{ ASSETS: Fetcher }> {
  let index: LoadedIndex | undefined
  const search = (q: string) => searchParagraphs(index!, { ...SEARCH_DEFAULTS, query: q })
  return {
    async fetch(request, env) {
      const { pathname } = new URL(request.url)
      if (pathname === '/noop') return Response.json({})
      if (pathname === '/load') {
        if (index) return Response.json({ error: 'already loaded: start a fresh isolate' }, { status: 409 })
        const start = performance.now()
        const texts = await source(env)
        const read = performance.now()
        index = loadIndex(texts)
        const parsed = performance.now()
        return Response.json({ readMs: read - start, parseMs: parsed - read, paragraphs: index.manifest.counts.paragraphs })
      }
      if (!index) return Response.json({ error: 'GET /load first' }, { status: 409 })
      const body = (await request.json()) as { queries: string[]; minMs?: number }
      if (pathname === '/queries') {
        const start = performance.now()
        const perQuery = repeatedMeans(body.queries, search, () => performance.now(), body.minMs ?? 10)
        return Response.json({ perQuery, elapsedMs: performance.now() - start })
      }
      if (pathname === '/pass') {
        for (const q of body.queries) search(q)
        return Response.json({})
      }
      return Response.json({ error: 'no such route' }, { status: 404 })
    },
  }
}
