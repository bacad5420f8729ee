/**
 * @module
 * `npm run bench`: measures the search at the shipped corpus and at synthetic corpora of 1k, 10k
 * and 100k paragraphs (`scripts/lib/synthetic-corpus.ts`), and prints tables (or `--json`):
 * 1. index build time and peak memory (a child process, its peak RSS);
 * 2. index files raw and gzipped; the Worker as `wrangler deploy --dry-run` bundles it, and as it
 *    would be with the index bundled, against the Workers limits;
 * 3. cold start: loading the index in a fresh workerd isolate (bundled, and from static assets)
 *    and in a fresh Node process, and the heap the loaded index keeps (Node);
 * 4. query latency over a seeded mix (`scripts/lib/bench/query-mix.ts`) inside workerd, excluding
 *    HTTP, and in Node with the same core code;
 * 5. HTTP: `autocannon` against `wrangler dev` on 127.0.0.1, `/api/search` with the mix beside
 *    `/api/health`, and their ratio;
 * 6. ingest throughput per input format (text, PDF, HTML) over the article fixtures
 *    (`scripts/lib/bench/ingest.ts`); `--ingest` measures only this.
 *
 * Every size runs in a copy of the project in the system's temporary folder, so `index/` and
 * `dist/` here are never touched. Builds of synthetic corpora are cached there by seed, size and
 * build-code hash (their measurement with them); `--fresh` rebuilds.
 *
 * Usage: node scripts/bench.ts [--sizes shipped,1k,10k,100k] [--quick] [--json] [--seed N]
 *                              [--fresh] [--http-seconds N] [--trials N] [--save FILE] [--ingest]
 *                              [--engine d1] [--peers] [--shards 1,2,4]
 * (`--save` also writes the JSON to FILE; sizes of 50k paragraphs and more get one cold-start trial.)
 * `--peers` measures the project's two engines beside plain MiniSearch, FlexSearch and plain
 * SQLite FTS5 (`scripts/lib/bench/peers.ts`).
 * `--engine d1` measures the D1 engine instead (`scripts/lib/bench/d1-bench.ts`): build and load,
 * first query, shell heap, latency by kind of query, in workerd with the local D1.
 * `--shards 1,2,4` splits one synthetic size (default 100k) by source into that many D1 shards and
 * measures a Worker fanning each query out to all of them (`scripts/lib/bench/shards.ts`).
 * `--soak [--soak-seconds N] [--engine minisearch|d1]` puts each engine (both by default) under
 * steady loopback load for N seconds (default 300) at one size (default 10k) and samples the
 * memory of its workerd (`scripts/lib/bench/soak.ts`).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import autocannon from 'autocannon'
import { sha256Hex } from '../src/core/hash.ts'
import type { Manifest } from '../src/core/build-index.ts'
import type { VocabularyEntry } from '../src/core/vocabulary.ts'
import { devServerEnv, startDevServer, wranglerCommand, type DevServer } from './lib/dev-server.ts'
import { CORPUS_DIR, pipelineHash } from './lib/index-files.ts'
import { WORKER_INDEX_FILES } from '../src/core/index-artifacts.ts'
import { ROOT } from './lib/paths.ts'
import { measureIngest, type IngestResult } from './lib/bench/ingest.ts'
import { runCommand, type RunOptions } from './lib/bench/run-command.ts'
import { queryMix } from './lib/bench/query-mix.ts'
import { copyProject, d1Report, measureD1Size, prepareD1Project, type D1SizeResult } from './lib/bench/d1-bench.ts'
import { runSoak, soakReport, type SoakResult } from './lib/bench/soak.ts'
import { measurePeers, peersReport } from './lib/bench/peers.ts'
import { measureShards, shardsReport } from './lib/bench/shards.ts'
import { latency, median, type Latency } from './lib/bench/stats.ts'
import { generateSyntheticCorpus } from './lib/synthetic-corpus.ts'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    fresh: { type: 'boolean', default: false },
    'http-seconds': { type: 'string' },
    trials: { type: 'string' },
    save: { type: 'string' },
    engine: { type: 'string' },
    peers: { type: 'boolean', default: false },
    shards: { type: 'string' },
    soak: { type: 'boolean', default: false },
    'soak-seconds': { type: 'string', default: '300' },
    help: { type: 'boolean', short: 'h', default: false },
    ingest: { type: 'boolean', default: false },
  },
})

if (values.help) {
  console.log(`Usage: npm run bench -- [--sizes shipped,1k,10k,100k] [--quick] [--json] [--seed N]
                       [--fresh] [--http-seconds N] [--trials N] [--save FILE] [--ingest]
                       [--engine d1] [--peers] [--shards 1,2,4] [--soak [--soak-seconds N] [--engine minisearch|d1]]

  --sizes LIST       corpora to measure: shipped, 1k, 10k, 100k, 1m or a number of paragraphs (25k)
  --quick            shipped and 1k, shorter HTTP runs, one cold-start trial (about a minute)
  --json             print the results as JSON on stdout (progress on stderr)
  --seed N           seed of the synthetic corpora and the query mix (default 1)
  --fresh            rebuild the cached synthetic indexes (and the peers' files)
  --http-seconds N   seconds of load per route (default 8, 3 with --quick)
  --trials N         fresh isolates per cold-start measurement (default 3, 1 with --quick)
  --save FILE        also write the JSON to FILE
  --ingest           only the ingest throughput per input format (text, PDF, HTML)
  --engine d1        measure the D1 engine instead: build and load, first query, heap kept,
                     latency by kind of query, in workerd with the local D1 (synthetic sizes only)
  --peers            both engines beside plain MiniSearch, FlexSearch and plain SQLite FTS5, in Node
  --shards LIST      one synthetic size (--sizes, default 100k) split by source into each count of
                     D1 shards, a Worker searching them all per query: time per query inside workerd
  --soak             steady load (autocannon, the query mix on /api/search, 8 connections) on
                     wrangler dev at 127.0.0.1, per engine (both unless --engine), at one size
                     (--sizes, default 10k), sampling workerd's RSS and isolate heap every 5 s
  --soak-seconds N   seconds of load per engine in --soak (default 300, at most 1800)`)
  process.exit(0)
}

/** Workers limits the numbers are held against (sources in BENCHMARKS.md). */
export const LIMITS = {
  /** Worker size, uncompressed, every plan (since 2026-09; wrangler 4.156 checks it). */
  scriptBytes: 64 * 1024 * 1024,
  /** The former compressed limits: Free 3 MB, Paid 10 MB (gzip). */
  legacyGzipFree: 3 * 1024 * 1024,
  legacyGzipPaid: 10 * 1024 * 1024,
  /** Memory per isolate. */
  memoryBytes: 128 * 1024 * 1024,
  /** CPU time to parse and run the global scope. */
  startupMs: 1000,
  /** One static-asset file. */
  assetFileBytes: 25 * 1024 * 1024,
}

