import { describe, expect, it } from 'vitest'
import { normaliseOperators, parseQuery } from '../../src/core/query.ts'

const shape = (input: string) => {
  const q = parseQuery(input)
  return {
    words: q.words.map((w) => w.text),
    phrases: q.phrases.map((p) => p.map((w) => w.text).join(' ')),
    excludedWords: q.excludedWords.map((w) => w.text),
    excludedPhrases: q.excludedPhrases.map((p) => p.map((w) => w.text).join(' ')),
    prefix: q.lastWordIsPrefix,
  }
}

describe('parseQuery', () => {
  it('reads words, phrases and exclusions', () => {
    expect(shape('"red line" chemical -Assad -"press conference" weap')).toEqual({
      words: ['chemical', 'weap'],
      phrases: ['red line'],
      excludedWords: ['Assad'],
      excludedPhrases: ['press conference'],
      prefix: true,
    })
  })

  it('treats the last word as a prefix only while it is being typed', () => {
    expect(shape('red lin').prefix).toBe(true)
    expect(shape('red line ').prefix).toBe(false)
    expect(shape('red "line"').prefix).toBe(false)
    expect(shape('red -line').prefix).toBe(false)
  })

  it('runs an unclosed quote to the end of the query', () => {
    expect(shape('"red line').phrases).toEqual(['red line'])
  })

  it('takes a one-word phrase for a word, and a split negated word for a phrase', () => {
    expect(shape('"Kremlin" -pro-Kremlin')).toMatchObject({ words: ['Kremlin'], excludedPhrases: ['pro Kremlin'], prefix: false })
  })

  it('keeps each term once and ignores what has no word', () => {
    expect(shape('weapons weapon - "" !!').words).toEqual(['weapons'])
  })

  it('processes words as the index does and marks function words', () => {
    const [the, weapons] = parseQuery('The weapons').words
    expect(the).toMatchObject({ folded: 'the', term: 'the', stopWord: true })
    expect(weapons).toMatchObject({ folded: 'weapons', term: 'weapon', stopWord: false })
  })
})

describe('typographic operators', () => {
  it('reads the quotes phones and word processors type as phrase quotes', () => {
    for (const input of ['“red line”', '„red line“', '«red line»', '« red line »', '‘red line’', '‚red line‘', '＂red line＂']) {
      expect(shape(input).phrases, input).toEqual(['red line'])
    }
  })

  it('keeps a curly apostrophe inside a word as an apostrophe', () => {
    expect(shape('‘Putin’s red line’ Macron’s')).toMatchObject({ words: ['Macron’s'], phrases: ['Putin’s red line'] })
  })

  it('reads a dash or minus sign before a word or phrase as an exclusion, and leaves others alone', () => {
    for (const dash of ['–', '—', '−', '－']) {
      expect(shape(`Putin ${dash}Assad ${dash}"red line"`), dash).toMatchObject({ words: ['Putin'], excludedWords: ['Assad'], excludedPhrases: ['red line'] })
    }
    expect(shape('2016–2017 Putin – Assad')).toMatchObject({ words: ['2016', '2017', 'Putin', 'Assad'], excludedWords: [] })
  })

  it('rewrites operators character for character, so offsets still point into the input', () => {
    const input = '“frank exchange” —Putin ‘red line’ Putin’s'
    expect(normaliseOperators(input)).toBe('"frank exchange" -Putin "red line" Putin’s')
    expect(normaliseOperators(input).length).toBe(input.length)
  })
})

describe('prefixes', () => {
  it('marks a word followed by * as a prefix, wherever it is', () => {
    const q = parseQuery('Pu* red "chemical weap*"')
    expect(q.words.map((w) => [w.text, w.prefix])).toEqual([['Pu', true], ['red', false]])
    expect(q.phrases[0]!.map((w) => [w.text, w.prefix])).toEqual([['chemical', false], ['weap', true]])
  })

  it('treats the last word of an unclosed phrase as being typed', () => {
    expect(parseQuery('"red lin')).toMatchObject({ lastPhraseIsPrefix: true, lastWordIsPrefix: false })
    expect(parseQuery('"red lin ')).toMatchObject({ lastPhraseIsPrefix: false })
    expect(parseQuery('"red line"')).toMatchObject({ lastPhraseIsPrefix: false })
    // An unclosed one-word phrase is a word being typed.
    expect(parseQuery('"coopera')).toMatchObject({ lastWordIsPrefix: true, lastPhraseIsPrefix: false })
  })
})
