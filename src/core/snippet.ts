/**
 * @module
 * Snippets: a window of a paragraph around its densest cluster of matches, HTML-escaped, with the
 * matches in `<mark>`. Pure and DOM-free: find the region, then build the excerpt.
 */
import type { Span } from './highlight.ts'
import { isInsideWord } from './terms.ts'

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
 * and moved to word boundaries: it never cuts inside a word (as `terms.ts` defines one), even when
 * one match is longer than the window (the window then ends at the last whole word that fits).
 *
 * @returns The window as a span of `text`.
 */
export function snippetWindow(text: string, spans: readonly Span[], maxLength: number): Span {
  if (text.length <= maxLength) return { start: 0, end: text.length }
  if (spans.length === 0) return { start: 0, end: characterBoundary(text, cutBackToWord(text, maxLength, 0, 0), -1) }

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
  const end = characterBoundary(text, cutBackToWord(text, Math.min(text.length, start + maxLength), clusterEnd, clusterStart), -1)
  start = characterBoundary(text, cutForwardToWord(text, start, clusterStart), 1)
  return { start, end }
}

/** Moves a start offset forward to the beginning of a word, not past `limit`. */
function cutForwardToWord(text: string, start: number, limit: number): number {
  if (start === 0 || /\s/.test(text[start - 1]!)) return start
  const space = text.slice(start, limit).search(/\s/)
  if (space < 0) {
    // No space before the matches: stop at least outside a word ("pro-|Kremlin").
    let at = start
    while (at < limit && isInsideWord(text, at)) at++
    return at
  }
  let at = start + space
  while (at < limit && /\s/.test(text[at]!)) at++
  return at
}

/** Moves an offset off the second half of a surrogate pair, so a cut never splits a character. */
function characterBoundary(text: string, at: number, direction: -1 | 1): number {
  const code = text.charCodeAt(at)
  return at > 0 && at < text.length && code >= 0xdc00 && code <= 0xdfff ? at + (direction === 1 ? 1 : -1) : at
}

/**
 * Moves an end offset back to the end of a word, not before `limit` when a space allows it; else
 * back to the nearest place outside a word, however far (a match longer than the window is cut
 * between two of its words), or forward to the end of the word when the text starts with it.
 */
function cutBackToWord(text: string, end: number, limit: number, floor: number): number {
  if (end >= text.length || /\s/.test(text[end]!)) return trimEnd(text, end, limit)
  let at = end
  while (at > limit && !/\s/.test(text[at - 1]!)) at--
  if (at > limit) return trimEnd(text, at, limit)
  if (!isInsideWord(text, end)) return end
  at = end
  while (at > floor && isInsideWord(text, at)) at--
  if (at > floor) return trimEnd(text, at, floor)
  at = end
  while (at < text.length && isInsideWord(text, at)) at++
  return at
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
 * @param window - The part of the text to show, when already chosen (see {@link snippetWindow}).
 *
 * @example
 * buildSnippet('Use of <weapons> & more', [{ start: 8, end: 15 }], 200)
 * // => 'Use of &lt;<mark>weapons</mark>&gt; &amp; more'
 */
export function buildSnippet(text: string, spans: readonly Span[], maxLength: number, window: Span = snippetWindow(text, spans, maxLength)): string {
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
