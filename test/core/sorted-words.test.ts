import fc from 'fast-check'
import SearchableMap from 'minisearch/SearchableMap'
import { describe, expect, it } from 'vitest'
import { nextSmaller, SortedWords } from '../../src/core/sorted-words.ts'

const sorted = (words: Iterable<string>) => [...new Set(words)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))

describe('SortedWords', () => {
  const words = new SortedWords(['macro', 'macron', 'micron', 'pun', 'puti', 'putin', 'q'])

  it('finds words and prefixes by binary search', () => {
    expect(words.indexOf('putin')).toBe(5)
    expect(words.indexOf('put')).toBe(-1)
    expect(words.withPrefix('put')).toEqual(['puti', 'putin'])
    expect(words.withPrefix('x')).toEqual([])
  })

  it('finds the words within the edits allowed, with their distances', () => {
    // macro: one deletion; micron: one substitution; macron itself at 0.
    expect(words.fuzzy('macron', 1).map(({ index, distance }) => [words.words[index], distance])).toEqual([
      ['macro', 1],
      ['macron', 0],
      ['micron', 1],
    ])
    // "ptuin" is two edits from putin (Levenshtein counts a swap as two) and from pun (drop t and i),
    // three from puti.
    expect(words.fuzzy('ptuin', 2).map(({ index, distance }) => [words.words[index], distance])).toEqual([
      ['pun', 2],
      ['putin', 2],
    ])
    expect(words.fuzzy('ptuin', 1)).toEqual([])
    expect(new SortedWords([]).fuzzy('a', 2)).toEqual([])
  })

  it('remembers a look-up: the same answer again, which no caller can change', () => {
    const dictionary = new SortedWords(['macro', 'macron', 'micron'])
    const first = dictionary.fuzzy('macron', 1)
    expect(dictionary.fuzzy('macron', 1)).toBe(first)
    expect(Object.isFrozen(first) && first.every((match) => Object.isFrozen(match))).toBe(true)
    expect(dictionary.fuzzy('macron', 0)).toEqual([{ index: 1, distance: 0 }])
  })

  it('measures a word past 255 code units by its own length, not the length array\'s cap', () => {
    // The query is 256 a's: 'a'.repeat(300) is 44 insertions away, 'a'.repeat(257) one.
    const long = new SortedWords(['a'.repeat(257), 'a'.repeat(300), 'b'])
    expect(long.fuzzy('a'.repeat(256), 2)).toEqual([{ index: 0, distance: 1 }])
  })

  it('refuses words out of order', () => {
    expect(() => new SortedWords(['b', 'a'])).toThrow('sorted words: "b" comes before "a"')
  })

  it('gives the words in their order, whatever their lengths', () => {
    // "ab" (one deletion) comes before "b" (itself), though the walk meets words of one length first.
    expect(new SortedWords(['ab', 'b']).fuzzy('b', 1)).toEqual([
      { index: 0, distance: 1 },
      { index: 1, distance: 0 },
    ])
  })

  it("property: finds what MiniSearch's radix tree finds, at the same distances, in order (dictionaries large enough for long skips)", () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ab', 'ba', 'abc', 'cab', 'é', 'e\u0301', '\u{1F600}'), minLength: 1, maxLength: 9 })
    fc.assert(
      fc.property(fc.array(word, { minLength: 50, maxLength: 400 }), word, fc.integer({ min: 0, max: 3 }), (list, query, maxDistance) => {
        const keys = sorted(list)
        const tree = new SearchableMap<number>()
        keys.forEach((key, i) => tree.set(key, i))
        // MiniSearch's matches, put in the dictionary's order: the look-up gives them in that order.
        const expected = [...tree.fuzzyGet(query, maxDistance)].map(([key, [, distance]]) => [key, distance]).sort(([a], [b]) => (a! < b! ? -1 : 1))
        const actual = new SortedWords(keys).fuzzy(query, maxDistance).map(({ index, distance }) => [keys[index]!, distance])
        expect(actual).toEqual(expected)
      }),
      { numRuns: 300 }
    )
  })

  it("property: finds what MiniSearch's radix tree finds, at the same distances", () => {
    // Code units as JavaScript compares them: a combining accent, a surrogate pair, long shared prefixes.
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', 'e\u0301', '\u{1F600}', 'ab', 'ba', 'abcab'), maxLength: 7 })
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), word, fc.integer({ min: 0, max: 3 }), (list, query, maxDistance) => {
        const keys = sorted(list)
        const tree = new SearchableMap<number>()
        keys.forEach((key, i) => tree.set(key, i))
        const expected = new Map([...tree.fuzzyGet(query, maxDistance)].map(([key, [, distance]]) => [key, distance]))
        const dictionary = new SortedWords(keys)
        const actual = new Map(dictionary.fuzzy(query, maxDistance).map(({ index, distance }) => [keys[index]!, distance]))
        expect(actual).toEqual(expected)
      }),
      { numRuns: 1000 }
    )
  })
})

describe('nextSmaller', () => {
  it('gives the first later index holding a smaller value, or the length', () => {
    // 0 has nothing smaller after it; 3 is followed by 5, 4, then 2 at index 4; 5 by 4 at index 3.
    expect([...nextSmaller(Uint16Array.of(0, 3, 5, 4, 2))]).toEqual([5, 4, 3, 4, 5])
    // Equal values are not smaller.
    expect([...nextSmaller([2, 2, 1])]).toEqual([2, 2, 3])
    expect([...nextSmaller([])]).toEqual([])
  })

  it('property: agrees with a scan', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 60 }), (values) => {
        const expected = values.map((value, i) => {
          const at = values.findIndex((other, j) => j > i && other < value)
          return at < 0 ? values.length : at
        })
        expect([...nextSmaller(values)]).toEqual(expected)
      })
    )
  })
})
