import fc from 'fast-check'
import MiniSearch, { type Query } from 'minisearch'
import { describe, expect, it } from 'vitest'
import { indexSourceTitles, loadSourceTitles, matchTitles, serializeSourceTitles, TITLE_BOOST, type TitleMatch, type TitleWord } from '../../src/core/source-titles.ts'
import { processTerm, tokenize } from '../../src/core/terms.ts'

const sources = [
  { id: 'bbc', title: 'Macron and Putin meet at Versailles' },
  { id: 'wire', title: 'Putin visits France' },
  { id: 'notes', title: 'Meeting notes' },
]
const titles = indexSourceTitles(sources)

/** A word with no typos or alternatives. */
const word = (term: string): TitleWord => ({ term, typos: 0, alternatives: [] })

/**
 * MiniSearch's BM25+ (k 1.2, b 0.7, d 0.5) over these titles: 3 of them, of 6, 3 and 2 distinct
 * tokens, so a mean of 11 / 3.
 */
const bm25 = (tf: number, matching: number, length: number) =>
  Math.log(1 + (3 - matching + 0.5) / (matching + 0.5)) * (0.5 + (tf * 2.2) / (tf + 1.2 * (1 - 0.7 + (0.7 * length) / (11 / 3))))

describe('matchTitles', () => {
  it('finds the sources whose title holds a term, with the shared term processing', () => {
    const matches = matchTitles(titles, [word(processTerm('meeting')!)])
    expect([...matches.keys()].sort()).toEqual(['bbc', 'notes'])
    expect(matches.get('bbc')).toMatchObject({ terms: ['meet'], queryTerms: ['meet'] })
  })

  it('scores with BM25+ over the titles, weighted by TITLE_BOOST and the term weight, best first', () => {
    // "putin" is in 2 of the 3 titles: the shorter (wire, 3 tokens) first.
    const matches = matchTitles(titles, [word('putin')])
    expect([...matches.keys()]).toEqual(['wire', 'bbc'])
    expect(matches.get('wire')!.score).toBeCloseTo(bm25(1, 2, 3) * TITLE_BOOST, 12)
    expect(matches.get('bbc')!.score).toBeCloseTo(bm25(1, 2, 6) * TITLE_BOOST, 12)
    expect(matchTitles(titles, [word('putin')], () => 0.5).get('bbc')!.score).toBeCloseTo(bm25(1, 2, 6) * TITLE_BOOST * 0.5, 12)
  })

  it('tolerates typos with MiniSearch\'s weight of a fuzzy match', () => {
    // "versail" is one edit from "versaill" (8 code units): weight 0.45 × 8 / 9.
    const matches = matchTitles(titles, [{ term: 'versail', typos: 1, alternatives: [] }])
    expect([...matches.keys()]).toEqual(['bbc'])
    expect(matches.get('bbc')).toEqual({ score: expect.closeTo(((0.45 * 8) / 9) * bm25(1, 1, 6) * TITLE_BOOST, 12) as number, terms: ['versaill'], queryTerms: ['versail'] })
    expect(matchTitles(titles, [word('versail')]).size).toBe(0)
  })

  it('adds a word\'s alternatives and the query\'s words, before MiniSearch multiplies by the number of query terms matched', () => {
    const both = matchTitles(titles, [word('macron'), word('putin')]).get('bbc')!
    expect(both.queryTerms).toEqual(['macron', 'putin'])
    expect(both.score).toBeCloseTo((bm25(1, 1, 6) + bm25(1, 2, 6)) * TITLE_BOOST, 12)
    const alternatives = matchTitles(titles, [{ term: 'franc', typos: 0, alternatives: ['visit'] }]).get('wire')!
    expect(alternatives).toEqual({ score: expect.closeTo(2 * bm25(1, 1, 3) * TITLE_BOOST, 12) as number, terms: ['franc', 'visit'], queryTerms: ['franc', 'visit'] })
  })

  it('matches nothing for a word in no title, nor for no words or an empty term (MiniSearch drops it)', () => {
    expect(matchTitles(titles, [word('chechnya')]).size).toBe(0)
    // One edit from '' would reach every one-letter term; MiniSearch searches nothing.
    expect(matchTitles(indexSourceTitles([{ id: 'a', title: 'A b' }]), [{ term: '', typos: 1, alternatives: [''] }]).size).toBe(0)
    expect(matchTitles(titles, []).size).toBe(0)
    expect(matchTitles(indexSourceTitles([]), [word('putin')]).size).toBe(0)
  })
})