const quick = values.quick
const seed = Number(values.seed)
const httpSeconds = Number(values['http-seconds'] ?? (quick ? 3 : 8))
const trials = Number(values.trials ?? (quick ? 1 : 3))
const SIZE_NAMES: Record<string, number> = { '1k': 1_000, '10k': 10_000, '100k': 100_000, '1m': 1_000_000 }
const sizeList = (values.sizes ?? (quick ? 'shipped,1k' : 'shipped,1k,10k,100k')).split(',').map((name) => name.trim())
const log = values.json ? (line: string) => process.stderr.write(line + '\n') : (line: string) => console.log(line)
const WORK = join(tmpdir(), 'paragraph-search-bench')
const node = process.execPath
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' }

type Sizes = { raw: number; gzip: number }
type ColdStart = { outsideMs: number[]; readMs: number[]; parseMs: number[]; error?: string }
type SizeResult = {
  size: string
  paragraphs: number
  sources: number
  build: { ms: number; maxRss: number; cached: boolean; measuredAt: string; steps?: BuildSteps }
  files: { bundledSet: Sizes; index: Sizes; vocabulary: Sizes; manifest: Sizes; paragraphs: Sizes; largestAssetPart: number }
  worker: { asBuilt: Sizes; withBundledIndex: Sizes }
  coldStart: { workerdBundled: ColdStart; workerdAssets: ColdStart; nodeLoadMs: number[]; firstRequestMs?: number }
  memory: { heapIndexOnly: number; heapWithTexts: number; textsHeap: number; loadPeakHeap: number; bundledLoadPeakEstimate: number; nodeLoadMaxRss: number }
  queries: { count: number; kinds: Record<string, number>; workerd?: Latency & { outsideMeanMs: number }; nodeRepeated: Latency; nodeOnce: Latency }
  http?: { seconds: number; connections: number; health: HttpRun; search: HttpRun; ratio: number }
}
type HttpRun = { rps: number; p50: number; p99: number; errors: number; non2xx: number; requests: number }

/** Runs a command with the bench's environment. */
const run = (command: string, args: string[], options: RunOptions = {}) => runCommand(command, args, { env, ...options })

const sizesOf = (bytes: Buffer): Sizes => ({ raw: bytes.length, gzip: gzipSync(bytes).length })

/** The bytes of the files of `index/` that the Worker loads. */
const workerIndexBytes = (indexDir: string): Record<keyof typeof WORKER_INDEX_FILES, Buffer> => ({
  index: readFileSync(join(indexDir, WORKER_INDEX_FILES.index)),
  vocabulary: readFileSync(join(indexDir, WORKER_INDEX_FILES.vocabulary)),
  manifest: readFileSync(join(indexDir, WORKER_INDEX_FILES.manifest)),
})

/** A copy of the project with one corpus size's index: where wrangler runs for that size. */
function prepareProject(dir: string): void {
  const project = join(dir, 'project')
  copyProject(project)
  const probeConfig = (main: string, rules: string) =>
    `name = "bench-probe"\nmain = "${main}"\ncompatibility_date = "2026-11-01"\nsend_metrics = false\n${rules}\n` +
    `[assets]\ndirectory = "./dist/assets"\nbinding = "ASSETS"\nrun_worker_first = true\n`
  writeFileSync(join(project, 'probe-bundled.toml'), probeConfig('scripts/lib/bench/probe-bundled.ts', '[[rules]]\ntype = "Text"\nglobs = ["**/index/*.json"]\nfallthrough = false\n'))
  writeFileSync(join(project, 'probe-assets.toml'), probeConfig('scripts/lib/bench/probe-assets.ts', ''))
}

