/**
 * @module
 * MiniSearch's relevance scoring (BM25+), written once for the engines that score without
 * MiniSearch: the columnar first phase (`columnar-search.ts`) and the sources' titles
 * (`source-titles.ts`); its fuzzy weight is also the query plan's weight of a correction. The expressions are MiniSearch 7's (`calcBM25Score`, the weight of a
 * fuzzy match in `executeQuerySpec`) with its defaults, in its order of operations, so the same
 * inputs give the same bits (floating-point arithmetic is not associative).
 */

/** MiniSearch's BM25+ parameters (its `defaultBM25params`, which the index options leave as they are). */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const

/** MiniSearch's weight of a fuzzy match (its default `weights.fuzzy`). */
export const FUZZY_WEIGHT = 0.45

/**
 * A term's BM25+ score in one field of one document, as MiniSearch's `calcBM25Score`.
 *
 * @param termFrequency - The term's occurrences in the field.
 * @param matching - Documents whose field holds the term.
 * @param documentCount - Documents in the index.
 * @param fieldLength - The field's length in the document (MiniSearch's: its distinct tokens).
 * @param averageFieldLength - The field's mean length over the index.
 * @example
 * // One title of two holds the term once, both three tokens long: log(1 + 1.5 / 1.5) × (0.5 + 2.2 / 2.2).
 * bm25PlusScore(1, 1, 2, 3, 3) // => 1.0397… (≈ Math.log(2) × 1.5)
 */
export function bm25PlusScore(termFrequency: number, matching: number, documentCount: number, fieldLength: number, averageFieldLength: number): number {
  const { k, b, d } = BM25
  const invDocFreq = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5))
  return invDocFreq * (d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * fieldLength) / averageFieldLength)))
}

/**
 * The weight of an index term found within `distance` edits of a query term, as MiniSearch's
 * `executeQuerySpec` gives it: approaching 0 as the distance grows, {@link FUZZY_WEIGHT} at 0.
 *
 * @example
 * fuzzyMatchWeight('macro', 1) // => 0.45 * 5 / 6
 */
export function fuzzyMatchWeight(term: string, distance: number): number {
  return (FUZZY_WEIGHT * term.length) / (term.length + distance)
}
