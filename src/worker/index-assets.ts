/**
 * @module
 * The index as static assets: the files the Worker needs, split into parts small enough for
 * Workers static assets (25 MiB per file), and a listing that names the parts. The MiniSearch
 * index is split along its terms (see `splitIndexJson`), so the Worker parses it one part at a
 * time. The build writes them with {@link splitIndexAssets}; the Worker reads them back with
 * {@link readIndexAssets}.
 */
import {
  INDEX_ASSETS_LAYOUT,
  INDEX_ASSETS_LISTING,
  INDEX_ASSETS_PATH,
  INDEX_PART_BYTES,
  TERMS_PART_BYTES,
  WORKER_INDEX_FILES,
  splitUtf8,
} from '../core/index-artifacts.ts'
import { splitIndexJson, type IndexTexts } from '../core/loaded-index.ts'

/** `parts.json`: the index version, and for each file the names of its parts in order. */
export type IndexAssetsListing = {
  /** The layout of the parts (see {@link INDEX_ASSETS_LAYOUT}). */
  layout: number
  /** The manifest's `indexVersion`, so a stale copy shows. */
  indexVersion: string
  /**
   * File name in `index/` to the names of its byte parts, joined back on reading; for
   * `index.json`, the parts of everything but its terms.
   */
  files: Record<string, string[]>
  /** The terms of `index.json`: files that are each a JSON array of `[term, postings]`. */
  terms: string[]
}

/** The Worker's files of `index/` as the build reads them: whole texts. */
export type IndexFileTexts = { [K in keyof IndexTexts]: string }

/**
 * The static-asset files of an index: its parts and the listing, by name inside
 * {@link INDEX_ASSETS_PATH}.
 *
 * @param texts - The Worker's files of `index/`.
 * @param maxBytes - Largest part. Default {@link INDEX_PART_BYTES}; parts of terms are at most {@link TERMS_PART_BYTES}.
 */
export function splitIndexAssets(texts: IndexFileTexts, maxBytes: number = INDEX_PART_BYTES): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>()
  const encoder = new TextEncoder()
  const { meta, terms } = splitIndexJson(texts.index, Math.min(maxBytes, TERMS_PART_BYTES))
  const listing: IndexAssetsListing = {
    layout: INDEX_ASSETS_LAYOUT,
    indexVersion: (JSON.parse(texts.manifest) as { indexVersion: string }).indexVersion,
    files: {},
    terms: terms.map((part, i) => {
      const name = `index.terms.${i}.json`
      files.set(name, encoder.encode(part))
      return name
    }),
  }
  const whole = { index: meta, vocabulary: texts.vocabulary, manifest: texts.manifest }
  for (const [key, name] of Object.entries(WORKER_INDEX_FILES) as [keyof IndexTexts, string][]) {
    const parts = splitUtf8(whole[key], maxBytes)
    const stem = key === 'index' ? 'index.meta' : name.replace(/\.json$/, '')
    listing.files[name] = parts.map((part, i) => {
      const partName = parts.length === 1 ? `${stem}.json` : `${stem}.${i}.json`
      files.set(partName, part)
      return partName
    })
  }
  files.set(INDEX_ASSETS_LISTING, encoder.encode(JSON.stringify(listing, null, 2) + '\n'))
  return files
}

/**
 * Reads the index from a static-assets binding, as the Worker does (see {@link readIndexAssets}).
 *
 * @param assets - The binding (`env.ASSETS`).
 */
export function readIndexFromBinding(assets: Pick<Fetcher, 'fetch'>): Promise<IndexTexts> {
  return readIndexAssets((path) => assets.fetch(new URL(path, 'https://assets.local')))
}

/**
 * Reads the index files back from static assets: the listing, then every part at once. The
 * index comes back in parts, for `loadIndex` to parse one at a time.
 *
 * @param fetchAsset - Fetches a path of the static assets (the Worker passes `env.ASSETS.fetch`).
 * @throws Error naming the path when an asset is missing: the build did not write them.
 */
export async function readIndexAssets(fetchAsset: (path: string) => Promise<Response>): Promise<IndexTexts> {
  const read = async (name: string) => {
    const response = await fetchAsset(INDEX_ASSETS_PATH + name)
    if (!response.ok) throw new Error(`index assets: ${INDEX_ASSETS_PATH}${name} answered ${response.status}; run npm run build:index`)
    return response.text()
  }
  const listing = JSON.parse(await read(INDEX_ASSETS_LISTING)) as IndexAssetsListing
  if (listing.layout !== INDEX_ASSETS_LAYOUT || !Array.isArray(listing.terms) || listing.terms.length === 0) {
    throw new Error(`index assets: ${INDEX_ASSETS_PATH}${INDEX_ASSETS_LISTING} has layout ${listing.layout}, not ${INDEX_ASSETS_LAYOUT} with terms; run npm run build:index`)
  }
  const whole = async (name: string) => {
    const parts = listing.files[name]
    if (!parts) throw new Error(`index assets: ${INDEX_ASSETS_LISTING} lists no ${name}`)
    return (await Promise.all(parts.map(read))).join('')
  }
  const [meta, terms, vocabulary, manifest] = await Promise.all([
    whole(WORKER_INDEX_FILES.index),
    Promise.all(listing.terms.map(read)),
    whole(WORKER_INDEX_FILES.vocabulary),
    whole(WORKER_INDEX_FILES.manifest),
  ])
  return { index: { meta, terms }, vocabulary, manifest }
}
