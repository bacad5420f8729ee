/**
 * @module
 * The DOM events a `<paragraph-search>` dispatches. Both bubble and cross shadow boundaries
 * (`composed`), so a host page can listen on the element or anywhere above it.
 */
import type { SearchHit } from './api-client.ts'

/** Detail of the `search` event, dispatched when the results of a search are shown. */
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
 * Detail of the `select` event, dispatched when a result is opened. The event is cancelable: by
 * default the page then goes to `url`; call `preventDefault()` to handle the result yourself.
 */
export type SelectEventDetail = {
  /** The opened hit. */
  hit: SearchHit
  /** The reader view of the hit: `<endpoint>/sources/<source id>#<paragraph id>`. */
  url: string
}

/** The events of `<paragraph-search>`, by name. */
export type ParagraphSearchEventMap = {
  search: CustomEvent<SearchEventDetail>
  select: CustomEvent<SelectEventDetail>
}

/**
 * Creates one of the widget's events.
 *
 * @example
 * element.dispatchEvent(createEvent('search', { query: 'red line', sources: [], total: 3, hits }))
 */
export function createEvent<K extends keyof ParagraphSearchEventMap>(type: K, detail: ParagraphSearchEventMap[K]['detail']): ParagraphSearchEventMap[K] {
  return new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: type === 'select' }) as ParagraphSearchEventMap[K]
}
