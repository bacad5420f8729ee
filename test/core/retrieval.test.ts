import { beforeAll, describe, expect, it } from 'vitest'
import type { LoadedIndex } from '../../src/core/loaded-index.ts'
import { miniSearchEngine, type RetrievalEngine } from '../../src/core/retrieval.ts'
import { fixtureIndex } from '../support/fixture-index.ts'

let engine: RetrievalEngine
let index: LoadedIndex
beforeAll(async () => {
  index = await fixtureIndex({
    'a.txt': ['Putin at Versailles', 'Macron met the press.', 'The palace of Versailles.', 'Putin spoke of it.'].join('\n'),
    'b.txt': ['Wire story', 'Macron in the palace.'].join('\n'),
  })
  engine = miniSearchEngine(index)
})

const word = (term: string, alternatives: string[] = []) => ({ kind: 'word' as const, term, typos: 0, alternatives })
const texts = (candidates: ReturnType<RetrievalEngine['retrieve']>) => candidates.map((c) => c.paragraph.text).sort()

describe('miniSearchEngine, the retrieval contract', () => {
  it('finds paragraphs by their own text; a title match only adds to them', () => {
    // "Putin" is in a.txt's title and one paragraph of it.
    const putin = engine.retrieve({ units: [word('putin')], excludedTerms: [], weight: () => 1 })
    expect(texts(putin)).toEqual(['Putin spoke of it.'])
    // "Macron" in the text of one paragraph per source; a.txt's title adds Versailles to its score.
    const both = engine.retrieve({ units: [word('macron'), word('versaill')], excludedTerms: [], weight: () => 1 })
    expect(texts(both)).toEqual(['Macron in the palace.', 'Macron met the press.', 'The palace of Versailles.'])
    const press = both.find((c) => c.paragraph.text === 'Macron met the press.')!
    expect([...press.terms].sort()).toEqual(['macron', 'versaill'])
    expect(press.paragraphTerms).toEqual(['macron'])
  })

  it('requires every group of a phrase, a common gram in the grams field', () => {
    const phrase = engine.retrieve({ units: [{ kind: 'phrase', required: [['palac'], ['in_the']], grams: ['in_the'] }], excludedTerms: [], weight: () => 1 })
    expect(texts(phrase)).toEqual(['Macron in the palace.'])
  })

  it('leaves out excluded terms, and with no unit gives every other paragraph scoring 0', () => {
    const rest = engine.retrieve({ units: [], excludedTerms: ['macron'], weight: () => 1 })
    expect(texts(rest)).toEqual(['Putin spoke of it.', 'The palace of Versailles.'])
    expect(rest.map((c) => c.score)).toEqual([0, 0])
  })
})
