/**
 * @module
 * `GET /sources/:id`: the reader view of one source, its recovered paragraphs in order. Each
 * paragraph carries its id, so `#<paragraph id>` scrolls to it and `:target` highlights it;
 * captions, headings, list items and editorial comments look like what they are; paragraph
 * numbers are shown (the "¶ n" of every reference). Opened from a search (`?q=`), it marks the
 * query's matches and links back to the results.
 */
import type { IndexSource } from '../../core/build-index.ts'
import { kindLabel } from '../../core/kind-labels.ts'
import type { StoredParagraphWithId } from '../../core/loaded-index.ts'
import { formatDate, plural, safeHttpUrl } from './format.ts'
import { html, type Html } from './html.ts'
import { layout } from './layout.ts'

/** A paragraph of another source that reports the same thing, for the "also reported by" line. */
export type RelatedLink = {
  /** The related paragraph's id. */
  id: string
  /** Its 0-based position in its source. */
  position: number
  /** What it is (a comment carries its badge here too). */
  kind?: string
  /** Its source. */
  source: Pick<IndexSource, 'id' | 'title' | 'publisher'>
}

/** A range of a paragraph's text to mark, in UTF-16 offsets. */
export type TextSpan = { start: number; end: number }

/** What the reader view shows. */
export type ReaderPageInput = {
  /** The source. */
  source: IndexSource
  /** Its paragraphs in document order, each with its related paragraphs of other sources and the query's matches in it. */
  paragraphs: readonly (StoredParagraphWithId & { relatedLinks: readonly RelatedLink[]; matches?: readonly TextSpan[] })[]
  /** The search the reader came from, if any (`?q=`). */
  query?: string
}

/** Text with spans marked: escaped text and `<mark>`s only. */
function markedText(text: string, spans: readonly TextSpan[] = []): Html {
  let at = 0
  const parts: Html[] = []
  for (const { start, end } of spans) {
    if (start < at || end <= start) continue
    parts.push(html`${text.slice(at, start)}<mark>${text.slice(start, end)}</mark>`)
    at = end
  }
  return html`${parts}${text.slice(at)}`
}

/** A fact of the source, or "not stated". */
function fact(label: string, value: Html | string): Html {
  return html`<div><dt>${label}</dt><dd>${value || html`<span class="muted">not stated</span>`}</dd></div>`
}

/** The "also reported by" line; with a link to the fact's row of the coverage view when the paragraph is in one. */
function alsoReportedBy(links: readonly RelatedLink[], fact: string | null): Html | '' {
  if (!links.length) return ''
  const bySource = new Map<string, RelatedLink[]>()
  for (const link of links) bySource.set(link.source.id, [...(bySource.get(link.source.id) ?? []), link])
  const groups = [...bySource.values()].map((group) => {
    const { source } = group[0]!
    const anchors = group.map(
      (link, i) =>
        html`${i ? ', ' : ''}<a href="/sources/${encodeURIComponent(source.id)}#${encodeURIComponent(link.id)}">¶ ${link.position + 1}</a>${
          link.kind && kindLabel(link.kind) ? html` <span class="label">${kindLabel(link.kind)}</span>` : ''
        }`
    )
    return html`${source.publisher || source.title || source.id} (${anchors})`
  })
  return html`<p class="also">Also reported by ${groups.map((group, i) => html`${i ? '; ' : ''}${group}`)}${fact ? html` · <a href="/compare#fact-${fact}">compare</a>` : ''}</p>`
}

function paragraphBlock(paragraph: ReaderPageInput['paragraphs'][number]): Html {
  const { id, kind, relatedLinks, position, fact } = paragraph
  const text = markedText(paragraph.text, paragraph.matches)
  const anchor = html`<a class="anchor" href="#${id}" aria-label="Paragraph ${position + 1}">¶ ${position + 1}</a>`
  const label = kindLabel(kind) && html`<span class="label">${kindLabel(kind)}</span> `
  switch (kind) {
    case 'heading':
      return html`<h2 class="paragraph heading" id="${id}">${text} ${anchor}</h2>`
    case 'caption':
      return html`<div class="paragraph caption" id="${id}"><p>${label}${text} ${anchor}</p>${alsoReportedBy(relatedLinks, fact)}</div>`
    case 'comment':
      return html`<aside class="paragraph comment" id="${id}" aria-label="Editorial comment">${label}${text} ${anchor}</aside>`
    case 'list-item':
      return html`<li class="paragraph list-item" id="${id}">${text} ${anchor}${alsoReportedBy(relatedLinks, fact)}</li>`
    default:
      return html`<div class="paragraph body" id="${id}"><p>${text} ${anchor}</p>${alsoReportedBy(relatedLinks, fact)}</div>`
  }
}

/** The paragraphs in order, runs of list items inside one list. */
function paragraphBlocks(paragraphs: ReaderPageInput['paragraphs']): Html[] {
  const blocks: Html[] = []
  let items: Html[] = []
  const flush = () => {
    if (items.length) blocks.push(html`<ul class="list">${items}</ul>`)
    items = []
  }
  for (const paragraph of paragraphs) {
    if (paragraph.kind === 'list-item') items.push(paragraphBlock(paragraph))
    else {
      flush()
      blocks.push(paragraphBlock(paragraph))
    }
  }
  flush()
  return blocks
}

/** The reader view of one source. */
export function readerPage({ source, paragraphs, query }: ReaderPageInput): Html {
  const url = safeHttpUrl(source.url)
  const back = query && html`<p class="back"><a id="back-to-results" href="/?${new URLSearchParams({ q: query }).toString()}">← Back to the results for “${query}”</a></p>`
  const main = html`
<article class="reader">
  <header class="reader-header">
    ${back}
    ${source.publisher ? html`<p class="kicker">${source.publisher}</p>` : ''}
    <h1>${source.title || source.id}</h1>
    <dl class="facts">${fact('Outlet', source.publisher)}${fact('Author', source.author)}${fact('Published', source.published && formatDate(source.published))}${fact(
      'Original',
      url ? html`<a href="${url}" rel="noopener noreferrer">${new URL(url).host}</a>` : ''
    )}</dl>
    <p class="muted">${plural(paragraphs.length, 'paragraph')} recovered${source.topics.length ? html` · Topics: ${source.topics.join('; ')}` : ''}</p>
    <p class="muted"><a href="/compare">Compare with the other sources</a></p>
  </header>
  <p id="missing-paragraph" class="missing" role="alert" hidden>This source has no paragraph <code></code>; it may have been renumbered when the source was updated.</p>
  ${paragraphBlocks(paragraphs)}
</article>`
  return layout({ title: `${source.title || source.id} · Paragraph search`, description: `The recovered paragraphs of ${source.title || source.id}.`, main, bodyClass: 'reader-page', headerSearch: true })
}

/** The page for an address that shows nothing. */
export function notFoundPage(message: string): Html {
  const main = html`
<section class="not-found">
  <h1>Not found</h1>
  <p>${message}</p>
  <p><a href="/">Search all sources</a></p>
</section>`
  return layout({ title: 'Not found · Paragraph search', description: message, main })
}
