/**
 * @module
 * Building the widget's DOM. Every string from the API or the user goes in as a text node or an
 * attribute value: nothing here parses HTML (no `innerHTML`, so the widget also runs under a
 * Trusted Types policy); highlights come from the API's match offsets, as text nodes and `<mark>`s.
 */
import type { ContextParagraph, ParagraphDetails, SearchHit, SourceInfo } from './api-client.ts'
import type { DetailsState, SearchState } from './search-controller.ts'
import { formatDate } from '../core/format-date.ts'
import { kindLabel } from '../core/kind-labels.ts'
import { markSpans, segmentsFragment } from './snippet.ts'

/** What {@link h} accepts as children; `null`, `undefined` and `false` are skipped. */
export type Child = Node | string | null | undefined | false

/**
 * Creates an element with attributes and children. `true` sets an empty attribute; `false` and
 * `undefined` leave it out.
 *
 * @example
 * h('p', { class: 'quiet' }, 'No results for ', query) // => <p class="quiet">No results for …</p>
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '')
    else if (typeof value === 'string') element.setAttribute(name, value)
  }
  for (const child of children) if (child || child === '') element.append(child)
  return element
}

/** The badge of a paragraph's kind (none for body text). */
function badge(kind: string | undefined): Child {
  const label = kind && kindLabel(kind)
  return label && h('span', { class: 'badge', part: 'badge' }, label)
}

/** The source line of a hit: outlet first, then headline and date (whichever are known), and its kind's badge. */
export function sourceLine(source: SourceInfo, kind?: string): HTMLElement {
  return h(
    'div',
    { class: 'meta' },
    source.publisher && h('span', { class: 'outlet', part: 'outlet' }, source.publisher),
    h('span', { class: source.publisher ? '' : 'outlet', part: 'source-title' }, source.title || source.id),
    source.published && h('span', { part: 'date' }, formatDate(source.published)),
    badge(kind)
  )
}

/**
 * A result option of the listbox: a real link to the reader view, so middle-click and
 * Ctrl/⌘-click open it in a new tab. It stays out of the tab order: the combobox moves through
 * the options with `aria-activedescendant`.
 */
export function resultOption(hit: SearchHit, id: string, href: string): HTMLElement {
  return h(
    'a',
    { role: 'option', id, class: 'result', part: 'result', 'aria-selected': 'false', href, tabindex: '-1' },
    sourceLine(hit.source, hit.kind),
    hit.section && h('div', { class: 'section', part: 'section' }, hit.section),
    h('p', { class: 'snippet', part: 'snippet' }, segmentsFragment(markSpans(hit.text, hit.matches, hit.snippetWindow)))
  )
}

/** The option that loads the next page of results. */
export function moreOption(id: string, next: number, left: number): HTMLElement {
  return h('div', { role: 'option', id, class: 'more', part: 'more', 'aria-selected': 'false' }, `Show ${next} more of ${left}`)
}

/** A suggestion option of the listbox. */
export function suggestionOption(text: string, id: string): HTMLElement {
  return h('div', { role: 'option', id, class: 'suggestion', part: 'suggestion', 'aria-selected': 'false' }, text)
}

/** A group of options with a visible label that is also its accessible name. */
export function optionGroup(label: string, id: string, className: string, options: HTMLElement[]): HTMLElement {
  return h('div', { role: 'group', 'aria-labelledby': id }, h('div', { id, class: 'group-label', role: 'presentation' }, label), h('div', { class: className, role: 'presentation' }, ...options))
}

/** A filter button for one source: its outlet, then its headline (cut short), then its count. */
export function sourceFilter(source: SourceInfo, pressed: boolean, count: number | undefined): HTMLElement {
  return h(
    'button',
    { type: 'button', class: 'filter', part: 'filter', 'aria-pressed': String(pressed), 'data-source': source.id },
    source.publisher && h('span', { class: 'outlet' }, source.publisher),
    h('span', { class: source.publisher ? 'headline' : 'outlet' }, source.title || source.id),
    count === undefined ? null : h('span', { class: 'count' }, String(count))
  )
}

const quote = (text: string) => `“${text}”`

/**
 * What the API corrected: for each query word that every listed hit matched only as a typo, the
 * sentence saying so (`No match for “hacking”; showing “backing”.`).
 */
function corrections(hits: readonly SearchHit[]): string[] {
  const forms = new Map<string, Set<string> | null>()
  for (const { words } of hits) {
    for (const word of words ?? []) {
      const seen = forms.get(word.query)
      if (word.match !== 'typo') forms.set(word.query, null)
      else if (seen !== null) forms.set(word.query, new Set([...(seen ?? []), ...word.forms]))
    }
  }
  return [...forms].flatMap(([word, shown]) => (shown ? [`No match for ${quote(word)}; showing ${[...shown].map(quote).join(', ')}.`] : []))
}

/**
 * The sentence the status line shows (and announces) for a search state: how many paragraphs
 * match, the query's words that none contains, and the words taken as typos of others.
 */
