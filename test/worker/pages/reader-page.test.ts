import { describe, expect, it } from 'vitest'
import type { ManifestSource } from '../../../src/core/build-index.ts'
import { readerPage } from '../../../src/worker/pages/reader-page.ts'

const source: ManifestSource = {
  id: 'tram',
  title: 'Tram line approved',
  publisher: 'The Gazette',
  author: 'Robin Hale',
  published: '2021-03-12',
  url: '',
  topics: [],
  paragraphs: 4,
  file: 'tram.txt',
  paragraphIds: ['p1', 'p2', 'p3', 'p4'],
}
const paragraph = (id: string, position: number, kind: string, text: string) => ({ id, sourceId: 'tram', position, kind, section: null, text, related: [], relatedLinks: [] })

describe('readerPage', () => {
  it('shows a run of list items as one list, between the paragraphs around it', () => {
    const page = readerPage({
      source,
      paragraphs: [
        paragraph('p1', 0, 'body', 'The plan includes:'),
        paragraph('p2', 1, 'list-item', 'a new depot'),
        paragraph('p3', 2, 'list-item', 'twelve stops'),
        paragraph('p4', 3, 'body', 'The vote was 21 to 9.'),
      ] as Parameters<typeof readerPage>[0]['paragraphs'],
    }).value
    const list = /<ul class="list">(.*?)<\/ul>/s.exec(page)?.[1] ?? ''
    expect([...list.matchAll(/<li class="paragraph list-item" id="(p\d)">([^<]*)/g)].map((m) => [m[1], m[2]!.trim()])).toEqual([
      ['p2', 'a new depot'],
      ['p3', 'twelve stops'],
    ])
    expect(page.indexOf('The plan includes:')).toBeLessThan(page.indexOf('<ul class="list">'))
    expect(page.indexOf('</ul>')).toBeLessThan(page.indexOf('The vote was 21 to 9.'))
  })
})
