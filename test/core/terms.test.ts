import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldWord, isStopWord, processTerm, tokenize, tokenizeWithOffsets, typoBudget } from '../../src/core/terms.ts'

describe('tokenize', () => {
  it('splits on white space and punctuation, keeping inner apostrophes', () => {
    expect(tokenize(`France's Macron-Putin "talks", 2017: didn't.`)).toEqual(["France's", 'Macron', 'Putin', 'talks', '2017', "didn't"])
  })

  it('keeps letters with diacritics and non-Latin scripts inside words', () => {
    expect(tokenize('Françoise Путин')).toEqual(['Françoise', 'Путин'])
  })

  it('gives offsets that point back at each word', () => {
    expect(tokenizeWithOffsets('a  Versailles!')).toEqual([
      { text: 'a', start: 0, end: 1 },
      { text: 'Versailles', start: 3, end: 13 },
    ])
  })

  it('property: offsets slice the text into the same words tokenize returns', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const tokens = tokenizeWithOffsets(text)
        expect(tokens.map((token) => text.slice(token.start, token.end))).toEqual(tokenize(text))
        for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.start).toBeGreaterThanOrEqual(tokens[i - 1]!.end)
      })
    )
  })
})

describe('term processing', () => {
  it('folds case, diacritics, possessives and apostrophes', () => {
    expect(foldWord('Français')).toBe('francais')
    expect(foldWord("France's")).toBe('france')
    expect(foldWord('didn’t')).toBe('didnt')
  })

  it('stems with Porter2, so inflections meet', () => {
    expect(processTerm('weapons')).toBe(processTerm('weapon'))
    expect(processTerm('cooperation')).toBe(processTerm('cooperate'))
    expect(processTerm('journalists')).toBe('journalist')
    // Porter2 keeps "news" whole where the original Porter stemmer made it "new".
    expect(processTerm('news')).toBe('news')
  })

  it('does not stem numbers or words with digits', () => {
    expect(processTerm('2017')).toBe('2017')
    expect(processTerm('G7')).toBe('g7')
  })

  it('property: processing is case- and accent-insensitive', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), (word) => {
        expect(processTerm(word.toUpperCase())).toBe(processTerm(word))
      })
    )
    expect(processTerm('Éclair')).toBe(processTerm('eclair'))
  })

  it('recognises function words', () => {
    expect(isStopWord('the')).toBe(true)
    expect(isStopWord('putin')).toBe(false)
  })
})

describe('typoBudget', () => {
  it('allows no typo up to 4 letters, one from 5 to 8, two from 9', () => {
    expect([1, 4, 5, 8, 9, 14].map((length) => typoBudget('x'.repeat(length)))).toEqual([0, 0, 1, 1, 2, 2])
  })

  it('counts letters, not UTF-16 units', () => {
    expect(typoBudget('𝒜𝒜𝒜𝒜')).toBe(0)
  })
})
