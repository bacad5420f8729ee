/**
 * MiniSearch's order of index terms, computed without its tree, against MiniSearch's own
 * serialisation of the tree it builds.
 */
import fc from 'fast-check'
import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/core/build-index.ts'
import { MINISEARCH_OPTIONS, type IndexedParagraph, type StoredParagraph } from '../../src/core/index-options.ts'
import { SortedWords } from '../../src/core/sorted-words.ts'
import type { IndexingOptions } from '../../src/core/paragraph-postings.ts'
import { miniSearchTermOrder, termsMet } from '../../src/core/term-order.ts'
import { generateSyntheticCorpus } from '../../scripts/lib/synthetic-corpus.ts'

/** The terms of these texts (words split on spaces) in MiniSearch's serialised order, and in the order `addAll` meets them. */
function indexed(texts: readonly string[]): { serialised: string[]; met: string[] } {
  const miniSearch = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], tokenize: (text) => text.split(' ').filter(Boolean), processTerm: (term) => term })
  miniSearch.addAll(texts.map((text, id) => ({ id, text })))
  const serialised = (JSON.parse(JSON.stringify(miniSearch)) as { index: [string][] }).index.map(([term]) => term)
  const met = [...new Set(texts.flatMap((text) => text.split(' ').filter(Boolean)))]
  return { serialised, met }
}

/** The order {@link miniSearchTermOrder} gives the terms of these texts. */
function computed(texts: readonly string[]): string[] {
  const { met } = indexed(texts)
  const terms = new SortedWords([...met].sort())
  const order = miniSearchTermOrder(terms, terms.words.map((term) => met.indexOf(term)))
  const listed: string[] = []
  order.forEach((place, i) => (listed[place] = terms.words[i]!))
  return listed
}

describe('miniSearchTermOrder', () => {
  it('lists terms met in alphabetical order last first', () => {
    // One node "zarv" made when "zarvi" was met (after "zarva"), then "zarvo" set after them.
    expect(computed(['zarva zarvi zarvo'])).toEqual(['zarvo', 'zarvi', 'zarva'])
    expect(indexed(['zarva zarvi zarvo']).serialised).toEqual(['zarvo', 'zarvi', 'zarva'])
  })

  it('puts a node split after its siblings were made after them', () => {
    // Root: "ab" (met first), then "c"; "aa" splits "ab" into "a" → (b, a), set again after "c".
    // Listed last first: "a"'s node (its entries a, b), then "c".
    expect(computed(['ab c aa'])).toEqual(['aa', 'ab', 'c'])
    // Met "aa", "ab", "c": "a" made with "ab", before "c": "c" listed first.
    expect(computed(['aa ab c'])).toEqual(['c', 'ab', 'aa'])
  })

  it('puts a term ending at a node made by splitting after the node it split', () => {
    // "abc" then "ab": the node "ab" holds "c" first, then its own term; listed last first.
    expect(computed(['abc ab'])).toEqual(['ab', 'abc'])
    // "ab" then "abc": the leaf of "ab" first, then "c".
    expect(computed(['ab abc'])).toEqual(['abc', 'ab'])
  })

  it('gives the order MiniSearch serialises its index in, whatever the texts', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 5 })
    const text = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '))
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (texts) => {
        expect(computed(texts)).toEqual(indexed(texts).serialised)
      }),
      { numRuns: 500 }
    )
  })

  it('gives nothing for no terms', () => {
    expect(miniSearchTermOrder(new SortedWords([]), [])).toEqual(new Uint32Array(0))
  })
})

describe('termsMet', () => {
  it('lists each term once, in the order MiniSearch first meets it, field by field', () => {
    const options = { fields: ['title', 'text'], extractField: (d: Record<string, string>, f: string) => d[f], tokenize: (t: string) => t.split(' '), processTerm: (t: string) => (t === 'the' ? null : t) }
    const met = termsMet([{ text: 'b the a', title: 'c b' }, { text: 'd a' }], options as unknown as IndexingOptions<Record<string, string>>)
    expect([...met]).toEqual([['c', 0], ['b', 1], ['a', 2], ['d', 3]])
  })

  it('with the index options, gives the order of a built index\'s serialised terms', async () => {
    const files = generateSyntheticCorpus({ seed: 3, paragraphs: 300, vocabularySize: 200, paragraphsPerDocument: 100 })
    const encoder = new TextEncoder()
    const built = (await buildIndex({ sources: files.map((file) => ({ name: file.name, bytes: encoder.encode(file.text) })) })).files
    const plain = JSON.parse(built['index.json']!) as { index: [string][]; documentIds: Record<string, string>; storedFields: Record<string, StoredParagraph> }
    // The paragraphs in short-id order, as the build adds them.
    const paragraphs = Object.keys(plain.documentIds)
      .map(Number)
      .sort((a, b) => a - b)
      .map((shortId) => ({ id: plain.documentIds[shortId]!, ...plain.storedFields[shortId]! }) as unknown as IndexedParagraph)
    const met = termsMet(paragraphs, MINISEARCH_OPTIONS as IndexingOptions<IndexedParagraph>)
    const terms = new SortedWords([...met.keys()].sort())
    const places = miniSearchTermOrder(terms, terms.words.map((term) => met.get(term)!))
    const listed: string[] = []
    places.forEach((place, i) => (listed[place] = terms.words[i]!))
    expect(listed.length).toBeGreaterThan(200)
    expect(listed).toEqual(plain.index.map(([term]) => term))
  })
})
