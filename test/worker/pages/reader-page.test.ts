/**
 * The reader view's template on small named sources: what it says of the source (and "not
 * stated"), list items as one list, marks from offsets, numbers, and the way back to a search.
 */
import { describe, expect, it } from 'vitest'
import type { ManifestSource } from '../../../src/core/build-index.ts'
import type { ParagraphKind } from '../../../src/core/types.ts'
import { readerPage, type ReaderPageInput } from '../../../src/worker/pages/reader-page.ts'

const SOURCE: ManifestSource = {
  id: 'town-hall',
  title: 'Town hall <votes> budget',
  publisher: '',
  author: '',
  published: '',
  url: '',
  topics: [],
  paragraphs: 4,
  file: 'town-hall.txt',
  paragraphIds: ['a', 'b', 'c', 'd'],
}

function paragraph(id: string, position: number, kind: string, text: string, matches?: { start: number; end: number }[]): ReaderPageInput['paragraphs'][number] {
  return { id, position, kind: kind as ParagraphKind, text, sourceId: SOURCE.id, section: null, related: [], fact: null, quotes: [], relatedLinks: [], matches }
}

const PARAGRAPHS = [
  paragraph('a', 0, 'body', 'The council voted on three items:'),
  paragraph('b', 1, 'list-item', 'roads & bridges', [{ start: 0, end: 5 }]),
  paragraph('c', 2, 'list-item', 'schools'),
  paragraph('d', 3, 'body', 'The vote was close.'),
]

describe('readerPage', () => {
  it('says "not stated" for every fact the source does not give', () => {
    const body = readerPage({ source: SOURCE, paragraphs: PARAGRAPHS }).value
    const facts = [...body.matchAll(/<div><dt>(\w+)<\/dt><dd>(.*?)<\/dd><\/div>/g)].map(([, label, value]) => [label, value])
    const notStated = '<span class="muted">not stated</span>'
    expect(facts).toEqual([['Outlet', notStated], ['Author', notStated], ['Published', notStated], ['Original', notStated]])
  })

  it('shows the outlet, the author when the source has one, the date in the one format, and the link', () => {
    const source = { ...SOURCE, publisher: 'The Gazette', published: '2024-03-05', url: 'https://gazette.example/town-hall', author: 'A. Writer' }
    const body = readerPage({ source, paragraphs: PARAGRAPHS }).value
    const facts = [...body.matchAll(/<div><dt>(\w+)<\/dt><dd>(.*?)<\/dd><\/div>/g)].map(([, label, value]) => [label, value])
    expect(facts).toEqual([
      ['Outlet', 'The Gazette'],
      ['Author', 'A. Writer'],
      ['Published', '5 March 2024'],
      ['Original', '<a href="https://gazette.example/town-hall" rel="noopener noreferrer">gazette.example</a>'],
    ])
  })

  it('puts a run of list items in one list, numbers every paragraph, and marks the given ranges', () => {
    const body = readerPage({ source: SOURCE, paragraphs: PARAGRAPHS, query: 'roads' }).value
    expect(body).toContain(
      '<ul class="list">' +
        '<li class="paragraph list-item" id="b"><mark>roads</mark> &amp; bridges <a class="anchor" href="#b" aria-label="Paragraph 2">¶ 2</a></li>' +
        '<li class="paragraph list-item" id="c">schools <a class="anchor" href="#c" aria-label="Paragraph 3">¶ 3</a></li>' +
        '</ul>'
    )
    expect([...body.matchAll(/>¶ (\d+)<\/a>/g)].map((match) => match[1])).toEqual(['1', '2', '3', '4'])
    expect(body).toContain('<a id="back-to-results" href="/?q=roads">← Back to the results for “roads”</a>')
  })

  it('offers no way back without a search', () => {
    const body = readerPage({ source: SOURCE, paragraphs: PARAGRAPHS }).value
    expect(body).not.toContain('back-to-results')
  })
})
