/**
 * @module
 * Where a paragraph matched a query: character spans of the words and phrases to mark, each with
 * the query word it matches and how (exact, stem, completion, typo; see `MatchKind`). Words are
 * compared by index term, so a highlight covers whatever made the paragraph match, stemmed,
 * corrected or completed; "exact" compares folded forms (`foldWord`), the one folding of every
 * stage.
 */
import type { HitMatch, MatchKind } from './api-types.ts'
import type { QueryPlan, WordUnit } from './query-plan.ts'
import { editDistance, foldWord, processTerm, tokenizeWithOffsets, type Token } from './terms.ts'

/** A range of a text, as offsets: `text.slice(start, end)`. */
export type Span = {
  start: number
  end: number
}

/** What to highlight. */
export type HighlightTerms = {
  /** Index terms whose words are marked one by one. */
  terms: ReadonlySet<string>
  /** Phrases, as sequences of index terms; each occurrence is marked as one span. */
  phrases?: readonly (readonly string[])[]
  /** Terms marked only when nothing else is (function words of a query). */
  weakTerms?: ReadonlySet<string>
}

/**
 * The index terms of a text's words, in order (`null` for a word with no term).
 *
 * @example
 * textTerms('Red lines.') // => ['red', 'line']
 */
export function textTerms(text: string): (string | null)[] {
  return tokenizeWithOffsets(text).map((token) => processTerm(token.text))
}

/**
 * Where a phrase occurs in a sequence of terms: the index of its first term, or -1.
 *
 * @param terms - The terms of a text (see {@link textTerms}).
 * @param phrase - The phrase's terms, in order.
 * @param from - Where to start looking.
 *
 * @example
 * indexOfPhrase(['a', 'red', 'line'], ['red', 'line']) // => 1
 */
export function indexOfPhrase(terms: readonly (string | null)[], phrase: readonly (string | ReadonlySet<string>)[], from = 0): number {
  if (phrase.length === 0) return -1
  outer: for (let i = from; i + phrase.length <= terms.length; i++) {
    for (let j = 0; j < phrase.length; j++) {
      const wanted = phrase[j]!
      const term = terms[i + j]
      if (typeof wanted === 'string' ? term !== wanted : term === null || term === undefined || !wanted.has(term)) continue outer
    }
    return i
  }
  return -1
}

/**
 * Finds the spans to mark in a text: each occurrence of a phrase as one span, and each word whose
 * term is wanted, outside phrases. Spans are sorted and do not overlap.
 *
 * @example
 * findHighlights('The weapons, a "red line".', { terms: new Set(['weapon']), phrases: [['red', 'line']] })
 * // => [{ start: 4, end: 11 }, { start: 16, end: 24 }]
 */
export function findHighlights(text: string, wanted: HighlightTerms): Span[] {
  const tokens = tokenizeWithOffsets(text)
  const terms = tokens.map((token) => processTerm(token.text))
  const spans: Span[] = []
  const inPhrase = new Array<boolean>(tokens.length).fill(false)

  for (const phrase of wanted.phrases ?? []) {
    for (let i = indexOfPhrase(terms, phrase); i >= 0; i = indexOfPhrase(terms, phrase, i + 1)) {
      if (inPhrase.slice(i, i + phrase.length).some(Boolean)) continue
      spans.push({ start: tokens[i]!.start, end: tokens[i + phrase.length - 1]!.end })
      inPhrase.fill(true, i, i + phrase.length)
    }
  }

  const markTerms = (set: ReadonlySet<string>) => {
    tokens.forEach((token, i) => {
      if (!inPhrase[i] && set.has(terms[i]!)) spans.push({ start: token.start, end: token.end })
    })
  }
  markTerms(wanted.terms)
  if (spans.length === 0 && wanted.weakTerms) markTerms(wanted.weakTerms)
  return spans.sort((a, b) => a.start - b.start)
}

/** The closest way one word of a text matched each unit of a query, and the words it matched. */
export type UnitMatch = {
  /** The closest {@link MatchKind} found, or `null` when the unit matched nothing here. */
  match: MatchKind | null
  /** The words of the text that matched it, as written, each once. */
  forms: string[]
}

