/**
 * @module
 * Paragraph search: runs a parsed query on the index and ranks, filters, counts and excerpts the
 * matching paragraphs.
 *
 * Ranking, as search engines such as Meilisearch order their rules:
 * 1. paragraphs that match more of the query's words and phrases first (function words do not
 *    count when the query has other words);
 * 2. then those that match with fewer typos (an exact match outranks a corrected one);
 * 3. then by BM25+ relevance as MiniSearch computes it over the paragraph text and its section,
 *    plus its source's title, searched once per source (`source-titles.ts`); the latter two
 *    weighted less;
 * 4. then in source and document order, so the order is total and pages never overlap.
 *
 * A paragraph is a hit only when its own text matches: a match in the section or source title
 * alone adds to a paragraph's score but does not make it a hit.
 */
import { commentsAfterReports } from './opinion-order.ts'
import type { Query, SearchResult } from 'minisearch'
import { findHighlights, indexOfPhrase, textTerms, type Span } from './highlight.ts'
import { FIELD_BOOSTS, GRAMS_FIELD, SEARCHED_FIELDS } from './index-options.ts'
import { publicSource, type LoadedIndex } from './loaded-index.ts'
import { parseQuery, type ParsedQuery, type QueryWord } from './query.ts'
import { buildSnippet } from './snippet.ts'
import { matchTitles, type TitleMatch } from './source-titles.ts'
import { phraseGrams, typoBudget } from './terms.ts'
import { PARAGRAPH_KINDS, type ParagraphKind, type SourceMetadata } from './types.ts'

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

/** One matching paragraph. */
export type SearchHit = {
  id: string
  /** Relevance (BM25+), for information: the order also weighs matched words and typos. */
  score: number
  source: SourceMetadata
  section: string | null
  kind: ParagraphKind
  position: number
  /** The whole paragraph as plain text. */
  text: string
  /** HTML: the escaped paragraph excerpt with matches in `<mark>`. */
  snippet: string
  /** The words of the paragraph that matched, as they appear in it. */
  terms: string[]
}

/** The answer to a {@link SearchRequest}. */
export type SearchResponse = {
  query: string
  /** Number of matching paragraphs, over all pages. */
  total: number
  offset: number
  limit: number
  /** Matching paragraphs per source and per kind, over all pages; each ignores its own filter. */
  facets: { source: Record<string, number>; kind: Record<string, number> }
  hits: SearchHit[]
}

/**
 * Most completions tried for a word being typed: a longer prefix says more, so it may expand to
 * more words (a single letter to the 4 most used, as Typesense's `max_candidates` does), up to 30.
 */
function completionLimit(prefix: string): number {
  return Math.min(30, 4 * [...prefix].length)
}
/** Weight of a completed word against the word as typed (MiniSearch weighs its own prefix matches 0.375). */
const COMPLETION_WEIGHT = 0.5
/**
 * Prior weight of each kind of paragraph. Captions and headings are short, which BM25 rewards,
 * yet they report less than body text; they still rank by what they match, a little lower.
 */
const KIND_WEIGHTS: Record<ParagraphKind, number> = { body: 1, comment: 1, caption: 0.7, heading: 0.7 }
/** Most words, phrases, excluded words and excluded phrases searched, each. */
const MAX_QUERY_WORDS = 10
/** Most corrections tried for a misspelt word. */
const MAX_CORRECTIONS = 10
/** Weight of a corrected word (MiniSearch weighs its own fuzzy matches 0.45). */
const CORRECTION_WEIGHT = 0.45
/** How many top hits the second ranking phase rescores. */
const RESCORE_WINDOW = 200
/** Score gained by a paragraph holding every query word in its typed form (proportionally for some). */
const EXACT_FORM_WEIGHT = 0.5

/** A word or phrase of the query, as the ranking counts it. */
type Unit = {
  /** Index terms that, found in a paragraph, match the unit without a typo. */
  exactTerms: Set<string>
  /** The query terms sent to MiniSearch for it. */
  queryTerms: Set<string>
  /** For phrases: the terms in order, function words included. */
  phrase?: string[]
  /** The MiniSearch query for it. */
  query: Query
}

/** The query, planned for MiniSearch. */
type Plan = {
  units: Unit[]
  /** Terms added by completion, searched with a lower weight. */
  completionTerms: Set<string>
  /** Terms of words the query's words may be misspellings of, searched with a lower weight still. */
  correctionTerms: Set<string>
  /** Phrases that must occur. */
  phrases: string[][]
  /** Terms that must not occur in the text (excluded words, and excluded phrases of one word). */
  excludedTerms: string[]
  /** Phrases of two words or more that must not occur in the text. */
  excludedPhrases: string[][]
  /** Terms to mark only when nothing else is (function words searched alongside other words). */
  weakTerms: Set<string>
  /** The searched words as typed, as whole-word patterns, for the exact-form rescoring. */
  exactForms: RegExp[]
}

