/**
 * @module
 * "Also reported by": for each paragraph, the paragraphs of the other sources that report the same
 * fact. Computed once at build time, so the Worker only looks the answer up.
 *
 * Two paragraphs are compared word by word, as in the knowledge-based text similarity of Mihalcea,
 * Corley and Strapparava (AAAI 2006): each word of one text is matched to the other text (1 for
 * the same term, {@link CONCEPT_MATCH} for a word sharing a WordNet concept: a sense, a hypernym or
 * a derivation, so "tried to influence the election" meets "efforts to meddle in the vote";
 * {@link BROADER_MATCH} through a lexicon's broader concepts and {@link GLOSS_MATCH} through
 * its gloss keys, when it gives them), each
 * weighted by its inverse document frequency; the share of one text found in the other, taken
 * both ways, gives an F1. Amounts are read as one token whatever their form (`amounts.ts`:
 * "Eighty-four thousand" is "84,000", "€38m" is "38 million euros"; a rough one, "more than
 * 1,100", meets the exact figure it rounds as a shared concept does); they and quoted words weigh
 * more, verbs of saying less; names are matched as written, never through the lexicon. A role
 * written alone ("the Finance Minister") is read with the name of the person the corpus's
 * appositions give it (`roles.ts`), and `he`/`she` with the name of the person they stand for
 * (`pronouns.ts`), for the words and the speakers.
 *
 * A paragraph of news copy often holds several facts, and a fact one sentence, so the score is
 * the mean of the F1 of the whole paragraphs and the best F1 of two of their statements
 * (sentences or clauses). When both paragraphs say who speaks, a shared speaker raises the score
 * and different ones lower it. Candidates come from TF-IDF over terms, bounded as before (common
 * terms find none, a short list is scored), so the build stays near-linear. Links weaker than half
 * the best to the same source are cut, unless a link is the best of one of the paragraph's
 * statements there and the two are each other's best. Comments (opinion) come after reports of the
 * same fact, whatever their scores. ARCHITECTURE.md has the measurements.
 */
import { readAmounts } from './amounts.ts'
import { peopleNamed, withPronounReferents } from './pronouns.ts'
import { extractQuotes, isSpeechVerb, speakerKey, speakersOf, type Quote } from './quotes.ts'
import { learnRoles, withRoleHolders } from './roles.ts'
import { releaseArrays, resized } from './owned-arrays.ts'
import { foldWord, isStopWord, processTerm, tokenizeWithOffsets } from './terms.ts'
import type { Paragraph } from './types.ts'
import type { Lexicon } from './wordnet.ts'

/** A paragraph of another source and how close it is (0 to 1). */
export type RelatedParagraph = {
  /** The related paragraph's id. */
  id: string
  /** Similarity from 0 to 1, rounded to three decimals. */
  score: number
}

/** Options of {@link findRelated}. */
export type RelatedOptions = {
  /** Similarity below which paragraphs are not related. Default 0.15. */
  minScore?: number
  /** Share of the paragraph's best score below which a paragraph is not related, 0 to 1. Default 0.5. */
  relativeScore?: number
  /** Most related paragraphs kept per paragraph. Default 3. */
  limit?: number
  /** How many of a paragraph's highest-weighted terms find candidates. Default 16. */
  candidateTerms?: number
  /** Concepts of words (WordNet); without one, only the same terms match. */
  lexicon?: Lexicon
  /** Share of the score from the closest pair of statements, 0 to 1 (the rest from the whole paragraphs). Default 0.5. */
  statementWeight?: number
  /** Score every pair of paragraphs instead of a shortlist of candidates (for tests: quadratic). */
  exhaustive?: boolean
}

const DEFAULTS = { minScore: 0.15, relativeScore: 0.5, limit: 3, candidateTerms: 16, statementWeight: 0.5, exhaustive: false } satisfies Required<
  Omit<RelatedOptions, 'lexicon'>
>

/** How much a word sharing a concept (not a term) with the other text counts, against 1 for the same term. */
export const CONCEPT_MATCH = 0.6

/**
 * How much a word counts whose concepts meet the other text's broader concepts (or whose broader
 * concepts meet its concepts): two or three hypernym links apart, below the root's most general
 * levels (see `Lexicon.broader`), a looser match than a shared concept.
 */
export const BROADER_MATCH = 0.3

/**
 * How much a word counts that shares a gloss key with a word of the other text (see
 * `Lexicon.glosses`: a word of one's definition is the other, or both definitions share an
 * uncommon word), when nothing closer matches it.
 */
export const GLOSS_MATCH = 0.15

/**
 * How much more a number or a word inside a quotation weighs than another word of the same
 * frequency: outlets reporting one fact repeat its figures and its quotations, while the words
 * around them are each outlet's own. Names get no more weight: on the labelled pairs, shared names
 * said more about the topic than about the fact (`Marine Le Pen` in two different facts).
 */
const NUMBER_WEIGHT = 1.5
const QUOTED_WEIGHT = 1.5
/** How much a verb of saying (`said`, `told`) weighs: it attributes a fact, it is not one. */
const SPEECH_VERB_WEIGHT = 0.25

/**
 * Reports of one statement name the same speaker. When both paragraphs say who speaks, the score
 * is multiplied by the first factor if they share a speaker and by the second if they do not
 * (Putin's denial is not Macron's remark, however many words they share).
 */
const SAME_SPEAKER = 1.25
const OTHER_SPEAKER = 0.6

/**
 * Added to the score of two paragraphs that quote the same words (a whole quotation of one inside
 * a quotation of the other, with a word that is not a function word: "red line", "not
 * innocent"): outlets quoting one statement share its words even when all else differs.
 */
const SHARED_QUOTE_BONUS = 0.1

/** A statement of fewer content words than this is too short to stand for a fact alone. */
const MIN_STATEMENT_WORDS = 3

/**
 * A term in more paragraphs than this (or this share of them, if more, up to
 * {@link MAX_CANDIDATE_DF}) finds no candidates.
 */
const MIN_CANDIDATE_DF = 64
const CANDIDATE_DF_SHARE = 0.002
/**
 * The most paragraphs a term may be in and still find candidates, whatever the corpus's size: a
 * paragraph's shortlist reads at most `candidateTerms` such posting lists, so its cost stays
 * bounded and the step grows linearly with the corpus (with the share alone it grew as its square:
 * 30 s at 100k, 137 s at 300k). Reached from 128,000 paragraphs; event corpora are far smaller.
 */
const MAX_CANDIDATE_DF = 256
/**
 * How many candidates, best by partial score, get the full score (at least `limit × 4`). A pair is
 * scored when either paragraph shortlists the other; 8 found the same links as 32 on the labelled
 * pairs, at a quarter of the cost.
 */
const SHORTLIST = 8

