import { describe, expect, it } from 'vitest'
import { CorpusError } from '../../../src/core/corpus.ts'
import { readCapture, sourceExtension } from '../../../src/core/readers/index.ts'
import { pdfBytes } from '../../support/pdf-bytes.ts'

const LONG = 'The council approved the new bus depot on Tuesday evening after a debate that lasted more than four hours and drew residents from every ward of the town.'

describe('sourceExtension', () => {
  it('knows the formats the corpus takes, in any case, and nothing else', () => {
    expect(['a.txt', 'B.PDF', 'c.html', 'd.Htm', 'e.md', 'f.txt.bak', 'noext', '.pdf'].map(sourceExtension)).toEqual(['.txt', '.pdf', '.html', '.htm', undefined, undefined, undefined, '.pdf'])
  })
})

describe('readCapture', () => {
  it('reads a .txt as text: pages at form feeds, lines at line breaks', async () => {
    const capture = await readCapture('corpus/a.txt', new TextEncoder().encode('Title\r\nOne.\fTwo.'))
    expect(capture).toEqual({ format: 'text', pages: [{ lines: [{ text: 'Title' }, { text: 'One.' }] }, { lines: [{ text: 'Two.' }] }], facts: {}, skipped: [] })
  })

  it('reads a UTF-16 .txt by its byte-order mark', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('Zoë\nÇa va.', 'utf16le')])
    expect((await readCapture('a.txt', bytes)).pages[0]!.lines.map((line) => line.text)).toEqual(['Zoë', 'Ça va.'])
  })

  it('reads a .pdf with the PDF reader and a .html or .htm with the HTML reader', async () => {
    const pdf = await readCapture('a.PDF', pdfBytes({ pages: [{ texts: [{ text: 'One.', x: 72, y: 700, size: 10 }] }] }))
    expect(pdf.format).toBe('pdf')
    const html = new TextEncoder().encode(`<html><body><article><p>${LONG}</p><p>${LONG}</p></article></body></html>`)
    expect((await readCapture('a.htm', html)).format).toBe('html')
    expect((await readCapture('a.html', html)).pages[0]!.lines[0]!.text).toBe(LONG)
  })

  it('refuses another extension, naming the file, its extension and the formats it takes', async () => {
    const error = await readCapture('corpus/notes.md', new Uint8Array([65])).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CorpusError)
    expect((error as CorpusError).message).toBe('corpus/notes.md: has no reader for its format (.md); readable: .txt, .pdf, .html, .htm')
  })
})

describe('the Worker', () => {
  it('bundles none of the readers nor the libraries they use (they run in the build only)', async () => {
    const { build } = await import('esbuild')
    const result = await build({
      entryPoints: ['src/worker/index.ts'],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      conditions: ['workerd', 'worker', 'browser'],
      loader: { '.txt': 'text' },
      external: ['cloudflare:*', 'node:*'],
      logLevel: 'silent',
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.some((input) => input.startsWith('src/worker/'))).toBe(true)
    expect(inputs.filter((input) => /src\/core\/readers\/|node_modules\/(?:unpdf|linkedom|@mozilla\/readability|pdfjs-dist)\//.test(input))).toEqual([])
  })
})
