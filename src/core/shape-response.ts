/**
 * @module
 * Response shaping: a ranked paragraph becomes a {@link SearchHit} (snippet, match offsets, how
 * each query word matched), and a ranking becomes one page of a {@link SearchResponse}.
 * Engine-agnostic (see `retrieval.ts`).
 */
import type { SearchHit, SearchResponse, WordMatch } from './api-types.ts'
import { findMatches } from './highlight.ts'
import { publicSource } from './loaded-index.ts'
import type { ManifestSource } from './build-index.ts'
import type { QueryPlan } from './query-plan.ts'
import { textMatchesOf, type Ranked, type Ranking } from './rank.ts'
import { buildSnippet, snippetWindow } from './snippet.ts'

/** What a page of the response needs beside the ranking. */
export type ShapeOptions = {
  /** The query, as read. */
  query: string
  offset: number
  limit: number
  /** About how many characters of the paragraph a snippet shows. */
  snippetLength: number
  /** The index's sources, by id. */
  sources: ReadonlyMap<string, ManifestSource>
}

/**
 * How each unit the paragraph matched did: in its text if it is there, else in its section
 * heading, else in its source's title (both count towards matching every word).
 */
function wordMatches(ranked: Ranked, plan: QueryPlan, title: string): WordMatch[] {
  const { paragraph, terms } = ranked.candidate
  const engineTerms = new Set(terms)
  const inText = textMatchesOf(ranked, plan).units
  let inSection: ReturnType<typeof findMatches>['units'] | undefined
  let inTitle: ReturnType<typeof findMatches>['units'] | undefined
  const words: WordMatch[] = []
  plan.units.forEach((unit, u) => {
    const text = inText[u]!
    if (text.match) return void words.push({ query: unit.text, match: text.match, forms: text.forms, field: 'text' })
    if (unit.kind !== 'word') return
    inSection ??= paragraph.section ? findMatches(paragraph.section, plan, engineTerms).units : []
    const section = inSection[u]
    if (section?.match) return void words.push({ query: unit.text, match: section.match, forms: section.forms, field: 'section' })
    inTitle ??= findMatches(title, plan, engineTerms).units
    const inTitleUnit = inTitle[u]
    if (inTitleUnit?.match) words.push({ query: unit.text, match: inTitleUnit.match, forms: inTitleUnit.forms, field: 'title' })
  })
  return words
}

/** A ranked paragraph as a hit of the response. */
export function toHit(ranked: Ranked, plan: QueryPlan, options: ShapeOptions): SearchHit {
  const { paragraph } = ranked.candidate
  const { text } = paragraph
  const source = options.sources.get(paragraph.sourceId)!
  const { matches } = textMatchesOf(ranked, plan)
  const window = snippetWindow(text, matches, options.snippetLength)
  return {
    id: paragraph.id,
    score: Math.round(ranked.score * 1000) / 1000,
    source: publicSource(source),
    section: paragraph.section,
    kind: paragraph.kind,
    position: paragraph.position,
    text,
    snippet: buildSnippet(text, matches, options.snippetLength, window),
    snippetWindow: window,
    terms: [...new Set(matches.map((match) => text.slice(match.start, match.end)))],
    matches,
    words: wordMatches(ranked, plan, source.title),
  }
}

/**
 * One page of the response.
 *
 * @returns The response without `tookMs`, which the caller measures.
 */
export function shapeResponse(ranking: Ranking, plan: QueryPlan, options: ShapeOptions): Omit<SearchResponse, 'tookMs'> {
  return {
    query: options.query,
    total: ranking.hits.length,
    corrected: ranking.hits.reduce((count, ranked) => count + (ranked.typos > 0 ? 1 : 0), 0),
    unmatched: ranking.unmatchedUnits.map((u) => plan.units[u]!.text),
    offset: options.offset,
    limit: options.limit,
    facets: ranking.facets,
    hits: ranking.hits.slice(options.offset, options.offset + options.limit).map((ranked) => toHit(ranked, plan, options)),
  }
}
