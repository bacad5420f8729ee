/**
 * @module
 * Ranking and facets: from the engine's candidates to the ordered list of hits, with counts per
 * source and kind. Engine-agnostic (see `retrieval.ts`).
 *
 * Ranking, as search engines such as Meilisearch order their rules:
 * 1. paragraphs that match more of the query's words and phrases first (function words do not
 *    count when the query has other words; a word in the section heading or source title counts);
 * 2. then those that match with fewer typos (an exact match outranks a corrected one);
 * 3. then by the engine's relevance, weighted by the paragraph's kind, and for the top
 *    {@link RESCORE_WINDOW} by how many words and phrases it holds in the very form typed;
 * 4. then in source and document order, so the order is total and pages never overlap.
 * With only exclusions, every paragraph left matches, in source and document order.
 */
import { commentsAfterReports } from './opinion-order.ts'
import type { SearchFacets } from './api-types.ts'
import { indexOfPhrase, textTerms } from './highlight.ts'
import type { QueryPlan } from './query-plan.ts'
import type { Candidate } from './retrieval.ts'
import { containsFoldedWords } from './terms.ts'
import { PARAGRAPH_KINDS, type ParagraphKind } from './types.ts'

/** A candidate in the ranking. */
export type Ranked = {
  candidate: Candidate
  /** The engine's score, weighted by kind, then rescored (see {@link rescoreExactForms}). */
  score: number
  /** Units of the query matched. */
  coverage: number
  /** Units matched only through a typo correction. */
  typos: number
  /** Index of the paragraph's source in the index. */
  sourceOrder: number
}

/** Filters of a search: each facet ignores its own. */
export type RankFilters = {
  /** Only paragraphs of these sources (all when empty). */
  sources: ReadonlySet<string>
  /** Only paragraphs of these kinds (all when empty). */
  kinds: ReadonlySet<string>
}

/** The ranked matches of a query. */
export type Ranking = {
  /**
   * The hits that pass the filters, in rank order: all of them, or (from an engine that ranks
   * its matches itself, see `columnar-search.ts`) at least the first {@link RESCORE_WINDOW} and
   * every one up to the page asked for.
   */
  hits: Ranked[]
  /** How many hits pass the filters. */
  total: number
  /** How many of them match some unit only through a typo correction. */
  corrected: number
  /**
   * Counts per source and kind, in index and kind order. Read only: the columnar first phase
   * hands out the same frozen object to every run of a read (changing it throws).
   */
  facets: SearchFacets
  /** Indexes of the plan's units that no paragraph matched, filters aside. */
  unmatchedUnits: number[]
}

/**
 * Whether a text holds every phrase of the query, each as consecutive words, and none of its
 * excluded phrases: what the engine's candidates are checked for, since the engine only finds
 * the phrases' terms.
 */
export function phrasesHold(text: string, plan: QueryPlan): boolean {
  const terms = textTerms(text)
  for (const unit of plan.units) if (unit.kind === 'phrase' && indexOfPhrase(terms, unit.positions) < 0) return false
  return !plan.excludedPhrases.some((phrase) => indexOfPhrase(terms, phrase) >= 0)
}

/** The prior weight of a kind of paragraph (see {@link KIND_WEIGHTS}). */
export function kindWeight(kind: string): number {
  return KIND_WEIGHTS[kind] ?? 1
}

/**
 * Prior weight of each kind of paragraph. Captions and headings are short, which BM25 rewards,
 * yet they report less than body text; they still rank by what they match, a little lower.
 */
const KIND_WEIGHTS: Record<string, number> = { body: 1, comment: 1, caption: 0.7, heading: 0.7, 'list-item': 1 } satisfies Record<ParagraphKind, number>
/** How many top hits the second ranking phase rescores. */
export const RESCORE_WINDOW = 200
/** Score gained by a paragraph holding every query unit in its typed form (proportionally for some). */
const EXACT_FORM_WEIGHT = 0.5

/** Whether any of `items` is in `set` (an array when short). */
function someIn(items: readonly string[], set: ReadonlySet<string> | readonly string[]): boolean {
  if (Array.isArray(set)) {
    for (const item of items) if (set.includes(item)) return true
    return false
  }
  for (const item of items) if ((set as ReadonlySet<string>).has(item)) return true
  return false
}


/**
 * Ranks the candidates of a planned query.
 *
 * @param candidates - What the engine found.
 * @param plan - The planned query.
 * @param sourceIds - The index's source ids, in index order (facet order, tie-break).
 * @param filters - Source and kind filters.
 */