/** Milliseconds per build step, as `scripts/build-index.ts --timings` writes them. */
type BuildSteps = { wordnet: number; recovery: number; quotes: number; related: number; facts: number; index: number }

/** Builds the size's index in a child process (or reuses a cached build) and returns the measurement. */
async function buildSize(dir: string, paragraphs: number | null, key: string): Promise<SizeResult['build']> {
  const project = join(dir, 'project')
  const record = join(dir, 'build.json')
  if (paragraphs !== null && !values.fresh && existsSync(record) && existsSync(join(project, 'index', 'manifest.json'))) {
    const cached = JSON.parse(readFileSync(record, 'utf8')) as SizeResult['build'] & { key: string }
    if (cached.key === key && existsSync(join(project, 'dist', 'assets', '_index', 'parts.json'))) return { ...cached, cached: true }
  }
  let corpus = CORPUS_DIR
  if (paragraphs !== null) {
    corpus = join(dir, 'corpus')
    rmSync(corpus, { recursive: true, force: true })
    mkdirSync(corpus, { recursive: true })
    for (const file of generateSyntheticCorpus({ seed, paragraphs })) writeFileSync(join(corpus, file.name), file.text)
  }
  rmSync(join(project, 'index'), { recursive: true, force: true })
  rmSync(join(project, 'dist'), { recursive: true, force: true })
  const rssFile = join(dir, 'build-max-rss')
  const stepsFile = join(dir, 'build-steps.json')
  const started = performance.now()
  await run(node, ['--import', join(ROOT, 'scripts/lib/bench/report-max-rss.ts'), 'scripts/build-index.ts', '--corpus', corpus, '--out', join(project, 'index'), '--assets', join(project, 'dist', 'assets'), '--quiet', '--timings', stepsFile], {
    env: { ...env, BENCH_MAX_RSS_FILE: rssFile },
  })
  const steps = JSON.parse(readFileSync(stepsFile, 'utf8')) as BuildSteps
  const build = { ms: performance.now() - started, maxRss: Number(readFileSync(rssFile, 'utf8')), cached: false, measuredAt: new Date().toISOString(), steps }
  writeFileSync(record, JSON.stringify({ ...build, key }, null, 2))
  return build
}

/**
 * The Worker as `wrangler deploy --dry-run` bundles it (the index inside up to 4 MiB, else in the
 * static assets), and the same with the index as text modules whatever its size.
 */
async function measureWorker(project: string, indexFiles: Buffer[]): Promise<SizeResult['worker']> {
  const outdir = join(project, 'dry-run')
  rmSync(outdir, { recursive: true, force: true })
  const output = await run(...wranglerCommand(['deploy', '--dry-run', '--outdir', outdir, '--config', join(project, 'wrangler.toml')]), { cwd: project })
  const match = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(output)
  if (!match) throw new Error(`no "Total Upload" in wrangler's output:\n${output}`)
  const modules = readdirSync(outdir).filter((name) => name.endsWith('.js')).map((name) => readFileSync(join(outdir, name)))
  // As wrangler sizes a Worker: the modules' contents end to end, and that gzipped.
  const bundled = Buffer.concat([...modules, ...indexFiles])
  return {
    asBuilt: { raw: Math.round(Number(match[1]) * 1024), gzip: Math.round(Number(match[2]) * 1024) },
    withBundledIndex: { raw: bundled.length, gzip: gzipSync(bundled).length },
  }
}

/** wrangler dev goes on working for a moment after it answers; let it finish before timing. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500))

async function timed<T>(request: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await request()
  return { ms: performance.now() - start, value }
}

const getJson = async (url: string, init?: RequestInit) => {
  const response = await fetch(url, init)
  const body = (await response.json()) as Record<string, unknown>
  if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`)
  return body
}
const post = (url: string, body: unknown) => getJson(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })

/** Median time of a few empty requests: what HTTP and the dev server's proxy add to any request. */
async function baseline(server: DevServer, path: string, init?: RequestInit): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < 7; i++) samples.push((await timed(() => getJson(server.url + path, init))).ms)
  return median(samples)
}

