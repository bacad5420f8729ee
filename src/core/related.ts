/**
 * @module
 * "Also reported by": for each paragraph, the paragraphs of the other sources that report the same
 * fact. Computed once at build time, so the Worker only looks the answer up.
 *
 * Two paragraphs are compared word by word, as in the knowledge-based text similarity of Mihalcea,
 * Corley and Strapparava (AAAI 2006): each word of one text is matched to the other text (1 for
 * the same term, {@link CONCEPT_MATCH} for a word sharing a WordNet concept: a sense, a hypernym or
 * a derivation, so "tried to influence the election" meets "efforts to meddle in the vote"), each
 * weighted by its inverse document frequency; the share of one text found in the other, taken
 * both ways, gives an F1. Numbers and quoted words weigh more, verbs of saying less; names are
 * matched as written, never through the lexicon.
 *
 * A paragraph of news copy often holds several facts, and a fact one sentence, so the score is
 * the mean of the F1 of the whole paragraphs and the best F1 of two of their statements
 * (sentences or clauses). Candidates come from TF-IDF over terms and concepts, bounded as the
 * search's common terms are, so the build stays near-linear. Comments (opinion) come after reports
 * of the same fact, whatever their scores.
 */
import { extractQuotes, isSpeechVerb, speakersOf } from './quotes.ts'
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
  /** How many of a paragraph's highest-weighted terms (and as many concepts) find candidates. Default 16. */
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

/** A statement of fewer content words than this is too short to stand for a fact alone. */
const MIN_STATEMENT_WORDS = 3

/** A term in more paragraphs than this (or this share of them, if more) finds no candidates. */
const MIN_CANDIDATE_DF = 64
const CANDIDATE_DF_SHARE = 0.002
/** How many candidates, best by partial score, get the full score. */
const SHORTLIST = 32

/**
 * Where a statement ends: a sentence (`.`, `!` or `?`, then a capital or an opening quote), or a
 * clause set off by a semicolon, a dash, brackets, or a comma before a conjunction. One sentence of
 * news copy often carries two facts ("Putin denied meddling (…), and agreed that …").
 */