export function statusText(state: SearchState, filtered: boolean, suggested = false): string {
  switch (state.status) {
    case 'idle':
      return ''
    case 'loading':
      return `Searching for ${quote(state.params.q)}…`
    case 'error':
      return state.error.message
    case 'done': {
      const { total, hits, unmatched } = state.response
      const where = filtered ? ' in the chosen sources' : ''
      const notes = [...(unmatched ?? []).map((word) => `No paragraph contains ${quote(word)}.`), ...corrections(hits)]
      if (total === 0) return [...notes, `No paragraph matches ${quote(state.params.q)}${where}.`, suggested ? 'Try a suggestion below.' : 'Try fewer or other words.'].join(' ')
      const count = total === 1 ? '1 paragraph matches' : `${total} paragraphs match`
      const shown = hits.length < total ? `, showing the first ${hits.length}` : ''
      return [...notes, `${count} ${quote(state.params.q)}${where}${shown}.`].join(' ')
    }
  }
}

/**
 * The reader view of a paragraph: `<endpoint>/sources/<source id>?q=<query>#<paragraph id>`; the
 * query lets the reader highlight its words and lead back to the results.
 */
export function readerUrl(url: (path: string) => string, sourceId: string, paragraphId: string, query = ''): string {
  return `${url(`sources/${encodeURIComponent(sourceId)}${query && `?${new URLSearchParams({ q: query })}`}`)}#${encodeURIComponent(paragraphId)}`
}

function contextParagraph(paragraph: ContextParagraph, current: boolean): HTMLElement {
  return h('p', { class: [current ? 'current' : '', paragraph.kind].filter(Boolean).join(' ') }, badge(paragraph.kind), paragraph.kind === 'body' ? '' : ' ', paragraph.text)
}

function detailsBody(state: DetailsState, id: string, render: (details: ParagraphDetails) => HTMLElement): HTMLElement {
  if (state.status === 'idle' || state.id !== id || state.status === 'loading') return h('p', { class: 'quiet' }, 'Loading…')
  if (state.status === 'error') return h('p', { class: 'quiet' }, state.error.message)
  return render(state.details)
}

/** What the preview pane needs to draw the active result. */
export type PreviewInput = {
  /** The active hit. */
  hit: SearchHit
  /** Its reader view. */
  url: string
  /** The reader view of another paragraph. */
  urlOf: (sourceId: string, paragraphId: string) => string
  /** The coverage view's row of a fact. */
  factUrl?: (factId: string) => string
  /** The details of the active hit, as far as they are loaded. */
  details: DetailsState
  /** Whether "Show in context" is on. */
  showContext: boolean
  /** Whether "Also reported by" is on. */
  showRelated: boolean
}

/** A button that shows or hides the details section `id`. */
function toggle(id: string, label: string, expanded: boolean): HTMLElement {
  return h('button', { type: 'button', class: 'action', part: 'action', 'data-action': id, 'aria-expanded': String(expanded), 'aria-controls': id }, label)
}

/** A details section, its content drawn only while it is shown. */
function section(id: string, label: string, shown: boolean, content: () => Child): HTMLElement {
  return h('div', { id, class: 'details', hidden: !shown }, h('p', { class: 'details-label' }, label), shown && content())
}

/** The preview pane's content for the active result. */
export function previewContent({ hit, url, urlOf, factUrl, details, showContext, showRelated }: PreviewInput): Child[] {
  return [
    sourceLine(hit.source, hit.kind),
    hit.section && h('div', { class: 'section' }, hit.section),
    h('p', { class: 'preview-text' }, segmentsFragment(markSpans(hit.text, hit.matches))),
    h(
      'div',
      { class: 'actions' },
      toggle('context', 'Show in context', showContext),
      toggle('related', 'Also reported by', showRelated),
      h('a', { class: 'open', part: 'open', href: url, 'data-action': 'open' }, 'Open in reader →')
    ),
    section('context', 'In context', showContext, () =>
      detailsBody(details, hit.id, ({ before, paragraph, after }) =>
        h('div', { class: 'context' }, ...before.map((p) => contextParagraph(p, false)), contextParagraph(paragraph, true), ...after.map((p) => contextParagraph(p, false)))
      )
    ),
    section('related', 'Also reported by', showRelated, () =>
      detailsBody(details, hit.id, ({ related, fact }) =>
        related.length
          ? h(
              'ul',
              { class: 'related' },
              ...related.map((paragraph) =>
                h('li', {}, sourceLine(paragraph.source, paragraph.kind), h('p', {}, paragraph.text), h('a', { href: urlOf(paragraph.source.id, paragraph.id) }, `Open ¶ ${paragraph.position + 1} →`))
              ),
              fact && factUrl ? h('li', { class: 'compare' }, h('a', { href: factUrl(fact), part: 'compare' }, 'Compare the sources →')) : null
            )
          : h('p', { class: 'quiet' }, 'No other source reports this closely.')
      )
    ),
  ]
}

/** The preview pane's content when no result is active: how to use the list (keys only where there is a keyboard). */
export function previewHint(): HTMLElement[] {
  const key = (label: string) => h('kbd', {}, label)
  return [
    h('p', { class: 'preview-empty keys' }, key('↑'), key('↓'), ' choose a result, ', key('Enter'), ' opens it, ', key('Esc'), ' closes.'),
    h('p', { class: 'preview-empty touch' }, 'Tap a result to see it here.'),
  ]
}
