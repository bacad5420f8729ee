/**
 * @module
 * Loads the index into D1 for the D1 engine. The generation's SQL (`src/core/d1-content.ts`) is
 * made from `index/paragraphs.json` read a line at a time and written to `dist/d1/<generation>/`
 * in parts of at most {@link SQL_PART_BYTES} (a million paragraphs give about 1 GB of SQL, more
 * than one string holds); the local database (the one `wrangler dev`, `npm start`, the eval and
 * the bench read, under `.wrangler/state`) is filled as the parts are written, through wrangler's
 * `getPlatformProxy` (the same local D1, without parsing the SQL text back: `wrangler d1 execute
 * --file` spent 35 s of 40 on that at 100k paragraphs). The answers precomputed for short prefixes
 * are then computed by the D1 engine itself, reading the new generation, and written last.
 * `npm run deploy` runs the same parts against the remote database with `wrangler d1 execute
 * --remote --file`, one part after the other.
 *
 * Idempotent and atomic: a generation already active is left alone; a new one is written into
 * tables of its own while queries keep reading the active one, then switched to in one statement
 * (see `src/core/d1-content.ts`). The generation before stays, for queries still reading it; older
 * ones are dropped.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, open, readFile, readdir, rename, rm, writeFile, type FileHandle } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { d1Activate, d1AnswerInserts, d1Content, d1DropOtherGenerations } from '../../src/core/d1-content.ts'
import { D1_ACTIVE_TABLE, D1_BINDING, D1_DATABASE_NAME, WORKER_INDEX_FILES, d1Generation, d1Tables } from '../../src/core/index-artifacts.ts'
import { inMemoryReader, storeReader, type IndexReader } from '../../src/core/index-reader.ts'
import { loadIndex } from '../../src/core/loaded-index.ts'
import { heavyShortPrefixes, precomputeAnswers } from '../../src/core/prefix-answers.ts'
import type { VocabularyEntry } from '../../src/core/vocabulary.ts'
import { d1Store, loadD1Shell } from '../../src/worker/engines/d1-engine.ts'
import { wranglerCommand } from './dev-server.ts'
import { releaseFreedHeapPages } from './heap.ts'
import { readParagraphs } from './index-files.ts'
import { ROOT } from './paths.ts'

/** Where the SQL of an index goes: `dist/d1/` beside its `index/` folder. */
export function d1SqlDir(indexDir: string): string {
  return join(dirname(indexDir), 'dist', 'd1')
}

/**
 * Largest part of a generation's SQL, in bytes: each part is one `wrangler d1 execute --file`
 * for the remote database, and the local load hands over its statements in batches of
 * {@link LOCAL_BATCH_BYTES}.
 */
export const SQL_PART_BYTES = 64 << 20

/**
 * Bytes of statements the local load hands to D1 in one batch: workerd's memory grows with it
 * (at 300k paragraphs, a peak of 800 MB with batches of 8 MiB, 360 MB with 2 MiB, for 13% more time).
 */
const LOCAL_BATCH_BYTES = 2 << 20

/** Bytes of a part's statements gathered before they are appended to its file. */
const SQL_WRITE_BYTES = 4 << 20

/** The file naming a generation's parts in order, written last: its parts are complete. */
const PARTS_LISTING = 'parts.json'

/** The query naming the active generation. */
const ACTIVE_READ = `SELECT generation FROM ${D1_ACTIVE_TABLE} WHERE id = 1`

/**
 * Characters of statements the local load sends between two memory-reducing collections
 * (`releaseFreedHeapPages`, `heap.ts`): at a million paragraphs V8's pool of freed pages grew by
 * about 20 MB per 64 Mi characters of SQL sent, to 560 MB by the load's end, and each collection costs
 * 0.4–0.6 s there (two mark-compacts of a 300 MB heap): 14 of them in a 1M load.
 */
const RELEASE_HEAP_EVERY_CHARS = 64 << 20

/** Which database: the local simulation or the deployed one. */
export type D1Target = { remote: boolean; database?: string; persistTo?: string }

