/**
 * @module
 * `npm run build:index`: reads `corpus/`, recovers the paragraphs of every source, builds the
 * MiniSearch index and writes `index/`, then copies what the Worker loads into the static assets
 * (`dist/assets/_index/`, split into parts) and, for a small index, into the Worker's bundle
 * (`dist/bundled-index/`). Prints a report per source. A bad source stops the
 * build with the file's name and the reason, and leaves the previous index untouched.
 *
 * The engine (see `src/core/index-artifacts.ts`): `--engine auto|minisearch|d1`, or the
 * `INDEX_ENGINE` environment variable; `auto` (the default) puts corpora of 20,000 paragraphs or
 * more in D1. With the D1 engine, the build also loads the index into the local D1 database
 * (`scripts/lib/d1-load.ts`), atomically.
 *
 * Usage: node scripts/build-index.ts [--corpus DIR] [--out DIR] [--assets DIR] [--engine E] [--d1-persist-to DIR] [--if-stale] [--quiet]
 *   [--timings FILE] [--explain FILE]
 * (`--d1-persist-to`: the local D1's state folder, as `wrangler dev --persist-to` takes it; default `.wrangler/state`.
 * `--timings` writes the time of each build step, and of loading WordNet, as JSON: for the benchmarks.)
 * (`--assets` defaults to `dist/assets` when `--out` is the default `index/`, and to none otherwise.)
 *
 * `--explain FILE` writes nothing: it prints every line of one source (a file of the corpus, or
 * any file, read alone) with its fate (kept as which kind, dropped as which furniture, joined with
 * what, a duplicate of which paragraph), then the paragraphs recovered.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { buildIndex, hashCorpus, type BuildOutput, type Manifest, type SourceReport } from '../src/core/build-index.ts'
import { FURNITURE_KINDS, type LineFate, type LineTrail } from '../src/core/recovery/recover-paragraphs.ts'
import { CorpusError } from '../src/core/corpus.ts'
import { chooseEngine } from '../src/core/index-artifacts.ts'
import { loadIntoD1 } from './lib/d1-load.ts'
import { boundHeapGrowth, releaseFreedHeapPages } from './lib/heap.ts'
import { CORPUS_DIR, INDEX_DIR, pipelineHash, readCorpus, staleReason, writeIndexAtomically, writeWorkerIndex } from './lib/index-files.ts'
import { ASSETS_DIR } from './lib/paths.ts'
import { loadWordNetLexicon } from './lib/wordnet-files.ts'

const USAGE = `Usage: npm run build:index -- [options]

  --corpus DIR          the sources (default corpus/)
  --out DIR             where index/ is written (default index/)
  --assets DIR          where the Worker's static copy goes (default dist/assets with the default --out)
  --engine E            auto (default: d1 from 20,000 paragraphs), minisearch or d1; or INDEX_ENGINE
  --d1-persist-to DIR   the local D1's state folder, as wrangler dev --persist-to takes it (default .wrangler/state)
  --if-stale            build only when the corpus or the build code changed
  --quiet               print nothing but errors
  --timings FILE        write each build step's time as JSON (for the benchmarks)
  --explain FILE        write nothing: print each line of one source with its fate, then its paragraphs
  --help                print this`

let parsed: ReturnType<typeof parseOptions>
function parseOptions() {
  return parseArgs({
    options: {
      corpus: { type: 'string', default: CORPUS_DIR },
      out: { type: 'string', default: INDEX_DIR },
      assets: { type: 'string' },
      engine: { type: 'string', default: process.env['INDEX_ENGINE'] ?? 'auto' },
      'd1-persist-to': { type: 'string' },
      'if-stale': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      explain: { type: 'string' },
      timings: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
}
try {
  parsed = parseOptions()
} catch (error) {
  // An unknown or malformed option: say which, and how to ask for the list.
  console.error(`build:index: ${(error as Error).message}\n\n${USAGE}`)
  process.exit(2)
}
if (parsed.values.help) {
  console.log(USAGE)
  process.exit(0)
}
const { values } = parsed

const corpusDir = resolve(values.corpus)
const indexDir = resolve(values.out)
const assetsDir = values.assets !== undefined ? resolve(values.assets) : indexDir === INDEX_DIR ? ASSETS_DIR : undefined
const forcedEngine = values.engine === 'auto' ? undefined : chooseEngine(0, values.engine)
const log = values.quiet ? () => {} : (line: string) => console.log(line)

function printReports(reports: SourceReport[]): void {
  const columns: [string, (report: SourceReport) => string | number][] = [
    ['source', (r) => r.sourceId],
    ['lines', (r) => r.linesRead],
    ['furniture', (r) => r.furnitureDropped],
    ['captions', (r) => r.captions],
    ['headings', (r) => r.headings],
    ['joins', (r) => r.joins],
    ['duplicates', (r) => r.duplicatesRemoved],
    ['paragraphs', (r) => r.paragraphsKept],
  ]
  columns.push(['list items', (r) => r.listItems])
  printTable(columns, reports)
  // Each kind of drop apart, for the kinds any source dropped.
  const dropColumns: [string, (report: SourceReport) => string | number][] = [['dropped', (r) => r.sourceId]]
  for (const kind of FURNITURE_KINDS) {
    if (reports.some((report) => report.dropped[kind] > 0)) dropColumns.push([kind, (r) => r.dropped[kind]])
  }
  if (dropColumns.length > 1) {
    log('')
    printTable(dropColumns, reports)
  }
  for (const report of reports) for (const skipped of report.skipped) log(`${report.file}: skipped ${skipped}`)
}

function printTable(columns: [string, (report: SourceReport) => string | number][], reports: SourceReport[]): void {
  const rows = [columns.map(([name]) => name), ...reports.map((report) => columns.map(([, cell]) => String(cell(report))))]
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)))
  for (const row of rows) log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '))
  for (const report of reports) for (const skipped of report.skipped) log(`${report.file}: skipped ${skipped}`)
}

/** One fate in words: `¶3 body`, `¶3 body, joined across a page break (hyphen removed)`, `dropped: byline`. */
function describeFate(fate: LineFate): string {
  switch (fate.fate) {
    case 'blank':
      return '(blank)'
    case 'dropped':
      return `dropped: ${fate.furniture}`
    case 'kept':
      return `¶${fate.paragraph + 1} ${fate.kind}`
    case 'joined':
      return `¶${fate.paragraph + 1} ${fate.kind}, joined ${fate.how}${fate.hyphen ? ` (${fate.hyphen})` : ''}`
    case 'duplicate':
      return `duplicate of ¶${fate.paragraph + 1}`
  }
}

