import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { words as POPULAR_ENGLISH_WORDS } from 'popular-english-words/words.js'
import { findHighlights, findMatches } from '../../src/core/highlight.ts'
import { parseQuery } from '../../src/core/query.ts'
import { planQuery } from '../../src/core/query-plan.ts'
import { processTerm } from '../../src/core/terms.ts'
import { Vocabulary, buildVocabulary } from '../../src/core/vocabulary.ts'

const marked = (text: string, spec: Parameters<typeof findHighlights>[1]) => findHighlights(text, spec).map((s) => text.slice(s.start, s.end))

describe('findHighlights', () => {
  it('marks every word whose term is wanted, through stemming', () => {
    expect(marked('Weapons, a weapon, weaponry.', { terms: new Set(['weapon']) })).toEqual(['Weapons', 'weapon'])
  })

  it('marks a phrase as one span, and its words alone only if wanted alone', () => {
    const text = 'A "red line" here; a line there.'
    expect(marked(text, { terms: new Set(), phrases: [['red', 'line']] })).toEqual(['red line'])
    expect(marked(text, { terms: new Set(['line']), phrases: [['red', 'line']] })).toEqual(['red line', 'line'])
  })

  it('marks function words only when nothing else matched', () => {
    expect(marked('The talks in the palace', { terms: new Set(['palac']), weakTerms: new Set(['the']) })).toEqual(['palace'])
    expect(marked('The talks in the palace', { terms: new Set(), weakTerms: new Set(['the']) })).toEqual(['The', 'the'])
  })

  it('property: spans are sorted, disjoint, and inside the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('red', 'line', 'lines', 'Red', 'x', ',', ' ', '"'), { maxLength: 30 }), (parts) => {
        const text = parts.join(' ')
        const spans = findHighlights(text, { terms: new Set(['line', 'x']), phrases: [['red', 'line']] })
        spans.forEach((span, i) => {
          expect(span.start).toBeGreaterThanOrEqual(i === 0 ? 0 : spans[i - 1]!.end)
          expect(span.end).toBeLessThanOrEqual(text.length)
          expect(span.end).toBeGreaterThan(span.start)
        })
      })
    )
  })
})

describe('findMatches', () => {
  const vocabulary = new Vocabulary(buildVocabulary(['Red lines, a red line.', 'Cooperation and the backing of Putin’s team.', 'International and internal problems.']))
  const matchesOf = (text: string, query: string, engineTerms?: string[]) =>
    findMatches(text, planQuery(parseQuery(query), vocabulary, { prefix: true, fuzzy: true }), engineTerms && new Set(engineTerms))

  it('gives each match its offsets, its query word as typed, and how it matched', () => {
    const text = 'Red lines, a red line.'
    // "Red lines" is 0–9 (stems), "red line" 13–21 (as typed).
    expect(matchesOf(text, '"red line"').matches).toEqual([
      { start: 0, end: 9, query: 'red line', match: 'stem' },
      { start: 13, end: 21, query: 'red line', match: 'exact' },
    ])
    expect(matchesOf(text, 'RED').matches).toEqual([
      { start: 0, end: 3, query: 'RED', match: 'exact' },
      { start: 13, end: 16, query: 'RED', match: 'exact' },
    ])
  })

  it('finds a word whose first letter is outside ASCII, and words in capitals, without a phrase in the query', () => {
    // "The " is 4 code units, "Élysée" 6 (a precomposed É), " PALACE" from 10: 11–17.
    expect(matchesOf('The Élysée PALACE', 'elysee palaces').matches).toEqual([
      { start: 4, end: 10, query: 'elysee', match: 'exact' },
      { start: 11, end: 17, query: 'palaces', match: 'stem' },
    ])
  })

  it('rests on stemming keeping an ASCII first letter, lower-cased: true of 60,000 English words as written, capitalised and in capitals', () => {
    // What lets findMatches pass over a word whose first letter no wanted term starts with.
    const changed = POPULAR_ENGLISH_WORDS.slice(0, 60_000)
      .filter((word) => /^[a-z]/i.test(word))
      .flatMap((word) => [word, word[0]!.toUpperCase() + word.slice(1), word.toUpperCase()])
      .filter((word) => {
        const term = processTerm(word)
        return term !== null && term[0] !== word[0]!.toLowerCase()
      })
    expect(changed).toEqual([])
  })

  it('tells exact, stem, completion and typo apart, and lists the forms per query word', () => {
    const text = 'Cooperation and the backing of Putin’s team.'
    const { matches, units } = matchesOf(text, "Putin's hacking coopera", ['putin', 'back', 'cooper'])
    expect(matches).toEqual([
      { start: 0, end: 11, query: 'coopera', match: 'completion' },
      { start: 20, end: 27, query: 'hacking', match: 'typo' },
      { start: 31, end: 38, query: "Putin's", match: 'exact' },
    ])
    expect(units).toEqual([
      { match: 'exact', forms: ['Putin’s'] },
      { match: 'typo', forms: ['backing'] },
      { match: 'completion', forms: ['Cooperation'] },
    ])
  })

  it('counts UTF-16 code units, so offsets slice the text in JavaScript', () => {
    const text = '🇫🇷 Red line'
    expect(matchesOf(text, 'line').matches).toEqual([{ start: 9, end: 13, query: 'line', match: 'exact' }])
    expect(text.slice(9, 13)).toBe('line')
  })

  it('marks function words only when nothing else matched', () => {
    expect(matchesOf('The problems of the team', 'the problems').matches.map((m) => m.query)).toEqual(['problems'])
    expect(matchesOf('Of the team', 'the problems').matches).toEqual([
      { start: 3, end: 6, query: 'the', match: 'exact' },
    ])
  })
})
