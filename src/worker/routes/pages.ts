/**
 * @module
 * The HTML pages: `GET /` (demo), `GET /sources/:id` (reader view), `GET /compare` (the coverage
 * side by side), their style sheet `GET /pages.css` and script `GET /pages.js`. Pages carry a
 * strict Content-Security-Policy: scripts and styles from this origin only, nothing inline, and Trusted Types enforced (the widget never parses HTML).
 */
import { Hono, type Context } from 'hono'
import type { LoadedIndex } from '../../core/loaded-index.ts'
import { SEARCH_DEFAULTS, searchParagraphs } from '../../core/search.ts'
import { CoverageError, compareSources, sourcesRead } from '../../core/coverage.ts'
import type { AppEnv } from '../env.ts'
import { comparePage } from '../pages/compare-page.ts'
import { demoPage } from '../pages/demo-page.ts'
import type { Html } from '../pages/html.ts'
import { PAGES_CSS_PATH } from '../pages/layout.ts'
import { PAGES_JS, PAGES_JS_PATH } from '../pages/page-script.ts'
import { PAGES_CSS } from '../pages/page-styles.ts'
import { notFoundPage, readerPage, type RelatedLink, type TextSpan } from '../pages/reader-page.ts'

/** The Content-Security-Policy of every page. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ')

/** Headers of every page. */
export const PAGE_HEADERS = {
  'Content-Security-Policy': PAGE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cache-Control': 'public, max-age=300',
} as const

function page(c: Context<AppEnv>, body: Html, status: 200 | 404 = 200): Response {
  // A page that is not there may be there after the next deploy: do not keep the 404.
  return c.html(body.value, status, status === 200 ? PAGE_HEADERS : { ...PAGE_HEADERS, 'Cache-Control': 'no-store' })
}

/** Answers with the HTML "not found" page. */
export function notFoundHtml(c: Context<AppEnv>, message: string): Response {
  return page(c, notFoundPage(message), 404)
}

/** Longest query the reader view marks (the search API's own limit). */
const MAX_QUERY_LENGTH = 256

/**
 * Where a query matched each paragraph of one source: the same search the API runs (so the reader
 * marks what the results matched), over every page of that source's hits.
 */
function matchesInSource(index: LoadedIndex, sourceId: string, query: string): Map<string, readonly TextSpan[]> {
  const found = new Map<string, readonly TextSpan[]>()
  for (let offset = 0; ; offset += 50) {
    const { hits, total } = searchParagraphs(index, { ...SEARCH_DEFAULTS, query, sources: [sourceId], limit: 50, offset })
    for (const hit of hits) found.set(hit.id, hit.matches)
    if (!hits.length || offset + hits.length >= total) return found
  }
}

/** The HTML routes; mounted at `/`. */
export const pagesRoutes = new Hono<AppEnv>()

pagesRoutes.get('/', (c) => {
  const { manifest, sources } = c.var.index
  return page(c, demoPage({ origin: new URL(c.req.url).origin, sources: [...sources.values()], kinds: manifest.counts.kinds, paragraphs: manifest.counts.paragraphs }))
})

pagesRoutes.get('/sources/:id', async (c) => {
  const id = c.req.param('id')
  const source = c.var.index.sources.get(id)
  if (!source) return page(c, notFoundPage(`There is no source with the id “${id}”.`), 404)
  const query = (c.req.query('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH)
  const paragraphs = await c.var.read((index) => {
    const matches = query ? matchesInSource(index, id, query) : new Map<string, readonly TextSpan[]>()
    return index.paragraphIds(id).flatMap((paragraphId) => {
      const paragraph = index.paragraph(paragraphId)
      if (!paragraph) return []
      const relatedLinks = paragraph.related.flatMap((related): RelatedLink[] => {
        const other = index.paragraph(related.id)
        const otherSource = other && index.sources.get(other.sourceId)
        return otherSource ? [{ id: related.id, position: other.position, kind: other.kind, source: otherSource }] : []
      })
      return [{ ...paragraph, relatedLinks, matches: matches.get(paragraphId) }]
    })
  }, { sources: [id] })
  return page(c, readerPage({ source, paragraphs, query }))
})

pagesRoutes.get(PAGES_JS_PATH, (c) =>
  c.body(PAGES_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=300', 'X-Content-Type-Options': 'nosniff' })
)

pagesRoutes.get('/compare', async (c) => {
  const requested = c.req.query('sources')
  const ids = requested ? requested.split(',').map((id) => id.trim()).filter(Boolean) : []
  try {
    // The coverage reads every paragraph of the sources compared: fetched up front from an engine outside the isolate.
    return await c.var.read(
      (index) => {
        const coverage = compareSources(index, ids)
        const sizes = new Map([...index.sources.values()].map((source) => [source.id, source.paragraphs]))
        return page(c, comparePage({ coverage, paragraph: (id) => index.paragraph(id)!, sizes }))
      },
      { sources: sourcesRead(c.var.index, ids) }
    )
  } catch (error) {
    if (error instanceof CoverageError) return page(c, notFoundPage(`Nothing to compare: ${error.message}.`), 404)
    throw error
  }
})

pagesRoutes.get(PAGES_CSS_PATH, (c) =>
  c.body(PAGES_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=300', 'X-Content-Type-Options': 'nosniff' })
)
