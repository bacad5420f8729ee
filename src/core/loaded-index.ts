/**
 * @module
 * The built index, loaded: MiniSearch restored with the shared options, and lookups of sources
 * and paragraphs by id. Built from the text of the files in `index/`, so it runs the same in the
 * Worker, in the benchmarks and in Node.
 */
import MiniSearch from 'minisearch'
import type { Manifest, ManifestSource } from './build-index.ts'
import { INDEX_FORMAT_VERSION, MINISEARCH_OPTIONS, type IndexedParagraph, type StoredParagraph } from './index-options.ts'
import type { Paragraph, SourceMetadata } from './types.ts'
import { Vocabulary, type VocabularyEntry } from './vocabulary.ts'

/** A paragraph as the index stores it, with its id. */
export type StoredParagraphWithId = StoredParagraph & Pick<Paragraph, 'id'>

/** The index, ready to search. */
export type LoadedIndex = {
  /** The MiniSearch instance. */
  miniSearch: MiniSearch<IndexedParagraph>
  /** The manifest it was built with. */
  manifest: Manifest
  /** The corpus's words, for completing a word being typed. */
  vocabulary: Vocabulary
  /** Sources by id, in manifest order. */
  sources: ReadonlyMap<string, ManifestSource>
  /** A paragraph by id, or `undefined`. */
  paragraph(id: string): StoredParagraphWithId | undefined
}

/** The text of the files of `index/` that the search needs. */
export type IndexTexts = {
  /** `index/index.json`. */
  index: string
  /** `index/vocabulary.json`. */
  vocabulary: string
  /** `index/manifest.json`. */
  manifest: string
}

/**
 * Loads the index from the text of its files.
 *
 * @throws Error when the manifest's format version is not the one this code reads.
 */
export function loadIndex(texts: IndexTexts): LoadedIndex {
  const { index: indexJson, vocabulary, manifest: manifestJson } = texts
  const manifest = JSON.parse(manifestJson) as Manifest
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new Error(`index format ${manifest.formatVersion} cannot be read by this code (expects ${INDEX_FORMAT_VERSION}); rebuild with npm run build:index`)
  }
  const miniSearch = MiniSearch.loadJSON<IndexedParagraph>(indexJson, MINISEARCH_OPTIONS)
  return {
    miniSearch,
    manifest,
    vocabulary: new Vocabulary(JSON.parse(vocabulary) as VocabularyEntry[]),
    sources: new Map(manifest.sources.map((source) => [source.id, source])),
    paragraph(id) {
      const stored = miniSearch.getStoredFields(id) as StoredParagraph | undefined
      return stored && { id, ...stored }
    },
  }
}

/**
 * The public metadata of a source, as the API shows it.
 *
 * @example
 * publicSource(source) // => { id, title, publisher, published, url }
 */
export function publicSource(source: ManifestSource): SourceMetadata {
  const { id, title, publisher, published, url } = source
  return { id, title, publisher, published, url }
}
