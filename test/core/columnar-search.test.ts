/**
 * The columnar first phase of ranking (the D1 engine's path for searches of words) against
 * MiniSearch's, on a synthetic corpus whose common words match far more paragraphs than the
 * rescore window: the same hits in the same order on every page, the same totals and facets.
 */
import MiniSearch from 'minisearch'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/core/build-index.ts'
import { columnarFirstPhase, expectedMatching } from '../../src/core/columnar-search.ts'
import { d1Content } from '../../src/core/d1-content.ts'
import { MINISEARCH_OPTIONS } from '../../src/core/index-options.ts'
import { inMemoryReader, loadStoreShell, storeReader, type IndexReader } from '../../src/core/index-reader.ts'
import { loadIndex, type LoadedIndex } from '../../src/core/loaded-index.ts'
import { parseQuery } from '../../src/core/query.ts'
import { planQuery, retrievalQuery } from '../../src/core/query-plan.ts'
import { RESCORE_WINDOW } from '../../src/core/rank.ts'
import { matchUnitTitles, miniSearchEngine } from '../../src/core/retrieval.ts'
import { SEARCH_DEFAULTS, searchParagraphs, type SearchRequest } from '../../src/core/search.ts'
import type { VocabularyEntry } from '../../src/core/vocabulary.ts'
import { generateSyntheticCorpus } from '../../scripts/lib/synthetic-corpus.ts'
import { memoryStore } from '../support/memory-store.ts'
import { shellPartsOf } from '../support/shell-parts.ts'

let memory: IndexReader
let store: IndexReader
let calls: ReturnType<typeof memoryStore>['calls']
let common: string[]
let sourceIds: string[]
let paragraphTexts: string[]

/** Builds an index of these sources, and reads it in memory (MiniSearch) and from a store (the columnar path). */
async function readers(sources: { name: string; text: string }[]) {
  const encoder = new TextEncoder()
  const output = await buildIndex({ sources: sources.map((file) => ({ name: file.name, bytes: encoder.encode(file.text) })) })
  const built = output.files
  const texts = { index: built['index.json']!, vocabulary: built['vocabulary.json'], manifest: built['manifest.json'] }
  const backing = memoryStore(texts.index)
  const shell = loadStoreShell(shellPartsOf(d1Content({ ...texts, paragraphs: output.paragraphs }).fill))
  return { built, texts, paragraphs: output.paragraphs, memory: inMemoryReader(loadIndex(texts)), store: storeReader(shell, backing), calls: backing.calls }
}

beforeAll(async () => {
  // 1,500 paragraphs over 400 words: the commonest words are in most paragraphs.
  const files = generateSyntheticCorpus({ seed: 7, paragraphs: 1500, vocabularySize: 400, paragraphsPerDocument: 150 })
  const made = await readers(files)
  ;({ memory, store, calls } = made)
  const vocabulary = JSON.parse(made.texts.vocabulary) as VocabularyEntry[]
  common = vocabulary.sort((a, b) => b[2] - a[2]).map(([word]) => word)
  sourceIds = memory.index.manifest.sources.map((source) => source.id)
  paragraphTexts = made.paragraphs.map((paragraph) => paragraph.text)
}, 120_000)

