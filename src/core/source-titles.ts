/**
 * @module
 * The sources' titles, searched once per source instead of once per paragraph.
 *
 * Every paragraph of a source shares its title, so a title word indexed with each paragraph makes
 * MiniSearch score and materialise every paragraph of the source, only for the search to drop
 * those whose text does not match: with 100,000 paragraphs under titles that share a word, that
 * one word cost 0.3 s. Here each title is one document of a small inverted index, built with the
 * shared tokenizer and term processing as MiniSearch builds one (`paragraph-postings.ts`); its
 * score is added to the score of the source's paragraphs that matched in their own text.
 *
 * The index is searched as MiniSearch searches its own index of the titles loaded from JSON: the
 * same BM25+ (`bm25.ts`), the same weights of typos, the same order of additions (the terms within
 * a word's typos in the order of MiniSearch's serialised index, `term-order.ts`; the query's parts
 * combined as its OR combines them), the same order of ties; so both engines, and MiniSearch,
 * give the same bits. What it leaves out is MiniSearch's radix tree and maps: an isolate loads
 * the titles of 4,003 sources in a few milliseconds, where `MiniSearch.loadJSON` took 25–35 ms of
 * a 1M-paragraph D1 index's first request (BENCHMARKS.md).
 */
import { bm25PlusScore, fuzzyMatchWeight } from './bm25.ts'
import { ParagraphPostings } from './paragraph-postings.ts'
import type { RetrievalUnit } from './retrieval.ts'
import { SortedWords } from './sorted-words.ts'
import { miniSearchTermOrder } from './term-order.ts'
import { processTerm, tokenize } from './terms.ts'

/** How much a match in a source's title weighs against one in the paragraph text. */
export const TITLE_BOOST = 0.25

/** What a source's title matched of a query. */
export type TitleMatch = {
  /**
   * MiniSearch's score for the title, weighted by {@link TITLE_BOOST}, before MiniSearch's
   * multiplication by the number of query terms matched: the caller adds it to a paragraph's
   * score on the same footing and multiplies by the query terms the two matched together, as
   * MiniSearch does for one document matched in several fields.
   */
  score: number
  /** Index terms of the title that matched. */
  terms: string[]
  /** Query terms that matched them. */
  queryTerms: string[]
}

/** A word of a query as the titles are searched for it: a word unit of `retrieval.ts`, its term processed. */
export type TitleWord = Pick<Extract<RetrievalUnit, { kind: 'word' }>, 'term' | 'typos' | 'alternatives'>

/** The titles of the sources, indexed: each title a document, by short id (the sources' order). */
export type SourceTitles = {
  /** The sources' ids, by short id. */
  readonly ids: readonly string[]
  /** Each title's length as MiniSearch counts it (its distinct tokens), by short id. */
  readonly lengths: Uint32Array
  /** The mean title length, MiniSearch's running mean (its order of operations). */
  readonly averageLength: number
  /** The index terms, sorted. */
  readonly terms: SortedWords
  /**
   * Where each term's postings start in `docs` and `frequencies`, by its index in `terms`, and
   * where the last ends (one entry more than the terms).
   */
  readonly starts: Uint32Array
  /** Every term's postings, term after term: short ids, ascending within a term. */
  readonly docs: Uint32Array
  /** The term's frequency in each title of `docs`, in the same order. */
  readonly frequencies: Uint32Array
  /** Each term's place in MiniSearch's serialised index, by its index in `terms` (see `term-order.ts`). */
  readonly order: Uint32Array
}

/** {@link SourceTitles} as JSON: each typed array as an array of numbers, the terms as an array of strings. */
type SourceTitlesJson = { ids: string[]; lengths: number[]; averageLength: number; terms: string[]; order: number[]; starts: number[]; docs: number[]; frequencies: number[] }

/** How titles are indexed: MiniSearch's options of one field, with the shared tokenizer and term processing. */
const TITLE_INDEXING = { fields: ['title'], extractField: (source: { title: string }) => source.title, tokenize, processTerm }

/**
 * Indexes the sources' titles.
 *
 * @example
 * const titles = indexSourceTitles([{ id: 'bbc', title: 'Macron and Putin at Versailles' }])
 * matchTitles(titles, [{ term: 'putin', typos: 0, alternatives: [] }]).get('bbc')?.terms // => ['putin']
 */