/** Cold starts of the probe in fresh isolates, and (once) the query mix inside workerd. */
async function probeWorkerd(project: string, mode: 'bundled' | 'assets', count: number, queries: string[] | null) {
  const cold: ColdStart = { outsideMs: [], readMs: [], parseMs: [] }
  let inside: (Latency & { outsideMeanMs: number }) | undefined
  for (let trial = 0; trial < count; trial++) {
    let server: DevServer | undefined
    try {
      server = await startDevServer({ args: ['--config', join(project, `probe-${mode}.toml`)], readyPath: '/noop', timeoutMs: 180_000 })
      await settle()
      const empty = await baseline(server, '/noop')
      const load = await timed(() => getJson(`${server!.url}/load`))
      cold.outsideMs.push(load.ms - empty)
      cold.readMs.push(load.value['readMs'] as number)
      cold.parseMs.push(load.value['parseMs'] as number)
      if (queries && trial === 0) {
        // One untimed pass first, as in Node: the JIT and the term cache warm up.
        await post(`${server.url}/pass`, { queries })
        // In batches, so no single request runs for minutes at the largest sizes.
        const perQuery: number[] = []
        for (let i = 0; i < queries.length; i += 25) {
          const batch = (await post(`${server.url}/queries`, { queries: queries.slice(i, i + 25), minMs: quick ? 4 : 10 })) as { perQuery: number[] }
          perQuery.push(...batch.perQuery)
        }
        // Cross-check from outside: the whole mix in one request, less an empty POST's time.
        const emptyPass = await baseline(server, '/pass', { method: 'POST', body: '{"queries":[]}' })
        const passes: number[] = []
        for (let i = 0; i < 3; i++) passes.push((await timed(() => post(`${server!.url}/pass`, { queries }))).ms - emptyPass)
        inside = { ...latency(perQuery), outsideMeanMs: median(passes) / queries.length }
      }
    } catch (error) {
      cold.error = (error as Error).message.split('\n')[0]!.slice(0, 300)
      break
    } finally {
      await server?.stop()
    }
  }
  return { cold, inside }
}

async function nodeProbe(indexDir: string, queriesFile: string) {
  const output = await run(node, ['--expose-gc', 'scripts/lib/bench/node-probe.ts', indexDir, queriesFile])
  return JSON.parse(output.trim().split('\n').at(-1)!) as {
    loadMs: number
    textsHeap: number
    heapWithTexts: number
    heapIndexOnly: number
    loadPeakHeap: number
    once: Latency
    repeated: Latency
    maxRss: number
  }
}

/**
 * The heap a load from static assets needs at its peak: the smallest `--max-old-space-size`
 * (to `stepMiB`) under which it succeeds, by bisection, less what the probe needs loading
 * nothing (`--baseline`).
 */
async function loadPeakHeap(assetsDir: string): Promise<number> {
  baselineHeap ??= await leastHeap('--baseline')
  return Math.max(0, (await leastHeap(assetsDir)) - baselineHeap)
}
let baselineHeap: number | undefined

async function leastHeap(assetsDir: string, stepMiB = 2): Promise<number> {
  const fits = (mib: number) =>
    run(node, [`--max-old-space-size=${mib}`, 'scripts/lib/bench/load-heap-probe.ts', assetsDir]).then(
      () => true,
      () => false
    )
  let low = 8
  let high = 64
  while (!(await fits(high))) {
    low = high
    high *= 2
    if (high > 16_384) throw new Error(`${assetsDir}: the index does not load in 16 GiB of heap`)
  }
  while (high - low > stepMiB) {
    const middle = Math.round((low + high) / 2)
    if (await fits(middle)) high = middle
    else low = middle
  }
  return high * 1024 * 1024
}

const httpRun = (result: Awaited<ReturnType<typeof autocannon>>): HttpRun => ({
  rps: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  errors: result.errors + result.timeouts,
  non2xx: result.non2xx,
  requests: result.requests.total,
})

/** The real Worker under `wrangler dev`: its first request in a fresh isolate, then load. */
async function measureHttp(project: string, queries: string[]) {
  // Every request to the Worker loads the index, so readiness is polled on a static asset.
  writeFileSync(join(project, 'dist', 'assets', 'bench-ready.txt'), 'ready\n')
  const server = await startDevServer({ args: ['--config', join(project, 'wrangler.toml')], readyPath: '/bench-ready.txt', timeoutMs: 180_000 })
  try {
    await settle()
    const first = await timed(() => getJson(`${server.url}/api/health`))
    const warm = await baseline(server, '/api/health')
    const connections = 8
    const load = (requests: { path: string }[], duration: number) => autocannon({ url: server.url, connections, duration, timeout: 30, requests })
    const healthRequests = [{ path: '/api/health' }]
    const searchRequests = queries.map((q) => ({ path: `/api/search?q=${encodeURIComponent(q)}` }))
    await load(healthRequests, 1)
    await load(searchRequests, 1)
    const health = httpRun(await load(healthRequests, httpSeconds))
    const search = httpRun(await load(searchRequests, httpSeconds))
    return { firstRequestMs: first.ms - warm, http: { seconds: httpSeconds, connections, health, search, ratio: search.rps / health.rps } }
  } finally {
    await server.stop()
  }
}

/** What a cached build of a size depends on: seed, size, build code and corpus generator. */
const buildKey = async (paragraphs: number | null) =>
  sha256Hex(`${seed}\n${paragraphs}\n${await pipelineHash()}\n${readFileSync(join(ROOT, 'scripts/lib/synthetic-corpus.ts'), 'utf8')}`)

