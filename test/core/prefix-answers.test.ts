import { describe, expect, it } from 'vitest'
import { heavyShortPrefixes, precomputedKey } from '../../src/core/prefix-answers.ts'
import { SEARCH_DEFAULTS } from '../../src/core/search.ts'
import { Vocabulary } from '../../src/core/vocabulary.ts'

describe('precomputedKey', () => {
  it('keys one or two letters typed alone with every other parameter at its default', () => {
    expect(precomputedKey({ ...SEARCH_DEFAULTS, query: 'Pu' })).toBe('Pu')
    expect(precomputedKey({ ...SEARCH_DEFAULTS, query: 'é' })).toBe('é')
    expect(precomputedKey({ ...SEARCH_DEFAULTS, query: '7' })).toBe('7')
  })

  it('leaves out longer queries, finished words, operators and other parameters', () => {
    for (const query of ['Put', 'pu ', ' pu', '"p', '-p', 'p*', '']) expect(precomputedKey({ ...SEARCH_DEFAULTS, query })).toBeUndefined()
    for (const other of [{ limit: 5 }, { offset: 10 }, { prefix: false }, { fuzzy: false }, { snippetLength: 100 }, { sources: ['a'] }, { kinds: ['body' as const] }]) {
      expect(precomputedKey({ ...SEARCH_DEFAULTS, query: 'pu', ...other })).toBeUndefined()
    }
  })
})

describe('heavyShortPrefixes', () => {
  // 'putin' in 30 paragraphs, 'pub' in 5, 'macron' in 12: "p" reaches 35, "pu" 35, "m" and "ma" 12.
  const entries: [string, string, number][] = [
    ['macron', 'macron', 12],
    ['pub', 'pub', 5],
    ['putin', 'putin', 30],
  ]
  const vocabulary = new Vocabulary(entries)
  const words = entries.map(([folded]) => folded)

  it('keeps the one- and two-letter prefixes whose completions reach enough paragraphs, lower case and capitalised', () => {
    expect(heavyShortPrefixes(vocabulary, words, 20)).toEqual(['p', 'P', 'pu', 'Pu'])
    expect(heavyShortPrefixes(vocabulary, words, 0)).toEqual(['m', 'M', 'ma', 'Ma', 'p', 'P', 'pu', 'Pu'])
    expect(heavyShortPrefixes(vocabulary, words, 36)).toEqual([])
  })
})
