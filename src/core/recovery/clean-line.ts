/**
 * @module
 * Cleaning of one captured line for recovery. Stored text keeps its characters as written (`4½`,
 * `m²`, `„…“`): only what no reader means as text goes (markup left by a capture, invisible
 * characters, typographic ligatures that PDFs produce, runs of white space). Folding for
 * comparison is {@link comparisonKey}'s job, never the stored text's.
 */
import { stripMarkup } from '../clean-text.ts'

const SOFT_HYPHEN = '\u00AD'
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g
/** Latin typographic ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ): PDF text layers are full of them. */
const LIGATURE = /[\uFB00-\uFB06]/g

/** A line as recovery reads it. */
export type CleanLine = {
  /** The text: markup removed, white space collapsed and trimmed, soft hyphens gone. */
  text: string
  /** The line ended in a soft hyphen: a word broken there joins without a hyphen. */
  softHyphenEnd: boolean
  /** Leading white space of the raw line, in characters (a first-line indent is evidence). */
  indent: number
}

/**
 * Cleans one raw line.
 *
 * @example
 * cleanLine('  Critics said the pro\u00AD').text // => 'Critics said the pro'
 * cleanLine('3,000 m² in 4½ **hours**').text       // => '3,000 m² in 4½ hours'
 */
export function cleanLine(raw: string): CleanLine {
  const indent = /^[^\S\n]*/.exec(raw)![0].length
  const composed = raw.normalize('NFC').replace(INVISIBLE, '').replace(LIGATURE, (ligature) => ligature.normalize('NFKC'))
  const trimmed = composed.replace(/\s+$/u, '')
  const softHyphenEnd = trimmed.endsWith(SOFT_HYPHEN)
  const text = stripMarkup(trimmed.replaceAll(SOFT_HYPHEN, ''))
  return { text, softHyphenEnd, indent }
}