describe('serializeSourceTitles and loadSourceTitles', () => {
  it('give back the same index', () => {
    const loaded = loadSourceTitles(serializeSourceTitles(titles))
    expect(loaded).toEqual(titles)
    expect([...matchTitles(loaded, [word('putin'), { term: 'meat', typos: 1, alternatives: [] }])]).toEqual([...matchTitles(titles, [word('putin'), { term: 'meat', typos: 1, alternatives: [] }])])
  })

  it('name what is malformed', () => {
    const json = JSON.parse(serializeSourceTitles(titles)) as { terms: string[]; starts: number[]; docs: number[]; frequencies: number[]; order: number[] }
    const terms = json.terms.length
    const postings = json.docs.length
    expect(() => loadSourceTitles('{}')).toThrow("the sources' titles are malformed: ids, lengths, averageLength, terms, order, starts, docs and frequencies are expected")
    expect(() => loadSourceTitles(JSON.stringify({ ...json, ids: ['bbc'] }))).toThrow("the sources' titles are malformed: 3 lengths for 1 sources")
    expect(() => loadSourceTitles(JSON.stringify({ ...json, order: [] }))).toThrow(`the sources' titles are malformed: ${terms} terms, 0 places and ${terms + 1} starts`)
    expect(() => loadSourceTitles(JSON.stringify({ ...json, frequencies: json.frequencies.slice(1) }))).toThrow(`${postings} postings, ${postings - 1} frequencies, the terms' postings from 0 to ${postings}`)
    expect(() => loadSourceTitles(JSON.stringify({ ...json, starts: [1, ...json.starts.slice(1)] }))).toThrow(`${postings} postings, ${postings} frequencies, the terms' postings from 1 to ${postings}`)
    expect(() => loadSourceTitles('null')).toThrow("the sources' titles are malformed: ids, lengths")
    expect(() => loadSourceTitles(JSON.stringify({ ...json, averageLength: -1 }))).toThrow("the sources' titles are malformed: ids, lengths")
    expect(() => loadSourceTitles(JSON.stringify({ ...json, ids: ['bbc', 'bbc', 'notes'] }))).toThrow("the sources' ids are not distinct strings")
    // Numbers a Uint32Array would truncate or wrap.
    expect(() => loadSourceTitles(JSON.stringify({ ...json, docs: [0.5, ...json.docs.slice(1)] }))).toThrow(`the sources' titles are malformed: the postings of "${json.terms[0]}" name source 0.5 out of order or past the 3`)
    expect(() => loadSourceTitles(JSON.stringify({ ...json, frequencies: [-1, ...json.frequencies.slice(1)] }))).toThrow(`the postings of "${json.terms[0]}" give source ${json.docs[0]} a frequency of -1`)
    expect(() => loadSourceTitles(JSON.stringify({ ...json, starts: json.starts.map((start, t) => (t === 1 ? 2 ** 32 : start)) }))).toThrow("the sources' titles are malformed: starts holds 4294967296")
    expect(() => loadSourceTitles(JSON.stringify({ ...json, lengths: ['6', 3, 2] }))).toThrow('the sources\' titles are malformed: lengths holds "6"')
    expect(() => loadSourceTitles(JSON.stringify({ ...json, frequencies: [0, ...json.frequencies.slice(1)] }))).toThrow(`the postings of "${json.terms[0]}" give source ${json.docs[0]} a frequency of 0`)
    // Two terms in one place: the order of typo matches would be no order.
    expect(() => loadSourceTitles(JSON.stringify({ ...json, order: json.order.map((place, t) => (t === 1 ? json.order[0]! : place)) }))).toThrow("the places of the terms are not each term's own")
    // "putin" is in titles 0 and 1: its second posting naming title 3 of 3 is past them, naming 0 is out of order.
    const putin = json.terms.indexOf('putin')
    const second = json.starts[putin]! + 1
    expect(json.docs.slice(second - 1, second + 1)).toEqual([0, 1])
    const withSecond = (doc: number) => JSON.stringify({ ...json, docs: json.docs.map((d, n) => (n === second ? doc : d)) })
    expect(() => loadSourceTitles(withSecond(3))).toThrow('the postings of "putin" name source 3 out of order or past the 3')
    expect(() => loadSourceTitles(withSecond(0))).toThrow('the postings of "putin" name source 0 out of order')
    expect(() => loadSourceTitles(JSON.stringify({ ...json, starts: json.starts.map((start, t) => (t === putin + 1 ? start - 3 : start)) }))).toThrow('the postings of "putin" end before they start')
    expect(() => loadSourceTitles(JSON.stringify({ ...json, terms: [...json.terms].reverse() }))).toThrow('sorted words:')
  })
})

