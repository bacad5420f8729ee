/**
 * @module
 * Relevance metrics for graded judgments: nDCG, MRR, precision and recall at a cut-off.
 */

/** A graded query: the paragraphs that answer it, named by a text they contain. */
export type Judgment = {
  q: string
  relevant: { contains: string; grade: number }[]
}

/** Metrics of one ranked list. */
export type Metrics = { ndcg: number; mrr: number; p1: number; recall: number }

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * The grade of each ranked text: the highest grade of a judgment whose text it contains, 0 when
 * none. A judgment is credited once, to the first text that contains it.
 *
 * @example
 * grades(['A red line.', 'Blue.'], [{ contains: 'red line', grade: 2 }]) // => [2, 0]
 */
export function grades(ranked: readonly string[], relevant: Judgment['relevant']): number[] {
  const credited = new Set<number>()
  return ranked.map((text) => {
    let grade = 0
    relevant.forEach((judgment, i) => {
      if (!credited.has(i) && normalize(text).includes(normalize(judgment.contains)) && judgment.grade > grade) {
        grade = judgment.grade
        credited.add(i)
      }
    })
    return grade
  })
}

/**
 * nDCG@k with exponential gain (2^grade − 1), MRR@k, P@1 and Recall@k of a ranked list.
 *
 * @param ranked - Texts of the hits, best first.
 * @param relevant - The judgments of the query.
 * @param k - Cut-off. Default 10.
 *
 * @example
 * evaluate(['x', 'red line'], [{ contains: 'red line', grade: 2 }]) // => { ndcg: 0.63, mrr: 0.5, p1: 0, recall: 1 } (ndcg rounded)
 */
export function evaluate(ranked: readonly string[], relevant: Judgment['relevant'], k = 10): Metrics {
  const top = grades(ranked.slice(0, k), relevant)
  const dcg = (list: readonly number[]) => list.reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0)
  const ideal = dcg(relevant.map((judgment) => judgment.grade).sort((a, b) => b - a).slice(0, k))
  const first = top.findIndex((grade) => grade > 0)
  return {
    ndcg: ideal === 0 ? 0 : dcg(top) / ideal,
    mrr: first < 0 ? 0 : 1 / (first + 1),
    p1: top[0] !== undefined && top[0] > 0 ? 1 : 0,
    recall: relevant.length === 0 ? 0 : top.filter((grade) => grade > 0).length / relevant.length,
  }
}
