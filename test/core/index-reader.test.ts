import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { d1Content } from '../../src/core/d1-content.ts'
import { inMemoryReader, loadStoreShell, storeReader, termsReached, type IndexReader, type ShellParts } from '../../src/core/index-reader.ts'
import { loadIndex } from '../../src/core/loaded-index.ts'
import { paragraphContext } from '../../src/core/paragraph-context.ts'
import { SEARCH_DEFAULTS, searchParagraphs, type SearchRequest } from '../../src/core/search.ts'
import { suggest } from '../../src/core/suggest.ts'
import { SortedWords } from '../../src/core/sorted-words.ts'
import { memoryStore } from '../support/memory-store.ts'
import { shellPartsOf } from '../support/shell-parts.ts'
import { readParagraphs } from '../../scripts/lib/index-files.ts'

const INDEX = join(import.meta.dirname, '../../index')
const files = { index: readFileSync(join(INDEX, 'index.json'), 'utf8'), vocabulary: readFileSync(join(INDEX, 'vocabulary.json'), 'utf8'), manifest: readFileSync(join(INDEX, 'manifest.json'), 'utf8') }

/** The shell's parts as the D1 tables keep them: taken from the statements d1Content writes. */
function shellParts(): ShellParts {
  return shellPartsOf(d1Content({ ...files, paragraphs: readParagraphs(INDEX) }).fill)
}

let memory: IndexReader
let store: IndexReader
let calls: { postings: number; documents: number; compactPostings: number; texts: number }
beforeAll(() => {
  memory = inMemoryReader(loadIndex(files))
  const backing = memoryStore(files.index)
  calls = backing.calls
  store = storeReader(loadStoreShell(shellParts()), backing)
})

// Query-language cases of the README, each kind once at least: words, stems, completion while
// typing, typos, phrases (of common words too), exclusions of words and phrases, filters, pages.
const QUERIES: [string, Partial<SearchRequest> & { sources?: string[]; kinds?: ('body' | 'caption' | 'heading' | 'comment')[] }][] = [
  ['red line', {}],
  ['Marine Le Pen', {}],
  ['"chemical weapons"', {}],
  ['"weapons chemical"', {}],
  ['chemical weapons -Assad', {}],
  ['Putin -"red line"', {}],
  ['coopera', {}],
  ['cooperation ', {}],
  ['chemcal', {}],
  ['Versailes palace', {}],
  ['p', {}],
  ['Pu', {}],
  ['"in the"', {}],
  ['"to be"', {}],
  ['Putin Macron Versailles', {}],
  ['the', {}],
  ['what did Putin say about the election', {}],
  ['Putin', { limit: 3, offset: 2 }],
  ['Putin', { kinds: ['caption'] }],
  ['Putin', { sources: ['bbc-macron-putin-frank-exchange'] }],
  ['Ptuin', { fuzzy: false }],
  ['coopera', { prefix: false }],
  ['zzzzqqq', {}],
  ['-Putin', {}],
  ['-Putin -Macron', { limit: 50 }],
]

