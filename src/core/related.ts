/**
 * @module
 * "Also reported by": for each paragraph, the paragraphs of the other sources that say the same
 * thing. Computed once at build time as TF-IDF cosine similarity over the same terms the search
 * uses (stemmed, without function words), so the Worker only looks the answer up.
 */
import { foldWord, isStopWord, processTerm, tokenize } from './terms.ts'
import type { Paragraph } from './types.ts'

/** A paragraph of another source and how close it is (cosine similarity, 0 to 1). */
export type RelatedParagraph = {
  /** The related paragraph's id. */
  id: string
  /** Cosine similarity, rounded to three decimals. */
  score: number
}

/** Options of {@link findRelated}. */
export type RelatedOptions = {
  /** Similarity below which paragraphs are not related. Default 0.15. */
  minScore?: number
  /** Most related paragraphs kept per paragraph. Default 3. */
  limit?: number
  /** How many of a paragraph's highest-weighted terms are used to find candidates. Default 16. */
  candidateTerms?: number
}

const DEFAULTS = { minScore: 0.15, limit: 3, candidateTerms: 16 } satisfies Required<RelatedOptions>

/** A term in more paragraphs than this (or this share of them, if more) finds no candidates. */
const MIN_CANDIDATE_DF = 64
const CANDIDATE_DF_SHARE = 0.002
/** How many candidates, best by partial score, get the full cosine. */
const SHORTLIST = 32

type Vector = Map<string, number>

function termFrequencies(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const word of tokenize(text)) {
    const folded = foldWord(word)
    if (folded.length < 2 || isStopWord(folded)) continue
    const term = processTerm(word)
    if (term) counts.set(term, (counts.get(term) ?? 0) + 1)
  }
  return counts
}

function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let sum = 0
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0)
  return sum
}

/**
 * Finds, for every paragraph, the closest paragraphs of other sources. Headings take no part:
 * they are too short to say anything on their own.
 *
 * @param paragraphs - All paragraphs of the corpus.
 * @param options - Threshold and limits; see {@link RelatedOptions}.
 * @returns For each paragraph id that has any, its related paragraphs, best first.
 *
 * @example
 * findRelated([
 *   { id: 'a', sourceId: 'x', kind: 'body', section: null, position: 0, text: 'Chemical weapons are a red line.' },
 *   { id: 'b', sourceId: 'y', kind: 'body', section: null, position: 0, text: 'Use of chemical weapons is a red line.' },
 * ]).get('a') // => [{ id: 'b', score: 0.8 }] (score approximate)
 */
export function findRelated(paragraphs: readonly Paragraph[], options: RelatedOptions = {}): Map<string, RelatedParagraph[]> {
  const { minScore, limit, candidateTerms } = { ...DEFAULTS, ...options }
  const eligible = paragraphs.filter((paragraph) => paragraph.kind !== 'heading')
  const frequencies = eligible.map((paragraph) => termFrequencies(paragraph.text))

  const postings = new Map<string, number[]>()
  frequencies.forEach((counts, index) => {
    for (const term of counts.keys()) {
      const list = postings.get(term)
      if (list) list.push(index)
      else postings.set(term, [index])
    }
  })

  const total = eligible.length
  const vectors: Vector[] = frequencies.map((counts) => {
    const vector: Vector = new Map()
    let norm = 0
    for (const [term, count] of counts) {
      const weight = (1 + Math.log(count)) * Math.log(1 + total / postings.get(term)!.length)
      vector.set(term, weight)
      norm += weight * weight
    }
    norm = Math.sqrt(norm)
    for (const [term, weight] of vector) vector.set(term, weight / norm)
    return vector
  })

  // Candidates come from the paragraph's heaviest terms that are not common (a term in most
  // paragraphs finds most paragraphs, and makes the build quadratic). Their partial dot products
  // pick a shortlist; only the shortlist gets the full cosine.
  const maxDf = Math.max(MIN_CANDIDATE_DF, Math.ceil(total * CANDIDATE_DF_SHARE))
  const shortlistSize = Math.max(SHORTLIST, limit * 4)
  const partial = new Float64Array(total)
  const related = new Map<string, RelatedParagraph[]>()
  eligible.forEach((paragraph, index) => {
    const vector = vectors[index]!
    const topTerms = [...vector]
      .filter(([term]) => postings.get(term)!.length <= maxDf)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, candidateTerms)
    const touched: number[] = []
    for (const [term, weight] of topTerms) {
      for (const other of postings.get(term)!) {
        if (eligible[other]!.sourceId === paragraph.sourceId) continue
        if (partial[other] === 0) touched.push(other)
        partial[other]! += weight * vectors[other]!.get(term)!
      }
    }
    const shortlist = touched.sort((a, b) => partial[b]! - partial[a]! || a - b).slice(0, shortlistSize)
    for (const other of touched) partial[other] = 0
    const scored: RelatedParagraph[] = []
    for (const other of shortlist) {
      const score = Math.round(dot(vector, vectors[other]!) * 1000) / 1000
      if (score >= minScore) scored.push({ id: eligible[other]!.id, score })
    }
    scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    if (scored.length > 0) related.set(paragraph.id, scored.slice(0, limit))
  })
  return related
}
