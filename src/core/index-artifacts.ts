/**
 * @module
 * One home for the index's artifacts: which files the build writes, how each engine's copy is
 * laid out and split, which engine serves a corpus, and the versions that say a copy is stale.
 * The build (`scripts/lib/index-files.ts`, `scripts/lib/d1-load.ts`), the Worker
 * (`src/worker/index-assets.ts`, `src/worker/engines/`) and the bench all take them from here.
 *
 * | engine | where its artifacts live | what they are |
 * | --- | --- | --- |
 * | both | `index/` (committed for the shipped corpus) | {@link indexFileNames}: the vocabulary, the paragraphs, the manifest, and for `minisearch` MiniSearch's index |
 * | `minisearch` | the Worker's bundle, `dist/` + {@link BUNDLED_INDEX_DIR} | {@link WORKER_INDEX_FILES} as text modules, when at most {@link BUNDLED_INDEX_MAX_BYTES} |
 * | `minisearch` | static assets under {@link INDEX_ASSETS_PATH} | the same files in parts, listed by {@link INDEX_ASSETS_LISTING} (layout {@link INDEX_ASSETS_LAYOUT}) |
 * | `d1` | the D1 database bound as `INDEX_DB` | one set of tables per generation ({@link d1Tables}, layout {@link D1_LAYOUT_VERSION}), the active one named in {@link D1_ACTIVE_TABLE}; written as SQL to `dist/d1/` |
 * | `d1` | the Worker's bundle | the manifest's head only ({@link EngineHead}), so the Worker knows which engine to use |
 */

/** The files of `index/`: the MiniSearch index (MiniSearch engine only), the vocabulary, the paragraphs, the manifest. */
export const INDEX_FILE_NAMES = ['index.json', 'vocabulary.json', 'paragraphs.json', 'manifest.json'] as const

/** A file of `index/`. */
export type IndexFileName = (typeof INDEX_FILE_NAMES)[number]

/**
 * The files of `index/` an engine's build writes: the D1 engine's tables are written from the
 * paragraphs, so it has no MiniSearch index.
 *
 * @example
 * indexFileNames('d1') // => ['vocabulary.json', 'paragraphs.json', 'manifest.json']
 */
export function indexFileNames(engine: IndexEngine): IndexFileName[] {
  return INDEX_FILE_NAMES.filter((name) => engine === 'minisearch' || name !== 'index.json')
}

/** The files of `index/` that the MiniSearch engine loads, by their key in `IndexTexts`. */
export const WORKER_INDEX_FILES = { index: 'index.json', vocabulary: 'vocabulary.json', manifest: 'manifest.json' } as const

/** The engines that can hold the index (see the module). */
export const INDEX_ENGINES = ['minisearch', 'd1'] as const

/** Which engine holds the index: MiniSearch in the isolate, or D1 (SQLite with FTS5). */
export type IndexEngine = (typeof INDEX_ENGINES)[number]

/**
 * From this many paragraphs the build puts the index in D1 unless told otherwise. MiniSearch in
 * the isolate reaches the 128 MB memory limit near 35k paragraphs (ARCHITECTURE.md); 20k leaves
 * room for the requests and the garbage.
 */
export const D1_MIN_PARAGRAPHS = 20_000

/**
 * The engine for a corpus: the one forced (the build's `--engine` or `INDEX_ENGINE`), else D1
 * from {@link D1_MIN_PARAGRAPHS} paragraphs, else MiniSearch.
 *
 * @throws Error naming the setting when `forced` is not an engine or `auto`.
 * @example
 * chooseEngine(52) // => 'minisearch'
 * chooseEngine(52, 'd1') // => 'd1'
 */
export function chooseEngine(paragraphs: number, forced?: string): IndexEngine {
  if (forced === undefined || forced === '' || forced === 'auto') return paragraphs >= D1_MIN_PARAGRAPHS ? 'd1' : 'minisearch'
  if ((INDEX_ENGINES as readonly string[]).includes(forced)) return forced as IndexEngine
  throw new Error(`engine "${forced}" is not one of auto, ${INDEX_ENGINES.join(', ')}`)
}

/** What the Worker's bundle says about the index when the index itself is not bundled. */
export type EngineHead = {
  /** The engine serving the index. */
  engine: IndexEngine
  /** The manifest's `indexVersion` at build time (D1 names the generation it serves itself). */
  indexVersion: string
}

// --- MiniSearch engine: the bundle and the static assets ---

/** Where the index files sit among the static assets, and the path the Worker fetches them from. */
export const INDEX_ASSETS_PATH = '/_index/'

/** The listing's file name inside {@link INDEX_ASSETS_PATH}. */
export const INDEX_ASSETS_LISTING = 'parts.json'

/** Largest part in bytes: well under the 25 MiB static-asset file limit. */
export const INDEX_PART_BYTES = 10 * 1024 * 1024

/**
 * Largest part of the index's terms: each is parsed on its own while the index is built, so the
 * smaller the part, the lower the load's peak memory (10k paragraphs: about 93 MiB of heap with
 * the index whole, 49 MiB in 1 MiB parts; BENCHMARKS.md).
 */
export const TERMS_PART_BYTES = 1024 * 1024

/** Version of the layout of the index's static assets; bump it when it changes. */
export const INDEX_ASSETS_LAYOUT = 2

