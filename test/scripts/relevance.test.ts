import { describe, expect, it } from 'vitest'
import { evaluate, grades } from '../../scripts/lib/relevance.ts'

describe('relevance metrics', () => {
  const judged = [
    { contains: 'red line', grade: 2 },
    { contains: 'chemical', grade: 1 },
  ]

  it('grades each hit by the judgment its text contains, crediting a judgment once', () => {
    expect(grades(['a red  line', 'red line again', 'chemical', 'other'], judged)).toEqual([2, 0, 1, 0])
  })

  it('scores a perfect ranking 1 on every metric', () => {
    expect(evaluate(['red line', 'chemical'], judged)).toEqual({ ndcg: 1, mrr: 1, p1: 1, recall: 1 })
  })

  it('computes nDCG with exponential gain, MRR, P@1 and recall', () => {
    const metrics = evaluate(['x', 'chemical', 'red line'], judged)
    const dcg = 1 / Math.log2(3) + 3 / Math.log2(4)
    const ideal = 3 + 1 / Math.log2(3)
    expect(metrics.ndcg).toBeCloseTo(dcg / ideal, 10)
    expect(metrics).toMatchObject({ mrr: 0.5, p1: 0, recall: 1 })
  })

  it('cuts at k', () => {
    expect(evaluate(['x', 'red line'], judged, 1)).toEqual({ ndcg: 0, mrr: 0, p1: 0, recall: 0 })
  })
})
