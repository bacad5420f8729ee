import fc from 'fast-check'
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

describe('findRelated on common terms', () => {
  it('takes no candidates from a term in more than 64 paragraphs, even where the cosine would be 1', () => {
    const common = [...Array(70).keys()].map((i) => paragraph(`a${i}`, 'a', 'Kremlin'))
    expect(findRelated([...common, paragraph('b0', 'b', 'Kremlin')]).size).toBe(0)
    expect(findRelated([...common.slice(0, 60), paragraph('b0', 'b', 'Kremlin')]).get('b0')).toHaveLength(3)
  })
})

describe('findRelated against brute force', () => {
  /** Every pair of paragraphs of different sources, scored by plain TF-IDF cosine. */
  function bruteForce(paragraphs: Paragraph[], minScore = 0.15, limit = 3) {
    const terms = (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? []
    const df = new Map<string, number>()
    for (const p of paragraphs) for (const t of new Set(terms(p.text))) df.set(t, (df.get(t) ?? 0) + 1)
    const vectors = paragraphs.map((p) => {
      const tf = new Map<string, number>()
      for (const t of terms(p.text)) tf.set(t, (tf.get(t) ?? 0) + 1)
      const v = new Map([...tf].map(([t, n]) => [t, (1 + Math.log(n)) * Math.log(1 + paragraphs.length / df.get(t)!)]))
      const norm = Math.sqrt([...v.values()].reduce((sum, w) => sum + w * w, 0))
      return new Map([...v].map(([t, w]) => [t, w / norm]))
    })
    const result = new Map<string, { id: string; score: number }[]>()
    paragraphs.forEach((p, i) => {
      const scored = paragraphs
        .map((q, j) => ({ id: q.id, sourceId: q.sourceId, score: Math.round([...vectors[i]!].reduce((sum, [t, w]) => sum + w * (vectors[j]!.get(t) ?? 0), 0) * 1000) / 1000 }))
        .filter((q) => q.sourceId !== p.sourceId && q.score >= minScore)
        .map(({ id, score }) => ({ id, score }))
        .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      if (scored.length > 0) result.set(p.id, scored.slice(0, limit))
    })
    return result
  }

  it('property: on small corpora the candidate shortlist loses nothing', () => {
    // No function words, and words whose stems are all different, so each word is one term. Under
    // 64 paragraphs no term is too common to find candidates: this checks the shortlist only.
    const word = fc.constantFrom('putin', 'macron', 'syria', 'kremlin', 'versailles', 'sanctions', 'chechnya', 'summit', 'bloomberg', 'sputnik')
    const text = fc.array(word, { minLength: 2, maxLength: 8 }).map((words) => words.join(' '))
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), text), { minLength: 2, maxLength: 40 }), (rows) => {
        const paragraphs = rows.map(([sourceId, t], i) => paragraph(`${sourceId}${String(i).padStart(2, '0')}`, sourceId, t))
        expect(findRelated(paragraphs)).toEqual(bruteForce(paragraphs))
      }),
      { numRuns: 200 }
    )
  })
})
