/**
 * @module
 * The sources' titles, searched once per source instead of once per paragraph.
 *
 * Every paragraph of a source shares its title, so a title word indexed with each paragraph makes
 * MiniSearch score and materialise every paragraph of the source, only for the search to drop
 * those whose text does not match: with 100,000 paragraphs under titles that share a word, that
 * one word cost 0.3 s. Here each title is one document of a small index, built at load from the
 * manifest with the shared tokenizer and term processing; its score is added to the score of the
 * source's paragraphs that matched in their own text.
 */
import MiniSearch, { type Query, type SearchOptions } from 'minisearch'
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

/** How titles are indexed: the shared tokenizer and term processing. */
const TITLE_OPTIONS = { fields: ['title'], tokenize, processTerm }

/** The titles of the sources, ready to search. */
export type SourceTitles = MiniSearch<{ id: string; title: string }>

/**
 * Indexes the sources' titles.
 *
 * @example
 * const titles = indexSourceTitles([{ id: 'bbc', title: 'Macron and Putin at Versailles' }])
 * matchTitles(titles, { queries: ['putin'] }).get('bbc')?.terms // => ['putin']
 */
export function indexSourceTitles(sources: readonly { id: string; title: string }[]): SourceTitles {
  const titles = new MiniSearch<{ id: string; title: string }>(TITLE_OPTIONS)
  titles.addAll(sources)
  return titles
}

/**
 * Loads titles indexed by {@link indexSourceTitles} and serialised with `JSON.stringify`: what an
 * engine keeps ready, so the first request of an isolate does not index them again.
 */
export function loadSourceTitles(json: string): SourceTitles {
  return MiniSearch.loadJSON<{ id: string; title: string }>(json, TITLE_OPTIONS)
}

/**
 * Runs a query, whose terms are already processed, on the titles.
 *
 * @param titles - The indexed titles.
 * @param query - The MiniSearch query, as the paragraph search sends it.
 * @param boostTerm - The same weights per term as the paragraph search's.
 * @returns The sources whose title matched, by id.
 */
export function matchTitles(titles: SourceTitles, query: Query, boostTerm?: SearchOptions['boostTerm']): Map<string, TitleMatch> {
  const results = titles.search(query, { prefix: false, tokenize: (s) => [s], processTerm: (s) => s, ...(boostTerm ? { boostTerm } : {}) })
  return new Map(
    results.map((result) => [result.id as string, { score: (result.score / (result.queryTerms.length || 1)) * TITLE_BOOST, terms: result.terms, queryTerms: result.queryTerms }])
  )
}