/** Where and how a text matched a query. */
export type TextMatches = {
  /** Sorted, non-overlapping matches. */
  matches: HitMatch[]
  /** Per unit of the plan, in its order. */
  units: UnitMatch[]
}

const KIND_ORDER: Record<MatchKind, number> = { exact: 0, stem: 1, completion: 2, typo: 3 }

/** The looser of two match kinds. */
function looser(a: MatchKind, b: MatchKind): MatchKind {
  return KIND_ORDER[a] >= KIND_ORDER[b] ? a : b
}

/** How a word of a text (its folded form and term) matches a planned word, or `null`. */
function classifyWord(unit: WordUnit, folded: () => string, term: string, fuzzyTerms: ReadonlySet<string>): MatchKind | null {
  if (term === unit.word.term) return folded() === unit.word.folded ? 'exact' : 'stem'
  if (unit.completionTerms.has(term)) return folded() === unit.word.folded ? 'exact' : 'completion'
  if (unit.correctionTerms.has(term)) return 'typo'
  // A typo the engine allowed on the word's term: only a term the engine reported, within the budget.
  if (unit.typos > 0 && fuzzyTerms.has(term) && editDistance(term, unit.word.term, unit.typos) <= unit.typos) return 'typo'
  return null
}

const NO_TERMS: ReadonlySet<string> = new Set()

/** What findMatches needs of a plan, worked out once per plan. */
type PlanWords = {
  /** The word units, with their index in the plan. */
  words: [number, WordUnit][]
  /** Every term a word unit asked for. */
  terms: ReadonlySet<string>
  /** Their first code units (see {@link mayBeOneOf}). */
  initials: ReadonlySet<number>
  /** Whether some word allows the engine typos on its term. */
  fuzzy: boolean
}

const planWords = new WeakMap<QueryPlan, PlanWords>()

function wordsOf(plan: QueryPlan): PlanWords {
  let found = planWords.get(plan)
  if (!found) {
    const words: [number, WordUnit][] = []
    const terms = new Set<string>()
    plan.units.forEach((unit, u) => {
      if (unit.kind !== 'word') return
      words.push([u, unit])
      for (const term of unit.queryTerms) terms.add(term)
    })
    planWords.set(plan, (found = { words, terms, initials: initialsOf(terms), fuzzy: words.some(([, unit]) => unit.typos > 0) }))
  }
  return found
}

/** The engine's terms that no unit asked for: what only a typo allowed on a word's term explains. */
function fuzzyTermsOf(plan: QueryPlan, engineTerms: Iterable<string> | undefined): ReadonlySet<string> {
  const { fuzzy, terms } = wordsOf(plan)
  if (!engineTerms || !fuzzy) return NO_TERMS
  let found: Set<string> | undefined
  for (const term of engineTerms) {
    if (terms.has(term) || plan.units.some((unit) => unit.queryTerms.has(term))) continue
    ;(found ??= new Set()).add(term)
  }
  return found ?? NO_TERMS
}

/** The first code units of terms: what {@link mayBeOneOf} compares a word of a text with. */
function initialsOf(...termSets: ReadonlySet<string>[]): Set<number> {
  const initials = new Set<number>()
  for (const terms of termSets) for (const term of terms) initials.add(term.charCodeAt(0))
  return initials
}

/**
 * Whether a word of a text can have one of the terms whose first code units are `initials`,
 * without stemming it. Rests on two rules of `processTerm`: folding turns an ASCII first letter
 * into its lower case (a word starts with a letter or digit, which folding keeps), and the Porter2
 * stemmer changes a word's ending, never its first letter (test/core/highlight.test.ts checks it
 * on every word of a real English vocabulary). A word starting outside ASCII may fold to anything:
 * it is not ruled out.
 */
function mayBeOneOf(word: string, initials: ReadonlySet<number>): boolean {
  const first = word.charCodeAt(0)
  if (first >= 128) return true
  return initials.has(first >= 65 && first <= 90 ? first + 32 : first)
}

/**
 * Finds where a text matched a query, and how: each occurrence of a phrase as one match, each
 * word matching a word of the query outside phrases, and, only when nothing else matched, the
 * query's function words.
 *
 * @param text - The text: a paragraph, a section heading or a title.
 * @param plan - The planned query.
 * @param engineTerms - The index terms the engine matched in this paragraph: a word within the
 *   typo budget of a query word is a typo match only if the engine found it.
 *
 * @example
 * findMatches('Red lines, a red line.', planQuery(parseQuery('"red line"'), vocabulary, options)).matches
 * // => [{ start: 0, end: 9, query: 'red line', match: 'stem' }, { start: 13, end: 21, query: 'red line', match: 'exact' }]
 */
