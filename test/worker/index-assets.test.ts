import { describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/core/build-index.ts'
import { loadIndex } from '../../src/core/loaded-index.ts'
import { SEARCH_DEFAULTS, searchParagraphs } from '../../src/core/search.ts'
import { INDEX_ASSETS_LISTING, INDEX_ASSETS_PATH, splitUtf8 } from '../../src/core/index-artifacts.ts'
import { readIndexAssets, splitIndexAssets } from '../../src/worker/index-assets.ts'
import { fetchWorker } from './fetch.ts'

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)

describe('splitUtf8', () => {
  it('cuts between characters, never inside one', () => {
    expect(splitUtf8('aé€', 3).map(decode)).toEqual(['aé', '€'])
    expect(splitUtf8('€€', 4).map(decode)).toEqual(['€', '€'])
    expect(splitUtf8('', 4)).toEqual([])
  })

  it('keeps every part within the limit and joins back into the text', () => {
    const text = 'Versailles — “red line” 🇫🇷 Macron–Putin, '.repeat(50)
    for (const maxBytes of [4, 5, 7, 64, 1000]) {
      const parts = splitUtf8(text, maxBytes)
      for (const part of parts) expect(part.length).toBeLessThanOrEqual(maxBytes)
      expect(parts.map(decode).join('')).toBe(text)
    }
  })

  it('refuses a limit smaller than a character', () => {
    expect(() => splitUtf8('🇫🇷', 3)).toThrow(/smaller than one character/)
  })
})

describe('index assets', () => {
  const build = async () => {
    const encoder = new TextEncoder()
    const { files } = await buildIndex({
      sources: [
        { name: 'a.txt', bytes: encoder.encode('Année nouvelle\nLes élections de l’année.\nThe use of chemical weapons is a red line.\nThe press conference.') },
        { name: 'b.txt', bytes: encoder.encode('€ story\nPrices in € rose.\nChemical weapons were discussed.') },
      ],
    })
    return { index: files['index.json']!, vocabulary: files['vocabulary.json'], manifest: files['manifest.json'] }
  }

  it('splits the index along its terms and reads it back into an index that searches the same', async () => {
    const texts = await build()
    const files = splitIndexAssets(texts, 200)
    const listing = JSON.parse(decode(files.get(INDEX_ASSETS_LISTING)!))
    expect(listing.indexVersion).toBe(JSON.parse(texts.manifest).indexVersion)
    expect(listing.terms.length).toBeGreaterThan(1)
    for (const name of listing.terms) expect(Array.isArray(JSON.parse(decode(files.get(name)!))), name).toBe(true)
    const fetched: string[] = []
    const read = await readIndexAssets(async (path) => {
      fetched.push(path)
      const bytes = files.get(path.slice(INDEX_ASSETS_PATH.length))
      return bytes ? new Response(bytes) : new Response('missing', { status: 404 })
    })
    expect(read.manifest).toBe(texts.manifest)
    expect(read.vocabulary).toBe(texts.vocabulary)
    expect(fetched.every((path) => path.startsWith(INDEX_ASSETS_PATH))).toBe(true)
    const whole = loadIndex(texts)
    const parted = loadIndex(read)
    expect(parted.miniSearch.termCount).toBe(whole.miniSearch.termCount)
    for (const query of ['chemical weapons', 'année', '"red line"', 'pres', '€']) {
      const request = { ...SEARCH_DEFAULTS, query }
      expect(searchParagraphs(parted, request), query).toEqual(searchParagraphs(whole, request))
    }
  })

  it('names the missing asset when one is not there', async () => {
    await expect(readIndexAssets(async () => new Response('', { status: 404 }))).rejects.toThrow(`${INDEX_ASSETS_PATH}${INDEX_ASSETS_LISTING} answered 404`)
  })

  it('is not served to the public: the Worker answers /_index/ with its 404 page', async () => {
    for (const name of [INDEX_ASSETS_LISTING, 'index.json', 'manifest.json']) {
      const response = await fetchWorker(`${INDEX_ASSETS_PATH}${name}`)
      expect(response.status, name).toBe(404)
      expect(await response.text(), name).not.toMatch(/indexVersion|"storedFields"|"paragraphIds"/)
    }
  })
})
