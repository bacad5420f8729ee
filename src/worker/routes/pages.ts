/**
 * @module
 * The HTML pages: `GET /` (demo), `GET /sources/:id` (reader view) and their style sheet
 * `GET /pages.css`. Pages carry a strict Content-Security-Policy: scripts and styles from this
 * origin only, nothing inline, and Trusted Types enforced (the widget never parses HTML).
 */
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../env.ts'
import { demoPage } from '../pages/demo-page.ts'
import type { Html } from '../pages/html.ts'
import { PAGES_CSS_PATH } from '../pages/layout.ts'
import { PAGES_CSS } from '../pages/page-styles.ts'
import { notFoundPage, readerPage, type RelatedLink } from '../pages/reader-page.ts'

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
  const paragraphs = await c.var.read((index) => source.paragraphIds.flatMap((paragraphId) => {
    const paragraph = index.paragraph(paragraphId)
    if (!paragraph) return []
    const relatedLinks = paragraph.related.flatMap((related): RelatedLink[] => {
      const other = index.paragraph(related.id)
      const otherSource = other && index.sources.get(other.sourceId)
      return otherSource ? [{ id: related.id, position: other.position, source: otherSource }] : []
    })
    return [{ ...paragraph, relatedLinks }]
  }), { ids: source.paragraphIds })
  return page(c, readerPage({ source, paragraphs }))
})

pagesRoutes.get(PAGES_CSS_PATH, (c) =>
  c.body(PAGES_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=300', 'X-Content-Type-Options': 'nosniff' })
)
