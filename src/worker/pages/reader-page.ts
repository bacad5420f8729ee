/**
 * @module
 * `GET /sources/:id`: the reader view of one source, its recovered paragraphs in order. Each
 * paragraph carries its id, so `#<paragraph id>` scrolls to it and `:target` highlights it;
 * captions, headings and editorial comments look like what they are.
 */
import type { ManifestSource } from '../../core/build-index.ts'
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
  /** Its source. */
  source: Pick<ManifestSource, 'id' | 'title' | 'publisher'>
}

/** What the reader view shows. */
export type ReaderPageInput = {
  /** The source. */
  source: ManifestSource
  /** Its paragraphs in document order, each with its related paragraphs of other sources. */
  paragraphs: readonly (StoredParagraphWithId & { relatedLinks: readonly RelatedLink[] })[]
}

/** The "also reported by" line; with a link to the fact's row of the coverage view when the paragraph is in one. */
function alsoReportedBy(links: readonly RelatedLink[], fact: string | null): Html | '' {
  if (!links.length) return ''
  const bySource = new Map<string, RelatedLink[]>()
  for (const link of links) bySource.set(link.source.id, [...(bySource.get(link.source.id) ?? []), link])
  const groups = [...bySource.values()].map((group) => {
    const { source } = group[0]!
    const anchors = group.map((link, i) => html`${i ? ', ' : ''}<a href="/sources/${encodeURIComponent(source.id)}#${encodeURIComponent(link.id)}">¶ ${link.position + 1}</a>`)
    return html`${source.publisher || source.title || source.id} (${anchors})`
  })
  return html`<p class="also">Also reported by ${groups.map((group, i) => html`${i ? '; ' : ''}${group}`)}${fact ? html` · <a href="/compare#fact-${fact}">compare</a>` : ''}</p>`
}

function paragraphBlock(paragraph: ReaderPageInput['paragraphs'][number]): Html {
  const { id, kind, text, relatedLinks, fact } = paragraph
  const anchor = html`<a class="anchor" href="#${id}" aria-label="Link to this paragraph">¶</a>`
  switch (kind) {
    case 'heading':
      return html`<h2 class="paragraph heading" id="${id}">${text}</h2>`
    case 'caption':
      return html`<div class="paragraph caption" id="${id}"><p><span class="label">Caption</span> ${text} ${anchor}</p>${alsoReportedBy(relatedLinks, fact)}</div>`
    case 'comment':
      return html`<aside class="paragraph comment" id="${id}" aria-label="Editorial comment"><span class="label">Editorial comment</span> ${text} ${anchor}</aside>`
    default:
      return html`<div class="paragraph body" id="${id}"><p>${text} ${anchor}</p>${alsoReportedBy(relatedLinks, fact)}</div>`
  }
}

/** The reader view of one source. */
export function readerPage({ source, paragraphs }: ReaderPageInput): Html {
  const url = safeHttpUrl(source.url)
  const byline = [source.publisher, source.published && formatDate(source.published)].filter(Boolean).join(' · ')
  const main = html`
<article class="reader">
  <header class="reader-header">
    ${byline ? html`<p class="kicker">${byline}</p>` : ''}
    <h1>${source.title || source.id}</h1>
    <p class="muted">${plural(paragraphs.length, 'paragraph')} recovered${url ? html` · <a href="${url}" rel="noopener noreferrer">original article</a>` : ''}${
      source.topics.length ? html` · Topics: ${source.topics.join('; ')}` : ''
    }</p>
    <p class="muted"><a href="/compare">Compare with the other sources</a></p>
  </header>
  ${paragraphs.map(paragraphBlock)}
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