/**
 * Where a statement ends: a sentence (`.`, `!` or `?`, then a capital or an opening quote), or a
 * clause set off by a semicolon, a dash, brackets, or a comma before a conjunction. One sentence of
 * news copy often carries two facts ("Putin denied meddling (…), and agreed that …").
 */
const STATEMENT_BREAK = /(?<=[.!?]["”’)\]]?)\s+(?=["“‘(]?[\p{Lu}\d])|\s*[;(){}[\]—–]\s*|\s+-\s+|,\s+(?=(?:and|but|while|whereas|although|though|which|who)\s)/gu

/** What most paragraphs have: no quotation, no quoted terms, no speaker (one of each, shared). */
const NO_QUOTES: readonly Quote[] = []
const NO_QUOTED: readonly string[] = []
const NO_SPEAKERS: ReadonlySet<string> = new Set()

/** The list itself, or the shared empty one when it is empty (an empty array per paragraph is megabytes at a million). */
function orShared<T>(list: readonly T[], empty: readonly T[]): readonly T[] {
  return list.length > 0 ? list : empty
}

/** The concepts of a word the lexicon is not asked about. */
const NO_CONCEPTS: readonly string[] = []
const NO_IDS: readonly number[] = []

/** A word as read: its term, how much more it weighs, its concepts. */
type RawWord = { term: string; boost: number; concepts: readonly string[]; broader: readonly string[]; glosses: readonly string[]; near?: Near }

/** An amount's keys for meeting the same figure given roughly (`amounts.ts`): its own, and whether it is the rough one. */
type Near = { keys: readonly string[]; approximate: boolean }

/** A word as compared: ids of its term and concepts, and its weight (IDF × boost). */
type Word = { term: number; weight: number; concepts: readonly number[]; broader: readonly number[]; glosses: readonly number[]; exact: readonly number[]; rough: readonly number[] }

/** The spans of a text's statements, as offsets. */
function statementSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = []
  let start = 0
  for (const match of text.matchAll(STATEMENT_BREAK)) {
    if (match.index > start) spans.push({ start, end: match.index })
    start = match.index + match[0].length
  }
  if (start < text.length) spans.push({ start, end: text.length })
  return spans
}

/**
 * What a word as written (a token's text) always gives, whatever its place: its term (`null` for a
 * function word or a word too short), whether it is a number, a verb of saying, written with a
 * capital first or inside (a name, an acronym), and its concepts once asked for.
 */
type WordForm = {
  term: string | null
  isNumber: boolean
  speech: boolean
  capitalised: boolean
  innerCapital: boolean
  folded: string
  concepts?: readonly string[]
  broader?: readonly string[]
  glosses?: readonly string[]
}

/** Most word forms a {@link WordForms} keeps before it starts again (a news corpus has far fewer). */
const MAX_WORD_FORMS = 200_000

/**
 * The forms of words read so far, with one lexicon: each distinct word is folded, stemmed and
 * looked up once, not at each occurrence (the caches of `terms.ts` hold 50,000 words, fewer than
 * a large corpus has in its two cases, and were emptied again and again).
 */
class WordForms {
  #forms = new Map<string, WordForm>()
  readonly lexicon: Lexicon | undefined

  constructor(lexicon: Lexicon | undefined) {
    this.lexicon = lexicon
  }

