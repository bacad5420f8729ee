import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AsPlainObject } from 'minisearch'
import { describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/core/build-index.ts'
import { toPlainPostings } from '../../src/core/compact-postings.ts'
import type { IndexedParagraph } from '../../src/core/index-options.ts'
import { KeyDocuments, ParagraphPostings } from '../../src/core/paragraph-postings.ts'
import { readParagraphs } from '../../scripts/lib/index-files.ts'
import { generateSyntheticCorpus } from '../../scripts/lib/synthetic-corpus.ts'

const paragraph = (id: string, text: string, section: string | null): IndexedParagraph => ({ id, sourceId: 's', position: 0, kind: 'body', section, text, related: [], fact: null, quotes: [] })

describe('ParagraphPostings', () => {
  it('counts, stems and averages as MiniSearch does (worked by hand)', () => {
    const builder = new ParagraphPostings()
    // Text tokens Red, lines, red, lines: 3 distinct as typed; terms red ×2, line ×2. Section: one token. No common gram.
    expect(builder.add(paragraph('a', 'Red lines, red lines.', 'Talks'))).toEqual({
      shortId: 0,
      lengths: [3, 1, 0],
      terms: [['red', 'line', 'red', 'line'], ['talk'], []],
      tokens: [['Red', 'lines', 'red', 'lines'], ['Talks'], []],
    })
    // The, talks, were, frank, and, the, talks, ran, late: 8 distinct as typed; no section; one gram, "and_the".
    const second = builder.add(paragraph('b', 'The talks were frank and the talks ran late.', null))
    expect(second.shortId).toBe(1)
    expect(second.lengths).toEqual([8, undefined, 1])
    expect(second.terms[2]).toEqual(['and_the'])
    // Text (3 + 8) / 2; the section's average counts only the paragraph that has one; grams (0 + 1) / 2.
    expect(builder.stats()).toEqual({ documentCount: 2, nextId: 2, fieldIds: { text: 0, section: 1, grams: 2 }, averageFieldLength: [5.5, 1, 0.5] })
    const postings = new Map([...builder.postings()].map(([term, fields]) => [term, toPlainPostings(fields)]))
    expect(postings.get('red')).toEqual({ 0: { 0: 2 } })
    expect(postings.get('talk')).toEqual({ 0: { 1: 2 }, 1: { 0: 1 } })
    expect(postings.get('the')).toEqual({ 0: { 1: 2 } })
    expect(postings.get('and_the')).toEqual({ 2: { 1: 1 } })
    expect(builder.termCount).toBe(10)
  })

  it("gives MiniSearch's statistics, field lengths and postings to the last bit: the shipped corpus and a synthetic one", async () => {
    const encoder = new TextEncoder()
    const synthetic = await buildIndex({ sources: generateSyntheticCorpus({ seed: 3, paragraphs: 800, paragraphsPerDocument: 100 }).map((file) => ({ name: file.name, bytes: encoder.encode(file.text) })) })
    const INDEX = join(import.meta.dirname, '../../index')
    const corpora: [IndexedParagraph[], string][] = [
      [[...readParagraphs(INDEX)], readFileSync(join(INDEX, 'index.json'), 'utf8')],
      [synthetic.paragraphs, synthetic.files['index.json']!],
    ]
    for (const [paragraphs, json] of corpora) {
      const plain = JSON.parse(json) as AsPlainObject
      const builder = new ParagraphPostings()
      for (const added of paragraphs.map((p) => builder.add(p))) {
        // MiniSearch serialises a field a paragraph lacks as a hole, JSON's null.
        expect(Array.from(added.lengths, (length) => length ?? null)).toEqual(plain.fieldLength[added.shortId])
      }
      const { documentCount, nextId, fieldIds, averageFieldLength } = plain
      expect(builder.stats()).toEqual({ documentCount, nextId, fieldIds, averageFieldLength })
      for (const [i, average] of builder.stats().averageFieldLength.entries()) expect(Object.is(average, averageFieldLength[i])).toBe(true)
      const expected = new Map(plain.index)
      expect(builder.termCount).toBe(expected.size)
      for (const [term, fields] of builder.postings()) expect(toPlainPostings(fields), term).toEqual(expected.get(term))
    }
  }, 60_000)
})

describe('KeyDocuments', () => {
  it('keeps each key with its paragraphs in order, and refuses one out of order', () => {
    const keys = new KeyDocuments()
    keys.add('ferry', 0)
    keys.add('gull', 0)
    keys.add('ferry', 300)
    expect([...keys.entries()].map(([key, field]) => [key, [...field.docs], [...field.tfs]])).toEqual([
      ['ferry', [0, 300], [1, 1]],
      ['gull', [0], [1]],
    ])
    expect(() => keys.add('ferry', 300)).toThrow('"ferry": short id 300 added after 300')
  })
})