function wrangler(args: string[], target: D1Target): string {
  const [command, commandArgs] = wranglerCommand([
    'd1',
    'execute',
    target.database ?? D1_DATABASE_NAME,
    target.remote ? '--remote' : '--local',
    ...(target.persistTo ? ['--persist-to', target.persistTo] : []),
    '--yes',
    ...args,
  ])
  const result = spawnSync(command, commandArgs, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' }, maxBuffer: 64 << 20 })
  if (result.status !== 0) throw new Error(`wrangler d1 execute ${args.join(' ')} failed:\n${result.stderr || result.stdout}`)
  return result.stdout
}

/** Runs one query against the remote database and returns its rows, or `null` when it fails (a table not there yet). */
function remoteQuery<T>(sql: string, target: D1Target): T[] | null {
  try {
    const output = wrangler(['--json', '--command', sql], target)
    const parsed = JSON.parse(output.slice(output.indexOf('['))) as { results: T[] }[]
    return parsed[0]?.results ?? []
  } catch {
    return null
  }
}

/** The meta values' encoding for D1 (`META_ENCODING` in `d1-content.ts`): gzip, then base64. */
export function gzipBase64(bytes: Uint8Array): string {
  return gzipSync(bytes).toString('base64')
}

/**
 * The answers precomputed for the short prefixes whose completions reach many paragraphs
 * (see `src/core/prefix-answers.ts`), computed by `reader` (the D1 engine's, in the build).
 *
 * @param words - The vocabulary's folded words, whose first letters are the prefixes.
 * @param minParagraphs - Reach from which a prefix is precomputed (default the module's).
 */
export function shortPrefixAnswers(reader: IndexReader, words: readonly string[], minParagraphs?: number): Promise<[string, string][]> {
  return precomputeAnswers(reader, heavyShortPrefixes(reader.index.vocabulary, words, minParagraphs))
}

/**
 * {@link shortPrefixAnswers} from a MiniSearch index's files, computed in memory (the tests'
 * and the peers bench's small corpora).
 */
export function shortPrefixAnswersInMemory(files: { index: string; vocabulary: string; manifest: string }, minParagraphs?: number): Promise<[string, string][]> {
  return shortPrefixAnswers(inMemoryReader(loadIndex(files)), vocabularyWords(files.vocabulary), minParagraphs)
}

/**
 * The local D1 of a project (the database `wrangler dev --persist-to` reads), opened in Node
 * through wrangler's `getPlatformProxy`; `dispose` closes it.
 *
 * @param projectRoot - The folder of the `wrangler.toml` naming the database.
 * @param persistTo - The local state folder, as `wrangler dev --persist-to` takes it.
 */
export async function openLocalD1(projectRoot: string, persistTo: string): Promise<{ db: D1Database; dispose: () => Promise<void> }> {
  // Wrangler's bundle is large: loaded only when the local D1 is opened.
  const { getPlatformProxy } = await import('wrangler')
  const proxy = await getPlatformProxy<Record<typeof D1_BINDING, D1Database>>({ configPath: join(projectRoot, 'wrangler.toml'), persist: { path: join(persistTo, 'v3') } })
  return { db: proxy.env[D1_BINDING], dispose: () => proxy.dispose() }
}

/** The folded words of `vocabulary.json`. */
function vocabularyWords(vocabulary: string): string[] {
  return (JSON.parse(vocabulary) as VocabularyEntry[]).map(([folded]) => folded)
}

/** A generation's SQL parts as the build wrote them: the fill's parts in order, then the answers'. */
type PartsListing = { generation: string; fill: string[]; answers: string }

/**
 * Statements in files of at most {@link SQL_PART_BYTES}, appended to the current part as they
 * come (a part is never held whole: at a million paragraphs the SQL is about 1 GB).
 */
class SqlParts {
  readonly names: string[] = []
  readonly dir: string
  readonly prefix: string
  #file: FileHandle | undefined
  /** Bytes in the current part, written or pending. */
  #bytes = 0
  #pending: string[] = []
  #pendingBytes = 0

  constructor(dir: string, prefix: string) {
    this.dir = dir
    this.prefix = prefix
  }

  async add(statement: string): Promise<void> {
    const line = `${statement};\n`
    const bytes = Buffer.byteLength(line)
    if (this.#bytes + bytes > SQL_PART_BYTES && this.#bytes > 0) await this.flush()
    if (!this.#file) {
      const name = `${this.prefix}-${String(this.names.length + 1).padStart(4, '0')}.sql`
      this.#file = await open(join(this.dir, name), 'w')
      this.names.push(name)
    }
    this.#pending.push(line)
    this.#pendingBytes += bytes
    this.#bytes += bytes
    if (this.#pendingBytes >= SQL_WRITE_BYTES) await this.#write()
  }

  async #write(): Promise<void> {
    if (this.#pending.length === 0) return
    await this.#file!.write(this.#pending.join(''))
    this.#pending = []
    this.#pendingBytes = 0
  }

  /** Ends the current part (the next statement starts another). */
  async flush(): Promise<void> {
    if (!this.#file) return
    await this.#write()
    await this.#file.close()
    this.#file = undefined
    this.#bytes = 0
  }

  /** Closes the current part's file without finishing it (after a failure). */
  async close(): Promise<void> {
    await this.#file?.close()
    this.#file = undefined
  }
}

/**
 * Runs statements in the local D1 in one transaction. Through `getPlatformProxy`, each
 * `db.prepare` is a synchronous round trip to workerd carrying its statement, which blocks this
 * process while the batch before runs there; `db.exec` hands over all the statements in one
 * asynchronous call, one statement a line (D1's `exec` splits on line ends), so the next batch
 * is made here meanwhile. A statement holding a line end goes by `db.batch`.
 */
async function runBatch(db: D1Database, statements: readonly string[]): Promise<void> {
  if (statements.some((statement) => statement.includes('\n'))) await db.batch(statements.map((statement) => db.prepare(statement)))
  else await db.exec(statements.join('\n'))
}

/** What a load did. */
export type D1Loaded = {
  generation: string
  /** `up-to-date` when the generation was already active, else `loaded`. */
  done: 'up-to-date' | 'loaded'
  /** The folder of the generation's SQL parts. */
  sqlDir: string
  /** Bytes of SQL run. */
  bytes: number
  /** Milliseconds spent computing the precomputed answers (a local load). */
  answersMs?: number
}

/**
 * Makes the index in `indexDir` the one D1 serves.
 *
 * @throws Error with D1's or wrangler's message when a statement fails; the active generation is then unchanged.
 */
export async function loadIntoD1(indexDir: string, target: D1Target = { remote: false }): Promise<D1Loaded> {
  const manifest = await readFile(join(indexDir, WORKER_INDEX_FILES.manifest), 'utf8')
  const generation = d1Generation((JSON.parse(manifest) as { indexVersion: string }).indexVersion)
  const sqlDir = join(d1SqlDir(indexDir), generation)
  if (target.remote) return loadRemote(indexDir, generation, sqlDir, target)
  const { db, dispose } = await openLocalD1(ROOT, target.persistTo ?? join(ROOT, '.wrangler', 'state'))
  try {
    const tables = await db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all<{ name: string }>()
    const names = tables.results.map((row) => row.name)
    const active = names.includes(D1_ACTIVE_TABLE) ? (await db.prepare(ACTIVE_READ).first<{ generation: string }>())?.generation : undefined
    // Already served: the SQL parts are written again only if they are missing (the remote load
    // runs them), and never run here, which would drop the tables being served.
    const served = active === generation && names.includes(d1Tables(generation).docs)
    if (served && existsSync(join(sqlDir, PARTS_LISTING))) return { generation, done: 'up-to-date', sqlDir, bytes: 0 }

    await rm(sqlDir, { recursive: true, force: true })
    await mkdir(sqlDir, { recursive: true })
    // What the build before let go (its paragraphs, hundreds of MiB at a million) goes back now.
    releaseFreedHeapPages()
    const vocabulary = await readFile(join(indexDir, WORKER_INDEX_FILES.vocabulary), 'utf8')
    const content = d1Content({ paragraphs: readParagraphs(indexDir), vocabulary, manifest, compressMeta: gzipBase64 })
    const parts = new SqlParts(sqlDir, 'fill')
    let batch: string[] = []
    let batchBytes = 0
    let bytes = 0
    // One batch runs in the local D1 (workerd) while the next is made here: each is sent once
    // the one before it is done, so they run in order.
    let running: Promise<unknown> = Promise.resolve()
    let sent = 0
    let releasedAt = 0
    const send = async () => {
      const statements = batch
      sent += batchBytes
      batch = []
      batchBytes = 0
      await running
      // The statements made so far are garbage; the pages V8 freed for them stay pooled until a
      // memory-reducing collection (`heap.ts`), which nothing in a load this busy brings on.
      if (sent - releasedAt >= RELEASE_HEAP_EVERY_CHARS) {
        releaseFreedHeapPages()
        releasedAt = sent
      }
      if (statements.length === 0 || served) return
      running = runBatch(db, statements)
      // Awaited at the next batch or at `run`; marked handled until then, so a failure is not reported twice.
      running.catch(() => {})
    }
    /** Gathers a statement, sending the batch once it holds `batchLimit` bytes (0: each statement alone). */
    const gather = async (statement: string, batchLimit = LOCAL_BATCH_BYTES) => {
      batch.push(statement)
      batchBytes += statement.length
      if (batchBytes >= batchLimit) await send()
    }
    /** Runs what is gathered and waits for it. */
    const run = async () => {
      await send()
      await running
    }
    try {
      for (const statement of content.fill) {
        await parts.add(statement)
        bytes += statement.length
        await gather(statement)
      }
      await run()
      await parts.flush()
    } finally {
      await parts.close()
    }

    // The answers to short prefixes, by the D1 engine reading the generation just written.
    const genTables = d1Tables(generation)
    const answersStarted = performance.now()
    const shell = await loadD1Shell(db, genTables)
    const reader = storeReader(shell, d1Store(db, genTables, shell.stats.fieldIds))
    const answers = await shortPrefixAnswers(reader, vocabularyWords(vocabulary))
    const answersMs = performance.now() - answersStarted
    // Each statement written to `answers.sql` and sent alone as it is made, never joined to
    // another: at a million paragraphs the answers are 45 MB of SQL in statements of up to 90 kB,
    // mostly of two-byte text. One call that size through the proxy held 700 MB at once, and
    // batches of them (each statement copied into the batch's text, the file's text and its
    // bytes) still left 200 MB for the collector at the build's end.
    let answersBytes = 0
    const answersFile = await open(join(sqlDir, 'answers.sql'), 'w')
    try {
      for (const statement of d1AnswerInserts(genTables, answers)) {
        await answersFile.write(statement)
        await answersFile.write(';\n')
        answersBytes += statement.length
        await gather(statement, 0)
      }
    } finally {
      await answersFile.close()
    }
    await run()
    const listing: PartsListing = { generation, fill: parts.names, answers: 'answers.sql' }
    await writeFile(join(sqlDir, PARTS_LISTING), JSON.stringify(listing, null, 2) + '\n')

    if (served) return { generation, done: 'up-to-date', sqlDir, bytes: 0 }
    const keep = [generation, ...(active ? [active] : [])]
    batch.push(...content.activate, ...d1DropOtherGenerations(names, keep))
    await run()
    // Only the latest generation's SQL is kept: the database holds the rest.
    for (const name of await readdir(d1SqlDir(indexDir))) if (name !== generation) await rm(join(d1SqlDir(indexDir), name), { recursive: true, force: true })
    return { generation, done: 'loaded', sqlDir, bytes: bytes + answersBytes, answersMs }
  } finally {
    await dispose()
  }
}

/** Runs a generation's parts, written by the local load, against the remote database. */
async function loadRemote(indexDir: string, generation: string, sqlDir: string, target: D1Target): Promise<D1Loaded> {
  const active = remoteQuery<{ generation: string }>(ACTIVE_READ, target)?.[0]?.generation
  const names = (remoteQuery<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table'`, target) ?? []).map((row) => row.name)
  if (active === generation && names.includes(d1Tables(generation).docs)) return { generation, done: 'up-to-date', sqlDir, bytes: 0 }
  // The parts come from the local load, which computes the answers with the engine.
  if (!existsSync(join(sqlDir, PARTS_LISTING))) await loadIntoD1(indexDir, { remote: false, ...(target.persistTo ? { persistTo: target.persistTo } : {}) })
  const listing = JSON.parse(await readFile(join(sqlDir, PARTS_LISTING), 'utf8')) as PartsListing
  let bytes = 0
  for (const name of [...listing.fill, listing.answers]) {
    wrangler(['--file', join(sqlDir, name)], target)
    bytes += (await readFile(join(sqlDir, name))).length
  }
  const keep = [generation, ...(active ? [active] : [])]
  const switchSql = join(sqlDir, `switch-${Date.now()}.sql`)
  await writeFile(switchSql, [...d1Activate(generation), ...d1DropOtherGenerations(names, keep)].map((statement) => `${statement};\n`).join(''))
  try {
    wrangler(['--file', switchSql], target)
  } finally {
    await rm(switchSql, { force: true })
  }
  return { generation, done: 'loaded', sqlDir, bytes }
}
