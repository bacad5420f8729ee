import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../src/core/query.ts'

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
