import { describe, expect, it } from 'vitest'
import { extractQuotes, isSpeechVerb, speakerKey, speakersOf } from '../../src/core/quotes.ts'

const quotesOf = (...texts: string[]) => extractQuotes(texts.map((text) => ({ text }))).map((list) => list.map(({ text, speaker }) => [text, speaker]))

describe('extractQuotes', () => {
  it('finds the speaker after the quote, in either order of name and verb', () => {
    expect(quotesOf('"We talked," Macron said.')).toEqual([[['We talked,', 'Macron']]])
    expect(quotesOf('"They must be real journalists," explained Macron, who won.')).toEqual([[['They must be real journalists,', 'Macron']]])
  })

  it('finds the speaker before the quote, titles and connectives dropped', () => {
    expect(quotesOf('But Mr Putin told the news conference: "This changes nothing."')).toEqual([[['This changes nothing.', 'Putin']]])
    expect(quotesOf('French President Emmanuel Macron says he held a "frank exchange" with Putin.')).toEqual([[['frank exchange', 'Emmanuel Macron']]])
  })

  it('ends the sentence with the attribution: "…" that would draw "…", he added', () => {
    expect(quotesOf('Mr Macron said France was ready.', 'Chemical weapons would be a "red line" that would draw an "immediate response", he added.')).toEqual([
      [],
      [
        ['red line', 'Macron'],
        ['immediate response', 'Macron'],
      ],
    ])
  })

  it('gives "he" the last speaker named in the source, and a quote that goes on its speaker', () => {
    expect(quotesOf('Putin said "no".', 'He also said there was "nothing to discuss".', '"Yes," Macron said. "And again yes."')).toEqual([
      [['no', 'Putin']],
      [['nothing to discuss', 'Putin']],
      [
        ['Yes,', 'Macron'],
        ['And again yes.', 'Macron'],
      ],
    ])
  })

  it('reads curly and single quotes, never an apostrophe, and leaves the speaker null when the text does not say', () => {
    expect(quotesOf("Macron's 'frank exchange' with Putin's team")).toEqual([[['frank exchange', null]]])
    expect(quotesOf('The “not innocent” handshake, according to Bloomberg.')).toEqual([[['not innocent', 'Bloomberg']]])
    expect(quotesOf("France's president didn't say.")).toEqual([[]])
  })

  it('gives offsets of the quoted words in the paragraph', () => {
    const text = 'He called it a "red line".'
    const quote = extractQuotes([{ text }])[0]![0]!
    expect(text.slice(quote.start, quote.end)).toBe('red line')
  })
})

describe('speakersOf', () => {
  it('counts who speaks with or without quotes, "he" standing for the last one named', () => {
    expect(speakersOf([{ text: 'Putin again denied any efforts to meddle.' }, { text: 'He also said there was "nothing to discuss".' }, { text: 'The talks lasted three hours.' }])).toEqual([
      new Set(['putin']),
      new Set(['putin']),
      new Set(),
    ])
  })
})

describe('speakerKey and isSpeechVerb', () => {
  it('compare speakers by their last name, and know the verbs of saying', () => {
    expect(speakerKey('Emmanuel Macron')).toBe(speakerKey('Macron'))
    expect(speakerKey('Éric Zemmour')).toBe('zemmour')
    expect(isSpeechVerb('Told')).toBe(true)
    expect(isSpeechVerb('tolled')).toBe(false)
  })
})
