/**
 * @module
 * The shipped corpus (`corpus/`), built and loaded in memory, for tests whose expected values are
 * worked out by reading its paragraphs (`index/paragraphs.json` after `npm run build:index`).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { buildIndex } from '../../src/core/build-index.ts'
import { loadIndex, type LoadedIndex } from '../../src/core/loaded-index.ts'

let shipped: Promise<LoadedIndex> | undefined

/** Builds (once per test file) and loads the index of the shipped corpus. */
export function shippedIndex(): Promise<LoadedIndex> {
  shipped ??= (async () => {
    const sources = readdirSync('corpus')
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => ({ name, bytes: readFileSync(`corpus/${name}`) }))
    const { files } = await buildIndex({ sources, metadata: { name: 'sources.json', bytes: readFileSync('corpus/sources.json') } })
    return loadIndex({ index: files['index.json']!, vocabulary: files['vocabulary.json'], manifest: files['manifest.json'] })
  })()
  return shipped
}
