/**
 * @module
 * The first phase of ranking done in the engine, over compact postings and typed columns: for an
 * engine that keeps the index outside the isolate (D1), where a broad query names tens of
 * thousands of paragraphs. Every match is scored, counted in the facets and placed by the
 * ranking's order without an object per match; only the top of the ranking (at least
 * `RESCORE_WINDOW`, and every hit up to the page) becomes candidates, whose texts are fetched for
 * the second phase (`finishRanking` in `rank.ts`) and the page.
 *
 * The scores are MiniSearch's, computed the same way in the same order, so both engines answer
 * alike (the conformance suite compares them):
 * - BM25+ per term and field with MiniSearch's parameters, over the whole corpus's statistics;
 * - per word: its own term and the terms within its typos (weighted as MiniSearch weighs fuzzy
 *   matches), then its alternatives, each a sum field by field, added in the query's order; the
 *   terms within the typos in the order MiniSearch finds them ({@link TermOrder}), since
 *   floating-point addition is not associative and a last bit can decide a tie;
 * - the sum times the number of query terms matched; a paragraph matched only in its section
 *   heading is not a match; the source's title adds as `scoreWithTitle` says;
 * - a phrase's required groups (terms, or common grams searched in their own field) must all
 *   match, their scores added in order, as MiniSearch's AND does;
 * - excluded terms remove the paragraphs holding them in their text.
 * Whether a phrase's words are consecutive, or an excluded phrase occurs, is checked on the text
 * (`phrasesHold`): of the paragraphs holding every required group, and of those holding every
 * word of an excluded phrase, which are fetched for it. Exclusions alone are not for this path.
 */
import type { SearchFacets } from './api-types.ts'
import { BM25, fuzzyMatchWeight } from './bm25.ts'
import type { CompactPostings, DocColumns } from './compact-postings.ts'
import type { D1Stats } from './d1-content.ts'
import { FIELD_BOOSTS, GRAMS_FIELD, SEARCHED_FIELDS } from './index-options.ts'
import type { QueryPlan } from './query-plan.ts'
import type { SortedWords } from './sorted-words.ts'
import { compareRanked, kindWeight, phrasesHold, RESCORE_WINDOW, type HoldsWord, type RankFilters, type Ranked, type Ranking } from './rank.ts'
import { scoreWithTitle, type Candidate, type RetrievalQuery, type RetrievalUnit } from './retrieval.ts'
import type { TitleMatch } from './source-titles.ts'
import { PARAGRAPH_KINDS } from './types.ts'

/**
 * Most choices of terms a phrase may stand for (a word being typed at its end completes to
 * several) for the engine to find its paragraphs; past it, they are found on the texts.
 */
export const MAX_PHRASE_CHOICES = 64

/** A phrase as the terms each position accepts, in order. */
export type Phrase = readonly (readonly string[])[]

/**
 * Where each term comes in MiniSearch's serialised index (the `index` array of `index.json`, 0
 * first): the order in which an index loaded from it (as the Worker loads it) finds the terms
 * within a word's typos, and so adds their scores. It is not the terms' alphabetical order:
 * MiniSearch's radix tree keeps a node's children in the order they were made (a term's first
 * occurrence in the corpus, or a later split of its edge), its serialisation lists them last
 * first, and `fuzzyGet` walks the loaded tree in that order. A build with no MiniSearch index
 * computes it from when each term was first met (`term-order.ts`).
 */
export type TermOrder = ReadonlyMap<string, number>

/** What the columnar first phase fetches of an index in one call (see {@link ColumnarIndex.postings}). */
export type ColumnarPostings = {
  /** The postings of each term the corpus holds. */
  postings: Map<string, CompactPostings>
  /** The paragraphs whose text holds each phrase, short ids ascending. */
  phrases: Uint32Array[]
  /** The paragraphs whose text holds each word as typed (folded), short ids ascending. */
  words: Map<string, Uint32Array>
  /**
   * The {@link TermOrder} of the terms the corpus holds, when the index keeps it. Without it the
   * terms within a word's typos are added alphabetically, and a score may differ from
   * MiniSearch's in its last bits.
   */
  termOrder?: TermOrder
}

/**
 * The paragraphs that match every unit of a search: those whose text holds one term of each of
 * `words` (a word's own term, its typos and alternatives) and each of the first `phrases`
 * phrases of the same call. The ranking puts the paragraphs that match every unit first, so
 * when they are as many as the page, the page is among them; a search of one unit has no hit
 * elsewhere. What it names is not all a hit (exclusions and filters are left to the ranking).
 */
