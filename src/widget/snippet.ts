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
 * other `<` in the input, escaped or not, stays text.
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
    const text = decodeEntities(part)
    const last = segments.at(-1)
    if (last && last.marked === marked) last.text += text
    else segments.push({ text, marked })
  }
  return segments
}

/**
 * The snippet as a fragment of text nodes and `<mark part="mark">` elements.
 *
 * @param snippet - The API's escaped snippet.
 * @param doc - The document to create nodes in.
 */
export function snippetFragment(snippet: string, doc: Document = document): DocumentFragment {
  const fragment = doc.createDocumentFragment()
  for (const { text, marked } of parseSnippet(snippet)) {
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
