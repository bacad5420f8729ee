/**
 * @module
 * Answers precomputed for the slowest kind of query: the first one or two letters of a word,
 * typed alone into a search box. Such a prefix completes to the corpus's most used words, whose
 * paragraphs are thousands at 10k paragraphs and tens of thousands at 100k, and every one of them
 * is scored, ranked and counted for the facets. Their answers do not change until the next build,
 * so the build computes them once, with the same code and the same defaults as a live search, for
 * the prefixes whose completions reach many paragraphs; an engine that keeps them (D1) answers
 * those queries by one lookup.
 *
 * Only a request the precomputed answer is exactly the answer to qualifies: the query as typed
 * (the answer quotes it back), one or two letters or digits and nothing else, every other
 * parameter at its default.
 */
import type { IndexReader } from './index-reader.ts'
import { SEARCH_DEFAULTS, searchParagraphs, type SearchRequest, type SearchResult } from './search.ts'
import type { Vocabulary } from './vocabulary.ts'

/** Longest prefix precomputed, in characters. */
export const PRECOMPUTED_PREFIX_MAX = 2

/**
 * Fewest paragraphs a prefix's completions must reach for its answer to be precomputed: below
 * that, a live search is fast anyway (BENCHMARKS.md).
 */
export const PRECOMPUTE_MIN_PARAGRAPHS = 1000

/** A query of one or two letters or digits, nothing else (no space: a trailing space ends the word). */
const SHORT_PREFIX = /^[\p{L}\p{N}]{1,2}$/u

/**
 * The key of a request whose answer may be precomputed, or `undefined`.
 *
 * @example
 * precomputedKey({ ...SEARCH_DEFAULTS, query: 'Pu' }) // => 'Pu'
 * precomputedKey({ ...SEARCH_DEFAULTS, query: 'Pu', limit: 20 }) // => undefined
 */
export function precomputedKey(request: SearchRequest): string | undefined {
  const defaults =
    request.limit === SEARCH_DEFAULTS.limit &&
    request.offset === SEARCH_DEFAULTS.offset &&
    request.prefix === SEARCH_DEFAULTS.prefix &&
    request.fuzzy === SEARCH_DEFAULTS.fuzzy &&
    request.snippetLength === SEARCH_DEFAULTS.snippetLength &&
    (request.sources ?? []).length === 0 &&
    (request.kinds ?? []).length === 0
  return defaults && SHORT_PREFIX.test(request.query) ? request.query : undefined
}

/**
 * The short prefixes worth precomputing: the first one and two letters of the corpus's words whose
 * completions (as many as a live search tries, see `completionLimit` in `query-plan.ts`: 4 per
 * letter) are used by at least `minParagraphs` paragraphs, each in lower case and capitalised (as
 * a phone types a first letter).
 *
 * @example
 * heavyShortPrefixes(vocabulary, 0).slice(0, 4) // => ['a', 'A', 'ab', 'Ab']
 */
export function heavyShortPrefixes(vocabulary: Vocabulary, words: Iterable<string>, minParagraphs: number = PRECOMPUTE_MIN_PARAGRAPHS): string[] {
  const prefixes = new Set<string>()
  for (const word of words) {
    const letters = [...word]
    for (let length = 1; length <= Math.min(PRECOMPUTED_PREFIX_MAX, letters.length); length++) prefixes.add(letters.slice(0, length).join(''))
  }
  const heavy: string[] = []
  for (const prefix of [...prefixes].sort()) {
    if (!SHORT_PREFIX.test(prefix)) continue
    const reach = vocabulary.complete(prefix, 4 * [...prefix].length).reduce((sum, completion) => sum + completion.count, 0)
    if (reach < minParagraphs) continue
    const capitalised = prefix[0]!.toUpperCase() + prefix.slice(1)
    heavy.push(prefix, ...(capitalised === prefix ? [] : [capitalised]))
  }
  return heavy
}

/**
 * Computes the answers, as a live search with default parameters gives them on `reader`: the
 * engine that will serve them (the D1 engine reading the generation it fills), or the index in
 * memory.
 *
 * @returns `[query, answer as JSON]` for each prefix, in order.
 */
export async function precomputeAnswers(reader: IndexReader, prefixes: readonly string[]): Promise<[string, string][]> {
  const answers: [string, string][] = []
  for (const query of prefixes) answers.push([query, JSON.stringify((await reader.read((index) => searchParagraphs(index, { ...SEARCH_DEFAULTS, query }))) satisfies SearchResult)])
  return answers
}