/**
 * An index whose files add up to at most this many bytes is also bundled with the Worker and
 * loaded at module scope, in the start-up budget (1 s) rather than in the first request's (10 ms of
 * CPU on the Free plan): about 5,000 paragraphs (1,000 take 1 MiB and load in about 100 ms in
 * workerd; BENCHMARKS.md). A larger one is read from the static assets by the first request of an
 * isolate.
 */
export const BUNDLED_INDEX_MAX_BYTES = 4 * 1024 * 1024

/** Where the build puts the bundled copy (text modules the Worker imports), under `dist/`. */
export const BUNDLED_INDEX_DIR = 'bundled-index'

// --- D1 engine ---

/** Version of the D1 tables' layout; part of every generation's name, so a new layout never reads an old one. */
export const D1_LAYOUT_VERSION = 5

/** The D1 binding's name in wrangler.toml and `Env`. */
export const D1_BINDING = 'INDEX_DB'

/** The database's name in wrangler.toml (`wrangler d1 execute <name>`). */
export const D1_DATABASE_NAME = 'paragraph-search-index'

/** The one-row table naming the generation queries read; switching it is the atomic swap. */
export const D1_ACTIVE_TABLE = 'ps_active'

/**
 * Longest SQL statement the build writes, in bytes: D1 accepts statements of up to 100 KB.
 * Rows are grouped into inserts up to this size, and long values (the manifest) split into parts.
 */
export const D1_STATEMENT_MAX_BYTES = 90_000

/**
 * The generation of an index version: the suffix of its tables.
 *
 * @throws Error when the version is not the hex hash `buildIndex` writes (it is spliced into SQL).
 * @example
 * d1Generation('3f2a9c01b7de') // => 'v4_3f2a9c01b7de'
 */
export function d1Generation(indexVersion: string): string {
  if (!/^[0-9a-f]{6,64}$/.test(indexVersion)) throw new Error(`index version "${indexVersion}" is not a hex hash`)
  return `v${D1_LAYOUT_VERSION}_${indexVersion}`
}

/**
 * The layout version a generation's name starts with (see {@link d1Generation}), or `undefined`
 * for a name that starts otherwise.
 *
 * @example
 * d1GenerationLayout('v4_3f2a9c01b7de') // => 4
 * d1GenerationLayout('v40_3f2a9c01b7de') // => 40
 */
export function d1GenerationLayout(generation: string): number | undefined {
  const layout = /^v(\d+)_/.exec(generation)?.[1]
  return layout === undefined ? undefined : Number(layout)
}

/** The tables of one generation. */
export type D1Tables = {
  /** `(key, part, value)`: the manifest, vocabulary, engine statistics and index terms, split into parts. */
  meta: string
  /** `(rowid = MiniSearch's short id, id, lengths, head, body)`: each paragraph's field lengths and stored fields (see `d1-content.ts`). */
  docs: string
  /** Contentless FTS5 table `(text, section, grams)` holding each paragraph's index terms: the inverted index. */
  fts: string
  /** `fts5vocab` over {@link D1Tables.fts} (`instance`): the postings of a term, with their frequencies. */
  vocab: string
  /**
   * `(term, part, postings)`: each term's postings, compact (`compact-postings.ts`), one row per
   * term unless long; with {@link D1_TERM_ORDER_COLUMN} when the build writes it.
   */
  postings: string
  /** `(word, part, postings)`: for each word of the texts as typed (folded), the paragraphs holding it, compact. */
  words: string
  /** `(query, response)`: answers precomputed for short prefixes typed alone (see `prefix-answers.ts`). */
  answers: string
}

/**
 * The column of the postings table giving each term's place in MiniSearch's serialised index
 * (`TermOrder` in `columnar-search.ts`; the same on every part of a term): the order in which
 * MiniSearch adds the scores of the terms within a word's typos. Optional: a generation without
 * it is read, its typo-derived terms added alphabetically.
 */
export const D1_TERM_ORDER_COLUMN = 'term_order'

/**
 * The names of a generation's tables.
 *
 * @throws Error when `generation` could not have come from {@link d1Generation}.
 * @example
 * d1Tables('v4_3f2a9c01b7de').docs // => 'ps_docs_v4_3f2a9c01b7de'
 */
export function d1Tables(generation: string): D1Tables {
  if (!/^v\d+_[0-9a-f]{6,64}$/.test(generation)) throw new Error(`"${generation}" is not a generation name`)
  return {
    meta: `ps_meta_${generation}`,
    docs: `ps_docs_${generation}`,
    fts: `ps_fts_${generation}`,
    vocab: `ps_vocab_${generation}`,
    postings: `ps_postings_${generation}`,
    words: `ps_words_${generation}`,
    answers: `ps_answers_${generation}`,
  }
}

/**
 * Splits a text into UTF-8 parts of at most `maxBytes` bytes, cut between characters, so each
 * part decodes on its own and the decoded parts join back into the text.
 *
 * @example
 * splitUtf8('aé€', 3).map((part) => new TextDecoder().decode(part)) // => ['aé', '€']
 */
export function splitUtf8(text: string, maxBytes: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text)
  const parts: Uint8Array[] = []
  let start = 0
  while (start < bytes.length) {
    let end = Math.min(start + maxBytes, bytes.length)
    // Back up to the start of a character: continuation bytes look like 10xxxxxx.
    while (end < bytes.length && end > start && (bytes[end]! & 0xc0) === 0x80) end--
    if (end === start) throw new Error(`index artifacts: maxBytes ${maxBytes} is smaller than one character`)
    parts.push(bytes.subarray(start, end))
    start = end
  }
  return parts
}