export type HitsAmong = {
  words: readonly (readonly string[])[]
  phrases: number
  /** At least this many paragraphs match every unit, as far as the vocabulary tells (a search of one word; 0 when unknown): too many to send tells an engine not to ask. */
  atLeast?: number
  /**
   * About how many paragraphs match every unit, as far as the vocabulary tells, when it does:
   * when no phrase is asked of the engine (a phrase with too many choices is checked on the texts
   * instead), the words' estimate, every hit holding one of their terms (see
   * {@link expectedMatching}). An engine need not ask for them when more are expected than it
   * would send, nor, for a search of several units, when fewer are expected than the page
   * reaches (`reach`): its other hits' texts take a round trip of their own then.
   */
  expected?: number
  /** How far the page reaches into the ranking (offset plus limit). */
  reach?: number
}

/** What the columnar first phase reads of an index. */
export type ColumnarIndex = {
  /** The corpus statistics MiniSearch scores with. */
  stats: D1Stats
  /** Source, kind, position and field lengths of every paragraph. */
  columns: DocColumns
  /** Every index term of a searched field, for the terms within a word's typos. */
  dictionary: SortedWords
  /** The sources' ids, in index order. */
  sourceIds: readonly string[]
  /**
   * The postings of these terms (a term the corpus lacks is left out), the paragraphs whose text
   * holds each phrase, and those whose text holds each word as typed (folded, see `foldWord`):
   * short ids, ascending; and the terms' {@link TermOrder} if the index keeps it.
   *
   * @param hits - The paragraphs that match every unit of the search (see {@link HitsAmong}),
   *   described only when the engine asks (what it has not fetched yet): an engine may send them
   *   whole, texts included, when they are few, so that the texts the ranking and the page read
   *   need no round trip of their own.
   * @throws the engine's error for data not fetched yet (see `index-reader.ts`): with every term
   *   and phrase of the call, so one round trip fetches them all.
   */
  postings(terms: readonly string[], phrases: readonly Phrase[], words: readonly string[], hits?: () => HitsAmong): ColumnarPostings
  /**
   * How many paragraphs hold a term, as far as the index knows without a fetch (optional): the
   * vocabulary's counts of its words, summed (`Vocabulary.paragraphsWithTerm`), from above but for
   * a stem that does not start all its words, whose other words it misses; 0 when it does not
   * know. From it the first phase tells an engine how many paragraphs may match every unit
   * ({@link HitsAmong.expected}).
   */
  paragraphsWithTerm?(term: string): number
  /** Where the first phase keeps what it scored, for the next run of the same read (optional). */
  memo?: Map<string, unknown>
  /** The paragraph with this short id; its id, text and section read when read (a store gives them with the text: the first phase must not key on the id). */
  paragraph(shortId: number): Candidate['paragraph']
  /**
   * The texts of these paragraphs.
   *
   * @throws the engine's error for data not fetched yet, naming every paragraph of the call.
   */
  texts(shortIds: readonly number[]): string[]
}

/** Whether a query is for the columnar path: one word or phrase at least (exclusions alone are not). */
export function supportsColumnar(query: RetrievalQuery): boolean {
  return query.units.length > 0
}

/** Ids for strings, in the order first seen. */
class Ids {
  readonly names: string[] = []
  readonly #ids = new Map<string, number>()
  id(name: string): number {
    let id = this.#ids.get(name)
    if (id === undefined) this.#ids.set(name, (id = this.names.push(name) - 1))
    return id
  }
  get(name: string): number | undefined {
    return this.#ids.get(name)
  }
}

/** The fields a spec searches: the searched fields, or a phrase's common grams alone. */
type SpecFields = 'searched' | 'grams'

/** One MiniSearch query spec: a term, how it reaches index terms, and where it is searched. */
type Spec = { source: string; derived: { term: string; weight: number }[]; fields: SpecFields }

/** The specs of a unit: a word's own term then its alternatives (OR), or a phrase's groups (AND), each an OR of specs. */
type UnitSpecs = { kind: 'word'; own: Spec; alternatives: Spec[] } | { kind: 'phrase'; groups: Spec[][] }

/** The specs of a word, as `retrieval.ts` asks MiniSearch for it: its term (with typos), then its alternatives. */
function unitSpecs(unit: RetrievalUnit, dictionary: SortedWords): UnitSpecs {
  const exact = (term: string, fields: SpecFields = 'searched'): Spec => ({ source: term, derived: [{ term, weight: 1 }], fields })
  if (unit.kind === 'phrase') {
    const grams = new Set(unit.grams)
    return { kind: 'phrase', groups: unit.required.map((group) => (group.length === 1 && grams.has(group[0]!) ? [exact(group[0]!, 'grams')] : group.map((term) => exact(term)))) }
  }
  const derived = [{ term: unit.term, weight: 1 }]
  if (unit.typos > 0) {
    for (const { index, distance } of dictionary.fuzzy(unit.term, unit.typos)) {
      const term = dictionary.words[index]!
      if (distance) derived.push({ term, weight: fuzzyMatchWeight(term, distance) })
    }
  }
  return { kind: 'word', own: { source: unit.term, derived, fields: 'searched' }, alternatives: unit.alternatives.map((term) => exact(term)) }
}