async function measureSize(size: string): Promise<SizeResult> {
  const paragraphs = size === 'shipped' ? null : (SIZE_NAMES[size] ?? Number(size.replace(/k$/, '000')))
  if (paragraphs !== null && !(paragraphs > 0)) throw new Error(`unknown size "${size}": use shipped, 1k, 10k, 100k or a number of paragraphs`)
  const key = await buildKey(paragraphs)
  const dir = join(WORK, `${size}-seed${seed}`)
  mkdirSync(dir, { recursive: true })
  prepareProject(dir)
  const project = join(dir, 'project')
  const indexDir = join(project, 'index')

  log(`[${size}] building the index${paragraphs === null ? '' : ` (${paragraphs} synthetic paragraphs)`}`)
  const build = await buildSize(dir, paragraphs, key)
  const workerFiles = workerIndexBytes(indexDir)
  const manifest = JSON.parse(workerFiles.manifest.toString('utf8')) as Manifest
  const assetsIndexDir = join(project, 'dist', 'assets', '_index')
  const files = {
    index: sizesOf(workerFiles.index),
    vocabulary: sizesOf(workerFiles.vocabulary),
    manifest: sizesOf(workerFiles.manifest),
    paragraphs: sizesOf(readFileSync(join(indexDir, 'paragraphs.json'))),
    bundledSet: sizesOf(Buffer.concat(Object.values(workerFiles))),
    largestAssetPart: Math.max(...readdirSync(assetsIndexDir).map((name) => statSync(join(assetsIndexDir, name)).size)),
  }

  log(`[${size}] bundling the Worker (wrangler deploy --dry-run)`)
  const worker = await measureWorker(project, Object.values(workerFiles))

  const vocabulary = JSON.parse(workerFiles.vocabulary.toString('utf8')) as VocabularyEntry[]
  const texts = (JSON.parse(readFileSync(join(indexDir, 'paragraphs.json'), 'utf8')) as { text: string }[]).map((p) => p.text)
  const mix = queryMix({ seed, vocabulary, paragraphs: texts, size: quick ? 120 : 300 })
  const queries = mix.map((query) => query.q)
  const queriesFile = join(dir, 'queries.json')
  writeFileSync(queriesFile, JSON.stringify(queries))
  const kinds: Record<string, number> = {}
  for (const query of mix) kinds[query.kind] = (kinds[query.kind] ?? 0) + 1

  log(`[${size}] Node: load, heap and query latency`)
  // A fresh isolate at the largest sizes costs tens of seconds; one trial there.
  const sizeTrials = manifest.counts.paragraphs >= 50_000 ? 1 : trials
  const nodeRuns = []
  for (let i = 0; i < sizeTrials; i++) nodeRuns.push(await nodeProbe(indexDir, queriesFile))
  const nodeFirst = nodeRuns[0]!
  log(`[${size}] Node: the heap a load from static assets needs at its peak`)
  const loadPeak = await loadPeakHeap(join(project, 'dist', 'assets'))

  log(`[${size}] workerd: cold start with the index bundled`)
  const bundled = await probeWorkerd(project, 'bundled', sizeTrials, null)
  log(`[${size}] workerd: cold start from static assets, and the query mix`)
  const assets = await probeWorkerd(project, 'assets', sizeTrials, queries)

  log(`[${size}] HTTP: autocannon against wrangler dev, ${httpSeconds} s per route`)
  const { firstRequestMs, http } = await measureHttp(project, queries)

  return {
    size,
    paragraphs: manifest.counts.paragraphs,
    sources: manifest.counts.sources,
    build,
    files,
    worker,
    coldStart: { workerdBundled: bundled.cold, workerdAssets: assets.cold, nodeLoadMs: nodeRuns.map((r) => r.loadMs), firstRequestMs },
    memory: { heapIndexOnly: nodeFirst.heapIndexOnly, heapWithTexts: nodeFirst.heapWithTexts, textsHeap: nodeFirst.textsHeap, loadPeakHeap: loadPeak, bundledLoadPeakEstimate: nodeFirst.loadPeakHeap, nodeLoadMaxRss: nodeFirst.maxRss },
    queries: { count: queries.length, kinds, ...(assets.inside ? { workerd: assets.inside } : {}), nodeRepeated: nodeFirst.repeated, nodeOnce: nodeFirst.once },
    http,
  }
}

// ---- report ----

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 2 : 1)
const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(0))
const med = (samples: number[]) => (samples.length ? median(samples) : Number.NaN)

