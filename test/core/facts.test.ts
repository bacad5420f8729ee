import { describe, expect, it } from 'vitest'
import { groupFacts } from '../../src/core/facts.ts'
import type { RelatedParagraph } from '../../src/core/related.ts'
import type { Paragraph } from '../../src/core/types.ts'

const paragraph = (id: string, sourceId: string): Paragraph => ({ id, sourceId, kind: 'body', section: null, position: 0, text: id })
const links = (entries: [string, [string, number][]][]) => new Map(entries.map(([id, list]) => [id, list.map(([other, score]): RelatedParagraph => ({ id: other, score }))]))

describe('groupFacts', () => {
  const paragraphs = ['pa1', 'pa2', 'pa3', 'pb1', 'pb2', 'pc1'].map((id) => paragraph(id, id[1]!))

  it('joins paragraphs linked both ways, names the fact after its first paragraph, and leaves the rest alone', () => {
    const facts = groupFacts(paragraphs, links([
      ['pa1', [['pb1', 0.5]]],
      ['pb1', [['pa1', 0.5], ['pc1', 0.3]]],
      ['pc1', [['pb1', 0.3]]],
      ['pa2', [['pb2', 0.4]]], // pb2 does not list pa2: no fact
    ]))
    expect(Object.fromEntries(facts)).toEqual({ pa1: 'fa1', pb1: 'fa1', pc1: 'fa1' })
  })

  it('ignores links under the threshold', () => {
    const facts = groupFacts(paragraphs, links([
      ['pa1', [['pb1', 0.1]]],
      ['pb1', [['pa1', 0.1]]],
    ]))
    expect(facts.size).toBe(0)
  })

  it('never puts more than two paragraphs of one source in a fact: the weakest link that would is not followed', () => {
    const facts = groupFacts(paragraphs, links([
      ['pa1', [['pb1', 0.9]]],
      ['pa2', [['pb1', 0.8]]],
      ['pa3', [['pb1', 0.7]]],
      ['pb1', [['pa1', 0.9], ['pa2', 0.8], ['pa3', 0.7]]],
    ]))
    expect(Object.fromEntries(facts)).toEqual({ pa1: 'fa1', pa2: 'fa1', pb1: 'fa1' })
  })
})
