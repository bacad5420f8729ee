/**
 * @module
 * Retrieval: the seam between the query layer (plan, rank, shape: engine-agnostic) and the
 * engine that finds candidate paragraphs in an index. {@link RetrievalEngine} is the whole
 * contract; {@link miniSearchEngine} implements it on MiniSearch (the paragraphs, plus the
 * sources' titles searched once per source, `source-titles.ts`). Another engine (SQLite FTS5,
 * say) implements the same interface and the plan, ranking, highlights and responses stay as
 * they are.
 *
 * What an engine must do, and what it need not:
 * - find every paragraph whose **own text** holds a term of at least one unit (a term found only
 *   in the section heading or the source's title adds to the score and to the terms matched, but
 *   does not make a candidate); common grams are part of the text;
 * - for a phrase unit, return only paragraphs holding all its required terms (adjacency is
 *   checked by the query layer on the text);
 * - leave out paragraphs whose text holds an excluded term (excluded phrases are checked by the
 *   query layer);
 * - with no unit, return every paragraph without the excluded terms, with score 0;
 * - score with a BM25-like relevance, weighting each query term by `weight(term)` and each field
 *   as `FIELD_BOOSTS` and `TITLE_BOOST` say; order does not matter (the ranking sorts).
 */
import MiniSearch, { type Query, type SearchResult } from 'minisearch'
import { FIELD_BOOSTS, GRAMS_FIELD, SEARCHED_FIELDS } from './index-options.ts'
import type { LoadedIndex, StoredParagraphWithId } from './loaded-index.ts'
import { matchTitles, type SourceTitles, type TitleMatch } from './source-titles.ts'

/** What the engine is asked for one unit of the query. */
export type RetrievalUnit =
  | {
      kind: 'word'
      /** The word's own term, on which the engine may allow `typos` edits. */
      term: string
      /** Typos allowed on `term` (Levenshtein distance; 0 for none). */
      typos: number
      /** Other terms that match the word exactly (completions, corrections). */
      alternatives: readonly string[]
    }
  | {
      kind: 'phrase'
      /** Every group must be matched, by any of its terms. */
      required: readonly (readonly string[])[]
      /** Terms of `required` that are common grams (see `commonGrams`): searched in the grams field only, scoring nothing. */
      grams: readonly string[]
    }

/** One request to the engine. */
export type RetrievalQuery = {
  /** Words and phrases; a paragraph matching any one is a candidate. */
  units: readonly RetrievalUnit[]
  /** Terms whose presence in the text rules a paragraph out. */
  excludedTerms: readonly string[]
  /** The weight of each query term in the score. */
  weight(term: string): number
}

/** A paragraph the engine found, and what of the query it matched. */
export type Candidate = {
  /** The paragraph's stored fields. */
  paragraph: Omit<StoredParagraphWithId, 'related' | 'quotes'>
  /** Relevance (BM25+ for MiniSearch) over the text, section and source title. */
  score: number
  /** Index terms found in the paragraph, its section or its source's title. */
  terms: readonly string[]
  /** Query terms that found them (a term reached through a typo differs from the index term). */
  queryTerms: readonly string[]
  /** Index terms found in the paragraph's text (or grams) and section, without the title. */
  paragraphTerms: readonly string[]
}

/** An engine that finds candidates (see the module's contract). */
export interface RetrievalEngine {
  retrieve(query: RetrievalQuery): Candidate[]
}

/** Whether any matched term was found in the paragraph's text or its common grams (made from the text). */
function matchedInText(match: SearchResult['match']): boolean {
  for (const term in match) {
    const fields = match[term]!
    if (fields.includes('text') || fields.includes(GRAMS_FIELD)) return true
  }
  return false
}

/** The number of distinct items of `a` and `b`, each without repeats. */
function unionSize(a: readonly string[], b: readonly string[]): number {
  let size = a.length
  for (const item of b) if (!a.includes(item)) size++
  return size
}

function unitQuery(unit: RetrievalUnit): Query {
  if (unit.kind === 'phrase') {
    const grams = new Set(unit.grams)
    const queries = unit.required.map((group): Query | string =>
      group.length === 1 && grams.has(group[0]!) ? { queries: [group[0]!], fields: [GRAMS_FIELD] } : group.length === 1 ? group[0]! : { combineWith: 'OR', queries: [...group] }
    )
    return { combineWith: 'AND', queries, fuzzy: false }
  }
  // One subquery per term, over every searched field: MiniSearch merges the match information of
  // a term found by two subqueries by overwriting it, so a term must not be split across fields.
  const queries: Query[] = [{ queries: [unit.term], fuzzy: unit.typos > 0 ? unit.typos : false }]
  if (unit.alternatives.length > 0) queries.push({ queries: [...unit.alternatives], fuzzy: false })
  return { combineWith: 'OR', queries }
}

