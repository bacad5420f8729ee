/**
 * @module
 * Search-box completions: the word being typed completed from the corpus's vocabulary (or, when
 * nothing completes it, corrected as a misspelling), ranked
 * first by whether the completion follows the previous word in some paragraph, then by how well
 * the completed query matches paragraphs (the words typed before it must match too).
 */
import type { Query } from 'minisearch'
import type { Suggestion } from './api-types.ts'
import { FIELD_BOOSTS } from './index-options.ts'
import type { LoadedIndex } from './loaded-index.ts'
import { parseQuery } from './query.ts'
import { possessiveOf, typoBudget } from './terms.ts'
import { textTerms } from './highlight.ts'

export type { Suggestion }

/** How many completions of the last word are tried before ranking. */
const CANDIDATES = 24

/**
 * Completes the word being typed at the end of a query. Nothing is suggested when the query ends
 * with a space or a closing quote: no word is being typed.
 *
 * @param index - The loaded index.
 * @param query - The query as typed so far.
 * @param limit - Most suggestions returned.
 * @returns Suggestions, best first; the typed query itself is left out.
 *
 * @example
 * suggest(index, 'Marine Le P', 3) // => [{ text: 'Marine Le Pen', score: 127.3 }]
 */
export function suggest(index: LoadedIndex, query: string, limit: number): Suggestion[] {
  const parsed = parseQuery(query)
  const typing = parsed.words.at(-1)
  if (!parsed.lastWordIsPrefix || !typing) return []
  // Completions of the word as typed; failing those, corrections of it taken as a misspelling.
  let candidates: { term: string; display: string }[] = index.vocabulary.complete(typing.folded, CANDIDATES)
  if (candidates.length === 0) candidates = index.vocabulary.correct(typing.folded, typoBudget(typing.text), CANDIDATES)
  // A word already typed is never offered again ("Putin P" does not become "Putin Putin").
  const typed = new Set([...parsed.words.slice(0, -1), ...parsed.phrases.flat()].map((word) => word.term))
  candidates = candidates.filter((candidate) => !typed.has(candidate.term))
  if (candidates.length === 0) return []

  const before = [...parsed.words.slice(0, -1).filter((word) => !word.stopWord).map((word) => word.term), ...parsed.phrases.flat().map((word) => word.term)]
  const completionTerms = new Set(candidates.map((candidate) => candidate.term))
  const queries: Query[] = [...new Set(before), { combineWith: 'OR', queries: [...completionTerms] }]
  const results = index.miniSearch.search(
    { combineWith: 'AND', queries },
    { fields: ['text'], boost: FIELD_BOOSTS, prefix: false, fuzzy: false, tokenize: (s) => [s], processTerm: (s) => s }
  )

  // A completion that follows the previous word somewhere in the corpus reads as a phrase
  // ("Marine Le Pen"); one that only co-occurs with it ("Marine Le Putin") ranks after.
  const previous = parsed.words.at(-2)?.term
  const scores = new Map<string, number>()
  const adjacent = new Set<string>()
  for (const result of results) {
    const matched = result.terms.filter((term) => completionTerms.has(term))
    for (const term of matched) scores.set(term, (scores.get(term) ?? 0) + result.score)
    if (previous === undefined) continue
    const terms = textTerms(result['text'] as string)
    terms.forEach((term, i) => {
      if (term === previous && matched.includes(terms[i + 1] ?? '')) adjacent.add(terms[i + 1]!)
    })
  }
  // What precedes the word being typed, separator included ("Marine Le ", "pro-").
  const head = query.slice(0, query.lastIndexOf(typing.text))
  // A possessive typed stays as typed: "Macron's" is completed as "Macron's", not "Macron".
  const possessive = possessiveOf(typing.text)
  const whole = query.trim().toLowerCase()
  return candidates
    .filter((candidate) => scores.has(candidate.term))
    .map((candidate) => ({
      text: head + candidate.display + possessive,
      score: Math.round(scores.get(candidate.term)! * 1000) / 1000,
      adjacent: adjacent.has(candidate.term),
    }))
    .filter((suggestion) => suggestion.text.toLowerCase() !== whole)
    .sort((a, b) => Number(b.adjacent) - Number(a.adjacent) || b.score - a.score || (a.text < b.text ? -1 : 1))
    .slice(0, limit)
    .map(({ text, score }) => ({ text, score }))
}
