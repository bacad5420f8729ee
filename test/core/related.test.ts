import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findRelated } from '../../src/core/related.ts'
import type { Paragraph } from '../../src/core/types.ts'
import type { Lexicon } from '../../src/core/wordnet.ts'

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
    // a2 shares only "chemical weapons" with b1: less than half a1's score, so left out by default.
    expect(related.get('b1')!.map((r) => r.id)).toEqual(['a1'])
    const all = findRelated(paragraphs, { relativeScore: 0 }).get('b1')!
    expect(all.map((r) => r.id)).toEqual(['a1', 'a2'])
    expect(all[0]!.score).toBeGreaterThan(2 * all[1]!.score)
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

describe('findRelated against every pair', () => {
  it('property: on small corpora the candidate shortlist loses nothing', () => {
    // No function words, and words whose stems are all different, so each word is one term. Under
    // 64 paragraphs no term is too common to find candidates: this checks the shortlist only.
    const word = fc.constantFrom('putin', 'macron', 'syria', 'kremlin', 'versailles', 'sanctions', 'chechnya', 'summit', 'bloomberg', 'sputnik')
    const text = fc.array(word, { minLength: 2, maxLength: 8 }).map((words) => words.join(' '))
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), text), { minLength: 2, maxLength: 40 }), (rows) => {
        const paragraphs = rows.map(([sourceId, t], i) => paragraph(`${sourceId}${String(i).padStart(2, '0')}`, sourceId, t))
        expect(findRelated(paragraphs)).toEqual(findRelated(paragraphs, { exhaustive: true }))
      }),
      { numRuns: 200 }
    )
  })
})

