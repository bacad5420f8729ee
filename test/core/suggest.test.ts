import { beforeAll, describe, expect, it } from 'vitest'
import type { LoadedIndex } from '../../src/core/loaded-index.ts'
import { suggest } from '../../src/core/suggest.ts'
import { fixtureIndex } from '../support/fixture-index.ts'

let index: LoadedIndex
beforeAll(async () => {
  index = await fixtureIndex({
    'a.txt': 'T\nMarine Le Pen met Putin.\nPutin praised Marine Le Pen.\nLe Putin press conference.\nThe palace of Versailles.\nCooperation will grow.',
  })
})

const texts = (q: string, limit = 5) => suggest(index, q, limit).map((s) => s.text)

describe('suggest', () => {
  it('completes the last word, keeping what was typed before it', () => {
    expect(texts('Marine Le P')[0]).toBe('Marine Le Pen')
  })

  it('puts completions that follow the previous word before mere co-occurrences', async () => {
    const crowded = await fixtureIndex({
      'a.txt': 'T\nMarine Le Pen lost.\nPutin, Marine and Le Monde: Putin, Putin.\nPutin read Le Figaro with Marine.',
    })
    const suggestions = suggest(crowded, 'Marine Le P', 5)
    expect(suggestions.map((s) => s.text)).toEqual(['Marine Le Pen', 'Marine Le Putin'])
    // Putin matches more, and more often: only adjacency puts Pen first.
    expect(suggestions[1]!.score).toBeGreaterThan(suggestions[0]!.score)
  })

  it('completes from words, not stems, and shows their usual spelling', () => {
    expect(texts('versai')).toEqual(['Versailles'])
    expect(texts('coopera')).toEqual(['Cooperation'])
  })

  it('keeps what precedes the word as typed, separators included', async () => {
    const hyphenated = await fixtureIndex({ 'a.txt': 'T\nPro-Kremlin outlets spoke.' })
    expect(suggest(hyphenated, 'pro-Kre', 5).map((s) => s.text)).toEqual(['pro-Kremlin'])
  })

  it('corrects a misspelt word when nothing completes it', () => {
    expect(texts('Versialles')).toEqual(['Versailles'])
    expect(texts('Marine Le Pne')).toEqual([]) // three letters: no typo allowed
  })

  it('requires the earlier words to match', () => {
    expect(texts('palace pen')).toEqual([])
  })

  it('suggests nothing when no word is being typed or nothing completes it', () => {
    expect(texts('Marine ')).toEqual([])
    expect(texts('zzz')).toEqual([])
    expect(texts('Versailles')).toEqual([])
  })

  it('scores suggestions and honours the limit', () => {
    const suggestions = suggest(index, 'p', 2)
    expect(suggestions).toHaveLength(2)
    expect(suggestions[0]!.score).toBeGreaterThanOrEqual(suggestions[1]!.score)
  })
})

describe('suggest, without repeats', () => {
  it('never offers a word already typed again', () => {
    // P-words beside Putin: Pen, praised, press ("palace" is never with Putin); "praised" and
    // "press" follow "Putin" somewhere, so they come first.
    const suggestions = texts('Putin P', 8)
    expect(suggestions).not.toContain('Putin Putin')
    expect([...suggestions].sort()).toEqual(['Putin Pen', 'Putin praised', 'Putin press'])
    expect(suggestions.at(-1)).toBe('Putin Pen')
    expect(texts('Le Putin p', 8)).not.toContain('Le Putin Putin')
  })

  it('keeps a possessive as typed', () => {
    const possessive = async () => fixtureIndex({ 'a.txt': "T\nPutin's spokesman spoke.\nThe spokesman of Putin." })
    return possessive().then((index) => {
      // "spokesman" follows "Putin's"; "spoke" does not.
      expect(suggest(index, "Putin's spok", 5).map((s) => s.text)).toEqual(["Putin's spokesman", "Putin's spoke"])
      expect(suggest(index, 'Putin’s spok', 5).map((s) => s.text)).toEqual(['Putin’s spokesman', 'Putin’s spoke'])
      // A possessive being typed is not completed back to the bare word.
      expect(suggest(index, "Putin's", 5).map((s) => s.text)).toEqual([])
    })
  })
})