function table(title: string, header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)))
  const line = (row: string[]) => `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`
  return [`\n${title}\n`, line(header), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 1) + '-' : '-'.repeat(w + 1) + ':')).join('|')}|`, ...rows.map(line)].join('\n')
}

function report(results: SizeResult[]): string {
  const coldCell = (cold: ColdStart) => (cold.error && cold.outsideMs.length === 0 ? 'failed' : `${ms(med(cold.readMs.map((r, i) => r + cold.parseMs[i]!)))} (${ms(med(cold.outsideMs))})`)
  const out = [
    table(
      '1–2. Build and size (MiB; gzip level 6 as wrangler measures)',
      ['size', 'paragraphs', 'build s', 'build peak RSS', 'index files raw', 'gzip', 'largest asset part', 'Worker as built raw / gzip', 'Worker with index bundled raw / gzip'],
      results.map((r) => [
        r.size,
        String(r.paragraphs),
        (r.build.ms / 1000).toFixed(1) + (r.build.cached ? '*' : ''),
        mb(r.build.maxRss),
        mb(r.files.bundledSet.raw),
        mb(r.files.bundledSet.gzip),
        mb(r.files.largestAssetPart),
        `${mb(r.worker.asBuilt.raw)} / ${mb(r.worker.asBuilt.gzip)}`,
        `${mb(r.worker.withBundledIndex.raw)} / ${mb(r.worker.withBundledIndex.gzip)}`,
      ])
    ),
    table(
      '1b. Build steps (ms; quotes = quotation and speaker extraction, facts = grouping into facts, related = "also reported by" with WordNet, wordnet = reading its files)',
      ['size', 'paragraphs', 'wordnet', 'recovery', 'quotes', 'related', 'facts', 'index', 'quotes µs / paragraph', 'facts µs / paragraph'],
      results.map((r) => {
        const steps = r.build.steps
        const cell = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(value < 10 ? 1 : 0))
        const per = (value: number | undefined) => (value === undefined ? '–' : ((value * 1000) / r.paragraphs).toFixed(1))
        return [r.size, String(r.paragraphs), cell(steps?.wordnet), cell(steps?.recovery), cell(steps?.quotes), cell(steps?.related), cell(steps?.facts), cell(steps?.index), per(steps?.quotes), per(steps?.facts)]
      })
    ),
    table(
      '3. Cold start (ms; median of fresh isolates / processes) and memory (MiB: Node heap after load and GC; load peak = least heap a load from assets succeeds in; bundled = text + parsed JSON + index)',
      ['size', 'workerd bundled: in (out)', 'workerd assets: in (out)', 'first /api/health', 'Node load', 'heap: index', 'heap: index + module text', 'load peak (assets)', 'load peak (bundled, est.)'],
      results.map((r) => [
        r.size,
        coldCell(r.coldStart.workerdBundled),
        coldCell(r.coldStart.workerdAssets),
        ms(r.coldStart.firstRequestMs),
        ms(med(r.coldStart.nodeLoadMs)),
        mb(r.memory.heapIndexOnly),
        mb(r.memory.heapWithTexts),
        mb(r.memory.loadPeakHeap),
        mb(r.memory.bundledLoadPeakEstimate),
      ])
    ),
    table(
      '4. Query latency (ms) over the mix, excluding HTTP',
      ['size', 'queries', 'workerd p50', 'p95', 'p99', 'workerd mean (outside)', 'Node p50', 'p95', 'p99', 'Node one-shot p50', 'p95', 'p99'],
      results.map((r) => {
        const w = r.queries.workerd
        const n = r.queries.nodeRepeated
        const o = r.queries.nodeOnce
        return [r.size, String(r.queries.count), ms(w?.p50), ms(w?.p95), ms(w?.p99), ms(w?.outsideMeanMs), ms(n.p50), ms(n.p95), ms(n.p99), ms(o.p50), ms(o.p95), ms(o.p99)]
      })
    ),
    table(
      `5. HTTP against wrangler dev on 127.0.0.1 (autocannon, ${results[0]?.http?.connections ?? '–'} connections, ${httpSeconds} s per route)`,
      ['size', '/api/health req/s', 'p50 ms', 'p99 ms', '/api/search req/s', 'p50 ms', 'p99 ms', 'search / health', 'errors'],
      results.map((r) => {
        const h = r.http
        if (!h) return [r.size, '–', '–', '–', '–', '–', '–', '–', '–']
        return [r.size, h.health.rps.toFixed(0), String(h.health.p50), String(h.health.p99), h.search.rps.toFixed(0), String(h.search.p50), String(h.search.p99), `${(h.ratio * 100).toFixed(0)}%`, String(h.health.errors + h.search.errors + h.health.non2xx + h.search.non2xx)]
      })
    ),
  ]
  const synthetic = results.filter((r) => r.size !== 'shipped').sort((a, b) => a.paragraphs - b.paragraphs)
  if (synthetic.length > 1) {
    const rows: string[][] = []
    for (let i = 1; i < synthetic.length; i++) {
      const [a, b] = [synthetic[i - 1]!, synthetic[i]!]
      const x = (f: (r: SizeResult) => number | undefined) => {
        const [fa, fb] = [f(a), f(b)]
        return fa && fb ? `×${(fb / fa).toFixed(1)}` : '–'
      }
      rows.push([
        `${a.size} → ${b.size}`,
        `×${(b.paragraphs / a.paragraphs).toFixed(0)}`,
        x((r) => r.build.ms),
        x((r) => r.build.maxRss),
        x((r) => r.files.bundledSet.raw),
        x((r) => med(r.coldStart.nodeLoadMs)),
        x((r) => r.memory.heapIndexOnly),
        x((r) => r.queries.workerd?.p99),
        x((r) => r.queries.nodeOnce.p99),
        x((r) => r.http?.search.rps),
      ])
    }
    out.push(table('Growth', ['sizes', 'paragraphs', 'build time', 'build RSS', 'index bytes', 'Node load', 'heap', 'workerd p99', 'Node one-shot p99', 'search req/s'], rows))
  }
  const errors = results.flatMap((r) => [r.coldStart.workerdBundled, r.coldStart.workerdAssets].filter((c) => c.error).map((c) => `${r.size}: ${c.error}`))
  if (errors.length) out.push(`\nFailures:\n${errors.map((e) => `- ${e}`).join('\n')}`)
  if (results.some((r) => r.build.cached)) out.push('\n* build time and RSS from a cached build of the same corpus and build code (run with --fresh to rebuild)')
  return out.join('\n')
}

function ingestReport(results: IngestResult[]): string {
  return table(
    '6. Ingest throughput per format (MB per CPU second, 10^6 bytes; the article fixtures, and one long page of them, as saved page, Chromium print and its pdftotext text)',
    ['format', 'input', 'files', 'bytes', 'printed pages', 'rounds', 'reader MB/s', 'build of one source MB/s', 'build CPU s (all files)'],
    results.map((r) => [r.format, r.input, String(r.files), String(r.bytes), String(r.pages), String(r.rounds), r.readMBps.toFixed(2), r.buildMBps.toFixed(2), (r.bytes / 1e6 / r.buildMBps).toFixed(2)])
  )
}

async function versions() {
  const version = (name: string) => (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? cpus()[0]?.model ?? 'unknown'
  // What `startDevServer` gives wrangler (see `devServerEnv`): whether wrangler dev traces each call locally.
  const localTracing = /^false$/i.test(devServerEnv(process.env).X_LOCAL_OBSERVABILITY ?? '') ? 'off' : 'on'
  return { cpu, cores: cpus().length, memoryGiB: Math.round(totalmem() / 1024 ** 3), node: process.version, wrangler: version('wrangler'), workerd: version('workerd'), minisearch: version('minisearch'), autocannon: version('autocannon'), localTracing }
}

/** The runtime part of a report's `machine:` line. */
function runtimeLine(machine: Awaited<ReturnType<typeof versions>>): string {
  return `Node ${machine.node}, wrangler ${machine.wrangler} (local tracing ${machine.localTracing}), workerd ${machine.workerd}`
}

/** `--engine d1`: the D1 engine's figures per size. */
async function mainD1(): Promise<void> {
  const started = performance.now()
  const machine = await versions()
  const results: D1SizeResult[] = []
  for (const size of sizeList.filter((name) => name !== 'shipped')) {
    const paragraphs = SIZE_NAMES[size] ?? Number(size.replace(/k$/, '000'))
    if (!(paragraphs > 0)) throw new Error(`unknown size "${size}"`)
    results.push(await measureD1Size({ work: WORK, size, paragraphs, seed, log, key: await buildKey(paragraphs), fresh: values.fresh }))
  }
  const seconds = (performance.now() - started) / 1000
  const json = JSON.stringify({ machine, command: `node scripts/bench.ts ${process.argv.slice(2).join(' ')}`.trim(), seed, seconds, results }, null, 2)
  if (values.save) writeFileSync(values.save, json + '\n')
  if (values.json) console.log(json)
  else console.log(`\nmachine: ${machine.cpu}, ${machine.cores} cores; ${runtimeLine(machine)}\n\nD1 engine (workerd + local D1)\n${d1Report(results)}\nbench took ${seconds.toFixed(0)} s`)
}

/** `--shards`: a sharded D1 deployment's fan-out, simulated with local D1 databases. */
async function mainShards(): Promise<void> {
  const machine = await versions()
  const sizes = (values.sizes ?? '100k').split(',').map((name) => name.trim())
  if (sizes.length !== 1) throw new Error(`--shards measures one size, not ${sizes.length} (${sizes.join(', ')})`)
  const size = sizes[0]!
  const paragraphs = SIZE_NAMES[size] ?? Number(size.replace(/k$/, '000'))
  if (!(paragraphs > 0)) throw new Error(`--shards needs a synthetic size, not "${size}"`)
  const counts = values.shards!.split(',').map((count) => Number(count.trim()))
  if (counts.some((count) => !Number.isInteger(count) || count < 1)) throw new Error(`--shards takes shard counts such as 1,2,4, not "${values.shards}"`)
  const results = await measureShards({ work: WORK, size, paragraphs, seed, counts, buildKey: await buildKey(paragraphs), fresh: values.fresh, log })
  const json = JSON.stringify({ machine, command: `node scripts/bench.ts ${process.argv.slice(2).join(' ')}`.trim(), seed, results }, null, 2)
  if (values.save) writeFileSync(values.save, json + '\n')
  if (values.json) console.log(json)
  else console.log(`\nmachine: ${machine.cpu}, ${machine.cores} cores; ${runtimeLine(machine)}\n\nShards (${size}, local D1, one Worker fanning out)\n${shardsReport(results)}`)
}

/** `--peers`: the project's engines beside plain MiniSearch, FlexSearch and SQLite FTS5. */
async function mainPeers(): Promise<void> {
  const machine = await versions()
  const results = []
  for (const size of sizeList.filter((name) => name !== 'shipped')) {
    const paragraphs = SIZE_NAMES[size] ?? Number(size.replace(/k$/, '000'))
    results.push(await measurePeers({ work: WORK, size, paragraphs, seed, buildKey: await buildKey(paragraphs), fresh: values.fresh, log }))
  }
  const json = JSON.stringify({ machine, command: `node scripts/bench.ts ${process.argv.slice(2).join(' ')}`.trim(), seed, results }, null, 2)
  if (values.save) writeFileSync(values.save, json + '\n')
  if (values.json) console.log(json)
  else console.log(`\nmachine: ${machine.cpu}, ${machine.cores} cores; Node ${machine.node}\n\nPeers (Node, one process per engine)\n${peersReport(results)}`)
}

// ---- soak (issue 13, item 7): the measuring is in scripts/lib/bench/soak.ts ----

/** `--soak`: each engine under steady loopback load at one size, its workerd's memory sampled. */
async function mainSoak(): Promise<void> {
  const machine = await versions()
  const size = (values.sizes ?? '10k').split(',')[0]!.trim()
  const paragraphs = SIZE_NAMES[size] ?? Number(size.replace(/k$/, '000'))
  if (!(paragraphs > 0)) throw new Error(`--soak needs a synthetic size, not "${size}"`)
  const engines = values.engine ? [values.engine] : ['minisearch', 'd1']
  const results: SoakResult[] = []
  for (const engine of engines) {
    let project: string
    let args: string[]
    if (engine === 'd1') {
      const built = await prepareD1Project({ work: WORK, name: `soak-d1-${size}-seed${seed}`, size, paragraphs, seed, log })
      project = built.project
      args = ['--config', join(project, 'wrangler.toml'), '--persist-to', built.state]
    } else if (engine === 'minisearch') {
      const dir = join(WORK, `soak-${size}-seed${seed}`)
      mkdirSync(dir, { recursive: true })
      prepareProject(dir)
      log(`[soak minisearch] building the index (${paragraphs} synthetic paragraphs)`)
      await buildSize(dir, paragraphs, await buildKey(paragraphs))
      project = join(dir, 'project')
      args = ['--config', join(project, 'wrangler.toml')]
    } else throw new Error(`--engine must be minisearch or d1, not "${engine}"`)
    const indexDir = join(project, 'index')
    const manifest = JSON.parse(readFileSync(join(indexDir, WORKER_INDEX_FILES.manifest), 'utf8')) as Manifest
    if (manifest.engine !== engine) throw new Error(`the ${size} build chose the ${manifest.engine} engine, not ${engine}`)
    const vocabulary = JSON.parse(readFileSync(join(indexDir, WORKER_INDEX_FILES.vocabulary), 'utf8')) as VocabularyEntry[]
    const texts = (JSON.parse(readFileSync(join(indexDir, 'paragraphs.json'), 'utf8')) as { text: string }[]).map((p) => p.text)
    const queries = queryMix({ seed, vocabulary, paragraphs: texts }).map((query) => query.q)
    mkdirSync(join(project, 'dist', 'assets'), { recursive: true })
    writeFileSync(join(project, 'dist', 'assets', 'bench-ready.txt'), 'ready\n')
    results.push(await runSoak({ engine, paragraphs: manifest.counts.paragraphs, args, readyPath: '/bench-ready.txt', queries, seconds: Number(values['soak-seconds']), connections: 8, log }))
  }
  const json = JSON.stringify({ machine, command: `node scripts/bench.ts ${process.argv.slice(2).join(' ')}`.trim(), seed, results }, null, 2)
  if (values.save) writeFileSync(values.save, json + '\n')
  if (values.json) console.log(json)
  else console.log(`\nmachine: ${machine.cpu}, ${machine.cores} cores; ${runtimeLine(machine)}\n\nSoak (wrangler dev on 127.0.0.1, autocannon)\n${soakReport(results)}`)
}

// ---- end of soak ----

async function main(): Promise<void> {
  if (values.soak) return mainSoak()
  if (values.peers) return mainPeers()
  if (values.shards) return mainShards()
  if (values.engine === 'd1') return mainD1()
  const started = performance.now()
  const machine = await versions()
  log(values.ingest ? 'bench: ingest only' : `bench: sizes ${sizeList.join(', ')}; seed ${seed}; ${trials} trial(s); work folder ${WORK}`)
  const results: SizeResult[] = []
  if (!values.ingest) for (const size of sizeList) results.push(await measureSize(size))
  log('ingest: reading the article fixtures in every format')
  const ingest = await measureIngest(quick ? 5 : 20)
  const seconds = (performance.now() - started) / 1000
  const json = JSON.stringify({ machine, command: `node scripts/bench.ts ${process.argv.slice(2).join(' ')}`.trim(), seed, trials, httpSeconds, seconds, limits: LIMITS, results, ingest }, null, 2)
  if (values.save) writeFileSync(values.save, json + '\n')
  if (values.json) {
    console.log(json)
  } else {
    console.log(`\nmachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; ${runtimeLine(machine)}, minisearch ${machine.minisearch}`)
    if (results.length > 0) {
      console.log(report(results))
      console.log(`\nin (out): time measured inside workerd (performance.now(), whole ms) and from outside less an empty request's time.`)
    }
    console.log(ingestReport(ingest))
    console.log(`bench took ${seconds.toFixed(0)} s`)
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error)
    process.exit(1)
  }
)