/** Prints the fate of every line of one source, then its paragraphs. */
async function explain(target: string): Promise<number> {
  const corpus = await readCorpus(corpusDir)
  const name = basename(target)
  const inCorpus = corpus.sources.some((source) => source.name === name) && resolve(target) === resolve(corpusDir, name)
  const input = inCorpus || corpus.sources.some((source) => source.name === target) ? corpus : { sources: [{ name, bytes: await readFile(target) }] }
  const output = await buildIndex({ ...input, folder: values.corpus === CORPUS_DIR ? 'corpus' : corpusDir, trails: true })
  const trail: LineTrail[] = output.trails[name]!
  const source = output.manifest.sources.find((s) => s.file === name)!
  const fates = trail.map((line) => line.fates.map(describeFate).join(' + '))
  const width = Math.min(60, Math.max(...fates.map((fate) => fate.length)))
  let page = -1
  trail.forEach((line, i) => {
    if (line.page !== page) {
      page = line.page
      console.log(`── page ${page + 1} ──`)
    }
    console.log(`${String(i + 1).padStart(5)}  ${fates[i]!.padEnd(width)}  │ ${line.text}`)
  })
  const { paragraphs } = output
  console.log(`\n${source.id}: "${source.title}"${source.author ? ` by ${source.author}` : ''}${source.published ? `, ${source.published}` : ''}`)
  paragraphs
    .filter((paragraph) => paragraph.sourceId === source.id)
    .forEach((paragraph, i) => console.log(`¶${i + 1} [${paragraph.kind}] ${paragraph.text}`))
  return 0
}

