/**
 * @module
 * Turns the API's snippet (HTML-escaped text where only `<mark>` is markup) into DOM nodes
 * without ever parsing it as HTML: text nodes and `<mark>` elements are all it can produce.
 */

/** A run of snippet text, highlighted or not. */
export type SnippetSegment = {
  /** The text, with character references decoded. */
  text: string
  /** Whether the run was inside `<mark>…</mark>`. */
  marked: boolean
}

const NAMED_REFERENCES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

/**
 * Decodes the character references an HTML escaper writes (`&amp;` `&lt;` `&gt;` `&quot;` `&apos;`
 * `&nbsp;` and numeric ones). Anything else is left exactly as written, so it shows as text.
 *
 * @example
 * decodeEntities('a &lt;b&gt; &amp;lt; &#39;c&#x27; &bogus;') // => "a <b> &lt; 'c' &bogus;"
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);/g, (reference, name: string) => {
    if (name[0] !== '#') return NAMED_REFERENCES[name] ?? reference
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : reference
  })
}

/**
 * Splits a snippet on `<mark>` and `</mark>` (the only markup it may hold) into text runs. Any
 * other `<` in the input, escaped or not, stays text. Marks separated only by spaces are joined.
 *
 * @example
 * parseSnippet('use of <mark>chemical weapons</mark> &amp; a &lt;b&gt;')
 * // => [{ text: 'use of ', marked: false }, { text: 'chemical weapons', marked: true }, { text: ' & a <b>', marked: false }]
 */
export function parseSnippet(snippet: string): SnippetSegment[] {
  const segments: SnippetSegment[] = []
  let marked = false
  for (const part of snippet.split(/(<\/?mark>)/)) {
    if (part === '<mark>' || part === '</mark>') {
      marked = part === '<mark>'
      continue
    }
    if (!part) continue
    segments.push({ text: decodeEntities(part), marked })
  }
  return joinMarks(segments)
}

/**
 * Joins marks separated only by spaces (`<mark>red</mark> <mark>line</mark>` reads as one
 * highlight) and merges neighbouring runs of the same kind.
 */
function joinMarks(segments: SnippetSegment[]): SnippetSegment[] {
  const joined: SnippetSegment[] = []
  segments.forEach((segment, i) => {
    const bridge = !segment.marked && /^\s+$/.test(segment.text) && segments[i - 1]?.marked && segments[i + 1]?.marked
    const current = bridge ? { text: segment.text, marked: true } : segment
    const last = joined.at(-1)
    if (last && last.marked === current.marked) last.text += current.text
    else joined.push({ ...current })
  })
  return joined
}

/**
 * Splits plain `text` at the API's match offsets (a hit's `matches`: UTF-16 offsets into its
 * `text`, sorted and not overlapping) into marked and unmarked runs: for showing a whole paragraph
 * with what the search matched, without deciding again here what a word is.
 *
 * @example
 * markMatches('Red lines and a red line', [{ start: 0, end: 3 }, { start: 16, end: 19 }, { start: 20, end: 24 }])
 * // => [{ text: 'Red', marked: true }, { text: ' lines and a ', marked: false }, { text: 'red line', marked: true }]
 */
export function markMatches(text: string, matches: readonly { start: number; end: number }[]): SnippetSegment[] {
  const segments: SnippetSegment[] = []
  let last = 0
  for (const { start, end } of matches) {
    if (start < last || end > text.length || end <= start) continue
    if (start > last) segments.push({ text: text.slice(last, start), marked: false })
    segments.push({ text: text.slice(start, end), marked: true })
    last = end
  }
  if (last < text.length) segments.push({ text: text.slice(last), marked: false })
  return joinMarks(segments)
}

/**
 * Text runs as a fragment of text nodes and `<mark part="mark">` elements.
 *
 * @param segments - The runs, e.g. from {@link parseSnippet}.
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

/**
 * The API's snippet as a fragment of text nodes and `<mark part="mark">` elements, and nothing
 * else, whatever the snippet holds.
 *
 * @param snippet - The API's escaped snippet.
 * @param doc - The document to create nodes in.
 */
export function snippetFragment(snippet: string, doc: Document = document): DocumentFragment {
  return segmentsFragment(parseSnippet(snippet), doc)
}
