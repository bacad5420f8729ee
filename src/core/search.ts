/**
 * @module
 * Paragraph search, stage by stage: the query is parsed (`query.ts`), planned into index terms
 * (`query-plan.ts`), handed to the retrieval engine (`retrieval.ts`, MiniSearch), ranked and
 * counted (`rank.ts`), and shaped into one page of hits with snippets and match offsets
 * (`shape-response.ts`). Only the engine knows MiniSearch: the rest is the query layer that
 * another engine would share.
 */
import type { SearchResponse } from './api-types.ts'
import type { LoadedIndex } from './loaded-index.ts'
import { parseQuery } from './query.ts'
import { planQuery, retrievalQuery, type QueryPlan } from './query-plan.ts'
import { columnarFirstPhase, supportsColumnar } from './columnar-search.ts'
import { finishRanking, rankCandidates } from './rank.ts'
import { matchUnitTitles, miniSearchEngine, type RetrievalEngine, type RetrievalQuery } from './retrieval.ts'
import type { TitleMatch } from './source-titles.ts'
import { shapeResponse } from './shape-response.ts'
import type { ParagraphKind } from './types.ts'

/** What to search for and how. */
export type SearchRequest = {
  /** The query, in the query language of `query.ts`. */
  query: string
  /** Hits per page. */
  limit: number
  /** Hits to skip. */
  offset: number
  /** Only paragraphs of these sources (all when empty or absent). */
  sources?: readonly string[]
  /** Only paragraphs of these kinds (all when empty or absent). */
  kinds?: readonly ParagraphKind[]
  /** Complete the last word while it is being typed. */
  prefix: boolean
  /** Tolerate typos by word length (see `typoBudget`). */
  fuzzy: boolean
  /** About how many characters of the paragraph a snippet shows. */
  snippetLength: number
}

/** Defaults of the optional parts of a {@link SearchRequest}. */
export const SEARCH_DEFAULTS = { limit: 10, offset: 0, prefix: true, fuzzy: true, snippetLength: 200 } as const

/** The answer to a {@link SearchRequest}: the API's response but for `tookMs`, which the route measures. */
export type SearchResult = Omit<SearchResponse, 'tookMs'>

/** A search's plan, its retrieval query and, for the columnar path, the sources whose titles match it. */
type Planned = { plan: QueryPlan; query: RetrievalQuery; titles: Map<string, TitleMatch> | undefined }

/** The engine of each loaded index, made once. */
const engines = new WeakMap<LoadedIndex, RetrievalEngine>()

/**
 * Searches the index.
 *
 * @param index - The loaded index.
 * @param request - Query, page, filters and options.
 * @param engine - The retrieval engine (MiniSearch over `index` by default).
 * @returns One page of hits in rank order, the total, and facet counts over all matches.
 *
 * @example
 * searchParagraphs(index, { ...SEARCH_DEFAULTS, query: '"red line"' }).total // => 2
 */
export function searchParagraphs(index: LoadedIndex, request: SearchRequest, engine?: RetrievalEngine): SearchResult {
  // A store-backed index runs this again once it has fetched what the run before asked for: the
  // plan (typo look-ups included) and the titles matched are the same each time, made once.
  const memo = index.columnar?.memo
  const key = memo && `plan ${JSON.stringify(request)}`
  let planned = key ? (memo!.get(key) as Planned | undefined) : undefined
  if (!planned) {
    const plan = planQuery(parseQuery(request.query), index.vocabulary, request)
    const query = retrievalQuery(plan)
    planned = { plan, query, titles: index.columnar && supportsColumnar(query) ? matchUnitTitles(index.titles, query) : undefined }
    if (key) memo!.set(key, planned)
  }
  const { plan, query } = planned
  const shape = { query: request.query, offset: request.offset, limit: request.limit, snippetLength: request.snippetLength, sources: index.sources }
  if (plan.units.length === 0 && !plan.exclusionOnly) {
    return { query: request.query, total: 0, corrected: 0, unmatched: [], offset: request.offset, limit: request.limit, facets: { source: {}, kind: {} }, hits: [] }
  }
  if (!engine) {
    engine = engines.get(index)
    if (!engine) engines.set(index, (engine = miniSearchEngine(index)))
  }
  const filters = { sources: new Set(request.sources ?? []), kinds: new Set(request.kinds ?? []) }
  if (index.columnar && planned.titles) {
    const first = columnarFirstPhase(index.columnar, query, plan, planned.titles, filters, request.offset + request.limit)
    return shapeResponse(finishRanking(first, plan, first.holdsWord), plan, shape)
  }
  const candidates = engine.retrieve(query)
  const ranking = rankCandidates(candidates, plan, [...index.sources.keys()], filters)
  return shapeResponse(ranking, plan, shape)
}
