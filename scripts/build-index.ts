/**
 * @module
 * `npm run build:index`: reads `corpus/`, recovers the paragraphs of every source, builds the
 * MiniSearch index and writes `index/`, then copies what the Worker loads into the static assets
 * (`dist/assets/_index/`, split into parts) and, for a small index, into the Worker's bundle
 * (`dist/bundled-index/`). Prints a report per source. A bad source stops the
 * build with the file's name and the reason, and leaves the previous index untouched.
 *
 * Usage: node scripts/build-index.ts [--corpus DIR] [--out DIR] [--assets DIR] [--if-stale] [--quiet] [--timings FILE]
 * (`--timings` writes the time of each build step, and of loading WordNet, as JSON: for the benchmarks.)
 * (`--assets` defaults to `dist/assets` when `--out` is the default `index/`, and to none otherwise.)
 */
import { parseArgs } from 'node:util'
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { buildIndex, hashCorpus, type SourceReport } from '../src/core/build-index.ts'
import { CorpusError } from '../src/core/corpus.ts'
import { CORPUS_DIR, INDEX_DIR, pipelineHash, readCorpus, staleReason, writeIndexAtomically, writeWorkerIndex } from './lib/index-files.ts'
import { ASSETS_DIR } from './lib/paths.ts'
import { loadWordNetLexicon } from './lib/wordnet-files.ts'

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: CORPUS_DIR },
    out: { type: 'string', default: INDEX_DIR },
    assets: { type: 'string' },
    'if-stale': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    timings: { type: 'string' },
  },
})

const corpusDir = resolve(values.corpus)
const indexDir = resolve(values.out)
const assetsDir = values.assets !== undefined ? resolve(values.assets) : indexDir === INDEX_DIR ? ASSETS_DIR : undefined
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
  const rows = [columns.map(([name]) => name), ...reports.map((report) => columns.map(([, cell]) => String(cell(report))))]
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)))
  for (const row of rows) log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '))
}

async function main(): Promise<number> {
  const started = performance.now()
  const corpus = await readCorpus(corpusDir)
  const currentPipelineHash = await pipelineHash()
  if (values['if-stale']) {
    const reason = await staleReason(indexDir, await hashCorpus(corpus.sources, corpus.metadata), currentPipelineHash)
    if (reason === null) {
      log(`index is up to date (${indexDir})`)
      if (assetsDir && (await writeWorkerIndex(indexDir, assetsDir)).assetsWritten) log(`index copied to the static assets (${assetsDir})`)
      return 0
    }
    log(`rebuilding the index: ${reason}`)
  }
  const lexiconStarted = performance.now()
  const lexicon = await loadWordNetLexicon()
  const lexiconMs = performance.now() - lexiconStarted
  const output = await buildIndex({ ...corpus, folder: values.corpus === CORPUS_DIR ? 'corpus' : corpusDir, pipelineHash: currentPipelineHash, lexicon })
  if (values.timings) await writeFile(resolve(values.timings), JSON.stringify({ wordnet: lexiconMs, ...output.timings }, null, 2) + '\n')
  await writeIndexAtomically(indexDir, output.files)
  const worker = assetsDir ? await writeWorkerIndex(indexDir, assetsDir) : undefined
  printReports(output.reports)
  const { counts, indexVersion } = output.manifest
  const kinds = Object.entries(counts.kinds).map(([kind, count]) => `${count} ${kind}`).join(', ')
  log(`\n${counts.paragraphs} paragraphs (${kinds}) from ${counts.sources} sources; ${counts.facts} facts reported by more than one`)
  log(`index ${indexVersion} written to ${indexDir} in ${(performance.now() - started).toFixed(0)} ms`)
  if (worker) log(worker.bundled ? 'the Worker bundles it and loads it at start-up' : 'the Worker reads it from its static assets on the first request of an isolate')
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
