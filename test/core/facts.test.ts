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

  it('counts the sources of groups joined to groups: a link that would bring a third paragraph of one source into a grown group is not followed', () => {
    const corpus = ['pa1', 'pa2', 'pa3', 'pb1', 'pb2', 'pc1', 'pd1'].map((id) => paragraph(id, id[1]!))
    const both = (pairs: [string, string, number][]) => {
      const lists = new Map<string, [string, number][]>()
      for (const [a, b, score] of pairs) {
        lists.set(a, [...(lists.get(a) ?? []), [b, score]])
        lists.set(b, [...(lists.get(b) ?? []), [a, score]])
      }
      return links([...lists])
    }
    const facts = groupFacts(corpus, both([
      ['pa1', 'pb1', 0.9], // {pa1, pb1}
      ['pc1', 'pd1', 0.8], // {pc1, pd1}
      ['pb1', 'pc1', 0.7], // the two groups join: a, b, c and d once each
      ['pa2', 'pd1', 0.6], // a second paragraph of a joins them
      ['pa3', 'pc1', 0.5], // a third of a would: not followed
      ['pa3', 'pb2', 0.4], // pa3 and pb2 make a fact of their own
    ]))
    expect(Object.fromEntries(facts)).toEqual({ pa1: 'fa1', pa2: 'fa1', pb1: 'fa1', pc1: 'fa1', pd1: 'fa1', pa3: 'fa3', pb2: 'fa3' })
  })
})
