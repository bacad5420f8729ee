import { readFileSync } from 'node:fs'
import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { buildIndex, paragraphsJson, type CorpusFile } from '../../src/core/build-index.ts'
import { CorpusError } from '../../src/core/corpus.ts'
import { MINISEARCH_OPTIONS } from '../../src/core/index-options.ts'

const file = (name: string, text: string): CorpusFile => ({ name, bytes: new TextEncoder().encode(text) })
const shipped = () => ({
  sources: ['bbc-macron-putin-frank-exchange.txt', 'macron-putin-press-conference.txt'].map((name) => ({ name, bytes: readFileSync(`corpus/${name}`) })),
  metadata: { name: 'sources.json', bytes: readFileSync('corpus/sources.json') },
})

async function buildError(input: Parameters<typeof buildIndex>[0]): Promise<CorpusError> {
  const error = await buildIndex(input).then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(CorpusError)
  return error as CorpusError
}

describe('buildIndex', () => {
  it('gives byte-identical files for the same corpus', async () => {
    const [a, b] = await Promise.all([buildIndex(shipped()), buildIndex(shipped())])
    expect(a.files).toEqual(b.files)
    expect([...paragraphsJson(a.paragraphs)].join('')).toBe([...paragraphsJson(b.paragraphs)].join(''))
  })

  it('keeps paragraph ids stable when another source changes', async () => {
    const before = await buildIndex({ sources: [file('a.txt', 'A\nOne.\nTwo.'), file('b.txt', 'B\nThree.')] })
    const after = await buildIndex({ sources: [file('a.txt', 'A\nOne.\nTwo.'), file('b.txt', 'B\nThree.\nFour.')] })
    expect(after.manifest.sources[0]!.paragraphIds).toEqual(before.manifest.sources[0]!.paragraphIds)
    expect(after.manifest.indexVersion).not.toBe(before.manifest.indexVersion)
  })

  it('takes metadata from sources.json, and id and title from the file for a source without', async () => {
    const { manifest } = await buildIndex({
      sources: [file('a.txt', 'Headline A\nOne.'), file('New Story.txt', 'Headline B\nTwo.')],
      metadata: file('sources.json', '[{"file":"a.txt","id":"alpha","publisher":"BBC News","published":"2017-05-29"}]'),
    })
    expect(manifest.sources.map(({ id, title, publisher, published, url }) => ({ id, title, publisher, published, url }))).toEqual([
      { id: 'new-story', title: 'Headline B', publisher: '', published: '', url: '' },
      { id: 'alpha', title: 'Headline A', publisher: 'BBC News', published: '2017-05-29', url: '' },
    ])
  })

  it('writes a manifest with counts and paragraphs with their metadata and related paragraphs', async () => {
    const { manifest, paragraphs } = await buildIndex(shipped())
    const facts = new Set(paragraphs.flatMap((p) => (p.fact ? [p.fact] : [])))
    expect(manifest.counts).toEqual({ sources: 2, paragraphs: 52, kinds: { body: 43, caption: 5, heading: 3, comment: 1, 'list-item': 0 }, facts: facts.size })
    expect(paragraphs).toHaveLength(52)
    const redLine = paragraphs.find((p) => p.text.includes('would be a "red line"'))!
    const otherRedLine = paragraphs.find((p) => p.text.includes('is a "red line"'))!
    expect(redLine.related.map((r) => r.id)).toContain(otherRedLine.id)
    // Every fact is reported by two sources at least.
    for (const fact of facts) expect(new Set(paragraphs.filter((p) => p.fact === fact).map((p) => p.sourceId)).size).toBeGreaterThanOrEqual(2)
    // Quotations are stored with their speakers: "But Mr Putin told Monday's news conference: "This doesn't mean …""
    const denial = paragraphs.find((p) => p.text.startsWith("But Mr Putin told Monday's news conference"))!
    expect(denial.quotes).toEqual([expect.objectContaining({ speaker: 'Putin', text: "This doesn't mean that we somehow tried to influence the election at all... that would have been impossible as well." })])
  })

  it('serialises an index MiniSearch loads with the shared options', async () => {
    const { files } = await buildIndex(shipped())
    const miniSearch = MiniSearch.loadJSON(files['index.json']!, MINISEARCH_OPTIONS)
    expect(miniSearch.documentCount).toBe(52)
    const [top] = miniSearch.search('vigilant')
    expect(top?.['text']).toBe('He said France would remain "vigilant" on the issue.')
  })

  it('stops on two sources with the same id, naming both files', async () => {
    const error = await buildError({
      sources: [file('a.txt', 'A\nOne.'), file('b.txt', 'B\nTwo.')],
      metadata: file('sources.json', '[{"file":"a.txt","id":"same"},{"file":"b.txt","id":"same"}]'),
    })
    expect(error.message).toBe('corpus/b.txt: has the id "same" (given in corpus/sources.json), which corpus/a.txt already has')
    const byName = await buildError({ sources: [file('a-b.txt', 'A\nOne.'), file('A B.txt', 'B\nTwo.')] })
    expect(byName.message).toBe('corpus/a-b.txt: has the id "a-b" (taken from its file name), which corpus/A B.txt already has')
  })

  it('stops on metadata naming a missing file', async () => {
    const error = await buildError({ sources: [file('a.txt', 'A\nOne.')], metadata: file('sources.json', '[{"file":"gone.txt"}]') })
    expect(error.message).toBe('corpus/sources.json: names gone.txt, which is not in corpus/')
  })

  it('stops on a source with no paragraph', async () => {
    const error = await buildError({ sources: [file('a.txt', 'Only a title\n\n2 of 3 01.02.20, 10:00\nAFP')] })
    expect(error.message).toBe('corpus/a.txt: has no paragraph left once page furniture is removed')
  })

  it('stops on an empty corpus', async () => {
    expect((await buildError({ sources: [] })).message).toBe('corpus/: holds no source file (.txt, .pdf, .html or .htm)')
  })
})
