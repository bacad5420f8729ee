/**
 * @module
 * Where a paragraph matched a query: character spans of the words and phrases to mark. Words are
 * compared by index term, so a highlight covers whatever made the paragraph match, stemmed,
 * corrected or completed.
 */
import { processTerm, tokenizeWithOffsets } from './terms.ts'

/** A range of a text, as offsets: `text.slice(start, end)`. */
export type Span = {
  start: number
  end: number
}

/** What to highlight. */
export type HighlightTerms = {
  /** Index terms whose words are marked one by one. */
  terms: ReadonlySet<string>
  /** Phrases, as sequences of index terms; each occurrence is marked as one span. */
  phrases?: readonly (readonly string[])[]
  /** Terms marked only when nothing else is (function words of a query). */
  weakTerms?: ReadonlySet<string>
}

/**
 * The index terms of a text's words, in order (`null` for a word with no term).
 *
 * @example
 * textTerms('Red lines.') // => ['red', 'line']
 */
export function textTerms(text: string): (string | null)[] {
  return tokenizeWithOffsets(text).map((token) => processTerm(token.text))
}

/**
 * Where a phrase occurs in a sequence of terms: the index of its first term, or -1.
 *
 * @param terms - The terms of a text (see {@link textTerms}).
 * @param phrase - The phrase's terms, in order.
 * @param from - Where to start looking.
 *
 * @example
 * indexOfPhrase(['a', 'red', 'line'], ['red', 'line']) // => 1
 */
export function indexOfPhrase(terms: readonly (string | null)[], phrase: readonly string[], from = 0): number {
  if (phrase.length === 0) return -1
  outer: for (let i = from; i + phrase.length <= terms.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (terms[i + j] !== phrase[j]) continue outer
    return i
  }
  return -1
}

/**
 * Finds the spans to mark in a text: each occurrence of a phrase as one span, and each word whose
 * term is wanted, outside phrases. Spans are sorted and do not overlap.
 *
 * @example
 * findHighlights('The weapons, a "red line".', { terms: new Set(['weapon']), phrases: [['red', 'line']] })
 * // => [{ start: 4, end: 11 }, { start: 16, end: 24 }]
 */
export function findHighlights(text: string, wanted: HighlightTerms): Span[] {
  const tokens = tokenizeWithOffsets(text)
  const terms = tokens.map((token) => processTerm(token.text))
  const spans: Span[] = []
  const inPhrase = new Array<boolean>(tokens.length).fill(false)

  for (const phrase of wanted.phrases ?? []) {
    for (let i = indexOfPhrase(terms, phrase); i >= 0; i = indexOfPhrase(terms, phrase, i + 1)) {
      if (inPhrase.slice(i, i + phrase.length).some(Boolean)) continue
      spans.push({ start: tokens[i]!.start, end: tokens[i + phrase.length - 1]!.end })
      inPhrase.fill(true, i, i + phrase.length)
    }
  }

  const markTerms = (set: ReadonlySet<string>) => {
    tokens.forEach((token, i) => {
      if (!inPhrase[i] && set.has(terms[i]!)) spans.push({ start: token.start, end: token.end })
    })
  }
  markTerms(wanted.terms)
  if (spans.length === 0 && wanted.weakTerms) markTerms(wanted.weakTerms)
  return spans.sort((a, b) => a.start - b.start)
}