/**
 * Plans one word: its term (with typos allowed on the term), the terms of the words it may be the
 * beginning of, and the terms of the words it may be a misspelling of.
 */
function planWord(word: QueryWord, completions: readonly string[], corrections: readonly string[], fuzzy: boolean): Unit {
  const exact = [word.term, ...completions.filter((term) => term !== word.term)]
  const corrected = corrections.filter((term) => !exact.includes(term))
  // Typos on the index term are bounded by the term's length too: a long word with a short stem
  // ("cooperation", "cooper") must not reach other short stems ("confer") two edits away.
  const budget = fuzzy ? Math.min(typoBudget(word.text), typoBudget(word.term)) : 0
  // One subquery per term, over every searched field: MiniSearch merges the match information of
  // a term found by two subqueries by overwriting it, so a term must not be split across fields.
  const queries: Query[] = [{ queries: [word.term], fuzzy: budget > 0 ? budget : false }]
  if (exact.length > 1) queries.push({ queries: exact.slice(1), fuzzy: false })
  if (corrected.length > 0) queries.push({ queries: corrected, fuzzy: false })
  return { exactTerms: new Set(exact), queryTerms: new Set([...exact, ...corrected]), query: { combineWith: 'OR', queries } }
}

/**
 * The MiniSearch query that finds the candidates of a phrase: its significant words in the text,
 * and its pairs of adjacent function words as common grams. Whether the words are consecutive
 * is checked on the text afterwards.
 */
function phraseCandidates(words: readonly QueryWord[]): { terms: string[]; query: Query } {
  const significant = [...new Set(words.filter((word) => !word.stopWord).map((word) => word.term))]
  const grams = [...new Set(phraseGrams(words))]
  // A phrase of function words that are never adjacent in pairs ("to be" is one pair; "the" alone
  // is no phrase) falls back to requiring every word.
  const terms = significant.length + grams.length > 0 ? significant : [...new Set(words.map((word) => word.term))]
  const queries: Query[] = [...terms, ...grams.map((gram): Query => ({ queries: [gram], fields: [GRAMS_FIELD] }))]
  return { terms: [...terms, ...grams], query: { combineWith: 'AND', queries, fuzzy: false } }
}

function planPhrase(words: QueryWord[]): Unit {
  const { terms, query } = phraseCandidates(words)
  return { exactTerms: new Set(terms), queryTerms: new Set(terms), phrase: words.map((word) => word.term), query }
}

