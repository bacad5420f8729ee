/**
 * @module
 * Building the widget's DOM. Every string from the API or the user goes in as a text node or an
 * attribute value: nothing here parses HTML (no `innerHTML`, so the widget also runs under a
 * Trusted Types policy), and the snippet becomes text nodes and `<mark>`s only.
 */
import type { ContextParagraph, ParagraphDetails, SearchHit, SourceInfo } from './api-client.ts'
import type { DetailsState, SearchState } from './search-controller.ts'
import { markMatches, segmentsFragment, snippetFragment } from './snippet.ts'

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

/** The magnifier icon of the search field. */
export function searchIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg'
  const svg = document.createElementNS(ns, 'svg')
  for (const [name, value] of Object.entries({ class: 'icon', viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', 'stroke-width': '2.2', 'stroke-linecap': 'round', 'aria-hidden': 'true' })) svg.setAttribute(name, value)
  const circle = document.createElementNS(ns, 'circle')
  circle.setAttribute('cx', '10.5')
  circle.setAttribute('cy', '10.5')
  circle.setAttribute('r', '6.5')
  const line = document.createElementNS(ns, 'path')
  line.setAttribute('d', 'M15.5 15.5 21 21')
  svg.append(circle, line)
  return svg
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' })

/**
 * A publication date for people: `2017-05-29` => `May 29, 2017` (in the reader's locale); an
 * unparsable date is shown as written.
 */
export function formatDate(published: string): string {
  const time = Date.parse(published)
  return Number.isNaN(time) ? published : dateFormat.format(time)
}

/** The source line of a hit: title, then publisher and date (whichever are known), and its kind unless body text. */
export function sourceLine(source: SourceInfo, kind?: string): HTMLElement {
  const byline = [source.publisher, source.published && formatDate(source.published)].filter(Boolean).join(' · ')
  return h(
    'div',
    { class: 'meta' },
    h('span', { class: 'title', part: 'source-title' }, source.title || source.id),
    byline && h('span', { part: 'byline' }, byline),
    kind && kind !== 'body' && h('span', { class: 'badge' }, kind)
  )
}

/** A result option of the listbox. */
export function resultOption(hit: SearchHit, id: string): HTMLElement {
  return h(
    'div',
    { role: 'option', id, class: 'result', part: 'result', 'aria-selected': 'false' },
    sourceLine(hit.source, hit.kind),
    hit.section && h('div', { class: 'section', part: 'section' }, hit.section),
    h('p', { class: 'snippet', part: 'snippet' }, snippetFragment(hit.snippet)),
    h('span', { class: 'open-hint', 'aria-hidden': 'true' }, 'Enter ↵ opens')
  )
}

/** A suggestion option of the listbox. */
export function suggestionOption(text: string, id: string): HTMLElement {
  return h('div', { role: 'option', id, class: 'suggestion', part: 'suggestion', 'aria-selected': 'false' }, text)
}

/** A group of options with a visible label that is also its accessible name. */
export function optionGroup(label: string, id: string, className: string, options: HTMLElement[]): HTMLElement {
  return h('div', { role: 'group', 'aria-labelledby': id }, h('div', { id, class: 'group-label', role: 'presentation' }, label), h('div', { class: className, role: 'presentation' }, ...options))
}

/** A filter button for one source. */
export function sourceFilter(source: SourceInfo, pressed: boolean, count: number | undefined): HTMLElement {
  return h(
    'button',
    { type: 'button', class: 'filter', part: 'filter', 'aria-pressed': String(pressed), 'data-source': source.id },
    h('span', {}, source.title || source.id),
    count === undefined ? null : h('span', { class: 'count' }, String(count))
  )
}

const quote = (text: string) => `“${text}”`

/** The sentence the status line shows (and announces) for a search state. */
export function statusText(state: SearchState, filtered: boolean): string {
  switch (state.status) {
    case 'idle':
      return ''
    case 'loading':
      return `Searching for ${quote(state.params.q)}…`
    case 'error':
      return state.error.message
    case 'done': {
      const { total, hits } = state.response
      const where = filtered ? ' in the chosen sources' : ''
      if (total === 0) return `No paragraph matches ${quote(state.params.q)}${where}. Try fewer or other words.`
      const count = total === 1 ? '1 paragraph matches' : `${total} paragraphs match`
      const shown = hits.length < total ? `, showing the best ${hits.length}` : ''
      return `${count} ${quote(state.params.q)}${where}${shown}.`
    }
  }
}

/** The reader view of a paragraph: `<endpoint>/sources/<source id>#<paragraph id>`. */
export function readerUrl(url: (path: string) => string, sourceId: string, paragraphId: string): string {
  return `${url(`sources/${encodeURIComponent(sourceId)}`)}#${encodeURIComponent(paragraphId)}`
}

function contextParagraph(paragraph: ContextParagraph, current: boolean): HTMLElement {
  return h('p', { class: [current ? 'current' : '', paragraph.kind].filter(Boolean).join(' ') }, paragraph.text)
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
  /** The details of the active hit, as far as they are loaded. */
  details: DetailsState
  /** Whether "Show in context" is on. */
  showContext: boolean
  /** Whether "Also reported by" is on. */
  showRelated: boolean
}

/** The preview pane's content for the active result. */
export function previewContent({ hit, url, urlOf, details, showContext, showRelated }: PreviewInput): Child[] {
  return [
    sourceLine(hit.source, hit.kind),
    hit.section && h('div', { class: 'section' }, hit.section),
    h('p', { class: 'preview-text' }, segmentsFragment(markMatches(hit.text, hit.matches ?? []))),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'action', part: 'action', 'data-action': 'context', 'aria-expanded': String(showContext), 'aria-controls': 'context' }, 'Show in context'),
      h('button', { type: 'button', class: 'action', part: 'action', 'data-action': 'related', 'aria-expanded': String(showRelated), 'aria-controls': 'related' }, 'Also reported by'),
      h('a', { class: 'open', part: 'open', href: url, 'data-action': 'open' }, 'Open in reader →')
    ),
    h(
      'div',
      { id: 'context', class: 'details', hidden: !showContext },
      h('p', { class: 'details-label' }, 'In context'),
      showContext &&
        detailsBody(details, hit.id, ({ before, paragraph, after }) =>
          h('div', { class: 'context' }, ...before.map((p) => contextParagraph(p, false)), contextParagraph(paragraph, true), ...after.map((p) => contextParagraph(p, false)))
        )
    ),
    h(
      'div',
      { id: 'related', class: 'details', hidden: !showRelated },
      h('p', { class: 'details-label' }, 'Also reported by'),
      showRelated &&
        detailsBody(details, hit.id, ({ related }) =>
          related.length
            ? h(
                'ul',
                { class: 'related' },
                ...related.map((paragraph) =>
                  h(
                    'li',
                    {},
                    sourceLine(paragraph.source),
                    h('p', {}, paragraph.text),
                    h('a', { href: urlOf(paragraph.source.id, paragraph.id) }, `Open paragraph ${paragraph.position + 1} in the reader →`)
                  )
                )
              )
            : h('p', { class: 'quiet' }, 'No other source reports this paragraph closely enough.')
        )
    ),
  ]
}

/** The preview pane's content when no result is active: how to use the list. */
export function previewHint(): HTMLElement[] {
  const key = (label: string) => h('kbd', {}, label)
  return [h('p', { class: 'preview-empty' }, key('↑'), ' ', key('↓'), ' choose a result, ', key('Enter'), ' opens it in the reader, ', key('Esc'), ' closes. Click a result to see it in context.')]
}