export function rankCandidates(candidates: readonly Candidate[], plan: QueryPlan, sourceIds: readonly string[], filters: RankFilters): Ranking {
  const phraseUnits = plan.units.filter((unit) => unit.kind === 'phrase')
  const sourceOrder = new Map(sourceIds.map((id, i) => [id, i]))
  const unitMatched = new Array<boolean>(plan.units.length).fill(false)

  // The hot loop of a broad query: one pass, no allocation per unit.
  const matches: Ranked[] = []
  for (const candidate of candidates) {
    // Every phrase must occur: its terms were required and now must be consecutive.
    if (!phraseUnits.every((unit) => unit.required.every((group) => someIn(group, candidate.terms)))) continue
    if ((phraseUnits.length > 0 || plan.excludedPhrases.length > 0) && !phrasesHold(candidate.paragraph.text, plan)) continue
    let coverage = 0
    let typos = 0
    for (let u = 0; u < plan.units.length; u++) {
      const unit = plan.units[u]!
      // A phrase left here occurs in the text (checked above).
      if (unit.kind === 'word' && !someIn(candidate.queryTerms, unit.queryTerms)) continue
      coverage++
      unitMatched[u] = true
      if (unit.kind === 'word' && !someIn(candidate.terms, unit.exactTerms)) typos++
    }
    const score = candidate.score * kindWeight(candidate.paragraph.kind)
    matches.push({ candidate, score, coverage, typos, sourceOrder: sourceOrder.get(candidate.paragraph.sourceId) ?? 0 })
  }

  const facets: SearchFacets = { source: {}, kind: {} }
  const hits: Ranked[] = []
  for (const match of matches) {
    const { sourceId, kind } = match.candidate.paragraph
    const sourceOk = filters.sources.size === 0 || filters.sources.has(sourceId)
    const kindOk = filters.kinds.size === 0 || filters.kinds.has(kind)
    if (kindOk) facets.source[sourceId] = (facets.source[sourceId] ?? 0) + 1
    if (sourceOk) facets.kind[kind] = (facets.kind[kind] ?? 0) + 1
    if (sourceOk && kindOk) hits.push(match)
  }

  hits.sort(compareRanked)
  return finishRanking(
    {
      hits,
      total: hits.length,
      corrected: hits.reduce((count, hit) => count + (hit.typos > 0 ? 1 : 0), 0),
      facets: orderFacets(facets, sourceIds),
      unmatchedUnits: plan.exclusionOnly ? [] : unitMatched.flatMap((matched, u) => (matched ? [] : [u])),
    },
    plan
  )
}

/**
 * Whether a hit's text holds a word in the form typed (a folded word, as `foldWord` compares
 * words), known from an index of the words; `undefined` when not known.
 */
export type HoldsWord = (hit: Ranked, folded: string) => boolean | undefined

/**
 * The second phase of ranking, shared by every engine: the top {@link RESCORE_WINDOW} of hits
 * sorted by {@link compareRanked} are rescored by the forms typed and sorted again, and no
 * comment is left before a report of the same fact.
 *
 * @param first - The first phase's ranking: its hits sorted by {@link compareRanked}.
 * @param holdsWord - Whether a hit's text holds a folded word, when the engine knows without the
 *   text (`undefined`: read the text).
 */
export function finishRanking(first: Ranking, plan: QueryPlan, holdsWord?: HoldsWord): Ranking {
  const { hits } = first
  const top = hits.slice(0, RESCORE_WINDOW)
  rescoreExactForms(top, plan, holdsWord)
  hits.splice(0, top.length, ...top.sort(compareRanked))
  // A comment never outranks a report of the same fact (issue 12).
  hits.splice(0, top.length, ...commentsAfterReports(hits.slice(0, top.length), (hit) => hit.candidate.paragraph.kind === 'comment', (hit) => hit.candidate.paragraph.fact ?? null))
  return first
}

/** Facet counts in source order and kind order, whatever order the matches came in. */
export function orderFacets(facets: SearchFacets, sourceIds: readonly string[]): SearchFacets {
  const order = (counts: Record<string, number>, keys: readonly string[]) => Object.fromEntries(keys.filter((key) => counts[key] !== undefined).map((key) => [key, counts[key]!]))
  return { source: order(facets.source, sourceIds), kind: order(facets.kind, PARAGRAPH_KINDS) }
}

/** The ranking order: more of the query matched, fewer typos, higher score, then document order. */
export function compareRanked(a: Ranked, b: Ranked): number {
  return b.coverage - a.coverage || a.typos - b.typos || b.score - a.score || a.sourceOrder - b.sourceOrder || a.candidate.paragraph.position - b.candidate.paragraph.position
}

/**
 * Second phase of ranking, on the top of the list only: a paragraph that has a query word or
 * phrase in the very form it was typed ("cooperation", not only "cooperate"; "internal
 * problems", not "international problems"), as `foldWord` compares words, gains score. The
 * window is fixed, so the order does not depend on the page asked for.
 */
function rescoreExactForms(top: Ranked[], plan: QueryPlan, holdsWord?: HoldsWord): void {
  if (plan.units.length === 0 || top.length === 0) return
  const forms = plan.units.map((unit) => (unit.kind === 'word' ? [unit.word.folded] : unit.words.map((word) => word.folded)))
  for (const ranked of top) {
    let found = 0
    for (let u = 0; u < plan.units.length; u++) {
      const unit = plan.units[u]!
      // A word in the form typed has the word's own term: without it, there is nothing to look for.
      if (unit.kind === 'word' && !ranked.candidate.terms.includes(unit.word.term)) continue
      const known = unit.kind === 'word' ? holdsWord?.(ranked, unit.word.folded) : undefined
      if (known ?? containsFoldedWords(ranked.candidate.paragraph.text, forms[u]!)) found++
    }
    ranked.score *= 1 + (EXACT_FORM_WEIGHT * found) / plan.units.length
  }
}