describe('columnarFirstPhase', () => {
  it('is given words that match more paragraphs than the rescore window', async () => {
    const { total } = await memory.read((index) => searchParagraphs(index, { ...SEARCH_DEFAULTS, query: common[0]! }))
    expect(total).toBeGreaterThan(RESCORE_WINDOW)
  })

  it('reads the texts of the page only: the rescoring knows the words as typed from the words table', async () => {
    const before = { ...calls }
    const { hits, total } = await store.read((index) => searchParagraphs(index, { ...SEARCH_DEFAULTS, query: `${common[0]} ${common[1]}`, limit: 7 }))
    expect(total).toBeGreaterThan(RESCORE_WINDOW)
    expect(hits.length).toBe(7)
    expect(calls.compactPostings - before.compactPostings).toBe(1)
    expect(calls.texts - before.texts).toBe(7)
  })

  const requests = (): (Partial<SearchRequest> & { query: string; taken?: true })[] => {
    const [a, b, c, d] = common
    const rare = common.at(-1)!
    // A typo: the second letter doubled (one edit).
    const typo = (word: string) => word.slice(0, 2) + word.slice(1)
    // Words `from` to `to` of a paragraph's text.
    const words = (paragraph: number, from: number, to: number) => paragraphTexts[paragraph]!.split(/\s+/).slice(from, to).join(' ').replace(/[^\p{L}\p{N}' -]/gu, '')
    return [
      { query: a! },
      { query: `${a} ${b}` },
      { query: `${b} ${c} ${d}`, offset: 190, limit: 20 },
      { query: `${a} ${rare}`, offset: 300, limit: 50 },
      { query: `${a} -${b}` },
      { query: `${c} -${a} -${b}`, limit: 100 },
      { query: typo(c!) },
      { query: `${typo(a!)} ${b}`, offset: 195 },
      { query: `${a} ${b!.slice(0, 2)}` },
      { query: `${c!.slice(0, 3)}` },
      { query: `${d}*` },
      { query: `${a} ${b}`, kinds: ['heading'] },
      { query: `${a} ${b}`, sources: sourceIds.slice(1, 3), offset: 5 },
      { query: `${b} ${c}`, sources: sourceIds.slice(0, 1), kinds: ['body'], offset: 180, limit: 40 },
      { query: `${b} ${rare}`, fuzzy: false, prefix: false },
      // Phrases: words that follow each other in some paragraph, and common words anywhere.
      { query: `"${words(10, 0, 2)}"`, taken: true },
      { query: `"${words(40, 2, 5)}" ${a}`, offset: 190 },
      { query: `"${a} ${b}"` },
      { query: `"${words(70, 1, 3)}`, limit: 30, taken: true },
      { query: `${a} -"${words(90, 0, 2)}"`, offset: 195 },
      { query: `${b} ${c} -"${a} ${b}" -"${words(120, 3, 5)}"`, kinds: ['body'] },
      // A phrase of prefixes stands for more choices than the engine is asked for: checked on the texts.
      { query: `"${words(55, 0, 3).split(' ').map((word) => word.slice(0, 2) + '*').join(' ')}" ${a}` },
    ]
  }

  it.each([...Array(22).keys()])('ranks request %i as MiniSearch does, on every page', async (i) => {
    const { taken, ...asked } = requests()[i]!
    const request = { ...SEARCH_DEFAULTS, ...asked }
    const before = calls.compactPostings
    const actual = await store.read((index) => searchParagraphs(index, request))
    expect(calls.compactPostings).toBeGreaterThan(before)
    expect(actual).toEqual(await memory.read((index) => searchParagraphs(index, request)))
    // A phrase taken from a paragraph's text is found there at least.
    if (taken) expect(actual.total).toBeGreaterThan(0)
  })

  it('gives searches interleaved on one index the answers each gives alone', async () => {
    // Each read awaits its postings and its texts: started together, their rounds interleave, and
    // those checking phrases on texts stop part-way through scoring the first time.
    const asked = requests().map(({ taken: _, ...request }) => ({ ...SEARCH_DEFAULTS, ...request }))
    const alone: unknown[] = []
    for (const request of asked) alone.push(await store.read((index) => searchParagraphs(index, request)))
    const together = await Promise.all(asked.map((request) => store.read((index) => searchParagraphs(index, request))))
    expect(together).toEqual(alone)
    // Two reads of the same search, interleaved: the same answer.
    const [first, second] = await Promise.all([asked[3]!, asked[3]!].map((request) => store.read((index) => searchParagraphs(index, request))))
    expect(second).toEqual(first)
    expect(first).toEqual(alone[3])
  })
})

describe('the terms within a word\'s typos', () => {
  // "zarvu" is one edit from "zarva", "zarvi" and "zarvo", all three in the first paragraph of
  // one.txt, first seen in that order. MiniSearch's radix tree keeps a node's children in the
  // order they were made (a, i, o under "zarv"); its serialisation lists them last first (o, i, a),
  // and the index loaded from it walks them in that order when it looks for typos. Floating-point
  // addition is not associative: summed alphabetically (a, i, o), that paragraph's score differs
  // in its last bit.
  const sources = [
    { name: 'one.txt', text: 'One\nThe zarva came first, then zarvi and zarvo.\nThe zarvo again, and zarvi.\nNothing zarva here.' },
    { name: 'two.txt', text: 'Two\nZarvi zarvi stayed.\nThe zarvo.' },
  ]
  const scores = (index: LoadedIndex, run: 'minisearch' | 'columnar') => {
    const plan = planQuery(parseQuery('zarvu'), index.vocabulary, { prefix: false, fuzzy: true })
    const query = retrievalQuery(plan)
    const candidates =
      run === 'minisearch'
        ? miniSearchEngine(index).retrieve(query)
        : columnarFirstPhase(index.columnar!, query, plan, matchUnitTitles(index.titles, query), { sources: new Set(), kinds: new Set() }, 10).hits.map((hit) => hit.candidate)
    return new Map(candidates.map((candidate) => [candidate.paragraph.id, candidate.score]))
  }

  it('are added in the order MiniSearch finds them, to the last bit', async () => {
    const { memory, store, texts } = await readers(sources)
    const plain = JSON.parse(texts.index) as { index: [string][] }
    expect(plain.index.map(([term]) => term).filter((term) => term.startsWith('zarv'))).toEqual(['zarvo', 'zarvi', 'zarva'])
    const expected = await memory.read((index) => scores(index, 'minisearch'))
    // The paragraphs holding any of the three: the three of one.txt and the two of two.txt.
    expect(expected.size).toBe(5)
    const actual = await store.read((index) => scores(index, 'columnar'))
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort())
    for (const [id, score] of expected) expect(actual.get(id)).toBe(score)
    // The order matters here: the index loaded with its terms sorted (so typos are found
    // alphabetically) scores the first paragraph otherwise.
    plain.index.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    const alphabetical = MiniSearch.loadJS(plain as never, MINISEARCH_OPTIONS)
    const first = memory.index.paragraphIds(memory.index.manifest.sources[0]!.id)[0]!
    const sorted = scores({ ...memory.index, miniSearch: alphabetical } as LoadedIndex, 'minisearch')
    expect(sorted.get(first)).not.toBe(expected.get(first))
  })
})

describe('expectedMatching', () => {
  it("takes the words as independent: the corpus's paragraphs times each word's share of them", () => {
    const counts: Record<string, number> = { putin: 20, putine: 5, macron: 200, le: 2000 }
    const count = (term: string) => counts[term] ?? 0
    // 1000 x (20 + 5)/1000 x 200/1000 = 5.
    expect(expectedMatching([['putin', 'putine'], ['macron']], 1000, count)).toBe(5)
    // One word: its own count; a word used in more paragraphs than there are counts as all of them.
    expect(expectedMatching([['putin', 'putine']], 1000, count)).toBe(25)
    expect(expectedMatching([['le'], ['putin']], 1000, count)).toBe(20)
    // A word the vocabulary knows nothing of: none expected; nor in an empty corpus.
    expect(expectedMatching([['putin'], ['zzz']], 1000, count)).toBe(0)
    expect(expectedMatching([['putin']], 0, count)).toBe(0)
  })
})
