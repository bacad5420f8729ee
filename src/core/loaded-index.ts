/**
 * @module
 * The built index, loaded: MiniSearch restored with the shared options, and lookups of sources
 * and paragraphs by id. Built from the text of the files in `index/`, so it runs the same in the
 * Worker, in the benchmarks and in Node.
 */
import MiniSearch, { type AsPlainObject } from 'minisearch'
import type { IndexManifest, IndexSource, Manifest } from './build-index.ts'
import type { ColumnarIndex } from './columnar-search.ts'
import { INDEX_FORMAT_VERSION, MINISEARCH_OPTIONS, type IndexedParagraph, type StoredParagraph } from './index-options.ts'
import { indexSourceTitles, type SourceTitles } from './source-titles.ts'
import type { Paragraph, SourceMetadata } from './types.ts'
import { Vocabulary, type VocabularyEntry } from './vocabulary.ts'

/** A paragraph as the index stores it, with its id. */
export type StoredParagraphWithId = StoredParagraph & Pick<Paragraph, 'id'>

/** The index, ready to search. */
export type LoadedIndex = {
  /** The MiniSearch instance. */
  miniSearch: MiniSearch<IndexedParagraph>
  /** The manifest it was built with, without the paragraph ids (see {@link LoadedIndex.paragraphIds}). */
  manifest: IndexManifest
  /** The corpus's words, for completing a word being typed. */
  vocabulary: Vocabulary
  /** Sources by id, in manifest order. */
  sources: ReadonlyMap<string, IndexSource>
  /** The sources' titles, searched once per source. */
  titles: SourceTitles
  /** A paragraph by id, or `undefined`. */
  paragraph(id: string): StoredParagraphWithId | undefined
  /**
   * The ids of a source's paragraphs at positions `from` (default 0) up to `to` (excluded;
   * default the source's end), in document order: the whole source, or a paragraph's neighbours.
   * Positions past either end are left out; an unknown source has none. An engine outside the
   * isolate fetches a whole source's paragraphs for it in one round: read several sources whole
   * with `IndexReader.read`'s `sources` prefetch.
   */
  paragraphIds(sourceId: string, from?: number, to?: number): readonly string[]
  /** The index as compact postings and columns, when the engine keeps one (D1): searches of words rank there first. */
  columnar?: ColumnarIndex
}

/**
 * The MiniSearch index in parts: everything but the terms, then the terms in JSON arrays of
 * `[term, postings]`, so that loading never holds the whole index as one parsed object.
 */
export type IndexParts = {
  /** The serialised MiniSearch index without its `index` (terms). */
  meta: string
  /** JSON arrays of `[term, postings]` entries, in order. Emptied as they are loaded. */
  terms: string[]
}

/** The text of the files of `index/` that the search needs. */
export type IndexTexts = {
  /** `index/index.json`, whole or in parts. */
  index: string | IndexParts
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
  const miniSearch =
    typeof indexJson === 'string' ? MiniSearch.loadJSON<IndexedParagraph>(indexJson, MINISEARCH_OPTIONS) : loadIndexParts(indexJson)
  const idsBySource = new Map(manifest.sources.map((source) => [source.id, source.paragraphIds]))
  return {
    miniSearch,
    manifest,
    vocabulary: new Vocabulary(JSON.parse(vocabulary) as VocabularyEntry[]),
    sources: new Map(manifest.sources.map((source) => [source.id, source])),
    titles: indexSourceTitles(manifest.sources),
    paragraph(id) {
      const stored = miniSearch.getStoredFields(id) as StoredParagraph | undefined
      return stored && { id, ...stored }
    },
    paragraphIds: (sourceId, from = 0, to) => idsBySource.get(sourceId)?.slice(Math.max(0, from), to === undefined ? undefined : Math.max(0, to)) ?? [],
  }
}

/**
 * Loads MiniSearch from parts: `loadJS` iterates the terms once, so they are parsed one part at
 * a time and each part's text is let go once read. The peak is the index being built, the parts'
 * text not yet read and one parsed part, instead of the whole text, the whole parsed object and
 * the index at once.
 */
function loadIndexParts(parts: IndexParts): MiniSearch<IndexedParagraph> {
  const plain = JSON.parse(parts.meta) as AsPlainObject
  plain.index = entriesOf(parts.terms) as unknown as AsPlainObject['index']
  return MiniSearch.loadJS<IndexedParagraph>(plain, MINISEARCH_OPTIONS)
}

function* entriesOf(terms: string[]): Generator<AsPlainObject['index'][number]> {
  for (let i = 0; i < terms.length; i++) {
    const entries = JSON.parse(terms[i]!) as AsPlainObject['index']
    terms[i] = ''
    yield* entries
  }
}

/**
 * Splits a serialised MiniSearch index into {@link IndexParts} of about `maxBytes` bytes of
 * terms each.
 *
 * @example
 * splitIndexJson(JSON.stringify(miniSearch), 8 << 20) // => { meta: '{"documentCount":52,…}', terms: ['[["1717",{…}],…]'] }
 */
export function splitIndexJson(indexJson: string, maxBytes: number): IndexParts {
  const { index, ...meta } = JSON.parse(indexJson) as AsPlainObject
  const terms: string[] = []
  let part: string[] = []
  let bytes = 0
  const encoder = new TextEncoder()
  for (const entry of index) {
    const json = JSON.stringify(entry)
    const size = encoder.encode(json).length + 1
    if (part.length > 0 && bytes + size > maxBytes) {
      terms.push(`[${part.join(',')}]`)
      part = []
      bytes = 0
    }
    part.push(json)
    bytes += size
  }
  if (part.length > 0 || terms.length === 0) terms.push(`[${part.join(',')}]`)
  return { meta: JSON.stringify(meta), terms }
}

/**
 * The manifest without its sources' paragraph ids, as the query layer reads it.
 *
 * @example
 * indexManifest(manifest).sources[0] // => { id, title, …, paragraphs: 27, file } (no paragraphIds)
 */
export function indexManifest(manifest: Manifest): IndexManifest {
  return { ...manifest, sources: manifest.sources.map(({ paragraphIds: _ids, ...source }) => source) }
}

/**
 * The public metadata of a source, as the API shows it.
 *
 * @example
 * publicSource(source) // => { id, title, publisher, author, published, url }
 */
export function publicSource(source: IndexSource): SourceMetadata {
  const { id, title, publisher, author, published, url } = source
  return { id, title, publisher, author, published, url }
}