export function indexSourceTitles(sources: readonly { id: string; title: string }[]): SourceTitles {
  const builder = new ParagraphPostings<{ title: string }>(TITLE_INDEXING)
  const lengths = new Uint32Array(sources.length)
  for (const [shortId, source] of sources.entries()) lengths[shortId] = builder.add(source).lengths[0] ?? 0
  const postings = new Map([...builder.postings()].map(([term, [field]]) => [term, field!]))
  const met = new Map(builder.terms().map((term, rank) => [term, rank]))
  const sorted = [...met.keys()].sort((a, b) => (a < b ? -1 : 1))
  const terms = new SortedWords(sorted)
  const starts = new Uint32Array(sorted.length + 1)
  sorted.forEach((term, t) => (starts[t + 1] = starts[t]! + postings.get(term)!.docs.length))
  const docs = new Uint32Array(starts[sorted.length]!)
  const frequencies = new Uint32Array(docs.length)
  sorted.forEach((term, t) => {
    docs.set(postings.get(term)!.docs, starts[t])
    frequencies.set(postings.get(term)!.tfs, starts[t])
  })
  return {
    ids: sources.map((source) => source.id),
    lengths,
    averageLength: builder.stats().averageFieldLength[0] ?? 0,
    terms,
    starts,
    docs,
    frequencies,
    order: miniSearchTermOrder(terms, sorted.map((term) => met.get(term)!)),
  }
}

/** The titles as JSON, for {@link loadSourceTitles}: what an engine keeps ready, so no isolate tokenizes them again. */
export function serializeSourceTitles(titles: SourceTitles): string {
  const json: SourceTitlesJson = {
    ids: [...titles.ids],
    lengths: [...titles.lengths],
    averageLength: titles.averageLength,
    terms: [...titles.terms.words],
    order: [...titles.order],
    starts: [...titles.starts],
    docs: [...titles.docs],
    frequencies: [...titles.frequencies],
  }
  return JSON.stringify(json)
}

/**
 * Loads titles written by {@link serializeSourceTitles}.
 *
 * @throws Error naming what is wrong when the JSON is not such titles: a part missing or of the
 *   wrong type, lists of different lengths, a number that is not an unsigned 32-bit integer, a
 *   term out of order, postings that do not follow one another from 0 or name a source out of
 *   order or past the sources, a frequency of 0, places that are not each term's own.
 */
export function loadSourceTitles(text: string): SourceTitles {
  const json = JSON.parse(text) as Partial<SourceTitlesJson> | null
  const malformed = (what: string): never => {
    throw new Error(`the sources' titles are malformed: ${what}`)
  }
  const { ids, lengths, averageLength, terms, order, starts, docs, frequencies } = json ?? {}
  if (![ids, lengths, terms, order, starts, docs, frequencies].every(Array.isArray) || typeof averageLength !== 'number' || !(averageLength >= 0)) {
    return malformed('ids, lengths, averageLength, terms, order, starts, docs and frequencies are expected')
  }
  if (!ids!.every((id) => typeof id === 'string') || new Set(ids).size !== ids!.length) malformed('the sources\' ids are not distinct strings')
  if (lengths!.length !== ids!.length) malformed(`${lengths!.length} lengths for ${ids!.length} sources`)
  if (order!.length !== terms!.length || starts!.length !== terms!.length + 1) malformed(`${terms!.length} terms, ${order!.length} places and ${starts!.length} starts`)
  if (frequencies!.length !== docs!.length || starts![0] !== 0 || starts!.at(-1) !== docs!.length) malformed(`${docs!.length} postings, ${frequencies!.length} frequencies, the terms' postings from ${starts![0]} to ${starts!.at(-1)}`)
  /** The values as unsigned 32-bit integers, checked before the typed array would wrap or truncate them. */
  const uint32s = (values: unknown[], what: string): Uint32Array => {
    for (const value of values) if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 0xffffffff) malformed(`${what} holds ${JSON.stringify(value)}`)
    return Uint32Array.from(values as number[])
  }
  const from = uint32s(starts!, 'starts')
  // Each posting checked as it is copied (one pass: the postings are most of the titles).
  const all = new Uint32Array(docs!.length)
  const tfs = new Uint32Array(docs!.length)
  for (let t = 0; t < terms!.length; t++) {
    if (!(from[t]! <= from[t + 1]!)) malformed(`the postings of "${terms![t]}" end before they start`)
    for (let n = from[t]!; n < from[t + 1]!; n++) {
      const doc = docs![n] as number
      const tf = frequencies![n] as number
      if (!Number.isInteger(doc) || !(doc >= 0 && doc < ids!.length) || (n > from[t]! && !(doc > all[n - 1]!))) malformed(`the postings of "${terms![t]}" name source ${JSON.stringify(doc)} out of order or past the ${ids!.length}`)
      if (!Number.isInteger(tf) || !(tf >= 1 && tf <= 0xffffffff)) malformed(`the postings of "${terms![t]}" give source ${doc} a frequency of ${JSON.stringify(tf)}`)
      all[n] = doc
      tfs[n] = tf
    }
  }
  const titles: SourceTitles = {
    ids: ids!,
    lengths: uint32s(lengths!, 'lengths'),
    averageLength,
    terms: new SortedWords(terms!),
    starts: from,
    docs: all,
    frequencies: tfs,
    order: uint32s(order!, 'order'),
  }
  const places = titles.order
  // Each term's own place: a permutation of 0…terms - 1.
  const placed = new Uint8Array(places.length)
  for (const place of places) {
    if (!(place < places.length) || placed[place]) malformed(`the places of the terms are not each term's own (${place} of ${places.length})`)
    placed[place] = 1
  }
  return titles
}

