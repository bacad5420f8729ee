/**
 * @module
 * Response shaping: a ranked paragraph becomes a {@link SearchHit} (snippet, match offsets, how
 * each query word matched), and a ranking becomes one page of a {@link SearchResponse}.
 * Engine-agnostic (see `retrieval.ts`).
 */
import type { SearchHit, SearchResponse, WordMatch } from './api-types.ts'
import { findMatches, type TextMatches } from './highlight.ts'
import { publicSource } from './loaded-index.ts'
import type { IndexSource } from './build-index.ts'
import type { QueryPlan } from './query-plan.ts'
import type { Ranked, Ranking } from './rank.ts'
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
  sources: ReadonlyMap<string, IndexSource>
}

/**
 * How each unit the paragraph matched did: in its text if it is there, else in its section
 * heading, else in its source's title (both count towards matching every word).
 */
function wordMatches(inText: TextMatches, ranked: Ranked, plan: QueryPlan, title: string, headings: HeadingMatches): WordMatch[] {
  const { paragraph, terms, queryTerms } = ranked.candidate
  let inSection: TextMatches['units'] | undefined
  let inTitle: TextMatches['units'] | undefined
  const words: WordMatch[] = []
  plan.units.forEach((unit, u) => {
    const text = inText.units[u]!
    if (text.match) return void words.push({ query: unit.text, match: text.match, forms: text.forms, field: 'text' })
    // A phrase is only ever found in the text.
    // Nor is a word the engine did not find for this paragraph anywhere.
    if (unit.kind !== 'word' || !queryTerms.some((term) => unit.queryTerms.has(term))) return
    inSection ??= paragraph.section ? headings(paragraph.section, terms) : []
    const section = inSection[u]
    if (section?.match) return void words.push({ query: unit.text, match: section.match, forms: section.forms, field: 'section' })
    inTitle ??= headings(title, terms)
    const titled = inTitle[u]
    if (titled?.match) words.push({ query: unit.text, match: titled.match, forms: titled.forms, field: 'title' })
  })
  return words
}

/**
 * How a section heading or source title matched the query, computed once per text and page:
 * the hits of a page share a few of each. Typo matches depend on the engine's terms, so the
 * terms are part of the key.
 */
type HeadingMatches = (text: string, engineTerms: readonly string[]) => TextMatches['units']

function headingMatches(plan: QueryPlan): HeadingMatches {
  const cache = new Map<string, TextMatches['units']>()
  return (text, engineTerms) => {
    const key = `${text}\u0000${engineTerms.join(' ')}`
    let units = cache.get(key)
    if (!units) cache.set(key, (units = findMatches(text, plan, engineTerms).units))
    return units
  }
}

/** A ranked paragraph as a hit of the response. */
export function toHit(ranked: Ranked, plan: QueryPlan, options: ShapeOptions, headings: HeadingMatches = headingMatches(plan)): SearchHit {
  const { paragraph, paragraphTerms } = ranked.candidate
  const { text } = paragraph
  const source = options.sources.get(paragraph.sourceId)!
  const inText = findMatches(text, plan, paragraphTerms)
  const { matches } = inText
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
    words: wordMatches(inText, ranked, plan, source.title, headings),
  }
}

/**
 * One page of the response.
 *
 * @returns The response without `tookMs`, which the caller measures.
 */
export function shapeResponse(ranking: Ranking, plan: QueryPlan, options: ShapeOptions): Omit<SearchResponse, 'tookMs'> {
  const headings = headingMatches(plan)
  return {
    query: options.query,
    total: ranking.total,
    corrected: ranking.corrected,
    unmatched: ranking.unmatchedUnits.map((u) => plan.units[u]!.text),
    offset: options.offset,
    limit: options.limit,
    facets: ranking.facets,
    hits: ranking.hits.slice(options.offset, options.offset + options.limit).map((ranked) => toHit(ranked, plan, options, headings)),
  }
}
