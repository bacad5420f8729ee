import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../src/core/query.ts'
import { planQuery } from '../../src/core/query-plan.ts'
import { buildVocabulary, Vocabulary } from '../../src/core/vocabulary.ts'

describe('planQuery', () => {
  // "cooperation" is in 2 paragraphs, "cooperate" and "Cooper" in 1 each: all three have the term "cooper".
  const vocabulary = new Vocabulary(buildVocabulary(['cooperation and cooperate', 'cooperation', 'Cooper was there', 'Versailles']))
  const paragraphs = (query: string, prefix: boolean) => planQuery(parseQuery(query), vocabulary, { prefix, fuzzy: true }).units.map((unit) => unit.kind === 'word' && unit.paragraphs)

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
})
