import { describe, expect, it } from 'vitest'
import { TERM_WORDS_SCANNED, Vocabulary, buildVocabulary } from '../../src/core/vocabulary.ts'

describe('buildVocabulary', () => {
  it('lists folded words with their term, paragraph count and usual spelling, sorted, without function words', () => {
    expect(buildVocabulary(['Versailles palace', 'the palace, the Palace', "Macron's palace"])).toEqual([
      ['macron', 'macron', 1, 'Macron'],
      ['palace', 'palac', 3],
      ['versailles', 'versaill', 1, 'Versailles'],
    ])
  })
})

describe('Vocabulary', () => {
  const vocabulary = new Vocabulary(buildVocabulary(['cooperation and cooperate', 'cooperation', 'Cooper was there', 'Versailles']))

  it('completes a prefix to terms, most used first, even when the prefix is not a prefix of the stem', () => {
    // "cooperation" in 2 paragraphs, "cooperate" in 1: 3 uses of the term, at least 2 paragraphs.
    expect(vocabulary.complete('coopera', 5)).toEqual([{ term: 'cooper', display: 'cooperation', count: 3, used: 2 }])
    expect(vocabulary.complete('coop', 5).map((c) => c.display)).toEqual(['cooperation'])
  })

  it('shows the usual spelling and respects the limit', () => {
    expect(vocabulary.complete('vers', 5)).toEqual([{ term: 'versaill', display: 'Versailles', count: 1, used: 1 }])
    expect(vocabulary.complete('c', 0)).toEqual([])
  })

  it('corrects a misspelt word to the words a few edits away, closest first, not to itself', () => {
    const words = new Vocabulary(buildVocabulary(['chemical weapons', 'chemical', 'chemicals', 'Cooper', 'cooperation']))
    expect(words.correct('chemcal', 1, 5)).toEqual([{ term: 'chemic', display: 'chemical', distance: 1 }])
    expect(words.correct('chemcals', 2, 5).map((c) => c.display)).toEqual(['chemicals'])
    expect(words.correct('chemical', 1, 5).map((c) => c.display)).toEqual(['chemicals'])
    expect(words.correct('chemcal', 0, 5)).toEqual([])
    expect(words.correct('zzzzzzz', 2, 5)).toEqual([])
    // Remembered, but each answer is the caller's own: changing one leaves the next as it was.
    const first = words.correct('chemcal', 1, 5)
    first[0]!.display = 'changed'
    expect(words.correct('chemcal', 1, 5)).toEqual([{ term: 'chemic', display: 'chemical', distance: 1 }])
  })

  it('completes nothing for an empty or unknown prefix', () => {
    expect(vocabulary.complete('', 5)).toEqual([])
    expect(vocabulary.complete('zz', 5)).toEqual([])
    expect(vocabulary.size).toBe(4)
  })

  it('counts the paragraphs using a word, none for a word it lacks', () => {
    expect(vocabulary.paragraphsUsing('cooperation')).toBe(2)
    expect(vocabulary.paragraphsUsing('cooper')).toBe(1)
    expect(vocabulary.paragraphsUsing('coop')).toBe(0)
    expect(vocabulary.paragraphsUsing('and')).toBe(0)
  })
})

describe('Vocabulary.paragraphsWithTerm', () => {
  it("sums the paragraphs using each word of the term among the words it starts, and knows no term it cannot count", () => {
    // weapon: "weapons" in 2 paragraphs, "weapon" in 1 (the third counts each of its two words);
    // weaponry's term "weaponri" starts no word; "the" is a function word; "z" starts none.
    const vocabulary = new Vocabulary(buildVocabulary(['weapons here', 'weapons and weaponry', 'a weapon', 'the end']))
    expect(vocabulary.paragraphsWithTerm('weapon')).toBe(3)
    expect(vocabulary.paragraphsWithTerm('weaponri')).toBe(0)
    expect(vocabulary.paragraphsWithTerm('the')).toBe(0)
    expect(vocabulary.paragraphsWithTerm('z')).toBe(0)
  })

  it(`knows nothing of a term that starts more than ${TERM_WORDS_SCANNED} words`, () => {
    // "aa" (term "aa") and n words aa0, aa1… (digits: not stemmed, terms of their own), each in one paragraph.
    const many = (n: number) => ['aa', ...Array.from({ length: n }, (_, i) => `aa${i}`)]
    expect(new Vocabulary(buildVocabulary(many(TERM_WORDS_SCANNED - 1))).paragraphsWithTerm('aa')).toBe(1)
    expect(new Vocabulary(buildVocabulary(many(TERM_WORDS_SCANNED))).paragraphsWithTerm('aa')).toBe(0)
  })
})

describe('Vocabulary.correct with swapped letters', () => {
  const vocabulary = new Vocabulary(buildVocabulary(['Putin met Macron', 'Putin and the Macron team', 'a biscuit']))

  it('counts a swap of two adjacent letters as one typo', () => {
    expect(vocabulary.correct('ptuin', 1, 5)).toEqual([{ term: 'putin', display: 'Putin', distance: 1 }])
    expect(vocabulary.correct('macorn', 1, 5)).toEqual([{ term: 'macron', display: 'Macron', distance: 1 }])
  })

  it('finds a swap within a budget of two as well, without combining it with another edit', () => {
    expect(vocabulary.correct('ptuin', 2, 5)).toEqual([{ term: 'putin', display: 'Putin', distance: 1 }])
    // "mcaronn" is a swap and a deletion from "macron": three Levenshtein edits, beyond the budget.
    expect(vocabulary.correct('mcaronn', 2, 5)).toEqual([])
  })
})
