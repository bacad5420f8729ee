/**
 * @module
 * Snippets: a window of a paragraph around its densest cluster of matches, HTML-escaped, with the
 * matches in `<mark>`. Pure and DOM-free: find the region, then build the excerpt.
 */
import type { Span } from './highlight.ts'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example
 * escapeHtml(`<b>"Tom" & 'Jerry'</b>`) // => '&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!)
}

const ELLIPSIS = '…'

/**
 * Chooses the window of about `maxLength` characters that holds the most spans, centred on them
 * and widened to word boundaries.
 *
 * @returns The window as a span of `text`.
 */
export function snippetWindow(text: string, spans: readonly Span[], maxLength: number): Span {
  if (text.length <= maxLength) return { start: 0, end: text.length }
  if (spans.length === 0) return { start: 0, end: characterBoundary(text, cutBackToWord(text, maxLength, 0), -1) }

  // The densest cluster: the run of spans, starting at some span, that fits in the window.
  let best = { first: 0, last: 0 }
  for (let first = 0, last = 0; first < spans.length; first++) {
    last = Math.max(last, first)
    while (last + 1 < spans.length && spans[last + 1]!.end - spans[first]!.start <= maxLength) last++
    if (last - first > best.last - best.first) best = { first, last }
  }
  const clusterStart = spans[best.first]!.start
  const clusterEnd = Math.min(spans[best.last]!.end, clusterStart + maxLength)

  // Centre the cluster, keeping the window inside the text.
  const slack = maxLength - (clusterEnd - clusterStart)
  let start = Math.max(0, Math.min(clusterStart - Math.floor(slack / 2), text.length - maxLength))
  const end = characterBoundary(text, cutBackToWord(text, Math.min(text.length, start + maxLength), clusterEnd), -1)
  start = characterBoundary(text, cutForwardToWord(text, start, clusterStart), 1)
  return { start, end }
}

/** Moves a start offset forward to the beginning of a word, not past `limit`. */
function cutForwardToWord(text: string, start: number, limit: number): number {
  if (start === 0 || /\s/.test(text[start - 1]!)) return start
  const space = text.slice(start, limit).search(/\s/)
  if (space < 0) return start
  let at = start + space
  while (at < limit && /\s/.test(text[at]!)) at++
  return at
}

/** Moves an offset off the second half of a surrogate pair, so a cut never splits a character. */
function characterBoundary(text: string, at: number, direction: -1 | 1): number {
  const code = text.charCodeAt(at)
  return at > 0 && at < text.length && code >= 0xdc00 && code <= 0xdfff ? at + (direction === 1 ? 1 : -1) : at
}

/** Moves an end offset back to the end of a word, not before `limit`. */
function cutBackToWord(text: string, end: number, limit: number): number {
  if (end >= text.length || /\s/.test(text[end]!)) return trimEnd(text, end, limit)
  let at = end
  while (at > limit && !/\s/.test(text[at - 1]!)) at--
  return at > limit ? trimEnd(text, at, limit) : end
}

function trimEnd(text: string, end: number, limit: number): number {
  while (end > limit && /\s/.test(text[end - 1]!)) end--
  return end
}

/**
 * Builds an HTML-safe snippet: every character of the text escaped, the spans wrapped in
 * `<mark>…</mark>`, and `…` where the window cuts the paragraph.
 *
 * @param text - The paragraph as plain text.
 * @param spans - Sorted, non-overlapping spans to mark (see `findHighlights`).
 * @param maxLength - About how many characters of the paragraph to show.
 *
 * @example
 * buildSnippet('Use of <weapons> & more', [{ start: 8, end: 15 }], 200)
 * // => 'Use of &lt;<mark>weapons</mark>&gt; &amp; more'
 */
export function buildSnippet(text: string, spans: readonly Span[], maxLength: number): string {
  const window = snippetWindow(text, spans, maxLength)
  let html = window.start > 0 ? ELLIPSIS : ''
  let at = window.start
  for (const span of spans) {
    const start = Math.max(span.start, window.start)
    const end = Math.min(span.end, window.end)
    if (start >= end) continue
    html += escapeHtml(text.slice(at, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>'
    at = end
  }
  html += escapeHtml(text.slice(at, window.end))
  return window.end < text.length ? html + ELLIPSIS : html
}
