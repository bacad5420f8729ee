import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { d1Content, ftsPhraseQuery } from '../../src/core/d1-content.ts'
import { gunzipBase64 } from '../../src/worker/engines/d1-engine.ts'
import { base64ToBytes } from '../../src/core/base64.ts'
import { gzipBase64 } from '../../scripts/lib/d1-load.ts'
import { readParagraphs } from '../../scripts/lib/index-files.ts'

const INDEX = join(import.meta.dirname, '../../index')

describe('ftsPhraseQuery', () => {
  it('asks FTS5 for the text column, one phrase per choice of terms', () => {
    expect(ftsPhraseQuery([['red'], ['line']])).toBe('text : ("red line")')
    expect(ftsPhraseQuery([['red', 'reddish'], ['line', 'lie']])).toBe('text : ("red line" OR "red lie" OR "reddish line" OR "reddish lie")')
  })

  it('gives undefined past the most choices, and null when a position has no term FTS5 could hold', () => {
    expect(ftsPhraseQuery([['a', 'b', 'c'], ['d', 'e', 'f']], 8)).toBeUndefined()
    expect(ftsPhraseQuery([['a', 'b', 'c'], ['d', 'e', 'f']], 9)).toContain('"c f"')
    expect(ftsPhraseQuery([['red'], ['a"b', '_']])).toBeNull()
    expect(ftsPhraseQuery([['red'], ['a"b', 'line']])).toBe('text : ("red line")')
  })
})

describe('d1Content', () => {
  it("stops when the paragraphs do not follow the manifest's order", () => {
    const read = (name: string) => readFileSync(join(INDEX, name), 'utf8')
    const files = { vocabulary: read('vocabulary.json'), manifest: read('manifest.json') }
    expect([...d1Content({ ...files, paragraphs: readParagraphs(INDEX) }).fill].length).toBeGreaterThan(0)
    // The same paragraphs with the manifest's two sources swapped: short id 0 is now another paragraph.
    const manifest = JSON.parse(files.manifest) as { sources: unknown[] }
    manifest.sources.reverse()
    expect(() => [...d1Content({ ...files, manifest: JSON.stringify(manifest), paragraphs: readParagraphs(INDEX) }).fill]).toThrow("the paragraphs must follow the manifest's order")
  })

  it('stops when the manifest names more paragraphs than it is given', () => {
    const read = (name: string) => readFileSync(join(INDEX, name), 'utf8')
    const paragraphs = [...readParagraphs(INDEX)]
    expect(() => [...d1Content({ vocabulary: read('vocabulary.json'), manifest: read('manifest.json'), paragraphs: paragraphs.slice(0, -1) }).fill]).toThrow(
      `the manifest names ${paragraphs.length} paragraphs, ${paragraphs.length - 1} were given`
    )
  })
})

describe('the postings table', () => {
  it("gives each term its place in MiniSearch's serialised terms, the order typo terms are summed in", () => {
    const read = (name: string) => readFileSync(join(INDEX, name), 'utf8')
    const plain = JSON.parse(read('index.json')) as { index: [string, unknown][] }
    const places = new Map<string, number>()
    for (const statement of d1Content({ vocabulary: read('vocabulary.json'), manifest: read('manifest.json'), paragraphs: readParagraphs(INDEX) }).fill) {
      if (!statement.startsWith('INSERT INTO ps_postings_')) continue
      for (const [, term, place] of statement.matchAll(/\('([^']+)', \d+, '[^']*', (\d+)\)/g)) places.set(term!, Number(place))
    }
    expect(places.size).toBe(plain.index.length)
    expect(plain.index.map(([term]) => places.get(term))).toEqual(plain.index.map((_, i) => i))
  })
})

describe('the meta compressed', () => {
  it('names its encoding and gives every value back whole', async () => {
    const read = (name: string) => readFileSync(join(INDEX, name), 'utf8')
    const files = { vocabulary: read('vocabulary.json'), manifest: read('manifest.json') }
    const metaOf = (fill: Iterable<string>) => {
      const values: Record<string, string> = {}
      for (const statement of [...fill].filter((s) => s.startsWith('INSERT INTO ps_meta_'))) {
        for (const [, key, value] of statement.matchAll(/\('(\w+)', \d+, '((?:[^']|'')*)'\)/g)) values[key!] = (values[key!] ?? '') + value!.replaceAll("''", "'")
      }
      return values
    }
    const plain = metaOf(d1Content({ ...files, paragraphs: readParagraphs(INDEX) }).fill)
    const packed = metaOf(d1Content({ ...files, paragraphs: readParagraphs(INDEX), compressMeta: gzipBase64 }).fill)
    expect(plain['encoding']).toBeUndefined()
    expect(packed['encoding']).toBe('gzip-base64')
    // Gzip more than makes up for base64's third: the manifest's JSON repeats its keys per source.
    expect(packed['manifest']!.length).toBeLessThan(plain['manifest']!.length)
    // Unpacked, the JSON values are the plain ones, and the columns the bytes the plain base64 holds.
    const keys = Object.keys(plain)
    expect(keys.sort()).toEqual(Object.keys(packed).filter((key) => key !== 'encoding').sort())
    for (const key of keys) {
      const unpacked = await gunzipBase64(packed[key]!)
      if (key === 'columns') expect(unpacked).toEqual(base64ToBytes(plain[key]!))
      else expect(new TextDecoder().decode(unpacked)).toBe(plain[key])
    }
  })
})
