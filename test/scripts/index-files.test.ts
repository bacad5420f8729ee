import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { paragraphsJson } from '../../src/core/build-index.ts'
import type { IndexedParagraph } from '../../src/core/index-options.ts'
import { readParagraphs } from '../../scripts/lib/index-files.ts'

const dir = mkdtempSync(join(tmpdir(), 'index-files-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const paragraph = (id: string, text: string): IndexedParagraph => ({ id, sourceId: 's', position: 0, kind: 'body', section: null, text, related: [], fact: null, quotes: [] })

describe('readParagraphs', () => {
  it('reads back what paragraphsJson wrote, a line at a time, whatever chunks cut lines and characters', () => {
    // "€" is three bytes in UTF-8 and "👋" four: chunks of 7 bytes cut both, and every line.
    const paragraphs = [paragraph('p1', 'Prices in € rose, "sharply".'), paragraph('p2', 'Hello 👋, said the mayor.'), paragraph('p3', 'Last.')]
    writeFileSync(join(dir, 'paragraphs.json'), [...paragraphsJson(paragraphs)].join(''))
    expect(JSON.parse([...paragraphsJson(paragraphs)].join(''))).toEqual(paragraphs)
    for (const chunk of [7, 64, 1 << 20]) expect([...readParagraphs(dir, chunk)], `chunks of ${chunk}`).toEqual(paragraphs)
  })

  it('names the file and the line of a line that is not a paragraph', () => {
    writeFileSync(join(dir, 'paragraphs.json'), '[\n{"id":"p1"},\n{"id":\n]\n')
    expect(() => [...readParagraphs(dir)]).toThrow(`${join(dir, 'paragraphs.json')}:3: not a paragraph`)
  })
})