  /** The form of a token's text. */
  of(text: string): WordForm {
    let form = this.#forms.get(text)
    if (form === undefined) {
      const folded = foldWord(text)
      const skip = (folded.length < 2 && !/\d/.test(folded)) || isStopWord(folded)
      form = {
        term: skip ? null : processTerm(text),
        isNumber: /\d/.test(folded),
        speech: isSpeechVerb(folded),
        capitalised: /^\p{Lu}/u.test(text),
        innerCapital: /\p{Lu}/u.test(text.slice(1)),
        folded,
      }
      if (this.#forms.size >= MAX_WORD_FORMS) this.#forms.clear()
      this.#forms.set(text, form)
    }
    return form
  }

  /** The lexicon's concepts of a common word's form (asked once per form). */
  concepts(form: WordForm): readonly string[] {
    return (form.concepts ??= this.lexicon ? this.lexicon.concepts(form.folded) : NO_CONCEPTS)
  }

  broader(form: WordForm): readonly string[] {
    return (form.broader ??= this.lexicon?.broader ? this.lexicon.broader(form.folded) : NO_CONCEPTS)
  }

  glosses(form: WordForm): readonly string[] {
    return (form.glosses ??= this.lexicon?.glosses ? this.lexicon.glosses(form.folded) : NO_CONCEPTS)
  }
}

/** Whether the text between two tokens ends a sentence or opens a quotation (`.`, `!`, `?`, `:`, an opening quote, then only spaces). */
function opensSentenceAfter(text: string, from: number, to: number): boolean {
  let at = to - 1
  while (at >= from && /\s/.test(text[at]!)) at--
  return at >= from && '.!?:"“‘'.includes(text[at]!)
}

/** The content words of each statement of a text (a term once per statement, at its highest boost). */
function readStatements(text: string, quoted: readonly Quote[], forms: WordForms): RawWord[][] {
  const spans = statementSpans(text)
  const statements: Map<string, RawWord>[] = spans.map(() => new Map())
  let statement = 0
  let opensSentence = true
  let previousEnd = 0
  // Amounts are read as one token each, in one form ("Eighty-four thousand" and "84,000" are `84000`).
  const amounts = readAmounts(text)
  let amount = 0
  let lastRead = -1
  // Asked only of the words that count (not of function words).
  const quotedAt = (start: number, end: number) => quoted.length > 0 && quoted.some((quote) => start >= quote.start && end <= quote.end)
  const add = (words: Map<string, RawWord>, term: string, boost: number, near?: Near) => {
    const seen = words.get(term)
    if (seen) seen.boost = Math.max(seen.boost, boost)
    else words.set(term, { term, boost, concepts: NO_CONCEPTS, broader: NO_CONCEPTS, glosses: NO_CONCEPTS, ...(near ? { near } : {}) })
  }
  for (const token of tokenizeWithOffsets(text)) {
    while (statement < spans.length - 1 && token.start >= spans[statement]!.end) statement++
    if (previousEnd === 0 || opensSentenceAfter(text, previousEnd, token.start)) opensSentence = true
    previousEnd = token.end
    const first = opensSentence
    opensSentence = false
    while (amount < amounts.length && amounts[amount]!.end <= token.start) amount++
    const found = amounts[amount]
    if (found && token.start >= found.start && token.end <= found.end) {
      // The amount's first word stands for all of it: its value weighs as a number, its unit as a word.
      if (lastRead !== amount) {
        lastRead = amount
        const words = statements[statement]!
        const quoteBoost = quotedAt(token.start, token.end) ? QUOTED_WEIGHT : 1
        add(words, found.value, NUMBER_WEIGHT * quoteBoost, found.near.length > 0 ? { keys: found.near, approximate: found.approximate } : undefined)
        for (const word of found.words) add(words, processTerm(word)!, quoteBoost)
      }
      continue
    }
    const form = forms.of(token.text)
    const term = form.term
    if (!term) continue
    const isName = form.capitalised && !first
    const isNumber = form.isNumber
    const boost = (isNumber ? NUMBER_WEIGHT : 1) * (quotedAt(token.start, token.end) ? QUOTED_WEIGHT : 1) * (form.speech ? SPEECH_VERB_WEIGHT : 1)
    const words = statements[statement]!
    const seen = words.get(term)
    if (seen) {
      seen.boost = Math.max(seen.boost, boost)
      continue
    }
    // Names, numbers and acronyms are matched as they are; the lexicon is for the common words.
    const common = forms.lexicon && !isName && !isNumber && !form.innerCapital
    const concepts = common ? forms.concepts(form) : NO_CONCEPTS
    const broader = common ? forms.broader(form) : NO_CONCEPTS
    const glosses = common ? forms.glosses(form) : NO_CONCEPTS
    words.set(term, { term, boost, concepts, broader, glosses })
  }
  return statements.map((words) => [...words.values()])
}

/**
 * Finds, for every paragraph, the closest paragraphs of other sources. Headings take no part:
 * they are too short to say anything on their own.
 *
 * @param paragraphs - All paragraphs of the corpus.
 * @param options - Threshold, limits and lexicon; see {@link RelatedOptions}.
 * @returns For each paragraph id that has any, its related paragraphs: reports best first, then
 *   comments best first.
 *
 * @example
 * findRelated([
 *   { id: 'a', sourceId: 'x', kind: 'body', section: null, position: 0, text: 'Chemical weapons are a red line.' },
 *   { id: 'b', sourceId: 'y', kind: 'body', section: null, position: 0, text: 'Use of chemical weapons is a red line.' },
 * ]).get('a') // => [{ id: 'b', score: 0.8 }] (score approximate)
 */
export function findRelated(paragraphs: readonly Paragraph[], options: RelatedOptions = {}): Map<string, RelatedParagraph[]> {
  const { minScore, relativeScore, limit, candidateTerms, lexicon, statementWeight, exhaustive } = { ...DEFAULTS, ...options }
  const eligible = paragraphs.filter((paragraph) => paragraph.kind !== 'heading')
  const total = eligible.length
  // Read, then made into wholes and parts, in functions of their own: what reading holds (the
  // texts with roles and pronouns resolved, each word's form, the ids of terms and concepts by
  // name) is let go before the pairs are scored, and only flat arrays stay.
  const { speakers, quoted, stmtStart, wordStart, wordIds, words, termDf, termCount, conceptCount } = readForComparison(paragraphs, eligible, lexicon)
  const { wholeStart, wholeIds, wholeTotals, hasRough, stmtPart, partStart, partStmt, partTotals } = wholesAndParts(stmtStart, wordStart, wordIds, words)
  // Word-by-word comparison against one paragraph at a time, with stamps instead of sets
  // (`Stamps`). Without broader concepts (the build's default lexicon) their loops are skipped altogether.
  const withBroader = lexicon?.broader !== undefined
  const withGlosses = lexicon?.glosses !== undefined
  // Two sets of stamps: a pair's two paragraphs are stamped apart, and the paragraph whose
  // candidates are being scored stays stamped from one pair to the next (it was stamped again for
  // every pair, a third of the stamping).
  const [fresh, kept] = [newStamps(termCount, conceptCount, withBroader, withGlosses), newStamps(termCount, conceptCount, withBroader, withGlosses)]
  const stampParagraph = (stamps: Stamps, i: number, near: boolean) => {
    // Still stamped with this paragraph (and its amounts' keys when they are asked for).
    if (stamps.paragraph === i && (stamps.near || !near)) return
    stamps.paragraph = i
    stamps.near = near
    const stamp = ++stamps.stamp
    const { termMark, termBits, conceptMark, conceptBits, broaderMark, broaderBits, glossMark, glossBits, exactMark, exactBits, roughMark, roughBits } = stamps
    for (let st = stmtStart[i]!; st < stmtStart[i + 1]!; st++) {
      const part = stmtPart[st]!
      const bit = part < 0 ? 0 : 1 << Math.min(part, 30)
      for (let k = wordStart[st]!; k < wordStart[st + 1]!; k++) {
        const word = words[wordIds[k]!]!
        if (termMark[word.term] !== stamp) {
          termMark[word.term] = stamp
          termBits[word.term] = 0
        }
        termBits[word.term]! |= bit
        for (const concept of word.concepts) {
          if (conceptMark[concept] !== stamp) {
            conceptMark[concept] = stamp
            conceptBits[concept] = 0
          }
          conceptBits[concept]! |= bit
        }
        if (withBroader) for (const concept of word.broader) {
          if (broaderMark[concept] !== stamp) {
            broaderMark[concept] = stamp
            broaderBits[concept] = 0
          }
          broaderBits[concept]! |= bit
        }
        if (withGlosses) for (const key of word.glosses) {
          if (glossMark[key] !== stamp) {
            glossMark[key] = stamp
            glossBits[key] = 0
          }
          glossBits[key]! |= bit
        }
        if (near) {
          for (const key of word.exact) {
            if (exactMark[key] !== stamp) {
              exactMark[key] = stamp
              exactBits[key] = 0
            }
            exactBits[key]! |= bit
          }
          for (const key of word.rough) {
            if (roughMark[key] !== stamp) {
              roughMark[key] = stamp
              roughBits[key] = 0
            }
            roughBits[key]! |= bit
          }
        }
      }
    }
  }
  /**
   * How much of paragraph `a` the stamped paragraph holds: the weight of `a`'s words found there
   * (1 for the same term, `CONCEPT_MATCH` for a shared concept), as a share of the whole, and per
   * pair of statements (`found[p * parts + t]`: of `a`'s statement `p` in the stamped one's `t`,
   * in scratch `slot`'s array, valid until the slot is used again).
   */
  const coverIn = (stamps: Stamps, a: number, stampedParts: number, withStatements: boolean, near: boolean, slot: 0 | 1) => {
    const { stamp, termMark, termBits, conceptMark, conceptBits, broaderMark, broaderBits, glossMark, glossBits, exactMark, exactBits, roughMark, roughBits } = stamps
    let wholeFound = 0
    for (let k = wholeStart[a]!; k < wholeStart[a + 1]!; k++) {
      const word = words[wholeIds[k]!]!
      if (termMark[word.term] === stamp) {
        wholeFound += word.weight
        continue
      }
      // One pass over the concepts for both kinds of match (plain loops: this is the build's inner loop).
      let match = 0
      const { concepts, broader } = word
      for (let c = 0; c < concepts.length; c++) {
        const concept = concepts[c]!
        if (conceptMark[concept] === stamp) {
          match = CONCEPT_MATCH
          break
        }
        if (withBroader && broaderMark[concept] === stamp) match = BROADER_MATCH
      }
      if (match === 0 && withBroader) for (let c = 0; c < broader.length && match === 0; c++) if (conceptMark[broader[c]!] === stamp) match = BROADER_MATCH
      if (match === 0 && withGlosses) for (let g = 0; g < word.glosses.length && match === 0; g++) if (glossMark[word.glosses[g]!] === stamp) match = GLOSS_MATCH
      if (match === 0 && near) {
        for (let r = 0; r < word.rough.length && match === 0; r++) if (exactMark[word.rough[r]!] === stamp) match = CONCEPT_MATCH
        for (let e = 0; e < word.exact.length && match === 0; e++) if (roughMark[word.exact[e]!] === stamp) match = CONCEPT_MATCH
      }
      wholeFound += match * word.weight
    }
    const partCount = partStart[a + 1]! - partStart[a]!
    const found = withStatements ? zeroed(slot, partCount * stampedParts) : undefined
    if (found) {
      for (let p = 0; p < partCount; p++) {
        const st = partStmt[partStart[a]! + p]!
        for (let k = wordStart[st]!; k < wordStart[st + 1]!; k++) {
          const word = words[wordIds[k]!]!
          const exact = termMark[word.term] === stamp ? termBits[word.term]! : 0
          let shared = 0
          let loose = 0
          const { concepts, broader } = word
          for (let c = 0; c < concepts.length; c++) {
            const concept = concepts[c]!
            if (conceptMark[concept] === stamp) shared |= conceptBits[concept]!
            if (withBroader && broaderMark[concept] === stamp) loose |= broaderBits[concept]!
          }
          if (near) {
            for (let r = 0; r < word.rough.length; r++) if (exactMark[word.rough[r]!] === stamp) shared |= exactBits[word.rough[r]!]!
            for (let e = 0; e < word.exact.length; e++) if (roughMark[word.exact[e]!] === stamp) shared |= roughBits[word.exact[e]!]!
          }
          if (withBroader) for (let c = 0; c < broader.length; c++) if (conceptMark[broader[c]!] === stamp) loose |= conceptBits[broader[c]!]!
          let glossed = 0
          if (withGlosses) for (let g = 0; g < word.glosses.length; g++) if (glossMark[word.glosses[g]!] === stamp) glossed |= glossBits[word.glosses[g]!]!
          if ((exact | shared | loose | glossed) === 0) continue
          for (let t = 0; t < stampedParts; t++) {
            const bit = 1 << Math.min(t, 30)
            if (exact & bit) found[p * stampedParts + t]! += word.weight
            else if (shared & bit) found[p * stampedParts + t]! += CONCEPT_MATCH * word.weight
            else if (loose & bit) found[p * stampedParts + t]! += BROADER_MATCH * word.weight
            else if (glossed & bit) found[p * stampedParts + t]! += GLOSS_MATCH * word.weight
          }
        }
      }
    }
    return { whole: wholeTotals[a]! === 0 ? 0 : wholeFound / wholeTotals[a]!, found }
  }
  // Two scratch arrays of statement pairs, for a pair's two sides (an array per pair scored was
  // millions of small buffers made and let go outside the heap).
  const scratch = [new Float64Array(256), new Float64Array(256)]
  /** Scratch `slot`'s array, its first `length` values 0. */
  const zeroed = (slot: 0 | 1, length: number): Float64Array => {
    if (scratch[slot]!.length < length) scratch[slot] = new Float64Array(Math.max(length, 2 * scratch[slot]!.length))
    return scratch[slot]!.fill(0, 0, length)
  }
  const f1 = (ab: number, ba: number) => (ab + ba === 0 ? 0 : (2 * ab * ba) / (ab + ba))
  const score = (i: number, j: number) => {
    const [ni, nj] = [partStart[i + 1]! - partStart[i]!, partStart[j + 1]! - partStart[j]!]
    // Two paragraphs of one statement each: the statements are the paragraphs.
    const withStatements = ni > 1 || nj > 1
    // Rough amounts are rare: their keys are stamped and read only when one of the two has one.
    const near = hasRough[i] === 1 || hasRough[j] === 1
    stampParagraph(fresh, j, near)
    const iInJ = coverIn(fresh, i, nj, withStatements, near, 0)
    stampParagraph(kept, i, near)
    const jInI = coverIn(kept, j, ni, withStatements, near, 1)
    const whole = f1(iInJ.whole, jInI.whole)
    let best = 0
    // Which statement of each paragraph the closest pair is (-1: the paragraphs as wholes).
    let [partOfI, partOfJ] = [-1, -1]
    if (withStatements) {
      for (let p = 0; p < ni; p++) {
        for (let t = 0; t < nj; t++) {
          const [totalOfP, totalOfT] = [partTotals[partStart[i]! + p]!, partTotals[partStart[j]! + t]!]
          const ab = totalOfP === 0 ? 0 : iInJ.found![p * nj + t]! / totalOfP
          const ba = totalOfT === 0 ? 0 : jInI.found![t * ni + p]! / totalOfT
          const value = f1(ab, ba)
          if (value > best) [best, partOfI, partOfJ] = [value, p, t]
        }
      }
    }
    if (best <= whole) [partOfI, partOfJ] = [-1, -1]
    let value = (1 - statementWeight) * whole + statementWeight * Math.max(best, whole)
    if (quoted[i]!.length > 0 && quoted[j]!.length > 0 && shareQuotation(quoted[i]!, quoted[j]!)) value += SHARED_QUOTE_BONUS
    const [mine, theirs] = [speakers[i]!, speakers[j]!]
    if (mine.size > 0 && theirs.size > 0) value *= [...mine].some((key) => theirs.has(key)) ? SAME_SPEAKER : OTHER_SPEAKER
    // In thousandths: the score is rounded to three decimals, so an integer holds it exactly.
    return { milli: Math.round(Math.min(1, value) * 1000), partOfI, partOfJ }
  }

  const candidates = exhaustive ? allOthers(eligible) : shortlists(eligible, { start: wholeStart, ids: wholeIds, words }, termDf, candidateTerms, limit)
  // Each score with the statement of the paragraph it was scored from (`part`, -1 for the whole),
  // once per paragraph of the pair: in typed arrays, each paragraph's entries chained from its
  // head (an object per entry was a fifth of the build's memory at 1M paragraphs).
  // A shortlist pairs a paragraph with at most `shortlistLength(limit)` others, and each pair is
  // two entries: the arrays are made that long at once, never grown (a grown copy beside the one
  // it replaces was the step's peak at a million paragraphs); the pages never written take no memory.
  const entries = new ScoredEntries(total, exhaustive ? 1024 : 2 * total * shortlistLength(limit))
  eligible.forEach((_, i) => {
    for (const j of candidates.of(i)) {
      if (entries.has(i, j)) continue
      const { milli, partOfI, partOfJ } = score(i, j)
      entries.add(i, j, milli, partOfI)
      entries.add(j, i, milli, partOfJ)
    }
  })
  const sourceNumbers = new Map<string, number>()
  const sourceOf = Int32Array.from(eligible, (paragraph) => {
    if (!sourceNumbers.has(paragraph.sourceId)) sourceNumbers.set(paragraph.sourceId, sourceNumbers.size)
    return sourceNumbers.get(paragraph.sourceId)!
  })
  const sourceCount = sourceNumbers.size
  /** A paragraph's best score in one other source, in thousandths. */
  const bestIn = (p: number, source: number): number => {
    let best = 0
    for (let e = entries.head[p]!; e >= 0; e = entries.next[e]!) if (sourceOf[entries.other[e]!] === source) best = Math.max(best, entries.milli[e]!)
    return best
  }

  // Each paragraph's links, in their order, flat (paragraph i's are `linkOther[linkStart[i]]` to
  // `linkOther[linkStart[i + 1]]`, scores in thousandths beside): the scores of every pair are let
  // go before a link becomes an object, so the two are never held at once.
  const linkStart = new Int32Array(total + 1)
  const linkOthers = new GrowingInts()
  const linkMillis = new GrowingInts()
  // What one paragraph's entries give, made once and reused from one paragraph to the next (an
  // object per entry, and maps per paragraph, were hundreds of MB of garbage at a million):
  // its best score in each source (`sourceBest`, valid where `sourceSeen` is the paragraph), in
  // each statement and source (keyed `statement × sources + source`), and its entries chosen.
  const sourceBest = new Int32Array(sourceCount)
  const sourceSeen = new Int32Array(sourceCount).fill(-1)
  const statementBest = new Map<number, number>()
  const chosen: number[] = []
  /** Chosen entries in order: reports before comments (opinion never outranks a report of the same fact), best first, then by id. */
  const byRank = (a: number, b: number): number => {
    const [x, y] = [eligible[entries.other[a]!]!, eligible[entries.other[b]!]!]
    return Number(x.kind === 'comment') - Number(y.kind === 'comment') || entries.milli[b]! - entries.milli[a]! || (x.id < y.id ? -1 : 1)
  }
  for (let i = 0; i < total; i++) {
    // A strong partner in one source does not hide the best partner in another: each other
    // source's paragraphs are cut at a share of that source's best.
    // Nor does a strong partner of one statement hide the partner of another statement of a long
    // paragraph, when each is the other's best in its source (a paragraph of two facts, and each
    // fact's report in that source).
    statementBest.clear()
    chosen.length = 0
    for (let e = entries.head[i]!; e >= 0; e = entries.next[e]!) {
      const source = sourceOf[entries.other[e]!]!
      const milli = entries.milli[e]!
      const part = entries.part[e]!
      if (sourceSeen[source] !== i) {
        sourceSeen[source] = i
        sourceBest[source] = milli
      } else if (milli > sourceBest[source]!) sourceBest[source] = milli
      if (part < 0) continue
      const key = part * sourceCount + source
      if (milli > (statementBest.get(key) ?? -1)) statementBest.set(key, milli)
    }
    // Scores compared as before, in thousandths where two scores are compared (the same order).
    for (let e = entries.head[i]!; e >= 0; e = entries.next[e]!) {
      const other = entries.other[e]!
      const milli = entries.milli[e]!
      const part = entries.part[e]!
      const score = milli / 1000
      if (score < minScore) continue
      const source = sourceOf[other]!
      if (score >= relativeScore * (sourceBest[source]! / 1000) || (part >= 0 && milli === statementBest.get(part * sourceCount + source) && milli === bestIn(other, sourceOf[i]!))) chosen.push(e)
    }
    chosen.sort(byRank)
    for (let k = 0; k < Math.min(limit, chosen.length); k++) {
      linkOthers.push(entries.other[chosen[k]!]!)
      linkMillis.push(entries.milli[chosen[k]!]!)
    }
    linkStart[i + 1] = linkOthers.size
  }
  const others = linkOthers.done()
  const millis = linkMillis.done()
  // Every array of the step is given back here, before a link becomes an object (the functions
  // above that read them are done with them): at a million paragraphs they are 600 MB that would
  // otherwise wait for a collection while the links and then the facts are made.
  entries.release()
  candidates.release()
  for (const stamps of [fresh, kept]) releaseStamps(stamps)
  releaseArrays(stmtStart, wordStart, wordIds, wholeStart, wholeIds, wholeTotals, hasRough, stmtPart, partStart, partStmt, partTotals, ...scratch, sourceOf, sourceBest, sourceSeen)
  const related = new Map<string, RelatedParagraph[]>()
  eligible.forEach((paragraph, i) => {
    const [from, to] = [linkStart[i]!, linkStart[i + 1]!]
    if (to === from) return
    // Made at its length (an array grown by pushes holds room for 17 values: 60 MB at a million).
    const links: RelatedParagraph[] = new Array(to - from)
    for (let k = from; k < to; k++) links[k - from] = { id: eligible[others[k]!]!.id, score: millis[k]! / 1000 }
    related.set(paragraph.id, links)
  })
  releaseArrays(linkStart, others, millis)
  return related
}

/** What {@link readForComparison} gives: each paragraph's statements as ids of interned words, and what scoring reads of the text. */
type ComparedText = {
  /** Who speaks in each paragraph. */
  speakers: ReadonlySet<string>[]
  /** Each paragraph's quotations as sequences of terms (`quotedTerms`). */
  quoted: (readonly string[])[]
  /** Paragraph i's statements are `stmtStart[i]` to `stmtStart[i + 1]`. */
  stmtStart: Int32Array
  /** Statement s's words are `wordIds[wordStart[s]]` to `wordIds[wordStart[s + 1]]`. */
  wordStart: Int32Array
  /** Ids of `words`. */
  wordIds: Int32Array
  /** The interned words: a term at a weight, with its concepts, shared by every paragraph that has it so. */
  words: Word[]
  /** How many paragraphs have each term. */
  termDf: number[]
  /** How many terms and concepts have ids. */
  termCount: number
  conceptCount: number
}

/**
 * Reads the paragraphs as they are compared: roles and pronouns resolved to the people they
 * stand for, speakers and quotations found, and each statement's content words interned (see
 * {@link findRelated}).
 *
 * @param paragraphs - All paragraphs (the roles are learnt from all of them).
 * @param eligible - The paragraphs compared, in their order.
 */
function readForComparison(paragraphs: readonly Paragraph[], eligible: readonly Paragraph[], lexicon: Lexicon | undefined): ComparedText {
  const total = eligible.length
  // Roles written alone get their holder's name, as the corpus's appositions tell it ("the
  // Finance Minister" → "the Finance Minister Lohan"), for the words and the speakers alike.
  const roles = learnRoles(
    paragraphs.map((paragraph) => paragraph.text),
    lexicon
  )
  const read = [...eligible]
  for (const indexes of bySource(eligible)) {
    const texts = withRoleHolders(
      indexes.map((index) => eligible[index]!.text),
      roles,
      lexicon
    )
    indexes.forEach((index, k) => {
      if (texts[k] !== eligible[index]!.text) read[index] = { ...eligible[index]!, text: texts[k]! }
    })
  }
  // `he` and `she` get the surname of the person they stand for (`pronouns.ts`), for the words
  // and the speakers alike: the people are those the corpus says speak or gives a title, and the
  // holders of its roles.
  const people = peopleNamed(read.map((paragraph) => paragraph.text))
  for (const holders of roles.values()) for (const holder of holders) people.add(speakerKey(holder))
  const compared = [...read]
  for (const indexes of bySource(read)) {
    const texts = withPronounReferents(
      indexes.map((index) => read[index]!.text),
      people
    )
    indexes.forEach((index, k) => {
      if (texts[k] !== read[index]!.text) compared[index] = { ...read[index]!, text: texts[k]! }
    })
  }
  // Read again with the pronouns' referents: `he Macron said` speaks as Macron, whoever spoke last.
  const speakers = speakersBySource(compared)
  // Most paragraphs quote no one and name no speaker: they share one empty list and set.
  const quotes = compared.map((paragraph) => orShared(extractQuotes([paragraph])[0]!, NO_QUOTES))
  const quoted = quotes.map((list) => orShared(quotedTerms(list), NO_QUOTED))

  // Ids of terms and concepts, and the paragraph frequencies of terms. Each word read is interned
  // as it is read: a paragraph keeps the ids of words shared with the whole corpus (a term at a
  // boost, with its concepts), not objects of its own, which at a million paragraphs were
  // gigabytes.
  const forms = new WordForms(lexicon)
  const termIds = new Map<string, number>()
  const termDf: number[] = []
  const interned: (Omit<RawWord, 'term'> & { term: number })[] = []
  const variantsOfTerm = new Map<number, number[]>()
  const internWord = (word: RawWord, term: number): number => {
    const variants = variantsOfTerm.get(term) ?? variantsOfTerm.set(term, []).get(term)!
    for (const id of variants) {
      const seen = interned[id]!
      if (seen.boost === word.boost && seen.concepts === word.concepts && seen.broader === word.broader && seen.glosses === word.glosses && seen.near === word.near) return id
    }
    interned.push({ ...word, term })
    variants.push(interned.length - 1)
    return interned.length - 1
  }
  // Every paragraph's statements, flat: paragraph i's statements are `stmtStart[i]` to
  // `stmtStart[i + 1]`, statement s's words (interned ids) `wordIds[wordStart[s]]` to
  // `wordIds[wordStart[s + 1]]`; no array per statement.
  const stmtStart = new Int32Array(total + 1)
  const wordStartList = new GrowingInts()
  const wordIdList = new GrowingInts()
  compared.forEach((paragraph, i) => {
    const terms = new Set<number>()
    for (const words of readStatements(paragraph.text, quotes[i]!, forms)) {
      wordStartList.push(wordIdList.size)
      for (const word of words) {
        let id = termIds.get(word.term)
        if (id === undefined) {
          id = termIds.size
          termIds.set(word.term, id)
          termDf.push(0)
        }
        terms.add(id)
        wordIdList.push(internWord(word, id))
      }
    }
    stmtStart[i + 1] = wordStartList.size
    for (const id of terms) termDf[id]!++
  })
  wordStartList.push(wordIdList.size)
  const wordStart = wordStartList.done()
  const wordIds = wordIdList.done()
  // The lexicon gives one array per word, so its ids are worked out once per word.
  const conceptIds = new Map<string, number>()
  const conceptIdsOf = new Map<readonly string[], number[]>()
  const idsOfConcepts = (concepts: readonly string[]) => {
    let ids = conceptIdsOf.get(concepts)
    if (!ids) {
      ids = concepts.map((concept) => {
        let id = conceptIds.get(concept)
        if (id === undefined) conceptIds.set(concept, (id = conceptIds.size))
        return id
      })
      conceptIdsOf.set(concepts, ids)
    }
    return ids
  }
  const idf = (df: number) => Math.log(1 + total / df)

  const words: Word[] = interned.map((word) => {
    const near = word.near ? idsOfConcepts(word.near.keys) : NO_IDS
    const [exact, rough] = word.near?.approximate ? [NO_IDS, near] : [near, NO_IDS]
    return { term: word.term, weight: idf(termDf[word.term]!) * word.boost, concepts: idsOfConcepts(word.concepts), broader: idsOfConcepts(word.broader), glosses: idsOfConcepts(word.glosses), exact, rough }
  })
  return { speakers, quoted, stmtStart, wordStart, wordIds, words, termDf, termCount: termIds.size, conceptCount: conceptIds.size }
}

/**
 * Each paragraph as one text (a term once, at its highest weight) and its statements long enough
 * to stand for a fact (parts), flat.
 */
function wholesAndParts(stmtStart: Int32Array, wordStart: Int32Array, wordIds: Int32Array, words: readonly Word[]) {
  const total = stmtStart.length - 1
  // Each paragraph as one text (`wholeIds[wholeStart[i]]` to `wholeIds[wholeStart[i + 1]]`: a
  // term once, at its highest weight), and its total weight; which paragraphs give an amount
  // roughly (`more than 1,100`).
  const wholeStart = new Int32Array(total + 1)
  const wholeIdList = new GrowingInts()
  const wholeTotals = new Float64Array(total)
  const hasRough = new Uint8Array(total)
  // Statements long enough to stand for a fact (parts): each statement's part number (-1 for
  // none); paragraph i's parts are statements `partStmt[partStart[i]]` to
  // `partStmt[partStart[i + 1]]`, with their total weights in `partTotals`, aligned.
  const stmtPart = new Int32Array(wordStart.length - 1)
  const partStart = new Int32Array(total + 1)
  const partStmtList = new GrowingInts()
  const partTotalList: number[] = []
  for (let i = 0; i < total; i++) {
    const merged = mergeStatements(wordIds.subarray(wordStart[stmtStart[i]!]!, wordStart[stmtStart[i + 1]!]!), words)
    let sum = 0
    for (const id of merged) {
      wholeIdList.push(id)
      sum += words[id]!.weight
      if (words[id]!.rough.length > 0) hasRough[i] = 1
    }
    wholeTotals[i] = sum
    wholeStart[i + 1] = wholeIdList.size
    let next = 0
    for (let st = stmtStart[i]!; st < stmtStart[i + 1]!; st++) {
      const length = wordStart[st + 1]! - wordStart[st]!
      stmtPart[st] = length >= MIN_STATEMENT_WORDS ? next++ : -1
      if (stmtPart[st]! < 0) continue
      partStmtList.push(st)
      let partSum = 0
      for (let k = wordStart[st]!; k < wordStart[st + 1]!; k++) partSum += words[wordIds[k]!]!.weight
      partTotalList.push(partSum)
    }
    partStart[i + 1] = partStmtList.size
  }
  const wholeIds = wholeIdList.done()
  const partStmt = partStmtList.done()
  const partTotals = Float64Array.from(partTotalList)
  partTotalList.length = 0

  return { wholeStart, wholeIds, wholeTotals, hasRough, stmtPart, partStart, partStmt, partTotals }
}

/**
 * One set of stamps of the word-by-word comparison: a term or concept is in the stamped paragraph
 * when its mark is the current stamp, and its bits say in which of the paragraph's statements
 * (bit 30 standing for the 31st and later ones). `paragraph` is the one stamped last, `near`
 * whether its amounts' keys were stamped too.
 */
type Stamps = {
  paragraph: number
  near: boolean
  stamp: number
  termMark: Int32Array
  termBits: Int32Array
  conceptMark: Int32Array
  conceptBits: Int32Array
  broaderMark: Int32Array
  broaderBits: Int32Array
  glossMark: Int32Array
  glossBits: Int32Array
  /** An exact amount's rounded keys and a rough amount's key (`amounts.ts`): a rough one meets an exact one, never two exact ones (so they are stamped apart). */
  exactMark: Int32Array
  exactBits: Int32Array
  roughMark: Int32Array
  roughBits: Int32Array
}

/** Gives back the memory of a set of stamps. */
function releaseStamps(stamps: Stamps): void {
  const { termMark, termBits, conceptMark, conceptBits, broaderMark, broaderBits, glossMark, glossBits, exactMark, exactBits, roughMark, roughBits } = stamps
  releaseArrays(termMark, termBits, conceptMark, conceptBits, broaderMark, broaderBits, glossMark, glossBits, exactMark, exactBits, roughMark, roughBits)
}

/** Stamps for `terms` terms and `concepts` concepts, none stamped yet. */
function newStamps(terms: number, concepts: number, withBroader: boolean, withGlosses: boolean): Stamps {
  const ints = (length: number) => new Int32Array(length)
  return {
    paragraph: -1,
    near: false,
    stamp: 0,
    termMark: ints(terms),
    termBits: ints(terms),
    conceptMark: ints(concepts),
    conceptBits: ints(concepts),
    broaderMark: ints(withBroader ? concepts : 0),
    broaderBits: ints(withBroader ? concepts : 0),
    glossMark: ints(withGlosses ? concepts : 0),
    glossBits: ints(withGlosses ? concepts : 0),
    exactMark: ints(concepts),
    exactBits: ints(concepts),
    roughMark: ints(concepts),
    roughBits: ints(concepts),
  }
}

/** A list of integers that grows as they are pushed, kept in an `Int32Array`. */
class GrowingInts {
  #values = new Int32Array(1024)
  size = 0