/** What one title matched while a query is run: MiniSearch's raw result (`score`, `terms`, `match`). */
type RawMatch = { score: number; terms: string[]; match: Record<string, true> }

/** MiniSearch's `assignUniqueTerm`. */
function addUnique(target: string[], term: string): void {
  if (!target.includes(term)) target.push(term)
}

/** MiniSearch's OR of results (`combinators.or`): the first map, each later one's matches added in turn. */
function combineOr(results: Map<number, RawMatch>[]): Map<number, RawMatch> {
  if (results.length === 0) return new Map()
  return results.reduce((combined, next) => {
    for (const [doc, raw] of next) {
      const existing = combined.get(doc)
      if (!existing) combined.set(doc, raw)
      else {
        existing.score = existing.score + raw.score
        Object.assign(existing.match, raw.match)
        for (const term of raw.terms) addUnique(existing.terms, term)
      }
    }
    return combined
  })
}

/**
 * Runs the words of a query, their terms already processed, on the titles, as MiniSearch's
 * `search` runs `{ combineWith: 'OR', queries: words.map(word => ({ combineWith: 'OR', queries:
 * [{ queries: [term], fuzzy: typos || false }, { queries: alternatives, fuzzy: false }] })) }`
 * without prefix search.
 *
 * @param titles - The indexed titles.
 * @param words - The words, in the query's order.
 * @param boostTerm - The weight of each query term, as the paragraph search weighs it.
 * @returns The sources whose title matched, by id, best first.
 */
export function matchTitles(titles: SourceTitles, words: readonly TitleWord[], boostTerm: (term: string) => number = () => 1): Map<string, TitleMatch> {
  const { terms, starts, docs, frequencies, lengths, averageLength, order } = titles
  const documentCount = titles.ids.length
  /** MiniSearch's `termResults` for one index term in the one field. */
  const termResults = (queryTerm: string, index: number, weight: number, termBoost: number, results: Map<number, RawMatch>) => {
    const derived = terms.words[index]!
    const start = starts[index]!
    const matching = starts[index + 1]! - start
    for (let n = start; n < start + matching; n++) {
      const doc = docs[n]!
      // MiniSearch's product: weight, term boost, field boost (1), document boost (1), BM25+.
      const score = weight * termBoost * 1 * 1 * bm25PlusScore(frequencies[n]!, matching, documentCount, lengths[doc]!, averageLength)
      const existing = results.get(doc)
      if (existing) {
        existing.score += score
        addUnique(existing.terms, queryTerm)
        existing.match[derived] = true
      } else {
        const match: Record<string, true> = Object.create(null) as Record<string, true>
        match[derived] = true
        results.set(doc, { score, terms: [queryTerm], match })
      }
    }
  }
  /** MiniSearch's `executeQuerySpec`: the term itself, then the terms within its typos in its index's order. */
  const querySpec = (term: string, typos: number): Map<number, RawMatch> => {
    const results = new Map<number, RawMatch>()
    // MiniSearch drops an empty term before it searches.
    if (term === '') return results
    const termBoost = boostTerm(term)
    const own = terms.indexOf(term)
    if (own >= 0) termResults(term, own, 1, termBoost, results)
    if (typos > 0) {
      const within = terms.fuzzy(term, typos).filter((match) => match.distance > 0)
      for (const { index, distance } of within.sort((a, b) => order[a.index]! - order[b.index]!)) {
        termResults(term, index, fuzzyMatchWeight(terms.words[index]!, distance), termBoost, results)
      }
    }
    return results
  }
  const raw = combineOr(
    words.map((word) => combineOr([querySpec(word.term, word.typos), ...(word.alternatives.length > 0 ? [combineOr(word.alternatives.map((term) => querySpec(term, 0)))] : [])]))
  )
  // MiniSearch's `search`: the score times the query terms matched, best first (a stable sort);
  // divided back below as the paragraph search divides MiniSearch's result, the same rounding.
  const results = [...raw].map(([doc, { score, terms: queryTerms, match }]) => ({ id: titles.ids[doc]!, score: score * (queryTerms.length || 1), terms: Object.keys(match), queryTerms }))
  results.sort((a, b) => b.score - a.score)
  return new Map(results.map((result) => [result.id, { score: (result.score / (result.queryTerms.length || 1)) * TITLE_BOOST, terms: result.terms, queryTerms: result.queryTerms }]))
}
