/**
 * @module
 * `GET /compare`: the coverage view side by side. One column per outlet, one row per fact (in
 * reading order), each outlet's own material in rows of its own, marked; comments marked as such
 * wherever they are; under each fact, who is quoted on it by which outlets. Each fact's row is
 * `#fact-<id>`, the target of the widget's "Also reported by".
 */
import type { Coverage, FactCoverage, QuoteView } from '../../core/coverage.ts'
import type { StoredParagraphWithId } from '../../core/loaded-index.ts'
import type { SourceMetadata } from '../../core/types.ts'
import { plural } from './format.ts'
import { html, type Html } from './html.ts'
import { layout } from './layout.ts'

/** What the page shows: the coverage, and a way to read a paragraph by id. */
export type ComparePageInput = {
  /** The coverage of the sources compared (`compareSources`). */
  coverage: Coverage
  /** The paragraph of an id. */
  paragraph: (id: string) => StoredParagraphWithId
  /** Each source's number of paragraphs, for reading order. */
  sizes: ReadonlyMap<string, number>
}

/** A row of the table: a fact, or one source's own paragraph. */
type Row = { key: number; fact: FactCoverage } | { key: number; own: { source: string; paragraph: string } }

const outlet = (source: SourceMetadata) => source.publisher || source.title || source.id

function paragraphCell(paragraph: StoredParagraphWithId, own: boolean): Html {
  const link = html`<a class="to-reader" href="/sources/${encodeURIComponent(paragraph.sourceId)}#${encodeURIComponent(paragraph.id)}">¶ ${paragraph.position + 1}</a>`
  const marks = [own ? html`<span class="mark own-mark">Only here</span>` : '', paragraph.kind === 'comment' ? html`<span class="mark comment-mark">Editorial comment</span>` : '', paragraph.kind === 'caption' ? html`<span class="mark">Caption</span>` : '']
  return html`<div class="cell-paragraph ${paragraph.kind}${own ? ' own' : ''}">${marks}<p>${paragraph.text} ${link}</p></div>`
}

function quoteNote(fact: FactCoverage, sources: readonly SourceMetadata[]): Html | '' {
  const name = (id: string) => outlet(sources.find((source) => source.id === id)!)
  const notes: Html[] = fact.quotes.shared.map(({ speaker, quotes }) => {
    const words = new Set(quotes.map((quote) => quote.text.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '').trim()))
    const by = [...new Set(quotes.map((quote) => quote.source))].map(name).join(' and ')
    return html`<li class="quote-shared">${speaker} quoted by ${by}${words.size > 1 ? ', in different words' : ', in the same words'}: ${quotes.map((quote, i) => html`${i ? ' / ' : ''}<q>${quote.text}</q> <span class="muted">(${name(quote.source)})</span>`)}</li>`
  })
  const single = new Map<string, QuoteView[]>()
  for (const quote of fact.quotes.single) single.set(`${quote.source}\n${quote.speaker ?? ''}`, [...(single.get(`${quote.source}\n${quote.speaker ?? ''}`) ?? []), quote])
  for (const quotes of single.values()) {
    const { source, speaker } = quotes[0]!
    notes.push(html`<li class="quote-single">Only ${name(source)} quotes ${speaker ?? 'this'}: ${quotes.map((quote, i) => html`${i ? ' / ' : ''}<q>${quote.text}</q>`)}</li>`)
  }
  return notes.length ? html`<ul class="quote-notes">${notes}</ul>` : ''
}

/** The side-by-side coverage view. */
export function comparePage({ coverage, paragraph, sizes }: ComparePageInput): Html {
  const { sources, facts, own } = coverage
  const relative = (id: string) => {
    const found = paragraph(id)
    const size = sizes.get(found.sourceId) ?? 1
    return size > 1 ? found.position / (size - 1) : 0
  }
  const rows: Row[] = [
    ...facts.map((fact) => {
      const ids = fact.sources.flatMap((entry) => entry.paragraphs)
      return { key: ids.reduce((sum, id) => sum + relative(id), 0) / ids.length, fact }
    }),
    ...own.flatMap(({ source, paragraphs }) => paragraphs.map((id) => ({ key: relative(id), own: { source, paragraph: id } }))),
  ].sort((a, b) => a.key - b.key)

  const ownCount = own.reduce((sum, entry) => sum + entry.paragraphs.length, 0)
  const header = html`<tr><th scope="col" class="row-head">Fact</th>${sources.map((source) => html`<th scope="col"><a href="/sources/${encodeURIComponent(source.id)}">${outlet(source)}</a>${source.publisher && source.title ? html`<span class="muted col-title">${source.title}</span>` : ''}</th>`)}</tr>`
  const body = rows.map((row) => {
    if ('fact' in row) {
      const { fact } = row
      const reporters = fact.sources.map((entry) => entry.source)
      return html`<tr id="fact-${fact.id}" class="fact"><th scope="row" class="row-head">Reported by ${plural(reporters.length, 'source')}<a class="row-anchor" href="#fact-${fact.id}" aria-label="Link to this fact">#</a>${quoteNote(fact, sources)}</th>${sources.map((source) => {
        const entry = fact.sources.find((item) => item.source === source.id)
        return entry ? html`<td>${entry.paragraphs.map((id) => paragraphCell(paragraph(id), false))}</td>` : html`<td class="absent"><span class="muted">not reported</span></td>`
      })}</tr>`
    }
    const { source: ownSource, paragraph: id } = row.own
    const name = outlet(sources.find((source) => source.id === ownSource)!)
    return html`<tr class="own-row" id="own-${id}"><th scope="row" class="row-head">Only in ${name}</th>${sources.map((source) =>
      source.id === ownSource ? html`<td>${paragraphCell(paragraph(id), true)}</td>` : html`<td class="absent"></td>`
    )}</tr>`
  })

  const main = html`
<section class="compare">
  <h1>Compare the coverage</h1>
  <p class="lede">${plural(facts.length, 'fact')} reported by more than one of ${plural(sources.length, 'source')}, side by side; ${plural(ownCount, 'paragraph')} that only one of them has, marked “Only here”. Rows follow the articles from top to bottom.</p>
  <div class="compare-scroll">
  <table class="compare-table">
    <thead>${header}</thead>
    <tbody>${body}</tbody>
  </table>
  </div>
  <p class="muted">The same data as JSON: <a href="/api/compare?sources=${sources.map((source) => encodeURIComponent(source.id)).join(',')}">/api/compare</a>; who said what: <a href="/api/quotes">/api/quotes</a>.</p>
</section>`
  return layout({ title: 'Compare the coverage · Paragraph search', description: 'Which outlets report each fact, in whose words, and what only one of them says.', main, bodyClass: 'compare-page', headerSearch: true })
}
