import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../src/core/query.ts'
import { planQuery } from '../../src/core/query-plan.ts'
import { processTerm, tokenize } from '../../src/core/terms.ts'
import { buildVocabulary, Vocabulary } from '../../src/core/vocabulary.ts'

describe('planQuery', () => {
  // "cooperation" is in 2 paragraphs, "cooperate" and "Cooper" in 1 each: all three have the term "cooper".
  const vocabulary = new Vocabulary(buildVocabulary(['cooperation and cooperate', 'cooperation', 'Cooper was there', 'Versailles']))
  const paragraphs = (query: string, prefix: boolean) => planQuery(parseQuery(query), vocabulary, { prefix, fuzzy: true }).units.map((unit) => unit.kind === 'word' && unit.paragraphsAtLeast)

  it('gives each word the most paragraphs one of its forms is used in, a lower bound of its matches', () => {
    expect(paragraphs('cooperation versailles ', false)).toEqual([2, 1])
    expect(paragraphs('cooperate ', false)).toEqual([1])
    // Being typed: its completions count, the most used word of a term, not their sum (3).
    expect(paragraphs('coopera', true)).toEqual([2])
    expect(paragraphs('coopera', false)).toEqual([0])
    // A word the vocabulary lacks, or a function word it leaves out, counts none.
    expect(paragraphs('zzz ', true)).toEqual([0])
    expect(paragraphs('was ', true)).toEqual([0])
  })

  it('property: the bound is never more than the paragraphs whose text holds one of its exact terms', () => {
    const word = fc.constantFrom('palace', 'palaces', 'Palace', "palace's", 'pal', 'pale', 'paler', 'the', 'cooperation', 'cooperate', 'Cooper')
    const text = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '))
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), word, fc.boolean(), fc.boolean(), (texts, typed, typing, star) => {
        const vocabulary = new Vocabulary(buildVocabulary(texts))
        const query = star ? `${typed}*` : typing ? typed : `${typed} `
        for (const unit of planQuery(parseQuery(query), vocabulary, { prefix: true, fuzzy: true }).units) {
          if (unit.kind !== 'word') continue
          const holding = texts.filter((text) => tokenize(text).some((token) => unit.exactTerms.has(processTerm(token) ?? ''))).length
          expect(unit.paragraphsAtLeast).toBeLessThanOrEqual(holding)
        }
      }),
      { numRuns: 300 }
    )
  })
})
