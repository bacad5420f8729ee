/**
 * @module
 * File-system side of the index build, shared by the command-line scripts: reading the corpus
 * folder, hashing the build code, checking whether `index/` is stale, writing it atomically.
 */
import { readFile, readdir, rename, rm, writeFile, mkdir } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { sha256Hex } from '../../src/core/hash.ts'
import { INDEX_FORMAT_VERSION } from '../../src/core/index-options.ts'
import { ROOT } from './paths.ts'
import { INDEX_FILE_NAMES, type CorpusInput, type Manifest } from '../../src/core/build-index.ts'
import { INDEX_ASSETS_LISTING, INDEX_ASSETS_PATH, WORKER_INDEX_FILES, splitIndexAssets, type IndexAssetsListing } from '../../src/worker/index-assets.ts'


/** Default corpus and index folders. */
export const CORPUS_DIR = join(ROOT, 'corpus')
export const INDEX_DIR = join(ROOT, 'index')

/** The metadata file's name inside the corpus folder. */
export const METADATA_FILE = 'sources.json'

/**
 * Reads a corpus folder: every `.txt` file, and `sources.json` if present.
 *
 * @param dir - The corpus folder.
 */
export async function readCorpus(dir: string): Promise<Pick<CorpusInput, 'sources' | 'metadata'>> {
  const names = (await readdir(dir)).sort()
  const sources = await Promise.all(
    names.filter((name) => name.toLowerCase().endsWith('.txt')).map(async (name) => ({ name, bytes: await readFile(join(dir, name)) }))
  )
  const metadata = names.includes(METADATA_FILE)
    ? { name: METADATA_FILE, bytes: await readFile(join(dir, METADATA_FILE)) }
    : undefined
  return metadata ? { sources, metadata } : { sources }
}

/** Code whose change changes the index: the core modules and the libraries they build with. */
const PIPELINE_DEPENDENCIES = ['minisearch', 'wink-porter2-stemmer']

/**
 * Hash of the code that turns the corpus into the index (`src/core/*.ts` and the versions of the
 * libraries it uses), so an index built by older code counts as stale.
 */
export async function pipelineHash(): Promise<string> {
  const coreDir = join(ROOT, 'src', 'core')
  const parts: string[] = [`format ${INDEX_FORMAT_VERSION}`]
  for (const name of (await readdir(coreDir)).filter((name) => name.endsWith('.ts')).sort()) {
    parts.push(`${name}\0${await sha256Hex(await readFile(join(coreDir, name)))}`)
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
 */
export async function staleReason(indexDir: string, corpusHash: string, currentPipelineHash: string): Promise<string | null> {
  for (const name of INDEX_FILE_NAMES) {
    if (!existsSync(join(indexDir, name))) return `${name} is missing`
  }
  let manifest: Manifest
  try {
    manifest = JSON.parse(await readFile(join(indexDir, 'manifest.json'), 'utf8')) as Manifest
  } catch {
    return 'manifest.json is unreadable'
  }
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) return `index format ${manifest.formatVersion} is not ${INDEX_FORMAT_VERSION}`
  if (manifest.corpusHash !== corpusHash) return 'the corpus changed'
  if (manifest.pipelineHash !== currentPipelineHash) return 'the build code changed'
  return null
}

/**
 * Writes the index files so that a failure leaves the previous index intact: every file goes to
 * a temporary name first, and only when all are written are they renamed into place, the
 * manifest last.
 */
export async function writeIndexAtomically(indexDir: string, files: Record<string, string>): Promise<void> {
  await mkdir(indexDir, { recursive: true })
  const suffix = `.tmp-${process.pid}`
  const names = Object.keys(files).sort((a, b) => Number(a === 'manifest.json') - Number(b === 'manifest.json'))
  try {
    for (const name of names) await writeFile(join(indexDir, name + suffix), files[name]!)
  } catch (error) {
    await Promise.all(names.map((name) => rm(join(indexDir, name + suffix), { force: true })))
    throw error
  }
  for (const name of names) await rename(join(indexDir, name + suffix), join(indexDir, name))
}

/**
 * Copies the Worker's index files into the static assets, split into parts (see
 * `src/worker/index-assets.ts`), unless the copy there already holds this index version.
 *
 * @param indexDir - The index folder (`index/`).
 * @param assetsDir - The static-assets folder; the files go to its `_index/` subfolder.
 * @returns Whether anything was written.
 */
export async function writeIndexAssets(indexDir: string, assetsDir: string): Promise<boolean> {
  const manifest = await readFile(join(indexDir, WORKER_INDEX_FILES.manifest), 'utf8')
  const { indexVersion } = JSON.parse(manifest) as Manifest
  const target = join(assetsDir, INDEX_ASSETS_PATH)
  try {
    const listing = JSON.parse(await readFile(join(target, INDEX_ASSETS_LISTING), 'utf8')) as IndexAssetsListing
    const complete = [...Object.values(listing.files).flat(), ...(listing.terms ?? [])].every((name) => existsSync(join(target, name)))
    if (listing.indexVersion === indexVersion && complete) return false
  } catch {
    // no usable copy yet
  }
  const files = splitIndexAssets({
    index: await readFile(join(indexDir, WORKER_INDEX_FILES.index), 'utf8'),
    vocabulary: await readFile(join(indexDir, WORKER_INDEX_FILES.vocabulary), 'utf8'),
    manifest,
  })
  // Written beside, then swapped in, so the folder never holds a mix of two versions.
  const staging = `${target.replace(/\/$/, '')}.tmp-${process.pid}`
  await rm(staging, { recursive: true, force: true })
  await mkdir(staging, { recursive: true })
  for (const [name, bytes] of files) await writeFile(join(staging, name), bytes)
  await rm(target, { recursive: true, force: true })
  await rename(staging, target)
  return true
}
