/**
 * @module
 * The index build as a pure function: source files and metadata in, the contents of the files of
 * `index/` out. Reading and writing files is the command line's job (`scripts/build-index.ts`).
 */
import MiniSearch from 'minisearch'
import { CorpusError, decodeSourceText, isHttpUrl, isIsoDate, parseSourcesMetadata, resolveMetadata, type SourceEntry } from './corpus.ts'
import { sha256Hex, shortHash } from './hash.ts'
import { chooseEngine, type IndexEngine, type IndexFileName } from './index-artifacts.ts'
import { INDEX_FORMAT_VERSION, MINISEARCH_OPTIONS, type IndexedParagraph } from './index-options.ts'
import { readCapture } from './readers/index.ts'
import { recoverParagraphs, type LineTrail, type RecoveryReport } from './recovery/recover-paragraphs.ts'
import { groupFacts } from './facts.ts'
import { extractQuotes } from './quotes.ts'
import { findRelated } from './related.ts'
import { buildVocabulary } from './vocabulary.ts'
import type { Lexicon } from './wordnet.ts'
import { PARAGRAPH_KINDS, type Paragraph, type ParagraphKind, type Source } from './types.ts'

/** A file of the corpus folder. */
export type CorpusFile = {
  /** File name inside the corpus folder (`bbc-macron-putin.txt`). */
  name: string
  /** Its content. */
  bytes: Uint8Array
}

/** What the build reads. */
export type CorpusInput = {
  /** The source files: `.txt`, `.pdf`, `.html` or `.htm` (see `SOURCE_EXTENSIONS`). */
  sources: CorpusFile[]
  /** `sources.json`, if the corpus has one. */
  metadata?: CorpusFile
  /** How the corpus folder is named in error messages. Default `corpus`. */
  folder?: string
  /** Hash of the code that turns the corpus into the index, recorded so a stale index shows. */
  pipelineHash?: string
  /** Concepts of English words (WordNet, read by the caller), for relating paragraphs that say one thing in different words. */
  lexicon?: Lexicon
  /** The engine to serve the index with: `minisearch`, `d1`, or `auto` (by size; see `chooseEngine`). Default `auto`. */
  engine?: string
  /** Keep every line's fate (`BuildOutput.trails`, for `--explain`): an object per line of the corpus, so off by default. */
  trails?: boolean
}

/** A source as the query layer reads it: its metadata and file (its paragraph ids come from `LoadedIndex.paragraphIds`). */
export type IndexSource = Source & {
  /** The source file's name in the corpus folder. */
  file: string
}

/** A source in the manifest: its metadata, file, and paragraph ids in document order. */
export type ManifestSource = IndexSource & {
  /** Ids of its paragraphs, in document order. */
  paragraphIds: string[]
}

/** `index/manifest.json`: what the index holds and what it was built from. */
export type Manifest = {
  /** Shape of the files (see `INDEX_FORMAT_VERSION`). */
  formatVersion: number
  /** Short hash naming this exact index; changes whenever any input changes. */
  indexVersion: string
  /** SHA-256 over the corpus files and metadata. */
  corpusHash: string
  /** Hash of the build code, as given by the caller. */
  pipelineHash: string
  /** The engine that serves the index (see `index-artifacts.ts`). */
  engine: IndexEngine
  /** Numbers of sources and paragraphs, paragraphs per kind, and facts reported by more than one source. */
  counts: { sources: number; paragraphs: number; kinds: Record<ParagraphKind, number>; facts: number }
  /** The sources, in file-name order. */
  sources: ManifestSource[]
}

/**
 * The manifest as the query layer reads it: its sources without their paragraph ids, which an
 * engine whose index lives outside the isolate keeps there (a million ids are 24 MB of JSON).
 */
export type IndexManifest = Omit<Manifest, 'sources'> & { sources: IndexSource[] }

/** The report of one source, for printing. */
export type SourceReport = RecoveryReport & {
  sourceId: string
  file: string
  /** What the reader could not read and skipped, each a short sentence. */
  skipped: string[]
}

/** Wall time of each step of the build, in milliseconds (for the benchmarks). */
export type BuildTimings = {
  /** Reading, decoding and recovering paragraphs. */
  recovery: number
  /** Extracting quotations and their speakers. */
  quotes: number
  /** Finding related paragraphs ("also reported by"). */
  related: number
  /** Grouping paragraphs into facts. */
  facts: number
  /** Building the vocabulary and, for the MiniSearch engine, MiniSearch's index, and serialising them. */
  index: number
}

