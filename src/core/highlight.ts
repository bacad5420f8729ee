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
    if (phrase.length === 0) continue
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (inPhrase[i] || !phrase.every((term, j) => terms[i + j] === term && !inPhrase[i + j])) continue
      spans.push({ start: tokens[i]!.start, end: tokens[i + phrase.length - 1]!.end })
      for (let j = 0; j < phrase.length; j++) inPhrase[i + j] = true
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
