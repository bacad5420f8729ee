/**
 * @module
 * The query plan: what each word and phrase of a parsed query stands for in index terms (its own
 * term, the completions of a word being typed or followed by `*`, the corrections of a misspelt
 * word), what is excluded, and the weights of the terms. The plan is all the later stages share:
 * the retrieval engine is asked for its units (`retrieval.ts`), the ranking counts them
 * (`rank.ts`), the highlights classify the words they matched (`highlight.ts`).
 */
import { FUZZY_WEIGHT } from './bm25.ts'
import type { ParsedQuery, QueryWord } from './query.ts'
import type { RetrievalQuery, RetrievalUnit } from './retrieval.ts'
import { phraseGrams, typoBudget } from './terms.ts'
import type { Completion, Vocabulary } from './vocabulary.ts'

/** A word of the query as planned. */
export type WordUnit = {
  kind: 'word'
  /** The word as parsed. */
  word: QueryWord
  /** The query word as typed. */
  text: string
  /** Terms of the words it completes (being typed, or followed by `*`), its own term left out. */
  completionTerms: ReadonlySet<string>
  /** Terms of the words it may be a misspelling of, neither its own term nor a completion. */
  correctionTerms: ReadonlySet<string>
  /** Typos the engine may allow on its term (0 for none). */
  typos: number
  /** Terms that match it without a typo: its own and its completions. */
  exactTerms: ReadonlySet<string>
  /** Every term sent for it. */
  queryTerms: ReadonlySet<string>
  /**
   * At least this many paragraphs hold one of its exact terms: the most any one of its words
   * (the word as typed, or a completion) is used in, as the vocabulary counts them; 0 when it
   * counts none. A lower bound, for an engine to know a search is broad before it asks.
   */
  paragraphsAtLeast: number
}

/** A quoted phrase as planned. */
export type PhraseUnit = {
  kind: 'phrase'
  /** Its words as parsed. */
  words: readonly QueryWord[]
  /** The phrase as typed, its words joined by spaces. */
  text: string
  /** The terms each position accepts: one, or a word's completions when it is a prefix. */
  positions: readonly ReadonlySet<string>[]
  /**
   * What a candidate must hold: every significant word's term (or one of its completions), and
   * the common grams of its adjacent function words (see `phraseGrams`).
   */
  required: readonly (readonly string[])[]
  /** Common grams among {@link required}. */
  grams: readonly string[]
  /** Every term required, flattened. */
  exactTerms: ReadonlySet<string>
  /** Same as {@link exactTerms}. */
  queryTerms: ReadonlySet<string>
}

/** A word or phrase of the query, as the ranking counts it. */
export type QueryUnit = WordUnit | PhraseUnit

/** A parsed query, planned. */
export type QueryPlan = {
  /** Words, then phrases. */
  units: QueryUnit[]
  /** Function words searched alongside other words: marked only when nothing else is, never counted. */
  weakWords: QueryWord[]
  /** Terms that must not occur in the text (excluded words, and excluded phrases of one word). */
  excludedTerms: string[]
  /** Phrases of two words or more that must not occur in the text, as terms per position. */
  excludedPhrases: (readonly ReadonlySet<string>[])[]
  /** The query holds only exclusions: every paragraph without them matches. */
  exclusionOnly: boolean
  /** The weight of a term sent to the engine: 1, or less for completions and corrections. */
  weight(term: string): number
}

/** How the plan is made. */
export type PlanOptions = {
  /** Complete the last word while it is being typed. */
  prefix: boolean
  /** Tolerate typos by word length (see `typoBudget`). */
  fuzzy: boolean
}

/** Most words, phrases, excluded words and excluded phrases searched, each. */
export const MAX_QUERY_WORDS = 10
/** Most corrections tried for a misspelt word. */
const MAX_CORRECTIONS = 10
/** Weight of a completed word against the word as typed (MiniSearch weighs its own prefix matches 0.375). */
const COMPLETION_WEIGHT = 0.5
/** Weight of a corrected word: as MiniSearch weighs its own fuzzy matches. */
const CORRECTION_WEIGHT = FUZZY_WEIGHT

/**
 * Most completions tried for a word being typed: a longer prefix says more, so it may expand to
 * more words (a single letter to the 4 most used, as Typesense's `max_candidates` does), up to 30.
 */
function completionLimit(prefix: string): number {
  return Math.min(30, 4 * [...prefix].length)
}

/** The words a prefix completes. */
function completionsOf(word: QueryWord, vocabulary: Vocabulary): Completion[] {
  return vocabulary.complete(word.folded, completionLimit(word.folded))
}

/** The terms of a word's completions, its own term first. */
function completionTermsOf(word: QueryWord, completed: readonly Completion[]): string[] {
  return [...new Set([word.term, ...completed.map((completion) => completion.term)])]
}

/**
 * Plans a parsed query against a vocabulary.
 *
 * @example
 * planQuery(parseQuery('chemcal weap'), vocabulary, { prefix: true, fuzzy: true }).units.map((u) => u.kind === 'word' && [...u.correctionTerms, ...u.completionTerms])
 * // => [['chemic'], ['weapon']]
 */