/**
 * Puts the terms within a word's typos in the order MiniSearch adds them (see {@link TermOrder}),
 * the word's own term first, as `executeQuerySpec` scores it before the others. A term the order
 * lacks is in no paragraph: it adds nothing wherever it goes.
 */
function inMiniSearchOrder(derived: Spec['derived'], order: TermOrder): void {
  const own = derived[0]!
  const place = (term: string) => order.get(term) ?? Number.MAX_SAFE_INTEGER
  const typos = derived.slice(1).sort((a, b) => place(a.term) - place(b.term))
  derived.splice(0, derived.length, own, ...typos)
}

/** At least how many paragraphs match every unit of a search: known for a search of one word (see `WordUnit.paragraphsAtLeast`), 0 otherwise. */
function atLeastMatching(plan: QueryPlan): number {
  const [only, ...others] = plan.units
  return only?.kind === 'word' && others.length === 0 ? only.paragraphsAtLeast : 0
}

/**
 * About how many paragraphs match every word of a search: the estimate of a query optimizer
 * (System R's, Selinger et al. 1979), the corpus's paragraphs times each word's share, as if the
 * words were independent; a word's paragraphs counted as the paragraphs using its terms' words,
 * summed (see {@link ColumnarIndex.paragraphsWithTerm}: from above, mostly). A term it cannot count
 * adds nothing, so a word none of whose terms it counts is expected in no paragraph: an engine
 * then leaves the paragraphs to the round trip of the page's texts, which costs no more than a
 * wrong guess.
 *
 * @param words - Each word's terms (see {@link HitsAmong}).
 * @param paragraphs - The corpus's paragraphs.
 * @example
 * expectedMatching([['putin', 'putine'], ['macron']], 1000, (term) => ({ putin: 20, putine: 5, macron: 200 })[term] ?? 0) // => 5
 */
export function expectedMatching(words: readonly (readonly string[])[], paragraphs: number, paragraphsWithTerm: (term: string) => number): number {
  if (paragraphs === 0) return 0
  let expected = paragraphs
  for (const terms of words) {
    let holding = 0
    for (const term of terms) holding += paragraphsWithTerm(term)
    expected *= Math.min(holding, paragraphs) / paragraphs
  }
  return expected
}

/** Every spec of a unit. */
function specsOf(unit: UnitSpecs): Spec[] {
  return unit.kind === 'word' ? [unit.own, ...unit.alternatives] : unit.groups.flat()
}

/** A bit set per matched paragraph (by slot), `words` 32-bit words each. */
class SlotBits {
  readonly words: number
  readonly bits: Uint32Array
  constructor(words: number, capacity: number) {
    this.words = words
    this.bits = new Uint32Array(Math.max(1, capacity * words))
  }
  set(slot: number, bit: number): void {
    this.bits[slot * this.words + (bit >>> 5)]! |= 1 << (bit & 31)
  }
  has(slot: number, bit: number): boolean {
    return (this.bits[slot * this.words + (bit >>> 5)]! & (1 << (bit & 31))) !== 0
  }
  /** Whether the slot has any bit of `mask` (a bit set of the same width). */
  any(slot: number, mask: Uint32Array): boolean {
    const base = slot * this.words
    for (let w = 0; w < this.words; w++) if ((this.bits[base + w]! & mask[w]!) !== 0) return true
    return false
  }
  /** The slot's bits, counted. */
  count(slot: number): number {
    const base = slot * this.words
    let count = 0
    for (let w = 0; w < this.words; w++) count += bitCount(this.bits[base + w]!)
    return count
  }
  /** The bit set of the slot or'ed with `other`, counted. */
  countWith(slot: number, other: Uint32Array): number {
    const base = slot * this.words
    let count = 0
    for (let w = 0; w < this.words; w++) count += bitCount(this.bits[base + w]! | other[w]!)
    return count
  }
  list(slot: number, names: readonly string[], extra?: Uint32Array): string[] {
    const out: string[] = []
    for (let bit = 0; bit < names.length; bit++) {
      const inSlot = this.has(slot, bit)
      if (inSlot || (extra && (extra[bit >>> 5]! & (1 << (bit & 31))) !== 0)) out.push(names[bit]!)
    }
    return out
  }
}

/** How many bits of a 32-bit word are set (the SWAR population count). */
function bitCount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff
}

/** A bit set of the given ids, `words` wide. */
function maskOf(ids: Iterable<number | undefined>, words: number): Uint32Array {
  const mask = new Uint32Array(words)
  for (const id of ids) if (id !== undefined) mask[id >>> 5]! |= 1 << (id & 31)
  return mask
}