describe('findRelated on the same fact in other words', () => {
  /** A lexicon of three concepts, as WordNet gives them: `meddle`'s hypernym is a sense of `interfere`; `election`'s of `vote`. */
  const lexicon: Lexicon = {
    concepts: (word) => ({ meddle: ['v-interfere'], interfere: ['v-interfere'], election: ['n-vote'], vote: ['n-vote'], votes: ['n-vote'] })[word] ?? [],
  }
  const paragraphs = [
    paragraph('a1', 'a', 'The Kremlin denied it tried to meddle in the election.'),
    paragraph('b1', 'b', 'The Kremlin denied it tried to interfere with the vote.'),
    paragraph('b2', 'b', 'The Kremlin denied it tried to buy the stadium.'),
  ]

  it('ranks the paragraph saying the same thing in synonyms first, only with a lexicon', () => {
    expect(findRelated(paragraphs, { lexicon, relativeScore: 0 }).get('a1')!.map((r) => r.id)).toEqual(['b1', 'b2'])
    const withLexicon = findRelated(paragraphs, { lexicon, relativeScore: 0 }).get('a1')!
    const without = findRelated(paragraphs, { relativeScore: 0 }).get('a1')!
    // Without it, b1 and b2 share the same words with a1 ("Kremlin denied tried") and tie.
    expect(without.map((r) => r.score)).toEqual([without[0]!.score, without[0]!.score])
    expect(withLexicon[0]!.score).toBeGreaterThan(without[0]!.score)
  })

  it('puts a comment after the reports of the same fact, whatever its score', () => {
    const withComment = [...paragraphs, paragraph('c1', 'c', 'Comment: the Kremlin denied it tried to meddle in the election.', 'comment')]
    const list = findRelated(withComment, { lexicon, relativeScore: 0 }).get('a1')!
    expect(list.map((r) => r.id)).toEqual(['b1', 'b2', 'c1'])
    expect(list[2]!.score).toBeGreaterThan(list[0]!.score)
  })

  it('adds 0.1 for a quotation one paragraph gives whole inside one of the other, not for two words in common', () => {
    const quoting = [
      paragraph('a1', 'a', 'The handshake on Monday was "not innocent" and lasted long.'),
      paragraph('b1', 'b', 'Critics said the handshake was not innocent.'),
      paragraph('b2', 'b', 'Critics said the handshake was "not innocent".'),
      paragraph('c1', 'c', 'Critics said the handshake was "not innocent to us".'),
      paragraph('d1', 'd', 'Critics said the handshake was "not so" innocent.'),
    ]
    const scores = new Map(findRelated(quoting, { relativeScore: 0, limit: 4 }).get('a1')!.map((r) => [r.id, r.score]))
    // b2 differs from b1 only by its quotation marks, which also weigh its quoted words more.
    expect(scores.get('b2')!).toBeGreaterThan(scores.get('b1')! + 0.1 - 0.001)
    // "not innocent" stands inside "not innocent to us"; "not so" shares no whole quotation.
    expect(scores.get('c1')!).toBeGreaterThan(scores.get('d1')! + 0.05)
  })

  it('counts a word whose concept is the other word\'s broader concept 0.3, against 0.6 for a shared concept', () => {
    // "Kremlin" is in both paragraphs (IDF ln(1 + 2/2) = ln 2), the other word in one (ln 3).
    const pair = (word: string) => [paragraph('a1', 'a', 'Kremlin referendum'), paragraph('b1', 'b', `Kremlin ${word}`)]
    const loose: Lexicon = { concepts: (word) => (word === 'referendum' ? ['c-referendum'] : []), broader: (word) => (word === 'plebiscite' ? ['c-referendum'] : []) }
    const near: Lexicon = { concepts: (word) => (word === 'referendum' || word === 'plebiscite' ? ['c-referendum'] : []) }
    const scoreOf = (lexicon?: Lexicon) => findRelated(pair('plebiscite'), lexicon ? { lexicon } : {}).get('a1')![0]!.score
    // One statement each, so the score is the F1 of the wholes, both ways (ln 2 + m ln 3) / (ln 2 + ln 3).
    expect(scoreOf(loose)).toBe(0.571)
    expect(scoreOf(near)).toBe(0.755)
    expect(scoreOf()).toBe(0.387)
  })

  it('counts a word sharing only a gloss key with the other 0.15, and a closer match first', () => {
    const pair = [paragraph('a1', 'a', 'Kremlin referendum'), paragraph('b1', 'b', 'Kremlin plebiscite')]
    const glosses = (word: string) => (word === 'referendum' || word === 'plebiscite' ? [`=${word}`, '=vote'] : [])
    const glossed: Lexicon = { concepts: () => [], glosses }
    const both: Lexicon = { concepts: (word) => (word === 'referendum' || word === 'plebiscite' ? ['c-referendum'] : []), glosses }
    const scoreOf = (lexicon: Lexicon) => findRelated(pair, { lexicon }).get('a1')![0]!.score
    // (ln 2 + 0.15 ln 3) / (ln 2 + ln 3) = 0.8579 / 1.7918, both ways.
    expect(scoreOf(glossed)).toBe(0.479)
    // A shared concept (0.6) wins over the gloss key: (ln 2 + 0.6 ln 3) / (ln 2 + ln 3).
    expect(scoreOf(both)).toBe(0.755)
  })

  it('cuts weak partners at half the best of their own source, so each source keeps its best', () => {
    const three = [
      paragraph('a1', 'a', 'Kremlin grain sanctions exports'),
      paragraph('b1', 'b', 'Kremlin grain sanctions exports'),
      paragraph('c1', 'c', 'Kremlin grain harvest'),
      paragraph('c2', 'c', 'Kremlin football stadium'),
    ]
    // IDF ln(1 + 4/df): b1 scores 1. c1 holds kremlin + grain, 1.540 of a1's 3.738 and of its own
    // 3.149: F1 0.447, under half of b1 but c's best. c2 holds kremlin only (F1 0.181): over
    // 0.15, under half of c1, so cut.
    expect(findRelated(three).get('a1')!.map((r) => r.id)).toEqual(['b1', 'c1'])
    // In one source with b1 (c2 left out: IDF ln(1 + 3/df)), c1's F1 is 0.463, under half of b1: cut.
    const two = three.map((p) => (p.id === 'c1' ? { ...p, sourceId: 'b' } : p)).filter((p) => p.id !== 'c2')
    expect(findRelated(two).get('a1')!.map((r) => r.id)).toEqual(['b1'])
  })

  it('lowers the score of paragraphs in which different people speak', () => {
    const spoken = [
      paragraph('a1', 'a', 'Putin said the sanctions on grain exports must end soon.'),
      paragraph('b1', 'b', 'Putin said the sanctions on grain exports must end.'),
      paragraph('b2', 'b', 'Macron said the sanctions on grain exports must end.'),
    ]
    const list = findRelated(spoken, { relativeScore: 0 }).get('a1')!
    expect(list.map((r) => r.id)).toEqual(['b1', 'b2'])
    expect(list[1]!.score).toBeLessThan(list[0]!.score * 0.6)
  })

  it('reads a role written alone as the person the corpus names with it, for words and speakers', () => {
    const spoken = [
      paragraph('a1', 'a', 'Finance Minister Ada Wren said the budget would stay tight.'),
      paragraph('b1', 'b', 'The Finance Minister said the budget would stay tight.'),
    ]
    const roles: Lexicon = { concepts: () => [], isPerson: (word) => word === 'minister' }
    const withRoles = findRelated(spoken, { lexicon: roles }).get('a1')![0]!.score
    const without = findRelated(spoken, { lexicon: { concepts: () => [] } }).get('a1')![0]!.score
    // Without roles b1's speaker is "Finance Minister" (key `minister`), not Wren: × 0.6. With them
    // b1 reads "The Finance Minister Wren said": the same speaker (× 1.25) and one more shared name.
    expect(without).toBeLessThan(0.6)
    expect(withRoles).toBeGreaterThan(without * (1.25 / 0.6))
  })

  it('reads numbers written as words as their digits, single digits included', () => {
    const votes = [
      paragraph('a1', 'a', 'The court ruled by 5-4 against the law.'),
      paragraph('b1', 'b', 'The court ruled by five to four against the law.'),
      paragraph('b2', 'b', 'The court ruled by seven to two against the law.'),
    ]
    const list = findRelated(votes, { relativeScore: 0 }).get('a1')!
    // b1 and b2 share "court ruled law" with a1; only b1 has its 5 and 4.
    expect(list.map((r) => r.id)).toEqual(['b1', 'b2'])
    expect(list[0]!.score).toBe(1)
  })

  it('reads `he`/`she` as the person they stand for (`pronouns.ts`), the people being the corpus\'s role holders', () => {
    const ferry = [
      paragraph('a1', 'a', 'Minister Ada Wren opened the new bridge.'),
      { ...paragraph('a2', 'a', 'On Monday she closed the old ferry route for good.'), position: 1 },
      paragraph('b1', 'b', 'Wren closed the old ferry route for good on Monday.'),
    ]
    const roles: Lexicon = { concepts: () => [], isPerson: (word) => word === 'minister' }
    const withPeople = findRelated(ferry, { lexicon: roles }).get('a2')![0]!
    const without = findRelated(ferry, { lexicon: { concepts: () => [] } }).get('a2')![0]!
    // With the people, a2 reads "she Wren closed …": every word of b1 is in it.
    expect(withPeople).toEqual({ id: 'b1', score: 1 })
    expect(without.score).toBeLessThan(1)
  })

  it('reads an amount in any of its forms as one token (`amounts.ts`)', () => {
    const recalls = [
      paragraph('a1', 'a', 'Velora recalls 84,000 bikes and books a €38m charge.'),
      paragraph('b1', 'b', 'Velora recalls Eighty-four thousand bikes and books a 38 million euro charge.'),
      paragraph('b2', 'b', 'Velora recalls 48,000 bikes and books a 83 million euro charge.'),
    ]
    const list = findRelated(recalls, { relativeScore: 0 }).get('a1')!
    // Word for word, b1 and b2 differ from a1 alike; read as amounts, b1 has all of a1 (84000,
    // 38000000, euro), b2 none of its figures.
    expect(list.map((r) => r.id)).toEqual(['b1', 'b2'])
    expect(list[0]!.score).toBe(1)
  })

  it('lets a figure given roughly meet the exact one it rounds, and never two exact figures', () => {
    const flights = [
      paragraph('a1', 'a', 'The airline cancelled 1,140 flights on Saturday.'),
      paragraph('b1', 'b', 'The airline cancelled more than 1,100 flights on Saturday.'),
      paragraph('c1', 'c', 'The airline cancelled 1,190 flights on Saturday.'),
    ]
    const all = findRelated(flights, { relativeScore: 0 })
    const score = (from: string, to: string) => all.get(from)!.find((r) => r.id === to)!.score
    // b1's 1100 at two digits is a rounding of 1140 and of 1190: it meets both alike (a concept match).
    expect(score('b1', 'a1')).toBe(score('b1', 'c1'))
    expect(score('b1', 'a1')).toBeLessThan(1)
    // 1,140 and 1,190 are two figures: they meet on the other words only, less than either meets b1.
    expect(score('a1', 'c1')).toBeLessThan(score('a1', 'b1'))
  })

  it('lets a time given roughly meet the exact time within the hour around it', () => {
    const outage = [
      paragraph('a1', 'a', 'The outage began at 05:40 on Saturday.'),
      paragraph('b1', 'b', 'The outage began shortly before six on Saturday.'),
      paragraph('c1', 'c', 'The outage began at 08:10 on Saturday.'),
    ]
    const all = findRelated(outage, { relativeScore: 0 })
    const score = (from: string, to: string) => all.get(from)!.find((r) => r.id === to)!.score
    // "shortly before six" (≈h:6) meets 05:40 (≈h:5, ≈h:6) as a shared concept does, not 08:10.
    expect(score('b1', 'a1')).toBeGreaterThan(score('b1', 'c1'))
    expect(score('b1', 'a1')).toBeLessThan(1)
    // Two exact times never meet this way: 05:40 and 08:10 only share the other words.
    expect(score('a1', 'c1')).toBeLessThan(score('a1', 'b1'))
  })

  it('keeps the best partner of each statement of a long paragraph in a source, when each is the other\'s best there', () => {
    const twoFacts = [
      paragraph('a1', 'a', 'Kremlin grain sanctions exports harvest quotas. Madrid stadium opens.'),
      paragraph('b1', 'b', 'Kremlin grain sanctions exports harvest quotas.'),
      paragraph('b2', 'b', 'Madrid stadium opens tonight with fireworks, concerts, parades and speeches.'),
    ]
    const all = findRelated(twoFacts, { relativeScore: 0 }).get('a1')!
    // b2 scores under half of b1, so the cut per source alone would drop it ...
    expect(all.map((r) => r.id)).toEqual(['b1', 'b2'])
    expect(all[1]!.score).toBeLessThan(all[0]!.score / 2)
    // ... but it is the best partner of a1's second statement in b, and a1 is b2's best in a.
    expect(findRelated(twoFacts).get('a1')!.map((r) => r.id)).toEqual(['b1', 'b2'])
    // With a paragraph of a that b2 prefers, a1 is no longer b2's best there: cut.
    const rival = [...twoFacts, paragraph('a2', 'a', 'Madrid stadium opens tonight with fireworks.')]
    expect(findRelated(rival).get('a1')!.map((r) => r.id)).toEqual(['b1'])
  })
})