export function planQuery(parsed: ParsedQuery, vocabulary: Vocabulary, options: PlanOptions): QueryPlan {
  // Function words count only when the query has nothing else.
  const hasSignificant = parsed.words.some((word) => !word.stopWord) || parsed.phrases.length > 0
  // Words past the tenth are ignored, as Meilisearch does: they add cost, rarely relevance.
  const words = (hasSignificant ? parsed.words.filter((word) => !word.stopWord) : parsed.words).slice(0, MAX_QUERY_WORDS)
  const weights = new Map<string, number>()
  const units: QueryUnit[] = words.map((word) => {
    const typing = options.prefix && parsed.lastWordIsPrefix && word === parsed.words.at(-1)
    const completed = word.prefix || typing ? completionsOf(word, vocabulary) : undefined
    const completions = completed ? completionTermsOf(word, completed) : [word.term]
    // A word asked for as a prefix is not corrected: the `*` says the letters are meant.
    const corrections =
      options.fuzzy && !word.prefix ? vocabulary.correct(word.folded, typoBudget(word.text), MAX_CORRECTIONS).map((c) => c.term).filter((term) => !completions.includes(term)) : []
    for (const term of completions) if (term !== word.term && !weights.has(term)) weights.set(term, COMPLETION_WEIGHT)
    for (const term of corrections) if (!weights.has(term)) weights.set(term, CORRECTION_WEIGHT)
    // Typos on the index term are bounded by the term's length too: a long word with a short stem
    // ("cooperation", "cooper") must not reach other short stems ("confer") two edits away.
    const typos = options.fuzzy && !word.prefix ? Math.min(typoBudget(word.text), typoBudget(word.term)) : 0
    return {
      kind: 'word',
      word,
      text: word.text,
      completionTerms: new Set(completions.filter((term) => term !== word.term)),
      correctionTerms: new Set(corrections),
      typos,
      exactTerms: new Set(completions),
      queryTerms: new Set([...completions, ...corrections]),
      paragraphsAtLeast: Math.max(vocabulary.paragraphsUsing(word.folded), ...(completed ?? []).map((completion) => completion.used)),
    }
  })
  // Words typed as such outrank the same terms reached by completion or correction.
  for (const word of words) weights.set(word.term, 1)
  parsed.phrases.slice(0, MAX_QUERY_WORDS).forEach((phrase, i, phrases) => {
    const typing = options.prefix && parsed.lastPhraseIsPrefix && i === phrases.length - 1
    units.push(planPhrase(phrase, vocabulary, typing))
  })
  for (const unit of units) if (unit.kind === 'phrase') for (const term of unit.exactTerms) if (!weights.has(term)) weights.set(term, 1)

  const excludedPhrases = parsed.excludedPhrases.slice(0, MAX_QUERY_WORDS)
  return {
    units,
    weakWords: hasSignificant ? parsed.words.filter((word) => word.stopWord) : [],
    excludedTerms: [...parsed.excludedWords.slice(0, MAX_QUERY_WORDS), ...excludedPhrases.filter((phrase) => phrase.length === 1).flat()].map((word) => word.term),
    excludedPhrases: excludedPhrases.filter((phrase) => phrase.length > 1).map((phrase) => phrase.map((word) => new Set([word.term]))),
    exclusionOnly: units.length === 0 && (parsed.excludedWords.length > 0 || parsed.excludedPhrases.length > 0),
    weight: (term) => weights.get(term) ?? 1,
  }
}

/**
 * Plans a phrase: its candidates are found by its significant words and by the common grams of
 * its adjacent function words; whether the words are consecutive is checked on the text.
 */
function planPhrase(words: readonly QueryWord[], vocabulary: Vocabulary, typing: boolean): PhraseUnit {
  const positions = words.map((word, i) => new Set(word.prefix || (typing && i === words.length - 1) ? completionTermsOf(word, completionsOf(word, vocabulary)) : [word.term]))
  const grams = [...new Set(phraseGrams(words))]
  const significant = words.flatMap((word, i) => (word.stopWord ? [] : [[...positions[i]!]]))
  // A phrase of function words that are never adjacent in pairs ("to be" is one pair; "the" alone
  // is no phrase) falls back to requiring every word.
  const required = significant.length + grams.length > 0 ? [...significant, ...grams.map((gram) => [gram])] : positions.map((terms) => [...terms])
  const exactTerms = new Set(required.flat())
  return { kind: 'phrase', words, text: words.map((word) => word.text).join(' '), positions, required, grams, exactTerms, queryTerms: exactTerms }
}

/**
 * What the retrieval engine is asked for a plan (see `retrieval.ts`): each word as its term, the
 * typos allowed on it and its other terms; each phrase as its required groups of terms.
 */
export function retrievalQuery(plan: QueryPlan): RetrievalQuery {
  const units = plan.units.map((unit): RetrievalUnit =>
    unit.kind === 'word'
      ? { kind: 'word', term: unit.word.term, typos: unit.typos, alternatives: [...unit.queryTerms].filter((term) => term !== unit.word.term) }
      : { kind: 'phrase', required: unit.required, grams: unit.grams }
  )
  return { units, excludedTerms: plan.excludedTerms, weight: plan.weight }
}