/**
 * The first phase of ranking over an index's compact postings (see the module).
 *
 * @param index - The columnar index.
 * @param query - The retrieval query (see {@link supportsColumnar}).
 * @param plan - The plan it came from (its units, in the same order as the query's).
 * @param titles - The sources whose titles matched (`matchUnitTitles`).
 * @param filters - Source and kind filters.
 * @param depth - How many of the ranking's first hits become candidates (at least {@link RESCORE_WINDOW} is taken).
 * @returns The ranking's first phase: its top hits in order, the totals and facets over all; and
 *   whether a hit's text holds a word as typed, for the second phase, without its text.
 * @throws whatever `index.postings` throws for postings not fetched yet.
 */
export function columnarFirstPhase(...request: FirstPhaseRequest): Ranking & { holdsWord: HoldsWord } {
  const [index, query, plan, , filters, depth] = request
  // The reader runs the query layer again once the page's texts are fetched: the matches are
  // scored once per read.
  const key = index.memo && memoKey(query, plan, filters, depth)
  let matches = key ? (index.memo!.get(key) as ScoredMatches | undefined) : undefined
  if (!matches) {
    matches = withMatchSlots(index.columns, (slots) => scoreMatches(slots, ...request))
    if (key) index.memo!.set(key, matches)
  }
  // The paragraphs too: each reads its text when read, so the next run finds the texts fetched since.
  let paragraphs = index.memo?.get(PARAGRAPHS_MEMO) as Map<number, Candidate['paragraph']> | undefined
  if (!paragraphs) {
    paragraphs = new Map()
    index.memo?.set(PARAGRAPHS_MEMO, paragraphs)
  }
  const paragraphOf = (doc: number) => paragraphs!.get(doc) ?? paragraphs!.set(doc, index.paragraph(doc)).get(doc)!
  const docOfHit = new Map<Ranked, number>()
  const hits = matches.top.map(({ doc, score, coverage, typos, sourceOrder, candidateScore, terms, queryTerms, paragraphTerms }) => {
    const candidate: Candidate = { paragraph: paragraphOf(doc), score: candidateScore, terms, queryTerms, paragraphTerms }
    const ranked: Ranked = { candidate, score, coverage, typos, sourceOrder }
    docOfHit.set(ranked, doc)
    return ranked
  })
  const words = matches.words
  const holdsWord: HoldsWord = (hit, folded) => {
    const docs = words.get(folded)
    const doc = docOfHit.get(hit)
    return docs && doc !== undefined ? sortedHas(docs, doc) : undefined
  }
  const { total, corrected, facets, unmatchedUnits } = matches
  return { holdsWord, hits, total, corrected, facets, unmatchedUnits: [...unmatchedUnits] }
}

/** Where {@link ColumnarIndex.memo} keeps the paragraphs made for candidates, by short id. */
const PARAGRAPHS_MEMO = 'paragraphs'

/** A hit of the first phase, before it becomes a candidate of this run of the query layer. */
type ScoredHit = Omit<Ranked, 'candidate'> & { doc: number; candidateScore: number; terms: string[]; queryTerms: string[]; paragraphTerms: string[] }

/** What the first phase found: its top hits in rank order, and the counts over all. */
type ScoredMatches = Omit<Ranking, 'hits'> & { top: ScoredHit[]; words: Map<string, Uint32Array> }

/** What makes one first phase differ from another within a read. */
function memoKey(query: RetrievalQuery, plan: QueryPlan, filters: RankFilters, depth: number): string {
  const units = plan.units.map((unit) => (unit.kind === 'word' ? [unit.text, unit.word.folded, [...unit.queryTerms], [...unit.exactTerms]] : [unit.text, unit.positions.map((terms) => [...terms])]))
  const weights = query.units.flatMap((unit) => (unit.kind === 'word' ? [unit.term, ...unit.alternatives] : unit.required.flat())).map((term) => query.weight(term))
  return JSON.stringify([query.units, query.excludedTerms, plan.excludedPhrases.map((phrase) => phrase.map((terms) => [...terms])), units, weights, [...filters.sources], [...filters.kinds], depth])
}

/** The arguments of {@link columnarFirstPhase}: the index, the query, its plan, the titles matched, the filters, the depth. */
type FirstPhaseRequest = [index: ColumnarIndex, query: RetrievalQuery, plan: QueryPlan, titles: ReadonlyMap<string, TitleMatch>, filters: RankFilters, depth: number]

/**
 * Where a search keeps its matches: `slotOf` gives each paragraph's slot (by short id; -1 for none
 * yet), `docOf` each slot's paragraph.
 */
type MatchSlots = { slotOf: Int32Array; docOf: Uint32Array }

/**
 * Spare `slotOf` arrays of each index (by its columns), every entry -1. One is the size of the
 * corpus (4 MB at 1M paragraphs): made once per index rather than once per search.
 */
const spareSlots = new WeakMap<DocColumns, Int32Array[]>()

/**
 * Runs `score` with match slots of its own, then resets the entries it set (over the slots it
 * used, not the corpus) and keeps them for the next search. Scoring is synchronous, so a search
 * holds them only while it runs: searches interleaved at their awaits never share them, and a
 * search within a search (none today) would get its own.
 */
