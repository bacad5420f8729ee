import { beforeAll, describe, expect, it } from 'vitest'
import type { LoadedIndex } from '../../src/core/loaded-index.ts'
import { SEARCH_DEFAULTS, searchParagraphs, type SearchRequest } from '../../src/core/search.ts'
import { fixtureIndex } from '../support/fixture-index.ts'

let index: LoadedIndex
beforeAll(async () => {
  index = await fixtureIndex({
    'summit.txt': [
      'Summit report',
      'Macron met Putin at the Versailles palace.',
      'The use of chemical weapons would be a "red line" for France.',
      'A line of red paint marked the road.',
      'Marine Le Pen lost the election to Macron.',
      'Pen and paper were handed to Marine officers.',
      'Journalists asked about <script>alert("x")</script> & other "quotes".',
      'Middle middle middle.',
      'They said he would meddle.',
      'He spoke of Chechnya and of cooperation.',
      'Image caption Putin at the palace',
      'Putin at the palace again.',
      'They cooperate.',
      'Cooperation between the two countries was discussed at length by both of the leaders.',
      'The press conference ended.',
    ].join('\n'),
    'wire.txt': ['Wire story', 'The use of chemical weapons is a red line, Macron said.', 'Putin denied any plan to meddle in the vote.', 'Putin welcomed closer cooperation with France.'].join('\n'),
  })
})

const search = (query: string, options: Partial<SearchRequest> = {}) => searchParagraphs(index, { ...SEARCH_DEFAULTS, query, ...options })
const texts = (query: string, options: Partial<SearchRequest> = {}) => search(query, options).hits.map((hit) => hit.text)