export function findMatches(text: string, plan: QueryPlan, engineTerms?: Iterable<string>): TextMatches {
  const tokens: Token[] = tokenizeWithOffsets(text)
  // Stemming every word of the text is most of the cost: a phrase reads them all, the other
  // units only the words that can be what they want (see `mayBeOneOf`), so those stem lazily.
  const phraseTerms = plan.units.some((unit) => unit.kind === 'phrase') ? tokens.map((token) => processTerm(token.text)) : undefined
  const terms: (string | null | undefined)[] = phraseTerms ?? new Array(tokens.length)
  const termAt = (i: number): string | null => (terms[i] !== undefined ? terms[i] : (terms[i] = processTerm(tokens[i]!.text)))
  // Folded only where a comparison needs it.
  const foldedWords = new Array<string | undefined>(tokens.length)
  const folded = (i: number) => (foldedWords[i] ??= foldWord(tokens[i]!.text))
  const matches: HitMatch[] = []
  const units: UnitMatch[] = plan.units.map(() => ({ match: null, forms: [] }))
  const inPhrase = new Array<boolean>(tokens.length).fill(false)
  const fuzzyTerms = fuzzyTermsOf(plan, engineTerms)
  const record = (u: number, match: MatchKind, form: string) => {
    const unit = units[u]!
    unit.match = unit.match === null || KIND_ORDER[match] < KIND_ORDER[unit.match] ? match : unit.match
    if (!unit.forms.includes(form)) unit.forms.push(form)
  }

  plan.units.forEach((unit, u) => {
    if (unit.kind !== 'phrase') return
    for (let i = indexOfPhrase(phraseTerms!, unit.positions); i >= 0; i = indexOfPhrase(phraseTerms!, unit.positions, i + 1)) {
      if (inPhrase.slice(i, i + unit.positions.length).some(Boolean)) continue
      let match: MatchKind = 'exact'
      unit.words.forEach((word, j) => {
        const kind = folded(i + j) === word.folded ? 'exact' : terms[i + j] === word.term ? 'stem' : 'completion'
        match = looser(match, kind)
      })
      const start = tokens[i]!.start
      const end = tokens[i + unit.positions.length - 1]!.end
      matches.push({ start, end, query: unit.text, match })
      record(u, match, text.slice(start, end))
      inPhrase.fill(true, i, i + unit.positions.length)
    }
  })

  // Most words of a text match nothing: the set of every term a word asked for rules them out at once.
  const { words: wordUnits, terms: wanted, initials: wantedInitials } = wordsOf(plan)
  const initials = fuzzyTerms.size === 0 ? wantedInitials : initialsOf(wanted, fuzzyTerms)
  for (let i = 0; i < tokens.length; i++) {
    if (inPhrase[i] || !mayBeOneOf(tokens[i]!.text, initials)) continue
    const term = termAt(i)
    if (!term || !(wanted.has(term) || fuzzyTerms.has(term))) continue
    let best = -1
    let bestMatch: MatchKind = 'typo'
    for (const [u, unit] of wordUnits) {
      const match = classifyWord(unit, () => folded(i), term, fuzzyTerms)
      if (match !== null && (best < 0 || KIND_ORDER[match] < KIND_ORDER[bestMatch])) [best, bestMatch] = [u, match]
    }
    if (best < 0) continue
    const token = tokens[i]!
    matches.push({ start: token.start, end: token.end, query: plan.units[best]!.text, match: bestMatch })
    record(best, bestMatch, token.text)
  }

  if (matches.length === 0 && plan.weakWords.length > 0) {
    tokens.forEach((token, i) => {
      const word = plan.weakWords.find((weak) => weak.term === termAt(i))
      if (word) matches.push({ start: token.start, end: token.end, query: word.text, match: folded(i) === word.folded ? 'exact' : 'stem' })
    })
  }
  return { matches: matches.sort((a, b) => a.start - b.start), units }
}