/**
 * The files of `index/` the build gives as text (see `indexFileNames` in `index-artifacts.ts`):
 * MiniSearch's index only for the MiniSearch engine (the D1 engine's tables are written from the
 * paragraphs, `d1-content.ts`). `paragraphs.json` is written from {@link BuildOutput.paragraphs}
 * by {@link paragraphsJson}, a line at a time: at a million paragraphs it is longer than the
 * longest string V8 holds.
 */
export type BuiltTexts = {
  'manifest.json': string
  'vocabulary.json': string
  'index.json'?: string
}

/** Everything the build produces. */
export type BuildOutput = {
  /** File name in `index/` to content. */
  files: BuiltTexts
  /** Every paragraph, in the manifest's order: `paragraphs.json`. */
  paragraphs: IndexedParagraph[]
  manifest: Manifest
  reports: SourceReport[]
  /** Every line of each source with its fate, by source file name, when asked for (`CorpusInput.trails`, `--explain`). */
  trails: Record<string, LineTrail[]>
  /** How long each step took. */
  timings: BuildTimings
}

/**
 * Builds the index from the corpus.
 *
 * @param input - Source files, optional metadata, and the pipeline hash.
 * @returns The contents of the files of `index/` (see `INDEX_FILE_NAMES` in `index-artifacts.ts`), the parsed
 *   manifest, and a report per source. The same input always gives the same bytes.
 * @throws {@link CorpusError} naming the file and the reason when any input is unusable.
 */
export async function buildIndex(input: CorpusInput): Promise<BuildOutput> {
  const folder = input.folder ?? 'corpus'
  const sources = [...input.sources].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  if (sources.length === 0) throw new CorpusError(`${folder}/`, 'holds no source file (.txt, .pdf, .html or .htm)')

  const entries = readMetadata(input.metadata, folder, new Set(sources.map((source) => source.name)))
  const manifestSources: ManifestSource[] = []
  const reports: SourceReport[] = []
  const indexed: IndexedParagraph[] = []
  const fileOfId = new Map<string, string>()
  const usedIds = new Set<string>()
  const trails: Record<string, LineTrail[]> = {}

  const timings: BuildTimings = { recovery: 0, quotes: 0, related: 0, facts: 0, index: 0 }
  let clock = performance.now()
  /** Adds the time since the last call to a step. */
  const lap = (step: keyof BuildTimings) => {
    const now = performance.now()
    timings[step] += now - clock
    clock = now
  }
  for (const file of sources) {
    const path = `${folder}/${file.name}`
    const capture = await readCapture(path, file.bytes)
    const entry = entries.get(file.name)
    const knownTitle = entry?.title || capture.facts.title
    const recovery = recoverParagraphs(capture, knownTitle ? { title: knownTitle } : {})
    const { facts } = capture
    const metadata = resolveMetadata(file.name, entry, {
      title: recovery.title,
      author: facts.author || recovery.author,
      // A date or address the file states in another form than sources.json takes counts as unknown.
      published: (facts.published && isIsoDate(facts.published) ? facts.published : '') || recovery.published,
      publisher: facts.publisher ?? '',
      url: (facts.url && isHttpUrl(facts.url) ? facts.url : '') || recovery.url,
    })
    if (metadata.id === '') throw new CorpusError(path, 'has no usable id: name the file with letters or digits, or give it an id in sources.json')
    const clash = fileOfId.get(metadata.id)
    if (clash) {
      const origin = entry?.id ? `given in ${folder}/${input.metadata!.name}` : 'taken from its file name'
      throw new CorpusError(path, `has the id "${metadata.id}" (${origin}), which ${clash} already has`)
    }
    fileOfId.set(metadata.id, path)
    if (recovery.paragraphs.length === 0) throw new CorpusError(path, 'has no paragraph left once page furniture is removed')

    lap('recovery')
    const quotes = extractQuotes(recovery.paragraphs)
    lap('quotes')
    const paragraphs = recovery.paragraphs.map((paragraph, position): IndexedParagraph => ({
      id: uniqueId(metadata.id, paragraph.text, usedIds),
      sourceId: metadata.id,
      position,
      ...paragraph,
      related: [],
      fact: null,
      quotes: quotes[position]!,
    }))
    indexed.push(...paragraphs)
    manifestSources.push({
      ...metadata,
      topics: recovery.topics,
      paragraphs: paragraphs.length,
      file: file.name,
      paragraphIds: paragraphs.map((paragraph) => paragraph.id),
    })
    reports.push({ sourceId: metadata.id, file: path, ...recovery.report, skipped: capture.skipped })
    if (input.trails) trails[file.name] = recovery.trail
  }

  lap('recovery')
  const factCount = relateAndGroup(indexed, input.lexicon, lap)

  const engine = chooseEngine(indexed.length, input.engine)
  const corpusHash = await hashCorpus(sources, input.metadata)
  const pipelineHash = input.pipelineHash ?? ''
  const indexVersion = (await sha256Hex(`${INDEX_FORMAT_VERSION}\n${corpusHash}\n${pipelineHash}`)).slice(0, 12)
  const manifest: Manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    indexVersion,
    corpusHash,
    pipelineHash,
    engine,
    counts: { sources: manifestSources.length, paragraphs: indexed.length, kinds: countKinds(indexed), facts: factCount },
    sources: manifestSources,
  }

  const files: BuiltTexts = {
    'manifest.json': JSON.stringify(manifest, null, 2) + '\n',
    'vocabulary.json': JSON.stringify(buildVocabulary(indexed.map((paragraph) => paragraph.text))),
  }
  // The D1 engine's tables are written from the paragraphs (`d1-content.ts`): no MiniSearch at all.
  if (engine === 'minisearch') {
    const miniSearch = new MiniSearch<IndexedParagraph>(MINISEARCH_OPTIONS)
    miniSearch.addAll(indexed)
    files['index.json'] = JSON.stringify(miniSearch)
  }
  lap('index')
  return { files, paragraphs: indexed, manifest, reports, trails, timings }
}

