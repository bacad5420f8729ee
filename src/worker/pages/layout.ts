/**
 * @module
 * The frame every page shares: head (style sheet, widget script and the pages' script, all from
 * this origin, as the Content-Security-Policy requires), site header, the notice shown when the
 * search could not load, and footer.
 */
import { html, type Html } from './html.ts'
import { PAGES_JS_PATH } from './page-script.ts'

/** Path of the pages' style sheet. */
export const PAGES_CSS_PATH = '/pages.css'
/** Path of the widget bundle (a static asset). */
export const WIDGET_PATH = '/widget.js'

/** What {@link layout} needs. */
export type LayoutInput = {
  /** The document title. */
  title: string
  /** The meta description. */
  description: string
  /** The content of `<main>`. */
  main: Html
  /** Extra class of `<body>`. */
  bodyClass?: string
  /** Whether to put the search widget in the header. */
  headerSearch?: boolean
}

/** A complete HTML document. */
export function layout({ title, description, main, bodyClass, headerSearch = false }: LayoutInput): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<meta name="description" content="${description}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${PAGES_CSS_PATH}">
<script type="module" src="${WIDGET_PATH}"></script>
<script type="module" src="${PAGES_JS_PATH}"></script>
</head>
<body${bodyClass ? html` class="${bodyClass}"` : ''}>
<header class="site-header">
  <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">¶</span> Paragraph search</a>
  ${headerSearch ? html`<paragraph-search class="header-search" placeholder="Search all sources" hotkey="/ Mod+k"></paragraph-search>` : ''}
</header>
<p class="search-unavailable-notice" role="status">Search is unavailable: its script could not be loaded. Reload the page to try again; the sources can still be read.</p>
<main id="main">
${main}
</main>
<footer class="site-footer">
  <p>Paragraph-level search over several reports of the same event. <a href="/api/openapi.json">API reference (OpenAPI)</a></p>
</footer>
</body>
</html>
`
}