/**
 * The sources whose titles match the query's words, searched once per source (a phrase must
 * occur in the text): every engine adds them to the paragraphs' scores with {@link scoreWithTitle}.
 */
export function matchUnitTitles(titles: SourceTitles, query: RetrievalQuery): Map<string, TitleMatch> {
  const words = query.units.flatMap((unit) => (unit.kind === 'word' ? [unit] : []))
  if (words.length === 0) return new Map()
  return matchTitles(titles, words, (term) => query.weight(term))
}

/**
 * A paragraph's score when its source's title matched too: what MiniSearch gives one document
 * matched in several fields, the fields' scores added, times the number of query terms matched
 * in any of them.
 *
 * @param score - The paragraph's own score, as MiniSearch gives it (already times its query terms).
 * @param queryTerms - The query terms the paragraph matched.
 * @param titleScore - The title's score ({@link TitleMatch.score}).
 * @param unionQueryTerms - The query terms the paragraph and the title matched together.
 */
export function scoreWithTitle(score: number, queryTerms: number, titleScore: number, unionQueryTerms: number): number {
  return (score / (queryTerms || 1) + titleScore) * unionQueryTerms
}

/**
 * The MiniSearch engine of a loaded index.
 *
 * @example
 * miniSearchEngine(index).retrieve({ units: [{ kind: 'word', term: 'putin', typos: 0, alternatives: [] }], excludedTerms: [], weight: () => 1 }).length // => 20 (the shipped corpus)
 */
export function miniSearchEngine(index: LoadedIndex): RetrievalEngine {
  return {
    retrieve(query) {
      const boostTerm = (term: string) => query.weight(term)
      const wanted: Query | typeof MiniSearch.wildcard = query.units.length === 0 ? MiniSearch.wildcard : { combineWith: 'OR', queries: query.units.map(unitQuery) }
      // Excluded words leave the results before MiniSearch builds them.
      const excluded: Query = { combineWith: 'OR', queries: [...query.excludedTerms], fields: ['text'], fuzzy: false }
      const options = { prefix: false, fields: SEARCHED_FIELDS, boost: { ...FIELD_BOOSTS, [GRAMS_FIELD]: 0 }, tokenize: (s: string) => [s], processTerm: (s: string) => s, boostTerm }
      let results: SearchResult[]
      if (wanted === MiniSearch.wildcard) {
        const all = index.miniSearch.search(MiniSearch.wildcard)
        const out = query.excludedTerms.length === 0 ? new Set<unknown>() : new Set(index.miniSearch.search(excluded, options).map((result) => result.id))
        results = all.filter((result) => !out.has(result.id)).map((result) => ({ ...result, score: 0, terms: [], queryTerms: [], match: {} }))
      } else {
        results = index.miniSearch.search(query.excludedTerms.length === 0 ? wanted : { combineWith: 'AND_NOT', queries: [wanted, excluded] }, options)
        results = results.filter((result) => matchedInText(result.match))
      }
      const titles = matchUnitTitles(index.titles, query)
      return results.map((result): Candidate => {
        const paragraph = {
          id: result.id as string,
          sourceId: result['sourceId'] as string,
          kind: result['kind'],
          section: result['section'] as string | null,
          position: result['position'] as number,
          fact: (result['fact'] as string | null | undefined) ?? null,
          // Read when the query layer needs it (phrases, the top of the ranking, the page): an
          // engine outside the isolate fetches only those texts (see `index-reader.ts`).
          get text() {
            return result['text'] as string
          },
        }
        const title = titles.get(paragraph.sourceId)
        if (!title) return { paragraph, score: result.score, terms: result.terms, queryTerms: result.queryTerms, paragraphTerms: result.terms }
        const score = scoreWithTitle(result.score, result.queryTerms.length, title.score, unionSize(result.queryTerms, title.queryTerms))
        return {
          paragraph,
          score,
          terms: [...new Set([...result.terms, ...title.terms])],
          queryTerms: [...new Set([...result.queryTerms, ...title.queryTerms])],
          paragraphTerms: result.terms,
        }
      })
    },
  }
}
