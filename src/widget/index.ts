/**
 * @module
 * Entry of `widget.js`: defines `<paragraph-search>` and exports its class, its event types and
 * the highlight renderer (so a host page can render API hits from their offsets the same safe way).
 */
import './paragraph-search-element-define.ts'

export { ParagraphSearchElement, DEFAULT_LIMIT, DEFAULT_PLACEHOLDER, MAX_LIMIT } from './paragraph-search-element.ts'
export type { ParagraphSearchEventMap, SearchEventDetail, SelectEventDetail } from './events.ts'
export type { SearchHit, SourceInfo, ParagraphDetails, RelatedParagraph, ContextParagraph, Suggestion } from './api-client.ts'
export { markSpans, segmentsFragment, type SnippetSegment, type Span } from './snippet.ts'