/** With the D1 engine, makes the index the local D1's active generation (idempotent). */
async function loadD1IfServed(dir: string): Promise<void> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest
  if (manifest.engine !== 'd1') return
  const started = performance.now()
  const loaded = await loadIntoD1(dir, { remote: false, ...(values['d1-persist-to'] ? { persistTo: resolve(values['d1-persist-to']) } : {}) })
  log(
    loaded.done === 'up-to-date'
      ? `local D1 already serves ${loaded.generation}`
      : `loaded ${loaded.generation} into the local D1 (${(loaded.bytes / 1048576).toFixed(1)} MiB of SQL) in ${(performance.now() - started).toFixed(0)} ms, of which ${(loaded.answersMs ?? 0).toFixed(0)} ms computing the answers to short prefixes`
  )
}

/** The hash of the corpus folder as the build records it (read in a function of its own, so its bytes are let go). */
async function corpusHash(): Promise<string> {
  const corpus = await readCorpus(corpusDir, { lazy: true })
  return hashCorpus(corpus.sources, corpus.metadata)
}

/**
 * Builds the index and writes `index/` (and the timings), keeping only the reports and the
 * manifest: the paragraphs (hundreds of MiB at a million) and the corpus's bytes are let go
 * before the D1 load, which reads the paragraphs back a line at a time.
 */
async function buildAndWrite(currentPipelineHash: string): Promise<Pick<BuildOutput, 'reports' | 'manifest'>> {
  const corpus = await readCorpus(corpusDir, { lazy: true })
  const lexiconStarted = performance.now()
  const lexicon = await loadWordNetLexicon()
  const lexiconMs = performance.now() - lexiconStarted
  const output = await buildIndex({ ...corpus, folder: values.corpus === CORPUS_DIR ? 'corpus' : corpusDir, pipelineHash: currentPipelineHash, lexicon, engine: values.engine })
  if (values.timings) {
    await mkdir(dirname(resolve(values.timings)), { recursive: true })
    await writeFile(resolve(values.timings), JSON.stringify({ wordnet: lexiconMs, ...output.timings }, null, 2) + '\n')
  }
  // The steps' scratch is garbage now, and what V8 freed of it pooled: given back before the
  // paragraphs are written, the build's peak at a million (`heap.ts`).
  releaseFreedHeapPages()
  await writeIndexAtomically(indexDir, output.files, output.paragraphs)
  return { reports: output.reports, manifest: output.manifest }
}

async function main(): Promise<number> {
  if (values.explain !== undefined) return explain(values.explain)
  // Minutes of synchronous work at a million paragraphs: without it V8 lets the heap grow to
  // several times what is live before collecting (`heap.ts`).
  boundHeapGrowth()
  const started = performance.now()
  const currentPipelineHash = await pipelineHash()
  if (values['if-stale']) {
    const reason = await staleReason(indexDir, await corpusHash(), currentPipelineHash, forcedEngine)
    if (reason === null) {
      log(`index is up to date (${indexDir})`)
      if (assetsDir && (await writeWorkerIndex(indexDir, assetsDir)).assetsWritten) log(`index copied to the static assets (${assetsDir})`)
      if (assetsDir) await loadD1IfServed(indexDir)
      return 0
    }
    log(`rebuilding the index: ${reason}`)
  }
  const { reports, manifest } = await buildAndWrite(currentPipelineHash)
  const worker = assetsDir ? await writeWorkerIndex(indexDir, assetsDir) : undefined
  if (assetsDir) await loadD1IfServed(indexDir)
  printReports(reports)
  const { counts, indexVersion } = manifest
  const kinds = Object.entries(counts.kinds).map(([kind, count]) => `${count} ${kind}`).join(', ')
  log(`\n${counts.paragraphs} paragraphs (${kinds}) from ${counts.sources} sources; ${counts.facts} facts reported by more than one`)
  log(`index ${indexVersion} written to ${indexDir} in ${(performance.now() - started).toFixed(0)} ms`)
  if (worker && manifest.engine === 'minisearch') log(worker.bundled ? 'the Worker bundles it and loads it at start-up' : 'the Worker reads it from its static assets on the first request of an isolate')
  if (manifest.engine === 'd1') log('the Worker reads it from D1 (engine d1)')
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CorpusError) {
      console.error(`build failed: ${error.message}\nThe previous index was left as it was.`)
    } else {
      console.error('build failed:', error)
    }
    process.exit(1)
  }
)