/**
 * Sets each paragraph's related paragraphs (`related.ts`) and fact (`facts.ts`), and returns how
 * many facts there are. In a function of its own, so that the maps the two steps give (a million
 * entries each at a million paragraphs) are let go once their lists are in the paragraphs.
 */
function relateAndGroup(indexed: IndexedParagraph[], lexicon: Lexicon | undefined, lap: (step: 'related' | 'facts') => void): number {
  const related = findRelated(indexed, lexicon ? { lexicon } : {})
  lap('related')
  const facts = groupFacts(indexed, related)
  lap('facts')
  for (const paragraph of indexed) {
    paragraph.related = related.get(paragraph.id) ?? []
    paragraph.fact = facts.get(paragraph.id) ?? null
  }
  return new Set(facts.values()).size
}

function readMetadata(file: CorpusFile | undefined, folder: string, sourceNames: ReadonlySet<string>): Map<string, SourceEntry> {
  if (!file) return new Map()
  const path = `${folder}/${file.name}`
  const text = decodeSourceText(file.bytes, path)
  const entries = parseSourcesMetadata(text, path)
  for (const entry of entries) {
    if (!sourceNames.has(entry.file)) throw new CorpusError(path, `names ${entry.file}, which is not in ${folder}/`)
  }
  return new Map(entries.map((entry) => [entry.file, entry]))
}

/** `p` and a hash of source and text: stable across rebuilds, unique within the index. */
function uniqueId(sourceId: string, text: string, used: Set<string>): string {
  let seed = 0
  let id: string
  do id = `p${shortHash(`${sourceId}\n${text}`, seed++).slice(0, 10)}`
  while (used.has(id))
  used.add(id)
  return id
}

function countKinds(paragraphs: readonly Paragraph[]): Record<ParagraphKind, number> {
  const counts = Object.fromEntries(PARAGRAPH_KINDS.map((kind) => [kind, 0])) as Record<ParagraphKind, number>
  for (const paragraph of paragraphs) counts[paragraph.kind]++
  return counts
}

/**
 * SHA-256 over the corpus: each file's name and content hash, in name order, then the metadata.
 *
 * @param sources - The `.txt` files.
 * @param metadata - `sources.json`, if any.
 */
export async function hashCorpus(sources: readonly CorpusFile[], metadata: CorpusFile | undefined): Promise<string> {
  sources = [...sources].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const parts: string[] = []
  for (const file of [...sources, ...(metadata ? [metadata] : [])]) {
    parts.push(`${file.name}\0${await sha256Hex(file.bytes)}`)
  }
  return sha256Hex(parts.join('\n'))
}

/**
 * `paragraphs.json`, in pieces to write one after the other: one paragraph per line, readable,
 * diff-friendly, and still one JSON array (line `i + 1` holds paragraph `i`, see `readParagraphs`).
 *
 * @example
 * [...paragraphsJson([a, b])].join('') // => '[\n{…a…},\n{…b…}\n]\n'
 */
export function* paragraphsJson(paragraphs: Iterable<IndexedParagraph>): Generator<string> {
  yield '['
  let first = true
  for (const paragraph of paragraphs) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(paragraph)}`
    first = false
  }
  yield '\n]\n'
}
