/**
 * @module
 * Highlights from the API's match offsets: a hit's `text`, cut to its `snippetWindow`, split into
 * text runs with the `matches` marked. Nothing is parsed: the DOM gets text nodes and `<mark>`
 * elements only, and the marks are exactly the ranges the server matched.
 */

/** A range of a text in UTF-16 code units: `text.slice(start, end)`. */
export type Span = {
  /** Offset of the first character. */
  start: number
  /** Offset just past the last character. */
  end: number
}

/** A run of text, highlighted or not. */
export type SnippetSegment = {
  /** The text. */
  text: string
  /** Whether it is a match. */
  marked: boolean
}

/**
 * Splits `text`, or the part of it in `window`, into runs with the `spans` marked (clipped to the
 * window); `…` stands for text cut off at either end.
 *
 * @param text - The paragraph.
 * @param spans - Sorted, non-overlapping ranges to mark (a hit's `matches`).
 * @param window - The part of `text` to show. Default: all of it.
 * @example
 * markSpans('a red line here', [{ start: 2, end: 5 }, { start: 6, end: 10 }], { start: 2, end: 10 })
 * // => [{ text: '…', marked: false }, { text: 'red', marked: true }, { text: ' ', marked: false }, { text: 'line', marked: true }, { text: '…', marked: false }]
 */
export function markSpans(text: string, spans: readonly Span[], window: Span = { start: 0, end: text.length }): SnippetSegment[] {
  const segments: SnippetSegment[] = []
  const push = (part: string, marked = false) => part && segments.push({ text: part, marked })
  let at = window.start
  if (at > 0) push('…')
  for (const span of spans) {
    const start = Math.max(span.start, at)
    const end = Math.min(span.end, window.end)
    if (end <= start) continue
    push(text.slice(at, start))
    push(text.slice(start, end), true)
    at = end
  }
  push(text.slice(at, window.end))
  if (window.end < text.length) push('…')
  return segments
}

/**
 * Text runs as a fragment of text nodes and `<mark part="mark">` elements.
 *
 * @param segments - The runs, e.g. from {@link markSpans}.
 * @param doc - The document to create nodes in.
 */
export function segmentsFragment(segments: readonly SnippetSegment[], doc: Document = document): DocumentFragment {
  const fragment = doc.createDocumentFragment()
  for (const { text, marked } of segments) {
    if (!marked) {
      fragment.append(doc.createTextNode(text))
      continue
    }
    const mark = doc.createElement('mark')
    mark.setAttribute('part', 'mark')
    mark.textContent = text
    fragment.append(mark)
  }
  return fragment
}
