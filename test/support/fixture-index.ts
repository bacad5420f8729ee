/**
 * @module
 * Builds a small index in memory from inline documents, for tests of the search modules.
 */
import { buildIndex } from '../../src/core/build-index.ts'
import { loadIndex, type LoadedIndex } from '../../src/core/loaded-index.ts'

/**
 * Builds and loads an index of documents given as `file name → text` (first line is the title).
 *
 * @example
 * const index = await fixtureIndex({ 'a.txt': 'Title\nFirst paragraph.' })
 */
export async function fixtureIndex(documents: Record<string, string>): Promise<LoadedIndex> {
  const encoder = new TextEncoder()
  const { files } = await buildIndex({ sources: Object.entries(documents).map(([name, text]) => ({ name, bytes: encoder.encode(text) })) })
  return loadIndex({ index: files['index.json']!, vocabulary: files['vocabulary.json'], manifest: files['manifest.json'] })
}