  push(value: number): void {
    // Grown in place of the old array, whose memory goes at once (`resized`).
    if (this.size === this.#values.length) this.#values = resized(this.#values, this.#values.length * 2)
    this.#values[this.size++] = value
  }

  /** The values pushed, trimmed to their number; the list lets its buffer go (it is held no longer than its values). */
  done(): Int32Array {
    const values = resized(this.#values, this.size)
    this.#values = new Int32Array(1024)
    this.size = 0
    return values
  }
}

/**
 * The scores of the related step, an entry per paragraph of each pair scored, in growing typed
 * arrays: each paragraph's entries are chained from `head` through `next` (last added first).
 */
class ScoredEntries {
  head: Int32Array
  next: Int32Array
  other: Int32Array
  /** The score in thousandths (0 to 1,000). */
  milli: Int16Array
  /** The statement the score was found for, -1 for the whole paragraph. */
  part: Int32Array
  size = 0

  /** @param capacity - Entries held before the arrays grow (by doubling). */
  constructor(paragraphs: number, capacity = 1024) {
    this.head = new Int32Array(paragraphs).fill(-1)
    capacity = Math.max(1, capacity)
    this.next = new Int32Array(capacity)
    this.other = new Int32Array(capacity)
    this.milli = new Int16Array(capacity)
    this.part = new Int32Array(capacity)
  }

  /** Gives back the arrays' memory at once; the entries are gone. */
  release(): void {
    releaseArrays(this.head, this.next, this.other, this.milli, this.part)
    this.size = 0
  }

  /** Whether paragraph `p` has an entry for `other`. */
  has(p: number, other: number): boolean {
    for (let e = this.head[p]!; e >= 0; e = this.next[e]!) if (this.other[e] === other) return true
    return false
  }

  add(p: number, other: number, milli: number, part: number): void {
    if (this.size === this.next.length) {
      const length = 2 * this.next.length
      ;[this.next, this.other, this.milli, this.part] = [resized(this.next, length), resized(this.other, length), resized(this.milli, length), resized(this.part, length)]
    }
    const e = this.size++
    this.next[e] = this.head[p]!
    this.head[p] = e
    this.other[e] = other
    this.milli[e] = milli
    this.part[e] = part
  }
}

/** A paragraph's quotations as sequences of terms (` a b c `), those with a word that is not a function word. */
function quotedTerms(quotes: readonly Quote[]): string[] {
  return quotes.flatMap((quote) => {
    const words = tokenizeWithOffsets(quote.text).map((word) => ({ term: processTerm(word.text), stop: isStopWord(foldWord(word.text)) }))
    return words.some((word) => word.term && !word.stop) ? [` ${words.flatMap((word) => (word.term ? [word.term] : [])).join(' ')} `] : []
  })
}

/** Whether one paragraph quotes words another quotes: a whole quotation of one within a quotation of the other. */
function shareQuotation(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => x.includes(y) || y.includes(x)))
}

/** Who speaks in each paragraph (see `speakersOf`), read source by source in document order. */
function speakersBySource(paragraphs: readonly Paragraph[]): ReadonlySet<string>[] {
  const result: ReadonlySet<string>[] = new Array(paragraphs.length)
  for (const indexes of bySource(paragraphs)) {
    const found = speakersOf(indexes.map((index) => paragraphs[index]!))
    indexes.forEach((index, k) => (result[index] = found[k]!.size > 0 ? found[k]! : NO_SPEAKERS))
  }
  return result
}

/** The indexes of each source's paragraphs, in document order. */
function bySource(paragraphs: readonly Paragraph[]): number[][] {
  const sources = new Map<string, number[]>()
  paragraphs.forEach((paragraph, index) => {
    const list = sources.get(paragraph.sourceId)
    if (list) list.push(index)
    else sources.set(paragraph.sourceId, [index])
  })
  const lists = [...sources.values()]
  for (const indexes of lists) indexes.sort((a, b) => paragraphs[a]!.position - paragraphs[b]!.position)
  return lists
}

/** The words of a paragraph's statements as one text (a term once, at its highest weight): ids of `words`. */
function mergeStatements(ids: Int32Array, words: readonly Word[]): number[] {
  const merged = new Map<number, number>()
  for (const id of ids) {
    const word = words[id]!
    const seen = merged.get(word.term)
    if (seen === undefined || words[seen]!.weight < word.weight) merged.set(word.term, id)
  }
  return [...merged.values()]
}

/** A paragraph's candidates (`of`), and a way to give back what finding them holds once done. */
type Candidates = { of: (i: number) => number[]; release: () => void }

function allOthers(paragraphs: readonly Paragraph[]): Candidates {
  return { of: (i) => paragraphs.flatMap((paragraph, j) => (paragraph.sourceId !== paragraphs[i]!.sourceId ? [j] : [])), release: () => {} }
}

/** How many candidates a paragraph's shortlist holds at most. */
function shortlistLength(limit: number): number {
  return Math.max(SHORTLIST, limit * 4)
}

/**
 * Candidates by TF-IDF over terms: the paragraph's heaviest terms that are not common (one in most
 * paragraphs finds most paragraphs, and makes the build quadratic) find paragraphs of other
 * sources; their partial dot products pick a shortlist. Concepts find no candidates: two reports
 * of one fact nearly always share a name or a word, and a paragraph's concepts are ten times its
 * terms, which made candidates cost most of the build.
 *
 * @param wholes - Each paragraph as one text (see `wholesAndParts`): paragraph i's words are `words[ids[start[i]]]`
 *   to `words[ids[start[i + 1] - 1]]`, its terms once each in the order read.
 */
function shortlists(paragraphs: readonly Paragraph[], wholes: { start: Int32Array; ids: Int32Array; words: readonly Word[] }, termDf: readonly number[], candidateTerms: number, limit: number): Candidates {
  const total = paragraphs.length
  const maxDf = Math.max(MIN_CANDIDATE_DF, Math.min(MAX_CANDIDATE_DF, Math.ceil(total * CANDIDATE_DF_SHARE)))
  const shortlistSize = shortlistLength(limit)
  const { start, ids } = wholes
  // The k-th term of the wholes is its word's.
  const termOfWord = Int32Array.from(wholes.words, (word) => word.term)
  const termAt = (k: number) => termOfWord[ids[k]!]!
  // A paragraph's unit TF-IDF weight of a term (a term once per paragraph) is the term's IDF over
  // the paragraph's norm, worked out when read (the same number every time), not stored per posting.
  const idfOf = Float64Array.from(termDf, (df) => Math.log(1 + total / df))
  const norms = new Float64Array(total)
  for (let i = 0; i < total; i++) {
    let sum = 0
    for (let k = start[i]!; k < start[i + 1]!; k++) sum += idfOf[termAt(k)]! * idfOf[termAt(k)]!
    norms[i] = Math.sqrt(sum) || 1
  }
  // The paragraphs of each term that finds candidates (in at most `maxDf` paragraphs), ascending,
  // flat: term t's are `postings[postingStart[t]]` to `postings[postingStart[t + 1]]`. The common
  // terms, read by no shortlist, have none: most of a paragraph's words are common ones.
  const postingStart = new Int32Array(termDf.length + 1)
  for (let t = 0; t < termDf.length; t++) postingStart[t + 1] = postingStart[t]! + (termDf[t]! <= maxDf ? termDf[t]! : 0)
  const postings = new Int32Array(postingStart[termDf.length]!)
  const filled = postingStart.slice(0, termDf.length)
  for (let i = 0; i < total; i++) {
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const term = termAt(k)
      if (termDf[term]! <= maxDf) postings[filled[term]!++] = i
    }
  }
  releaseArrays(filled)
  const sourceIds = new Map<string, number>()
  const sourceOf = Int32Array.from(paragraphs, (paragraph) => {
    if (!sourceIds.has(paragraph.sourceId)) sourceIds.set(paragraph.sourceId, sourceIds.size)
    return sourceIds.get(paragraph.sourceId)!
  })
  const partial = new Float64Array(total)
  const of = (i: number): number[] => {
    const touched: number[] = []
    const top: (readonly [number, number])[] = []
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const term = termAt(k)
      if (termDf[term]! <= maxDf) top.push([term, idfOf[term]! / norms[i]!])
    }
    top.sort((a, b) => b[1] - a[1] || a[0] - b[0])
    for (const [term, weight] of top.slice(0, candidateTerms)) {
      const idf = idfOf[term]!
      for (let k = postingStart[term]!; k < postingStart[term + 1]!; k++) {
        const other = postings[k]!
        if (sourceOf[other] === sourceOf[i]) continue
        if (partial[other] === 0) touched.push(other)
        partial[other]! += weight * (idf / norms[other]!)
      }
    }
    const shortlist = bestCandidates(touched, partial, shortlistSize)
    for (const other of touched) partial[other] = 0
    return shortlist
  }
  return { of, release: () => releaseArrays(termOfWord, idfOf, norms, postingStart, postings, sourceOf, partial) }
}

/**
 * The `size` paragraphs of `touched` with the highest partial scores, best first (ties: the lower
 * index first), as sorting them all and keeping the head would give. A selection into a short
 * sorted list: at 100k paragraphs a paragraph touches up to a few thousand others, and sorting
 * them all was a tenth of the related step.
 */
function bestCandidates(touched: readonly number[], partial: Float64Array, size: number): number[] {
  const best: number[] = []
  for (const other of touched) {
    const score = partial[other]!
    if (best.length === size) {
      const last = best[size - 1]!
      if (score < partial[last]! || (score === partial[last]! && other > last)) continue
      best.pop()
    }
    let at = best.length
    while (at > 0 && (partial[best[at - 1]!]! < score || (partial[best[at - 1]!]! === score && best[at - 1]! > other))) at--
    best.splice(at, 0, other)
  }
  return best
}