function withMatchSlots<T>(columns: DocColumns, score: (slots: MatchSlots) => T): T {
  let spare = spareSlots.get(columns)
  if (!spare) spareSlots.set(columns, (spare = []))
  const slots: MatchSlots = { slotOf: spare.pop() ?? new Int32Array(columns.count).fill(-1), docOf: new Uint32Array(0) }
  try {
    return score(slots)
  } finally {
    // A slot not used yet holds 0: resetting paragraph 0 again is harmless.
    for (const doc of slots.docOf) slots.slotOf[doc] = -1
    spare.push(slots.slotOf)
  }
}

/**
 * One level of MiniSearch's query tree while a search is scored: each slot's sum at that level,
 * and which slots have one (`touched`, the first `count` entries; `marks` by slot), so a fold
 * visits only those.
 */
type SumLevel = { sum: Float64Array; touched: Uint32Array; marks: Uint8Array; count: number }

function sumLevel(capacity: number): SumLevel {
  return { sum: new Float64Array(capacity), touched: new Uint32Array(capacity), marks: new Uint8Array(capacity), count: 0 }
}

/**
 * Adds the sums of one level into the next (MiniSearch's OR: `existing.score + score`), clearing
 * the first; into `toSum` alone (the query's sums, whose slots are not tracked) when `to` is not given.
 */
function foldLevel(from: SumLevel, to: SumLevel | undefined, toSum = to!.sum): void {
  const { sum, touched, marks, count } = from
  if (to) {
    const toMarks = to.marks
    const toTouched = to.touched
    let toCount = to.count
    for (let i = 0; i < count; i++) {
      const slot = touched[i]!
      toSum[slot]! += sum[slot]!
      sum[slot] = 0
      marks[slot] = 0
      if (!toMarks[slot]) {
        toMarks[slot] = 1
        toTouched[toCount++] = slot
      }
    }
    to.count = toCount
  } else {
    for (let i = 0; i < count; i++) {
      const slot = touched[i]!
      toSum[slot]! += sum[slot]!
      sum[slot] = 0
      marks[slot] = 0
    }
  }
  from.count = 0
}

/**
 * Scores every match of a query and keeps the top of its ranking (see {@link columnarFirstPhase}).
 *
 * @param matchSlots - Where to keep the matches (see {@link withMatchSlots}): `docOf` is set here.
 */