/** Turns the parsed query into units and MiniSearch queries. */
function planQuery(parsed: ParsedQuery, index: LoadedIndex, request: SearchRequest): Plan {
  // Function words count only when the query has nothing else.
  const hasSignificant = parsed.words.some((word) => !word.stopWord) || parsed.phrases.length > 0
  // Words past the tenth are ignored, as Meilisearch does: they add cost, rarely relevance.
  const words = (hasSignificant ? parsed.words.filter((word) => !word.stopWord) : parsed.words).slice(0, MAX_QUERY_WORDS)
  const completionTerms = new Set<string>()
  const correctionTerms = new Set<string>()
  const units = words.map((word, i) => {
    const typing = request.prefix && parsed.lastWordIsPrefix && i === words.length - 1 && word === parsed.words.at(-1)
    const completions = typing ? index.vocabulary.complete(word.folded, completionLimit(word.folded)).map((c) => c.term) : []
    const corrections = request.fuzzy ? index.vocabulary.correct(word.folded, typoBudget(word.text), MAX_CORRECTIONS).map((c) => c.term) : []
    for (const term of completions) if (term !== word.term) completionTerms.add(term)
    for (const term of corrections) if (term !== word.term && !completions.includes(term)) correctionTerms.add(term)
    return planWord(word, completions, corrections, request.fuzzy)
  })
  units.push(...parsed.phrases.slice(0, MAX_QUERY_WORDS).map(planPhrase))
  const excludedPhrases = parsed.excludedPhrases.slice(0, MAX_QUERY_WORDS)
  return {
    units,
    completionTerms,
    correctionTerms,
    phrases: parsed.phrases.map((phrase) => phrase.map((word) => word.term)),
    excludedTerms: [...parsed.excludedWords.slice(0, MAX_QUERY_WORDS), ...excludedPhrases.filter((phrase) => phrase.length === 1).flat()].map((word) => word.term),
    excludedPhrases: excludedPhrases.filter((phrase) => phrase.length > 1).map((phrase) => phrase.map((word) => word.term)),
    weakTerms: new Set(hasSignificant ? parsed.words.filter((word) => word.stopWord).map((word) => word.term) : []),
    exactForms: words.map((word) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word.text)}(?![\\p{L}\\p{N}])`, 'iu')),
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Whether any matched term was found in the paragraph text (not only its section or title). */
function matchedInText(match: Record<string, string[]>): boolean {
  for (const term in match) if (match[term]!.includes('text')) return true
  return false
}

/** Whether any of `items` is in `set`. */
function someIn(items: readonly string[], set: ReadonlySet<string>): boolean {
  for (const item of items) if (set.has(item)) return true
  return false
}

/** The number of distinct items of `a` and `b`, each without repeats. */
function unionSize(a: readonly string[], b: readonly string[]): number {
  let size = a.length
  for (const item of b) if (!a.includes(item)) size++
  return size
}

/** Whether every item of `set` is in `items`. */
function everyIn(set: ReadonlySet<string>, items: readonly string[]): boolean {
  for (const item of set) if (!items.includes(item)) return false
  return true
}

type Ranked = {
  result: SearchResult
  /** MiniSearch's score, then rescored (see {@link rescoreExactForms}). */
  score: number
  coverage: number
  typos: number
  sourceOrder: number
}

/**
 * Searches the index.
 *
 * @param index - The loaded index.
 * @param request - Query, page, filters and options.
 * @returns One page of hits in rank order, the total, and facet counts over all matches.
 *
 * @example
 * searchParagraphs(index, { ...SEARCH_DEFAULTS, query: '"red line"' }).total // => 2
 */
export function searchParagraphs(index: LoadedIndex, request: SearchRequest): SearchResponse {
  const empty: SearchResponse = { query: request.query, total: 0, offset: request.offset, limit: request.limit, facets: { source: {}, kind: {} }, hits: [] }
  const plan = planQuery(parseQuery(request.query), index, request)
  if (plan.units.length === 0) return empty

  const { excludedTerms, excludedPhrases } = plan
  const boostTerm = (term: string) => (plan.completionTerms.has(term) ? COMPLETION_WEIGHT : plan.correctionTerms.has(term) ? CORRECTION_WEIGHT : 1)
  // Excluded words leave the results before MiniSearch builds them; excluded phrases are checked
  // on the text of what is left.
  const wanted: Query = { combineWith: 'OR', queries: plan.units.map((unit) => unit.query) }
  const results = index.miniSearch.search(
    excludedTerms.length === 0 ? wanted : { combineWith: 'AND_NOT', queries: [wanted, { combineWith: 'OR', queries: excludedTerms, fields: ['text'], fuzzy: false }] },
    { prefix: false, fields: SEARCHED_FIELDS, boost: { ...FIELD_BOOSTS, [GRAMS_FIELD]: 0 }, tokenize: (s) => [s], processTerm: (s) => s, boostTerm }
  )
  // The sources' titles, searched once each for the words (a phrase must occur in the text).
  const wordUnits = plan.units.filter((unit) => unit.phrase === undefined)
  const titles = wordUnits.length === 0 ? new Map<string, TitleMatch>() : matchTitles(index.titles, { combineWith: 'OR', queries: wordUnits.map((unit) => unit.query) }, boostTerm)

  const phraseUnits = plan.units.filter((unit) => unit.phrase !== undefined)
  const sourceOrder = new Map([...index.sources.keys()].map((id, i) => [id, i]))

  // The hot loop of a broad query: one pass, no allocation per unit.
  const matches: Ranked[] = []
  for (const result of results) {
    if (!matchedInText(result.match)) continue
    // Every phrase must occur: its terms were required (AND) and now must be consecutive.
    if (phraseUnits.length > 0 && !phraseUnits.every((unit) => everyIn(unit.exactTerms, result.terms))) continue
    if (phraseUnits.length > 0 || excludedPhrases.length > 0) {
      const terms = textTerms(result['text'] as string)
      if (!phraseUnits.every((unit) => indexOfPhrase(terms, unit.phrase!) >= 0)) continue
      if (excludedPhrases.some((phrase) => indexOfPhrase(terms, phrase) >= 0)) continue
    }
    const sourceId = result['sourceId'] as string
    const title = titles.get(sourceId)
    let coverage = 0
    let typos = 0
    for (const unit of plan.units) {
      if (!someIn(result.queryTerms, unit.queryTerms) && !(title && someIn(title.queryTerms, unit.queryTerms))) continue
      coverage++
      if (!someIn(result.terms, unit.exactTerms) && !(title && someIn(title.terms, unit.exactTerms))) typos++
    }
    // With a title match, the score is what MiniSearch gives one document matched in several
    // fields: the fields' scores added, times the number of query terms matched in any of them.
    const relevance = title ? (result.score / (result.queryTerms.length || 1) + title.score) * unionSize(result.queryTerms, title.queryTerms) : result.score
    // The kind's prior applies to the whole score (as MiniSearch's boostDocument would, per term, at a cost per posting).
    const score = relevance * KIND_WEIGHTS[result['kind'] as ParagraphKind]
    matches.push({ result, score, coverage, typos, sourceOrder: sourceOrder.get(sourceId) ?? 0 })
  }

  const sourceFilter = new Set(request.sources ?? [])
  const kindFilter = new Set<string>(request.kinds ?? [])
  const facets: SearchResponse['facets'] = { source: {}, kind: {} }
  const hits: Ranked[] = []
  for (const match of matches) {
    const sourceId = match.result['sourceId'] as string
    const kind = match.result['kind'] as string
    const sourceOk = sourceFilter.size === 0 || sourceFilter.has(sourceId)
    const kindOk = kindFilter.size === 0 || kindFilter.has(kind)
    if (kindOk) facets.source[sourceId] = (facets.source[sourceId] ?? 0) + 1
    if (sourceOk) facets.kind[kind] = (facets.kind[kind] ?? 0) + 1
    if (sourceOk && kindOk) hits.push(match)
  }

  hits.sort(compareRanked)
  rescoreExactForms(hits.slice(0, RESCORE_WINDOW), plan.exactForms)
  hits.splice(0, RESCORE_WINDOW, ...hits.slice(0, RESCORE_WINDOW).sort(compareRanked))
  // Issue 12: a comment never outranks a report of the same fact.
  hits.splice(0, RESCORE_WINDOW, ...commentsAfterReports(hits.slice(0, RESCORE_WINDOW), (hit) => hit.result['kind'] === 'comment', (hit) => (hit.result['fact'] as string | null) ?? null))

  const phraseTerms = new Set(plan.phrases.flat())
  const wordTerms = new Set(plan.units.filter((unit) => !unit.phrase).flatMap((unit) => [...unit.exactTerms]))
  // Facets in source order and kind order, whatever order the matches came in.
  const order = <K extends string>(counts: Record<K, number>, keys: readonly K[]) =>
    Object.fromEntries(keys.filter((key) => counts[key] !== undefined).map((key) => [key, counts[key]])) as Record<K, number>
  return {
    ...empty,
    total: hits.length,
    facets: { source: order(facets.source, [...index.sources.keys()]), kind: order(facets.kind, PARAGRAPH_KINDS) },
    hits: hits.slice(request.offset, request.offset + request.limit).map(({ result, score }) => {
      // A term found only through a phrase is marked where the phrase occurs, not alone.
      const terms = new Set(result.terms.filter((term) => wordTerms.has(term) || !phraseTerms.has(term)))
      return toHit(index, result, score, findHighlights(result['text'] as string, { terms, phrases: plan.phrases, weakTerms: plan.weakTerms }), request.snippetLength)
    }),
  }
}

/** The ranking order: more of the query matched, fewer typos, higher score, then document order. */
function compareRanked(a: Ranked, b: Ranked): number {
  return (
    b.coverage - a.coverage ||
    a.typos - b.typos ||
    b.score - a.score ||
    a.sourceOrder - b.sourceOrder ||
    (a.result['position'] as number) - (b.result['position'] as number)
  )
}

/**
 * Second phase of ranking, on the top of the list only: a paragraph that has a query word in the
 * very form it was typed ("cooperation", not only "cooperate") gains score. The window is fixed,
 * so the order does not depend on the page asked for.
 */
function rescoreExactForms(top: Ranked[], exactForms: readonly RegExp[]): void {
  if (exactForms.length === 0) return
  for (const ranked of top) {
    const text = ranked.result['text'] as string
    const found = exactForms.filter((form) => form.test(text)).length
    ranked.score *= 1 + (EXACT_FORM_WEIGHT * found) / exactForms.length
  }
}

function toHit(index: LoadedIndex, result: SearchResult, score: number, spans: Span[], snippetLength: number): SearchHit {
  const text = result['text'] as string
  const source = index.sources.get(result['sourceId'] as string)!
  return {
    id: result['id'] as string,
    score: Math.round(score * 1000) / 1000,
    source: publicSource(source),
    section: result['section'] as string | null,
    kind: result['kind'] as ParagraphKind,
    position: result['position'] as number,
    text,
    snippet: buildSnippet(text, spans, snippetLength),
    terms: [...new Set(spans.map((span) => text.slice(span.start, span.end)))],
  }
}
