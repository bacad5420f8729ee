/**
 * @module
 * Character-level cleaning of captured text: removal of markup that a capture left in (Markdown
 * emphasis and links, stray HTML tags and entities), and the comparison key under which two
 * renderings of one text compare equal. Stored text keeps its characters (`recovery/clean-line.ts`).
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
}

function decodeEntity(entity: string, body: string): string {
  if (body.startsWith('#x') || body.startsWith('#X')) {
    return safeFromCodePoint(Number.parseInt(body.slice(2), 16)) ?? entity
  }
  if (body.startsWith('#')) return safeFromCodePoint(Number.parseInt(body.slice(1), 10)) ?? entity
  return NAMED_ENTITIES[body.toLowerCase()] ?? entity
}

function safeFromCodePoint(codePoint: number): string | undefined {
  if (!Number.isInteger(codePoint) || codePoint < 1 || codePoint > 0x10ffff) return undefined
  return String.fromCodePoint(codePoint)
}

/**
 * HTML tags that only format text. Anything else that looks like a tag (`<script>` in an article
 * about web security) is text, and is escaped wherever it is shown.
 */
const FORMATTING_TAG = /<\/?(?:a|abbr|b|br|cite|code|del|div|em|font|h[1-6]|i|ins|kbd|li|mark|ol|p|q|s|small|span|strong|sub|sup|u|ul)\b[^<>]*>/gi

/**
 * Removes markup from one line and collapses its white space: Markdown images are dropped,
 * `[text](url)` keeps its text, `**bold**`, `__bold__` and `*em*` keep their content, HTML
 * formatting tags are removed and HTML entities decoded.
 *
 * @example
 * stripMarkup('by **holding him** in a [clenched](#) *te-te*') // => 'by holding him in a clenched te-te'
 */
export function stripMarkup(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])/g, '$1')
    .replace(FORMATTING_TAG, '')
    .replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (entity, body: string) => decodeEntity(entity, body))
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * A key under which two renderings of the same text compare equal: compatibility forms (NFKC:
 * `ﬁ`, `½`, full-width letters), case, quote style, dashes and white space are folded. Used to
 * find repeated paragraphs, running headers and titles; never stored.
 *
 * @example
 * comparisonKey('“Frank”  exchange — Putin') === comparisonKey('"frank" exchange - putin') // => true
 */
export function comparisonKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
}