function scoreMatches(matchSlots: MatchSlots, ...[index, query, plan, titles, filters, depth]: FirstPhaseRequest): ScoredMatches {
  const { stats, columns, dictionary } = index
  const units = query.units.map((unit) => unitSpecs(unit, dictionary))
  const wanted = new Set<string>(query.excludedTerms)
  for (const unit of units) for (const spec of specsOf(unit)) for (const { term } of spec.derived) wanted.add(term)
  // Phrases the engine finds (their paragraphs come with the postings); the others are checked on texts.
  const phraseUnits = plan.units.flatMap((unit, u) => (unit.kind === 'phrase' ? [{ u, positions: unit.positions.map((terms) => [...terms]) }] : []))
  const choices = (phrase: Phrase) => phrase.reduce((product, terms) => product * terms.length, 1)
  const found = phraseUnits.filter(({ positions }) => choices(positions) <= MAX_PHRASE_CHOICES)
  const excludedPhrases = plan.excludedPhrases.map((phrase) => phrase.map((terms) => [...terms]))
  // The words as typed, for the rescoring of the top (`finishRanking`): which paragraphs hold them.
  const typed = [...new Set(plan.units.flatMap((unit) => (unit.kind === 'word' ? [unit.word.folded] : [])))]
  // Where the paragraphs matching every unit are (each word's terms, each phrase the engine
  // finds), and how many the vocabulary expects (not of a phrase: its words' counts say little of
  // how often they come together). Made only for the run that fetches the postings.
  const among = (): HitsAmong => {
    const words = units.flatMap((unit) => (unit.kind === 'word' ? [[...new Set(specsOf(unit).flatMap((spec) => spec.derived.map(({ term }) => term)))]] : []))
    const expected = index.paragraphsWithTerm && found.length === 0 && words.length > 0 ? expectedMatching(words, stats.documentCount, (term) => index.paragraphsWithTerm!(term)) : undefined
    return { words, phrases: found.length, atLeast: atLeastMatching(plan), ...(expected === undefined ? {} : { expected, reach: depth }) }
  }
  const fetched = index.postings([...wanted], [...found.map(({ positions }) => positions), ...excludedPhrases], typed, among)
  const postings = fetched.postings
  if (fetched.termOrder) for (const unit of units) if (unit.kind === 'word') inMiniSearchOrder(unit.own.derived, fetched.termOrder)

  // Ids of the query terms and of the index terms matched, for the bit sets of each match.
  const queryIds = new Ids()
  const termIds = new Ids()
  for (const unit of units) {
    for (const spec of specsOf(unit)) {
      queryIds.id(spec.source)
      for (const { term } of spec.derived) termIds.id(term)
    }
  }
  for (const title of titles.values()) {
    for (const term of title.queryTerms) queryIds.id(term)
    for (const term of title.terms) termIds.id(term)
  }
  for (const unit of plan.units) if (unit.kind === 'word') for (const term of unit.exactTerms) termIds.id(term)
  const queryWords = Math.ceil(queryIds.names.length / 32) || 1
  const termWords = Math.ceil(termIds.names.length / 32) || 1

  let capacity = 0
  for (const term of wanted) for (const field of postings.get(term) ?? []) capacity += field.docs.length
  capacity = Math.min(capacity, columns.count)
  const slotOf = matchSlots.slotOf
  const docOf = (matchSlots.docOf = new Uint32Array(capacity))
  let slots = 0
  const queryBits = new SlotBits(queryWords, capacity)
  const termBits = new SlotBits(termWords, capacity)
  const inText = new Uint8Array(capacity)
  // Sums at each level of MiniSearch's query tree, by slot: one spec, a word's alternatives, a word, the query.
  const spec = sumLevel(capacity)
  const alternatives = sumLevel(capacity)
  const word = sumLevel(capacity)
  const querySum = new Float64Array(capacity)

  // A field's boost as MiniSearch reads it: `boost[field] || 1` (so the grams' 0 counts as 1).
  const searchedFields = SEARCHED_FIELDS.map((field) => ({ fieldId: stats.fieldIds[field]!, boost: FIELD_BOOSTS[field] || 1, isText: field === 'text' }))
  const fieldsOf = { searched: searchedFields, grams: [{ fieldId: stats.fieldIds[GRAMS_FIELD]!, boost: 1, isText: true }] }
  const documentCount = stats.documentCount
  // A phrase's matches are known only once all its groups matched: their bits wait here till then.
  let deferring = false
  const pending: number[] = []

  /** Scores one spec into the spec level's sums, as MiniSearch's `executeQuerySpec` and `termResults` do. */
  // MiniSearch's BM25+ parameters as locals: `bm25PlusScore`'s expression inlined (the same
  // values in the same order, so the same bits), without a call and property reads per posting.
  const { k, b, d } = BM25
  const runSpec = (querySpec: Spec) => {
    const termBoost = query.weight(querySpec.source)
    const sourceId = queryIds.id(querySpec.source)
    const { sum: specSum, marks: specMarks, touched: specTouched } = spec
    for (const { term, weight } of querySpec.derived) {
      const termPostings = postings.get(term)
      if (!termPostings) continue
      const derivedId = termIds.id(term)
      for (const { fieldId, boost, isText } of fieldsOf[querySpec.fields]) {
        const field = termPostings.find((candidate) => candidate.fieldId === fieldId)
        if (!field) continue
        const { docs, tfs } = field
        const matching = docs.length
        const averageLength = stats.averageFieldLength[fieldId]!
        const lengths = columns.lengths[fieldId]!
        const invDocFreq = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5))
        const factor = weight * termBoost * boost
        let touchedCount = spec.count
        for (let n = 0; n < matching; n++) {
          const doc = docs[n]!
          const tf = tfs[n]!
          const raw = invDocFreq * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * lengths[doc]!) / averageLength)))
          let slot = slotOf[doc]!
          if (slot < 0) {
            slot = slotOf[doc] = slots++
            docOf[slot] = doc
          }
          if (!specMarks[slot]) {
            specMarks[slot] = 1
            specTouched[touchedCount++] = slot
          }
          specSum[slot]! += factor * 1 * raw
          if (deferring) {
            pending.push(slot, sourceId, derivedId, isText ? 1 : 0)
          } else {
            queryBits.set(slot, sourceId)
            termBits.set(slot, derivedId)
            if (isText) inText[slot] = 1
          }
        }
        spec.count = touchedCount
      }
    }
  }
  // How many groups of the phrase being scored each slot matched.
  const groupsMatched = new Uint16Array(capacity)
  for (const unit of units) {
    if (unit.kind === 'word') {
      runSpec(unit.own)
      foldLevel(spec, word)
      for (const alternative of unit.alternatives) {
        runSpec(alternative)
        foldLevel(spec, alternatives)
      }
      foldLevel(alternatives, word)
      foldLevel(word, undefined, querySum)
      continue
    }
    // A phrase: each group an OR of its specs, the groups combined with AND (`a + b` for a
    // paragraph in both), and the phrase's bits kept for the paragraphs that matched them all.
    deferring = true
    pending.length = 0
    const slotsOfPhrase: number[] = []
    unit.groups.forEach((group, g) => {
      for (const groupSpec of group) {
        runSpec(groupSpec)
        foldLevel(spec, alternatives)
      }
      for (let i = 0; i < alternatives.count; i++) {
        const slot = alternatives.touched[i]!
        if (groupsMatched[slot] === g) {
          groupsMatched[slot] = g + 1
          word.sum[slot]! += alternatives.sum[slot]!
          if (g === 0) slotsOfPhrase.push(slot)
        }
        alternatives.sum[slot] = 0
        alternatives.marks[slot] = 0
      }
      alternatives.count = 0
    })
    deferring = false
    const all = unit.groups.length
    for (let i = 0; i < pending.length; i += 4) {
      const slot = pending[i]!
      if (groupsMatched[slot] !== all) continue
      queryBits.set(slot, pending[i + 1]!)
      termBits.set(slot, pending[i + 2]!)
      if (pending[i + 3]) inText[slot] = 1
    }
    for (const slot of slotsOfPhrase) {
      if (groupsMatched[slot] === all) querySum[slot]! += word.sum[slot]!
      word.sum[slot] = 0
      groupsMatched[slot] = 0
    }
  }

  // Excluded words: out if in the text.
  const excluded = new Uint8Array(slots)
  const textFieldId = stats.fieldIds['text']!
  for (const term of query.excludedTerms) {
    const field = postings.get(term)?.find((candidate) => candidate.fieldId === textFieldId)
    for (const doc of field?.docs ?? []) if (slotOf[doc]! >= 0) excluded[slotOf[doc]!] = 1
  }

  // The ranking's first phase, per match, as `rankCandidates` does it.
  const sourceIds = index.sourceIds
  const titleBySource = sourceIds.map((id) => {
    const title = titles.get(id)
    return title && { title, queryMask: maskOf(title.queryTerms.map((term) => queryIds.get(term)), queryWords), termMask: maskOf(title.terms.map((term) => termIds.get(term)), termWords) }
  })
  const unitMasks = plan.units.map((unit) =>
    unit.kind === 'word' ? { query: maskOf([...unit.queryTerms].map((term) => queryIds.get(term)), queryWords), exact: maskOf([...unit.exactTerms].map((term) => termIds.get(term)), termWords) } : undefined
  )

  // Phrases: a candidate holds every phrase, each as consecutive words of its text, and no
  // excluded phrase. The engine found the paragraphs of most; the others are checked on the texts
  // of the candidates holding every group of every phrase (in text, section or source's title).
  const holdsAll = new Uint16Array(slots)
  const phraseDocs = fetched.phrases
  found.forEach((_, i) => {
    for (const doc of phraseDocs[i]!) if (slotOf[doc]! >= 0) holdsAll[slotOf[doc]!]!++
  })
  for (const docs of phraseDocs.slice(found.length)) for (const doc of docs) if (slotOf[doc]! >= 0) excluded[slotOf[doc]!] = 1
  const onText = phraseUnits.length > found.length
  const phraseGroups = plan.units.flatMap((unit) => (unit.kind === 'phrase' ? unit.required.map((group) => maskOf(group.map((term) => termIds.get(term)), termWords)) : []))
  const checked: number[] = []
  for (let slot = 0; slot < slots; slot++) {
    if (excluded[slot] || !inText[slot]) continue
    if (holdsAll[slot] !== found.length) {
      excluded[slot] = 1
      continue
    }
    if (!onText) continue
    const titled = titleBySource[columns.source[docOf[slot]!]!]
    if (phraseGroups.every((group) => termBits.any(slot, group) || (titled !== undefined && anyMask(titled.termMask, group)))) checked.push(slot)
    else excluded[slot] = 1
  }
  if (checked.length > 0) {
    const texts = index.texts(checked.map((slot) => docOf[slot]!))
    checked.forEach((slot, i) => {
      if (!phrasesHold(texts[i]!, plan)) excluded[slot] = 1
    })
  }

  const unitMatched = new Array<boolean>(plan.units.length).fill(false)
  const facets: SearchFacets = { source: {}, kind: {} }
  const sourceCounts = new Uint32Array(sourceIds.length)
  const kindCounts = new Uint32Array(PARAGRAPH_KINDS.length)
  const hitSlots: number[] = []
  // Per kind and per source, once, rather than per match: the kind's weight, whether the filters let it through.
  const kindWeights = PARAGRAPH_KINDS.map((name) => kindWeight(name))
  const kindAllowed = PARAGRAPH_KINDS.map((name) => filters.kinds.size === 0 || filters.kinds.has(name))
  const sourceAllowed = sourceIds.map((id) => filters.sources.size === 0 || filters.sources.has(id))
  const score = new Float64Array(slots)
  const coverage = new Uint8Array(slots)
  const typos = new Uint8Array(slots)
  let corrected = 0
  const sourceOf = columns.source
  const kindOf = columns.kind
  const unitCount = plan.units.length
  for (let slot = 0; slot < slots; slot++) {
    if (excluded[slot] || !inText[slot]) continue
    const doc = docOf[slot]!
    const source = sourceOf[doc]!
    const kind = kindOf[doc]!
    const matchedQueryTerms = queryBits.count(slot)
    let own = querySum[slot]! * (matchedQueryTerms || 1)
    const titled = titleBySource[source]
    if (titled) own = scoreWithTitle(own, matchedQueryTerms, titled.title.score, queryBits.countWith(slot, titled.queryMask))
    let covered = 0
    let typed = 0
    for (let u = 0; u < unitCount; u++) {
      const masks = unitMasks[u]
      if (!masks) {
        // A phrase left here occurs in the text (checked above).
        covered++
        unitMatched[u] = true
        continue
      }
      if (!queryBits.any(slot, masks.query) && !(titled && anyMask(titled.queryMask, masks.query))) continue
      covered++
      unitMatched[u] = true
      if (!termBits.any(slot, masks.exact) && !(titled && anyMask(titled.termMask, masks.exact))) typed++
    }
    const sourceOk = sourceAllowed[source]!
    const kindOk = kindAllowed[kind]!
    if (kindOk) sourceCounts[source]!++
    if (sourceOk) kindCounts[kind]!++
    if (!sourceOk || !kindOk) continue
    score[slot] = own * kindWeights[kind]!
    coverage[slot] = covered
    typos[slot] = typed
    if (typed > 0) corrected++
    hitSlots.push(slot)
  }
  sourceCounts.forEach((count, i) => {
    if (count > 0) facets.source[sourceIds[i]!] = count
  })
  kindCounts.forEach((count, i) => {
    if (count > 0) facets.kind[PARAGRAPH_KINDS[i]!] = count
  })
  // Shared by every run of the query layer within a read (the memo), so never changed once made:
  // copying them for each run (hundreds of sources at 100k) cost more than the rest of the run.
  Object.freeze(facets.source)
  Object.freeze(facets.kind)
  Object.freeze(facets)

  // The top of the ranking, in the ranking's order (`compareRanked`), as candidates.
  const compare = (a: number, b: number) =>
    coverage[b]! - coverage[a]! ||
    typos[a]! - typos[b]! ||
    score[b]! - score[a]! ||
    columns.source[docOf[a]!]! - columns.source[docOf[b]!]! ||
    columns.position[docOf[a]!]! - columns.position[docOf[b]!]!
  const take = Math.min(hitSlots.length, Math.max(depth, RESCORE_WINDOW))
  const top = selectTop(hitSlots, take, compare)
  const hits: ScoredHit[] = top.map((slot) => {
    const doc = docOf[slot]!
    const source = columns.source[doc]!
    const titled = titleBySource[source]
    const paragraphTerms = termBits.list(slot, termIds.names)
    const ownQueryTerms = queryBits.list(slot, queryIds.names)
    const terms = titled ? [...new Set([...paragraphTerms, ...titled.title.terms])] : paragraphTerms
    const queryTerms = titled ? [...new Set([...ownQueryTerms, ...titled.title.queryTerms])] : ownQueryTerms
    let candidateScore = querySum[slot]! * (ownQueryTerms.length || 1)
    if (titled) candidateScore = scoreWithTitle(candidateScore, ownQueryTerms.length, titled.title.score, queryTerms.length)
    return { doc, score: score[slot]!, coverage: coverage[slot]!, typos: typos[slot]!, sourceOrder: source, candidateScore, terms, queryTerms, paragraphTerms }
  })
  return {
    top: hits,
    words: fetched.words,
    total: hitSlots.length,
    corrected,
    // Already in source order and kind order (`orderFacets`): counted by index, kept in that order.
    facets,
    unmatchedUnits: unitMatched.flatMap((matched, u) => (matched ? [] : [u])),
  }
}