describe('storeReader', () => {
  it.each(QUERIES)('answers %j as the in-memory index does', async (query, options) => {
    const request = { ...SEARCH_DEFAULTS, query, ...options }
    const expected = await memory.read((index) => searchParagraphs(index, request))
    const actual = await store.read((index) => searchParagraphs(index, request))
    expect(actual).toEqual(expected)
  })

  it('ranks a search of words on compact postings, then fetches the texts of the top of the ranking', async () => {
    const before = { ...calls }
    await store.read((index) => searchParagraphs(index, { ...SEARCH_DEFAULTS, query: 'red line' }))
    expect(calls.compactPostings - before.compactPostings).toBe(1)
    expect(calls.documents - before.documents).toBe(1)
    expect(calls.postings - before.postings).toBe(0)
  })

  it('ranks a phrase on compact postings and the paragraphs the store finds holding it, then reads the texts of the top', async () => {
    const before = { ...calls }
    const { total } = await store.read((index) => searchParagraphs(index, { ...SEARCH_DEFAULTS, query: '"chemical weapons"' }))
    expect(total).toBe(3)
    // Postings and the phrase's paragraphs, then the texts of the top of the ranking.
    expect(calls.compactPostings - before.compactPostings).toBe(1)
    expect(calls.documents - before.documents).toBe(1)
    expect(calls.postings - before.postings).toBe(0)
  })

  it('searches exclusions alone with MiniSearch on the postings and every paragraph', async () => {
    const before = { ...calls }
    await store.read((index) => searchParagraphs(index, { ...SEARCH_DEFAULTS, query: '-Putin' }))
    expect(calls.compactPostings - before.compactPostings).toBe(0)
    expect(calls.postings - before.postings).toBe(1)
  })

  it.each(['Marine Le P', 'Putin P', 'chem', 'red l'])('suggests for %j as the in-memory index does', async (query) => {
    expect(await store.read((index) => suggest(index, query, 8))).toEqual(await memory.read((index) => suggest(index, query, 8)))
  })

  it('gives a paragraph in context with its neighbours and related paragraphs in one round', async () => {
    const ids = memory.index.manifest.sources.flatMap((source) => memory.index.paragraphIds(source.id))
    for (const id of [ids[0]!, ids[5]!, ids.at(-1)!]) {
      const before = { ...calls }
      expect(await store.read((index) => paragraphContext(index, id, 10))).toEqual(await memory.read((index) => paragraphContext(index, id, 10)))
      expect(calls.documents - before.documents).toBe(2)
    }
    expect(await store.read((index) => index.paragraph('p0000000000'))).toBeUndefined()
  })

  it('keeps no paragraph ids in the shell, and gives a source\'s ids as the in-memory index does', async () => {
    expect(shellParts().manifest).not.toContain('paragraphIds')
    const [first, second] = memory.index.manifest.sources
    const all = memory.index.paragraphIds(first!.id)
    expect(all).toHaveLength(first!.paragraphs)
    // Positions clamp to the source: -3 to 2 is the first two, a range past the end is cut there.
    const ranges: [number | undefined, number | undefined][] = [[undefined, undefined], [-3, 2], [first!.paragraphs - 1, first!.paragraphs + 5], [4, 4], [7, 3], [0, -1]]
    for (const [from, to] of ranges) {
      const expected = from === undefined ? all : to! < 0 ? [] : all.slice(Math.max(0, from), to)
      expect(await store.read((index) => index.paragraphIds(first!.id, from, to))).toEqual(expected)
      expect(await memory.read((index) => index.paragraphIds(first!.id, from, to))).toEqual(expected)
    }
    expect(await store.read((index) => index.paragraphIds(second!.id, 0, 1))).toEqual([memory.index.paragraphIds(second!.id)[0]])
    expect(await store.read((index) => index.paragraphIds('no-such-source'))).toEqual([])
  })

  it('reads a whole source in one round when its paragraphs are prefetched', async () => {
    const source = memory.index.manifest.sources[0]!
    const read = (index: typeof memory.index) => index.paragraphIds(source.id).map((id) => index.paragraph(id)!.text)
    const before = { ...calls }
    let runs = 0
    expect(await store.read((index) => (runs++, read(index)), { sources: [source.id] })).toEqual(await memory.read(read))
    // Fetched before the reader runs: it runs once.
    expect(runs).toBe(1)
    expect(calls.documents - before.documents).toBeLessThanOrEqual(2)
  })
})

describe('termsReached', () => {
  const dictionary = new SortedWords(['macro', 'macron', 'pun', 'puti', 'putin'])
  const identity = { tokenize: (s: string) => [s], processTerm: (s: string) => s }

  it('reaches the terms within the edit distance asked, and the completions of a prefix', () => {
    expect([...termsReached({ queries: ['putin'], fuzzy: 1 }, identity, dictionary)].sort()).toEqual(['puti', 'putin'])
    expect([...termsReached({ queries: ['pu'], prefix: true }, identity, dictionary)].sort()).toEqual(['pu', 'pun', 'puti', 'putin'])
    // Options of a combination apply to its subqueries; a subquery may turn them off.
    expect([...termsReached({ combineWith: 'OR', fuzzy: 1, queries: ['macro', { queries: ['putin'], fuzzy: false }] }, identity, dictionary)].sort()).toEqual(['macro', 'macron', 'putin'])
  })
})