/**
 * MiniSearch's own answer: its index of the titles, serialised and loaded (as the D1 engine's
 * shell kept it before), searched with the query the paragraph search sends.
 */
function miniSearchTitles(titleSources: { id: string; title: string }[], words: readonly TitleWord[], boostTerm: (term: string) => number): [string, TitleMatch][] {
  const options = { fields: ['title'], tokenize, processTerm }
  const built = new MiniSearch<{ id: string; title: string }>(options)
  built.addAll(titleSources)
  const loaded = MiniSearch.loadJSON<{ id: string; title: string }>(JSON.stringify(built), options)
  const query: Query = {
    combineWith: 'OR',
    queries: words.map((w) => ({ combineWith: 'OR', queries: [{ queries: [w.term], fuzzy: w.typos > 0 ? w.typos : false }, ...(w.alternatives.length > 0 ? [{ queries: [...w.alternatives], fuzzy: false }] : [])] })),
  }
  const results = loaded.search(query, { prefix: false, tokenize: (s) => [s], processTerm: (s) => s, boostTerm })
  return results.map((result) => [result.id as string, { score: (result.score / (result.queryTerms.length || 1)) * TITLE_BOOST, terms: result.terms, queryTerms: result.queryTerms }])
}

describe('matchTitles against MiniSearch', () => {
  it('gives MiniSearch\'s matches, scores to the last bit and order, whatever the titles and words', () => {
    // Few letters, so titles share words, words are within typos of each other, and ties abound.
    const token = fc.string({ unit: fc.constantFrom('b', 'c', 'd', 'o', 'é'), minLength: 1, maxLength: 6 })
    const title = fc.array(token, { minLength: 0, maxLength: 6 }).map((tokens) => tokens.join(' '))
    const term = token.map((t) => processTerm(t) ?? 'bo')
    const titleWord = fc.record({ term, typos: fc.integer({ min: 0, max: 2 }), alternatives: fc.array(term, { maxLength: 2 }) })
    fc.assert(
      fc.property(fc.array(title, { minLength: 1, maxLength: 12 }), fc.array(titleWord, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 4 }), (texts, words, boost) => {
        const titleSources = texts.map((text, i) => ({ id: `s${i}`, title: text }))
        const boostTerm = (t: string) => (t.length % boost) + 0.5
        const index = indexSourceTitles(titleSources)
        expect([...matchTitles(index, words, boostTerm)]).toEqual(miniSearchTitles(titleSources, words, boostTerm))
        expect([...matchTitles(loadSourceTitles(serializeSourceTitles(index)), words, boostTerm)]).toEqual(miniSearchTitles(titleSources, words, boostTerm))
      }),
      { numRuns: 2000 }
    )
  })
})