const STATEMENT_BREAK = /(?<=[.!?]["”’)\]]?)\s+(?=["“‘(]?[\p{Lu}\d])|\s*[;(){}[\]—–]\s*|\s+-\s+|,\s+(?=(?:and|but|while|whereas|although|though|which|who)\s)/gu

/** A word as read: its term, how much more it weighs, its concepts. */
type RawWord = { term: string; boost: number; concepts: readonly string[] }

/** A word as compared: ids of its term and concepts, and its weight (IDF × boost). */
type Word = { term: number; weight: number; concepts: readonly number[] }

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

/** The content words of each statement of a text (a term once per statement, at its highest boost). */
function readStatements(text: string, lexicon: Lexicon | undefined): RawWord[][] {
  const quoted = extractQuotes([{ text }])[0]!
  const spans = statementSpans(text)
  const statements: Map<string, RawWord>[] = spans.map(() => new Map())
  let statement = 0
  let opensSentence = true
  let previousEnd = 0
  for (const token of tokenizeWithOffsets(text)) {
    while (statement < spans.length - 1 && token.start >= spans[statement]!.end) statement++
    const between = text.slice(previousEnd, token.start)
    if (previousEnd === 0 || /[.!?:"“‘]\s*$/.test(between)) opensSentence = true
    previousEnd = token.end
    const first = opensSentence
    opensSentence = false
    const folded = foldWord(token.text)
    if (folded.length < 2 || isStopWord(folded)) continue
    const term = processTerm(token.text)
    if (!term) continue
    const isName = /^\p{Lu}/u.test(token.text) && !first
    const isNumber = /\d/.test(folded)
    const inQuote = quoted.some((quote) => token.start >= quote.start && token.end <= quote.end)
    const boost = (isNumber ? NUMBER_WEIGHT : 1) * (inQuote ? QUOTED_WEIGHT : 1) * (isSpeechVerb(folded) ? SPEECH_VERB_WEIGHT : 1)
    const words = statements[statement]!
    const seen = words.get(term)
    if (seen) {
      seen.boost = Math.max(seen.boost, boost)
      continue
    }
    // Names, numbers and acronyms are matched as they are; the lexicon is for the common words.
    const concepts = lexicon && !isName && !isNumber && !/\p{Lu}/u.test(token.text.slice(1)) ? lexicon.concepts(folded) : []
    words.set(term, { term, boost, concepts })
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
  const raw = eligible.map((paragraph) => readStatements(paragraph.text, lexicon))

  // Ids and paragraph frequencies of terms and concepts.
  const termIds = new Map<string, number>()
  const conceptIds = new Map<string, number>()
  const termDf: number[] = []
  const conceptDf: number[] = []
  const idOf = (ids: Map<string, number>, df: number[], key: string) => {
    let id = ids.get(key)
    if (id === undefined) {
      id = ids.size
      ids.set(key, id)
      df.push(0)
    }
    return id
  }
  const paragraphTerms: number[][] = []
  const paragraphConcepts: number[][] = []
  for (const statements of raw) {
    const terms = new Set<number>()
    const concepts = new Set<number>()
    for (const word of statements.flat()) {
      terms.add(idOf(termIds, termDf, word.term))
      for (const concept of word.concepts) concepts.add(idOf(conceptIds, conceptDf, concept))
    }
    for (const id of terms) termDf[id]!++
    for (const id of concepts) conceptDf[id]!++
    paragraphTerms.push([...terms])
    paragraphConcepts.push([...concepts])
  }
  const idf = (df: number) => Math.log(1 + total / df)

  const statements: Word[][][] = raw.map((list) =>
    list.map((words) =>
      words.map((word) => {
        const term = termIds.get(word.term)!
        return { term, weight: idf(termDf[term]!) * word.boost, concepts: word.concepts.map((concept) => conceptIds.get(concept)!) }
      })
    )
  )
  const wholes: Word[][] = statements.map((list) => mergeStatements(list))
  const parts: Word[][][] = statements.map((list) => list.filter((words) => words.length >= MIN_STATEMENT_WORDS))

  // Word-by-word comparison, with stamps instead of sets: a term or concept is in the text being
  // compared against when its stamp is that text's.
  const termStamp = new Int32Array(termIds.size)
  const conceptStamp = new Int32Array(conceptIds.size)
  let stamp = 0
  /** The weighted share of `a`'s words found in `b`. */
  const coverage = (a: readonly Word[], b: readonly Word[]) => {
    stamp++
    for (const word of b) {
      termStamp[word.term] = stamp
      for (const concept of word.concepts) conceptStamp[concept] = stamp
    }
    let found = 0
    let all = 0
    for (const word of a) {
      all += word.weight
      if (termStamp[word.term] === stamp) found += word.weight
      else if (word.concepts.some((concept) => conceptStamp[concept] === stamp)) found += CONCEPT_MATCH * word.weight
    }
    return all === 0 ? 0 : found / all
  }
  const f1 = (a: readonly Word[], b: readonly Word[]) => {
    const ab = coverage(a, b)
    const ba = coverage(b, a)
    return ab + ba === 0 ? 0 : (2 * ab * ba) / (ab + ba)
  }
  const speakers = speakersBySource(eligible)
  const score = (i: number, j: number) => {
    let best = 0
    for (const a of parts[i]!) for (const b of parts[j]!) best = Math.max(best, f1(a, b))
    const whole = f1(wholes[i]!, wholes[j]!)
    let value = (1 - statementWeight) * whole + statementWeight * Math.max(best, whole)
    const [mine, theirs] = [speakers[i]!, speakers[j]!]
    if (mine.size > 0 && theirs.size > 0) value *= [...mine].some((key) => theirs.has(key)) ? SAME_SPEAKER : OTHER_SPEAKER
    return Math.round(Math.min(1, value) * 1000) / 1000
  }

  const candidatesOf = exhaustive ? allOthers(eligible) : shortlists(eligible, paragraphTerms, termDf, paragraphConcepts, conceptDf, candidateTerms, limit)
  const scored: { other: number; score: number }[][] = eligible.map(() => [])
  eligible.forEach((_, i) => {
    for (const j of candidatesOf(i)) {
      if (scored[i]!.some((entry) => entry.other === j)) continue
      const value = score(i, j)
      scored[i]!.push({ other: j, score: value })
      scored[j]!.push({ other: i, score: value })
    }
  })

  const related = new Map<string, RelatedParagraph[]>()
  eligible.forEach((paragraph, i) => {
    const best = Math.max(0, ...scored[i]!.map((entry) => entry.score))
    const list = scored[i]!
      .filter((entry) => entry.score >= minScore && entry.score >= relativeScore * best)
      .map(({ other, score }) => ({ id: eligible[other]!.id, score, comment: eligible[other]!.kind === 'comment' }))
      // Opinion never outranks a report of the same fact.
      .sort((a, b) => Number(a.comment) - Number(b.comment) || b.score - a.score || (a.id < b.id ? -1 : 1))
    if (list.length > 0) related.set(paragraph.id, list.slice(0, limit).map(({ id, score }) => ({ id, score })))
  })
  return related
}

/** Who speaks in each paragraph (see `speakersOf`), read source by source in document order. */
function speakersBySource(paragraphs: readonly Paragraph[]): Set<string>[] {
  const result: Set<string>[] = new Array(paragraphs.length)
  const bySource = new Map<string, number[]>()
  paragraphs.forEach((paragraph, index) => {
    const list = bySource.get(paragraph.sourceId)
    if (list) list.push(index)
    else bySource.set(paragraph.sourceId, [index])
  })
  for (const indexes of bySource.values()) {
    indexes.sort((a, b) => paragraphs[a]!.position - paragraphs[b]!.position)
    const found = speakersOf(indexes.map((index) => paragraphs[index]!))
    indexes.forEach((index, k) => (result[index] = found[k]!))
  }
  return result
}

/** The words of a paragraph's statements as one text (a term once, at its highest weight). */
function mergeStatements(statements: readonly Word[][]): Word[] {
  const merged = new Map<number, Word>()
  for (const word of statements.flat()) {
    const seen = merged.get(word.term)
    if (!seen || seen.weight < word.weight) merged.set(word.term, word)
  }
  return [...merged.values()]
}

function allOthers(paragraphs: readonly Paragraph[]): (i: number) => number[] {
  return (i) => paragraphs.flatMap((paragraph, j) => (paragraph.sourceId !== paragraphs[i]!.sourceId ? [j] : []))
}

/**
 * Candidates by TF-IDF: the paragraph's heaviest terms and concepts that are not common (one in
 * most paragraphs finds most paragraphs, and makes the build quadratic) find paragraphs of other
 * sources; their partial dot products pick a shortlist.
 */
function shortlists(
  paragraphs: readonly Paragraph[],
  terms: readonly number[][],
  termDf: readonly number[],
  concepts: readonly number[][],
  conceptDf: readonly number[],
  candidateTerms: number,
  limit: number
): (i: number) => number[] {
  const total = paragraphs.length
  const maxDf = Math.max(MIN_CANDIDATE_DF, Math.ceil(total * CANDIDATE_DF_SHARE))
  const shortlistSize = Math.max(SHORTLIST, limit * 4)
  const sides = [
    { features: terms, df: termDf },
    { features: concepts, df: conceptDf },
  ].map(({ features, df }) => {
    const postings: number[][] = df.map(() => [])
    features.forEach((list, index) => {
      for (const feature of list) postings[feature]!.push(index)
    })
    // Unit TF-IDF weights (a feature once per paragraph), for the partial dot products.
    const weights = features.map((list) => {
      const raw = list.map((feature) => Math.log(1 + total / df[feature]!))
      const norm = Math.sqrt(raw.reduce((sum, w) => sum + w * w, 0)) || 1
      return new Map(list.map((feature, k) => [feature, raw[k]! / norm]))
    })
    return { postings, weights, df }
  })
  const partial = new Float64Array(total)
  return (i) => {
    const touched: number[] = []
    for (const { postings, weights, df } of sides) {
      const top = [...weights[i]!]
        .filter(([feature]) => df[feature]! <= maxDf)
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, candidateTerms)
      for (const [feature, weight] of top) {
        for (const other of postings[feature]!) {
          if (paragraphs[other]!.sourceId === paragraphs[i]!.sourceId) continue
          if (partial[other] === 0) touched.push(other)
          partial[other]! += weight * weights[other]!.get(feature)!
        }
      }
    }
    const shortlist = touched.sort((a, b) => partial[b]! - partial[a]! || a - b).slice(0, shortlistSize)
    for (const other of touched) partial[other] = 0
    return shortlist
  }
}