/** Whether an ascending array holds a value (binary search). */
function sortedHas(sorted: Uint32Array, value: number): boolean {
  let lo = 0
  let hi = sorted.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const at = sorted[mid]!
    if (at === value) return true
    if (at < value) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

function anyMask(a: Uint32Array, b: Uint32Array): boolean {
  for (let w = 0; w < Math.min(a.length, b.length); w++) if ((a[w]! & b[w]!) !== 0) return true
  return false
}

/** The first `take` items of `items` in `compare` order (a full sort when most are taken, else a bounded selection). */
function selectTop(items: number[], take: number, compare: (a: number, b: number) => number): number[] {
  if (take >= items.length / 4) return items.sort(compare).slice(0, take)
  // Quickselect's partition around the take-th item, then a sort of the part kept.
  let lo = 0
  let hi = items.length - 1
  while (lo < hi) {
    const pivot = items[(lo + hi) >>> 1]!
    let i = lo
    let j = hi
    while (i <= j) {
      while (compare(items[i]!, pivot) < 0) i++
      while (compare(items[j]!, pivot) > 0) j--
      if (i <= j) {
        const swap = items[i]!
        items[i++] = items[j]!
        items[j--] = swap
      }
    }
    if (take - 1 <= j) hi = j
    else if (take - 1 >= i) lo = i
    else break
  }
  return items.slice(0, take).sort(compare)
}
