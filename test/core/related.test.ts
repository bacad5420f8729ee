import { describe, expect, it } from 'vitest'
import { findRelated } from '../../src/core/related.ts'
import type { Paragraph } from '../../src/core/types.ts'

const paragraph = (id: string, sourceId: string, text: string, kind: Paragraph['kind'] = 'body'): Paragraph => ({ id, sourceId, kind, section: null, position: 0, text })

describe('findRelated', () => {
  const paragraphs = [
    paragraph('a1', 'a', 'The use of chemical weapons would be a red line for France.'),
    paragraph('a2', 'a', 'Chemical weapons were discussed at length.'),
    paragraph('a3', 'a', 'Chemical weapons and red lines', 'heading'),
    paragraph('b1', 'b', 'He said the use of chemical weapons is a red line.'),
    paragraph('b2', 'b', 'The football match ended in a draw.'),
  ]
  const related = findRelated(paragraphs)

  it('relates paragraphs of different sources that say the same thing, best first', () => {
    expect(related.get('a1')!.map((r) => r.id)).toEqual(['b1'])
    expect(related.get('b1')!.map((r) => r.id)).toEqual(['a1', 'a2'])
    expect(related.get('b1')![0]!.score).toBeGreaterThan(related.get('b1')![1]!.score)
  })

  it('never relates a paragraph to its own source, nor headings, nor unrelated text', () => {
    for (const [id, list] of related) for (const r of list) expect(r.id[0]).not.toBe(id[0])
    expect(related.has('a3')).toBe(false)
    expect(related.has('b2')).toBe(false)
  })

  it('honours the threshold and the limit', () => {
    expect(findRelated(paragraphs, { minScore: 0.99 }).size).toBe(0)
    expect(findRelated(paragraphs, { limit: 1 }).get('b1')).toHaveLength(1)
  })

  it('scores with cosine similarity, between 0 and 1, symmetric', () => {
    const ab = related.get('a1')!.find((r) => r.id === 'b1')!.score
    const ba = related.get('b1')!.find((r) => r.id === 'a1')!.score
    expect(ab).toBe(ba)
    expect(ab).toBeGreaterThan(0)
    expect(ab).toBeLessThanOrEqual(1)
  })
})
