import { describe, expect, it } from 'vitest'
import { indexSourceTitles, matchTitles, TITLE_BOOST } from '../../src/core/source-titles.ts'
import { processTerm } from '../../src/core/terms.ts'

const titles = indexSourceTitles([
  { id: 'bbc', title: 'Macron and Putin meet at Versailles' },
  { id: 'wire', title: 'Putin visits France' },
  { id: 'notes', title: 'Meeting notes' },
])

describe('matchTitles', () => {
  it('finds the sources whose title holds a term, with the shared term processing', () => {
    const matches = matchTitles(titles, { queries: [processTerm('meeting')!] })
    expect([...matches.keys()].sort()).toEqual(['bbc', 'notes'])
    expect(matches.get('bbc')).toMatchObject({ terms: ['meet'], queryTerms: ['meet'] })
  })

  it('tolerates typos and weighs a title match by TITLE_BOOST and the term weight', () => {
    const plain = titles.search('Versailles')[0]!.score
    expect(matchTitles(titles, { queries: ['versaill'] }).get('bbc')!.score).toBeCloseTo(plain * TITLE_BOOST)
    expect(matchTitles(titles, { queries: ['versaill'] }, () => 0.5).get('bbc')!.score).toBeCloseTo(plain * TITLE_BOOST * 0.5)
    expect([...matchTitles(titles, { queries: ['versail'], fuzzy: 1 }).keys()]).toEqual(['bbc'])
  })

  it('scores before MiniSearch multiplies by the number of query terms matched, for the caller to combine', () => {
    const plain = titles.search('Macron Putin')[0]!
    expect(plain.queryTerms).toHaveLength(2)
    expect(matchTitles(titles, { queries: ['macron', 'putin'] }).get('bbc')!.score).toBeCloseTo((plain.score / 2) * TITLE_BOOST)
  })

  it('matches nothing for a word in no title', () => {
    expect(matchTitles(titles, { queries: ['chechnya'] }).size).toBe(0)
  })
})