describe('searchParagraphs', () => {
  it('requires a quoted phrase as consecutive words, and marks it as one', () => {
    const result = search('"red line"')
    expect(result.hits.map((hit) => hit.snippet).sort()).toEqual([
      'The use of chemical weapons is a <mark>red line</mark>, Macron said.',
      'The use of chemical weapons would be a &quot;<mark>red line</mark>&quot; for France.',
    ])
    expect(texts('red line')).toContain('A line of red paint marked the road.')
  })

  it('excludes words and phrases', () => {
    expect(texts('chemical weapons -France')).toEqual(['The use of chemical weapons is a red line, Macron said.'])
    expect(texts('chemical -"red line"')).toEqual([])
    expect(texts('Putin -denied')).not.toContain('Putin denied any plan to meddle in the vote.')
    for (const query of ['Putin -denied -welcomed', 'Putin -welcomed -denied']) {
      const hits = texts(query)
      expect(hits, query).not.toContain('Putin denied any plan to meddle in the vote.')
      expect(hits, query).not.toContain('Putin welcomed closer cooperation with France.')
      expect(hits, query).toContain('Putin at the palace again.')
    }
  })

  it('excludes a phrase only where its words are consecutive, and a one-word phrase as a word', () => {
    expect(texts('line -"red line"')).toEqual(['A line of red paint marked the road.'])
    expect(texts('chemical weapons -"France"')).toEqual(['The use of chemical weapons is a red line, Macron said.'])
  })

  it('counts a word found in the source title towards matching every word', () => {
    // Both sources have paragraphs naming Putin; only the summit's also match "summit", by their title.
    const hits = search('summit Putin').hits.map((hit) => hit.source.id)
    const lastSummit = hits.lastIndexOf('summit')
    expect(lastSummit).toBeGreaterThan(0)
    expect(hits.indexOf('wire')).toBeGreaterThan(lastSummit)
  })

  it('ranks paragraphs matching every word first', () => {
    const hits = texts('Marine Le Pen')
    expect(hits.slice(0, 1)).toEqual(['Marine Le Pen lost the election to Macron.'])
    expect(hits).toContain('Pen and paper were handed to Marine officers.')
  })

  it('ranks an exact match before a corrected one', () => {
    // "middle" is one typo from "meddle" and its paragraph is shorter and denser, so BM25 alone would put it first.
    const hits = texts('meddle')
    expect(hits.indexOf('They said he would meddle.')).toBeLessThan(hits.indexOf('Middle middle middle.'))
    expect(hits).toContain('Middle middle middle.')
    expect(texts('meddle', { fuzzy: false })).not.toContain('Middle middle middle.')
  })

  it('tolerates typos by word length, and highlights the corrected word', () => {
    expect(search('Versailes').hits.map((hit) => hit.terms)).toEqual([['Versailles']])
    expect(texts('palase', { prefix: false })).toContain('Macron met Putin at the Versailles palace.')
    // Four letters: no typo allowed, so "pain" does not reach "paint" once completion is off.
    expect(texts('pain', { prefix: false })).toEqual([])
  })

  it('corrects typos on the word as typed, where stemming would put the term out of reach', () => {
    // "chemcal" is one edit from "chemical" but three from its stem "chemic".
    expect(search('chemcal', { prefix: false }).hits.map((hit) => hit.terms)).toEqual([['chemical'], ['chemical']])
    expect(texts('chemcal', { fuzzy: false })).toEqual([])
  })

  it('counts typos on the index term, so a long word with a short stem does not reach other short stems', () => {
    // "cooperation" stems to "cooper"; "conference" to "confer", two edits away.
    expect(texts('cooperation', { prefix: false })).not.toContain('The press conference ended.')
  })

  it('ranks a paragraph with the word in the form typed above one with another form of it', () => {
    const hits = texts('cooperation', { prefix: false })
    expect(hits.indexOf('Cooperation between the two countries was discussed at length by both of the leaders.')).toBeLessThan(hits.indexOf('They cooperate.'))
    const [short] = texts('cooperate', { prefix: false })
    expect(short).toBe('They cooperate.')
  })

  it('ranks body text above a caption that matches as well', () => {
    const hits = texts('Putin palace')
    expect(hits.indexOf('Putin at the palace again.')).toBeLessThan(hits.indexOf('Putin at the palace'))
    expect(hits).toContain('Putin at the palace')
  })

  it('completes the word being typed, through the vocabulary, and can be told not to', () => {
    expect(search('chechn').hits.map((hit) => hit.snippet)).toEqual(['He spoke of <mark>Chechnya</mark> and of cooperation.'])
    expect(texts('coopera')).toEqual(expect.arrayContaining(['He spoke of Chechnya and of cooperation.', 'Putin welcomed closer cooperation with France.']))
    expect(texts('chechn', { prefix: false })).toEqual([])
    expect(texts('chechn ')).toEqual([])
  })

  it('counts only matches in the paragraph text: a title match alone is no hit', () => {
    expect(search('summit').total).toBe(0)
    expect(search('wire').total).toBe(0)
  })

  it('finds a word that is in the source title and the text, typed or misspelt', async () => {
    const titled = await fixtureIndex({ 'a.txt': 'Putin visit\nPutin spoke.\nNothing else.' })
    for (const query of ['Putin', 'Putin ', 'Pucin']) {
      expect(searchParagraphs(titled, { ...SEARCH_DEFAULTS, query }).hits.map((hit) => hit.text), query).toEqual(['Putin spoke.'])
    }
  })

  it('escapes paragraph text in snippets, with only <mark> as markup', () => {
    const [hit] = search('journalists').hits
    expect(hit!.snippet).toBe('<mark>Journalists</mark> asked about &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; other &quot;quotes&quot;.')
    expect(hit!.text).toBe('Journalists asked about <script>alert("x")</script> & other "quotes".')
  })

  it('treats markup in the query as words, never as markup', () => {
    const result = search('<script>alert</script>')
    expect(result.hits.map((hit) => hit.snippet)).toEqual([
      'Journalists asked about &lt;<mark>script</mark>&gt;<mark>alert</mark>(&quot;x&quot;)&lt;/<mark>script</mark>&gt; &amp; other &quot;quotes&quot;.',
    ])
  })

  it('pages without overlap or gaps, with a true total', () => {
    const all = search('Putin', { limit: 50 })
    expect(all.total).toBe(all.hits.length)
    const paged = [0, 1, 2, 3, 4].flatMap((page) => search('Putin', { limit: 1, offset: page }).hits.map((hit) => hit.id))
    expect(paged).toEqual(all.hits.map((hit) => hit.id).slice(0, 5))
    expect(search('Putin', { offset: 40 }).hits).toEqual([])
  })

  it('filters by source and kind, with facets that ignore their own filter', () => {
    const result = search('Putin', { sources: ['wire'] })
    expect(result.hits.every((hit) => hit.source.id === 'wire')).toBe(true)
    expect(result.facets.source).toEqual({ summit: 3, wire: 2 })
    expect(result.facets.kind).toEqual({ body: 2 })
    const captions = search('Putin', { kinds: ['caption'] })
    expect(captions.hits.map((hit) => hit.text)).toEqual(['Putin at the palace'])
    expect(captions.facets.kind).toEqual({ body: 4, caption: 1 })
    expect(captions.facets.source).toEqual({ summit: 1 })
  })

  it('lists facets in source order and kind order', () => {
    const { facets } = search('Putin')
    expect(Object.keys(facets.source)).toEqual(['summit', 'wire'])
    expect(Object.keys(facets.kind)).toEqual(['body', 'caption'])
  })

  it('gives each hit its source, section, kind and position', () => {
    const [hit] = search('paint').hits
    expect(hit).toMatchObject({
      source: { id: 'summit', title: 'Summit report', publisher: '', published: '', url: '' },
      section: null,
      kind: 'body',
      position: 2,
      terms: ['paint'],
    })
  })

  it('finds nothing, without error, for a query with no word', () => {
    expect(search('!!!').total).toBe(0)
  })

  it('gives every paragraph without the excluded words, in document order, for a query of exclusions only', () => {
    // 14 paragraphs in summit.txt and 3 in wire.txt; 3 and 2 of them name Putin.
    const result = search('-Putin', { limit: 50 })
    expect(result.total).toBe(12)
    expect(result.hits.map((hit) => hit.text).slice(0, 3)).toEqual([
      'The use of chemical weapons would be a "red line" for France.',
      'A line of red paint marked the road.',
      'Marine Le Pen lost the election to Macron.',
    ])
    expect(result.hits.at(-1)!.text).toBe('The use of chemical weapons is a red line, Macron said.')
    expect(result.hits.every((hit) => !hit.text.includes('Putin'))).toBe(true)
  })

  it('searches the first ten words of a long query and ignores the rest', () => {
    const filler = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet'
    expect(search(`${filler} paint`).total).toBe(0)
    expect(search(`paint ${filler}`).hits.map((hit) => hit.text)).toEqual(['A line of red paint marked the road.'])
  })

  it('searches function words only when the query has nothing else', () => {
    expect(search('the').total).toBeGreaterThan(3)
    expect(texts('the paint')).toEqual(['A line of red paint marked the road.'])
  })
})
