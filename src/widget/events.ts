/**
 * @module
 * The DOM events a `<paragraph-search>` dispatches. Both bubble and cross shadow boundaries
 * (`composed`), so a host page can listen on the element or anywhere above it.
 */
import type { SearchHit } from './api-client.ts'

/** Detail of the `paragraph-search:search` event, dispatched when the results of a search are shown. */
export type SearchEventDetail = {
  /** The query as typed (trimmed). */
  query: string
  /** Source ids the search was limited to; empty for all. */
  sources: string[]
  /** Number of matching paragraphs. */
  total: number
  /** The hits shown. */
  hits: SearchHit[]
}

/**
 * Detail of the `paragraph-search:select` event, dispatched when a result is opened. The event is cancelable: by
 * default the page then goes to `url`; call `preventDefault()` to handle the result yourself.
 */
export type SelectEventDetail = {
  /** The opened hit. */
  hit: SearchHit
  /** The reader view of the hit: `<endpoint>/sources/<source id>?q=<query>#<paragraph id>`. */
  url: string
}

/**
 * The events of `<paragraph-search>`, by name. They are named after the element: a bare `select`
 * would be confused with the native one that bubbles from text inputs.
 */
export type ParagraphSearchEventMap = {
  'paragraph-search:search': CustomEvent<SearchEventDetail>
  'paragraph-search:select': CustomEvent<SelectEventDetail>
}

/**
 * Creates one of the widget's events.
 *
 * @example
 * element.dispatchEvent(createEvent('paragraph-search:search', { query: 'red line', sources: [], total: 3, hits }))
 */
export function createEvent<K extends keyof ParagraphSearchEventMap>(type: K, detail: ParagraphSearchEventMap[K]['detail']): ParagraphSearchEventMap[K] {
  return new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: type === 'paragraph-search:select' }) as ParagraphSearchEventMap[K]
}
