/**
 * @module
 * `GET /`: the demo page. The widget, what the corpus holds, the API's routes, and the snippet to
 * embed the widget on another site.
 */
import type { IndexSource } from '../../core/build-index.ts'
import { formatDate, plural } from './format.ts'
import { html, type Html } from './html.ts'
import { WIDGET_PATH, layout } from './layout.ts'

/** What the demo page shows. */
export type DemoPageInput = {
  /** The origin the page is served from, for the embed snippet (`https://search.example`). */
  origin: string
  /** The sources of the index. */
  sources: readonly IndexSource[]
  /** Paragraph counts per kind. */
  kinds: Readonly<Record<string, number>>
  /** Total number of paragraphs. */
  paragraphs: number
}

const API_ROUTES: [path: string, example: string, what: string][] = [
  ['GET /api/search?q=', '/api/search?q=red+line', 'ranked paragraphs with highlighted snippets; limit, offset, source, kind, prefix, fuzzy, snippet'],
  ['GET /api/suggest?q=', '/api/suggest?q=chem', 'completions for a search box'],
  ['GET /api/paragraphs/:id', '', 'a paragraph, its neighbours and the paragraphs of other sources that report the same thing'],
  ['GET /api/compare?sources=', '/api/compare', 'the paragraphs grouped into facts: which sources report each, and what only one has'],
  ['GET /api/quotes?speaker=', '/api/quotes', 'direct quotations with their speakers; every one when no speaker is named'],
  ['GET /api/sources', '/api/sources', 'the sources and their metadata'],
  ['GET /api/sources/:id', '', 'one source and all its recovered paragraphs'],
  ['GET /api/health', '/api/health', 'status, counts and index version'],
  ['GET /api/openapi.json', '/api/openapi.json', 'the OpenAPI 3.1 description of every route'],
]

const ATTRIBUTES: [name: string, what: string][] = [
  ['endpoint', 'where the API is; by default the origin widget.js was loaded from'],
  ['placeholder', 'text of the empty search box'],
  ['limit', 'most results shown, 1 to 50 (default 10)'],
  ['sources', 'comma-separated source ids to search in (default: all)'],
  ['hotkey', 'shortcuts that focus the box (default "/ Mod+k", Mod being Ctrl or ⌘; empty for none)'],
  ['theme', 'light, dark or auto (default: the page’s color-scheme when it sets one, else the system’s)'],
  ['sync-url', 'keep the query, source filters and active result in the page’s address (?q=…&source=…&hit=…), so a search can be shared and Back returns to it; off by default'],
]

/** The embed snippet for a given origin. */
export function embedSnippet(origin: string): string {
  return `<script type="module" src="${origin}${WIDGET_PATH}"></script>\n<paragraph-search></paragraph-search>`
}

function sourceItem(source: IndexSource): Html {
  const facts = [source.published && formatDate(source.published), plural(source.paragraphs, 'paragraph')].filter(Boolean)
  return html`<li>${source.publisher ? html`<strong>${source.publisher}</strong>: ` : ''}<a href="/sources/${encodeURIComponent(source.id)}">${source.title || source.id}</a> <span class="muted">${facts.join(' · ')}</span></li>`
}

/** The demo page. */
export function demoPage({ origin, sources, kinds, paragraphs }: DemoPageInput): Html {
  const kindList = Object.entries(kinds)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => plural(count, kind === 'body' ? 'body paragraph' : kind))
    .join(', ')
  const main = html`
<section class="hero">
  <h1>Find the paragraph, compare the coverage</h1>
  <p class="lede">Every report below was split back into its paragraphs. Search them all at once, see each match in context, and find which other outlets report the same thing.</p>
  <paragraph-search class="demo-search" sync-url placeholder="Try “red line”, “Versailles” or “chemical weapons”"></paragraph-search>
  <p class="hint keyboard-hint">Press <kbd>/</kbd> or <kbd>Ctrl</kbd> <kbd>K</kbd> to search from anywhere on the page.</p>
</section>

<section aria-labelledby="corpus">
  <h2 id="corpus">The corpus</h2>
  <p>${plural(paragraphs, 'paragraph')} (${kindList}) recovered from ${plural(sources.length, 'source')}:</p>
  <ul class="sources">${sources.map(sourceItem)}</ul>
  ${sources.length > 1 ? html`<p><a href="/compare">Compare the coverage side by side</a>: which outlets report each fact, in whose words, and what only one of them says.</p>` : ''}
</section>

<section aria-labelledby="embed">
  <h2 id="embed">Put it on your site</h2>
  <p>One script and one element. The widget calls this server's API (cross-origin requests are allowed) and keeps its look whatever the page's own CSS.</p>
  <pre class="code"><code>${embedSnippet(origin)}</code></pre>
  <table>
    <caption>Attributes (also properties)</caption>
    <thead><tr><th scope="col">Attribute</th><th scope="col">What it sets</th></tr></thead>
    <tbody>${ATTRIBUTES.map(([name, what]) => html`<tr><td><code>${name}</code></td><td>${what}</td></tr>`)}</tbody>
  </table>
  <p>Events: <code>paragraph-search:search</code> (detail: query, sources, total, hits) when results are shown, and <code>paragraph-search:select</code> (detail: hit, url) when one is opened. Call <code>preventDefault()</code> on <code>paragraph-search:select</code> to handle the result yourself. Theme it with custom properties such as <code>--ps-accent</code>, <code>--ps-font</code> and <code>--ps-mark-bg</code>, or with <code>::part(result)</code>, <code>::part(mark)</code> and the other parts.</p>
</section>

<section aria-labelledby="api">
  <h2 id="api">The API</h2>
  <dl class="routes">${API_ROUTES.map(
    ([route, example, what]) => html`<dt><code>${route}</code>${example ? html` <a href="${example}">try it</a>` : ''}</dt><dd>${what}</dd>`
  )}</dl>
</section>`
  return layout({ title: 'Paragraph search', description: 'Paragraph-level search over several news reports of the same event.', main, bodyClass: 'demo' })
}
