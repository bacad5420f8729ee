/**
 * @module
 * The D1 engine's benchmark (`npm run bench -- --engine d1`): for each size, a synthetic corpus
 * built with `--engine d1` into a copy of the project and loaded into that copy's local D1, then
 * the real Worker under `wrangler dev` with that D1:
 * - build: the whole build's time and peak memory, and the D1 load's part of it;
 * - first query: the first `/api/search` of a fresh `wrangler dev` (its isolate loads the shell
 *   from D1 then), from outside (a client process of its own), less an empty request's time;
 *   once right after the build loaded the database, once in a second fresh `wrangler dev`;
 * - latency: the seeded query mix one query at a time, as the Worker measures it (`tookMs`: in
 *   local workerd the clock advances across I/O, so it covers the D1 round trips), overall and by
 *   kind of query, with the outside time beside it;
 * - heap: what the isolate keeps for the D1 engine (the shell: manifest, vocabulary, term
 *   dictionary), measured in Node with the same code (workerd shows no heap figure).
 */
import { readParagraphs } from '../index-files.ts'
import { cpSync, existsSync, mkdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startDevServer } from '../dev-server.ts'
import { ROOT } from '../paths.ts'
import { runCommand } from './run-command.ts'
import { generateSyntheticCorpus } from '../synthetic-corpus.ts'
import { queryMix, type MixQuery, type QueryKind } from './query-mix.ts'
import { latency, median, type Latency } from './stats.ts'
import type { VocabularyEntry } from '../../../src/core/vocabulary.ts'

/** The bench sends hundreds of queries a second from one client: rate limiting is off in its copies. */
export function disableRateLimiting(wranglerToml: string): void {
  const toml = readFileSync(wranglerToml, 'utf8')
  const off = toml.replace(/^RATE_LIMITED_PATHS = .*$/m, 'RATE_LIMITED_PATHS = ""')
  if (off === toml) throw new Error(`${wranglerToml}: no RATE_LIMITED_PATHS to turn rate limiting off`)
  writeFileSync(wranglerToml, off)
}

/**
 * Copies what a bench copy of the project runs from into `project`, replacing what was there: the
 * code (`src`, `scripts`), `package.json`, `tsconfig.json` and, unless told not to,
 * `wrangler.toml` with rate limiting off; its `node_modules` linked to this checkout's.
 */
export function copyProject(project: string, options: { wranglerToml?: boolean } = {}): void {
  const withToml = options.wranglerToml !== false
  mkdirSync(project, { recursive: true })
  for (const path of ['src', 'scripts']) {
    rmSync(join(project, path), { recursive: true, force: true })
    cpSync(join(ROOT, path), join(project, path), { recursive: true })
  }
  for (const file of ['package.json', 'tsconfig.json', ...(withToml ? ['wrangler.toml'] : [])]) cpSync(join(ROOT, file), join(project, file))
  if (withToml) disableRateLimiting(join(project, 'wrangler.toml'))
  linkNodeModules(project)
}

/** The local D1 database id of shard `i` (its file in the shared state is named after it). */
export function shardDatabaseId(i: number): string {
  return `00000000-0000-0000-0000-${String(i + 1).padStart(12, '0')}`
}

/** Points a copy's `INDEX_DB` binding at another local D1 database. */
function useDatabase(wranglerToml: string, databaseId: string): void {
  const toml = readFileSync(wranglerToml, 'utf8')
  const moved = toml.replace(/^database_id = .*$/m, `database_id = "${databaseId}"`)
  if (moved === toml) throw new Error(`${wranglerToml}: no database_id to point at ${databaseId}`)
  writeFileSync(wranglerToml, moved)
}

/**
 * Links a bench copy's `node_modules` to this checkout's. The work folder outlives checkouts: a
 * link another one left there (dangling once its checkout is gone) is made again.
 */
export function linkNodeModules(project: string): void {
  const link = join(project, 'node_modules')
  const target = join(ROOT, 'node_modules')
  let current: string | undefined
  try {
    current = readlinkSync(link)
  } catch {
    current = undefined
  }
  if (current === target) return
  rmSync(link, { recursive: true, force: true })
  symlinkSync(target, link)
}

/** One size's figures. */
export type D1SizeResult = {
  size: string
  paragraphs: number
  /** The build: wall time, peak RSS, the D1 load (of which the answers to short prefixes), SQL bytes; `cached` when an earlier build was reused. */
  build: { ms: number; maxRss: number; d1LoadMs: number; answersMs?: number; sqlBytes: number; cached: boolean; measuredAt: string }
  /** The first query of a fresh isolate, the database opened by a `wrangler dev` before. */
  firstQueryMs: number
  firstQueryTookMs: number
  /** The first query of the first `wrangler dev` after the build loaded the database. */
  firstAfterLoadMs: number
  /** What the shell holds in V8's heap, and in typed arrays' buffers outside it (see `d1-shell-heap.ts`). */
  shellHeapBytes: number
  shellBufferBytes: number
  queries: { inside: Latency; outside: Latency; byKind: Record<string, Latency & { totalMean: number }> }
}

const run = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env) => runCommand(command, args, { env })

/** A client that times one GET and prints `{ ms, body }` (run with `node -e`, the URL as its argument). */
/**
 * A client that times one GET and prints `{ ms, body }` (run with `node -e`, the URL and a static
 * asset's URL as arguments): the asset is fetched first, outside the timing, so that loading
 * Node's `fetch` and opening the connection are not counted, and the Worker is not woken by it.
 */
const FIRST_QUERY_CLIENT =
  'fetch(process.argv[2]).then((r) => r.text()).then(async () => { const t = performance.now(); const r = await fetch(process.argv[1]); const body = await r.json(); const ms = performance.now() - t; if (!r.ok) { console.error(JSON.stringify(body)); process.exit(1) } console.log(JSON.stringify({ ms, body: { tookMs: body.tookMs } })) })'

const settle = () => new Promise((resolve) => setTimeout(resolve, 300))

/** A copy of the project built with the D1 engine and loaded into a local D1 (its own, or a shard's database in a state shared with the other shards). */
export type D1Project = {
  /** The copy's root, where `wrangler dev` runs. */
  project: string
  /** The wrangler state holding its local D1, for `wrangler dev --persist-to`: the copy's own, or the shards' shared one. */
  state: string
  /** The copy's `index/`. */
  indexDir: string
  build: D1SizeResult['build']
}

/**
 * Builds a synthetic corpus with `--engine d1` into a fresh copy of the project under
 * `work/name` (rate limiting off) and loads the copy's local D1.
 *
 * @param options.name - The copy's folder under `work`; replaced if it exists.
 * @param options.shard - A shard's build: its state is shared and outlives the copy, so the caller
 *   replaces it (a generation the database already serves is not loaded again, which this throws on).
 * @throws If the build fails or does not report loading D1.
 */
export async function prepareD1Project(options: {
  work: string
  name: string
  size: string
  paragraphs: number
  seed: number
  log: (line: string) => void
  key?: string
  fresh?: boolean
  /** Only the sources whose index modulo `count` is `index`, loaded into the local D1 of `state` (shared by the shards) under a database of its own (`shardDatabaseId`). */
  shard?: { index: number; count: number; state: string }
}): Promise<D1Project> {
  const { work, name, size, paragraphs, seed, log } = options
  const node = process.execPath
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' }
  const record = join(work, name, 'build.json')
  if (options.key !== undefined && !options.fresh && existsSync(record)) {
    // A build of the same corpus by the same code, its D1 loaded: measured again without rebuilding.
    const cached = JSON.parse(readFileSync(record, 'utf8')) as D1Project & { key: string }
    if (cached.key === options.key && existsSync(join(cached.indexDir, 'manifest.json')) && existsSync(cached.state)) {
      log(`[d1 ${size}] reusing the build of ${cached.build.measuredAt} (--fresh rebuilds)`)
      linkNodeModules(cached.project)
      return { project: cached.project, state: cached.state, indexDir: cached.indexDir, build: { ...cached.build, cached: true } }
    }
  }
  const dir = join(work, name)
  const project = join(dir, 'project')
  const corpus = join(dir, 'corpus')
  const { shard } = options
  const state = shard?.state ?? join(project, '.wrangler', 'state')
  rmSync(dir, { recursive: true, force: true })
  copyProject(project)
  if (shard) useDatabase(join(project, 'wrangler.toml'), shardDatabaseId(shard.index))
  mkdirSync(corpus, { recursive: true })
  const files = generateSyntheticCorpus({ seed, paragraphs }).filter((_, i) => !shard || i % shard.count === shard.index)
  for (const file of files) writeFileSync(join(corpus, file.name), file.text)

  log(`[d1 ${size}] building with --engine d1 and loading the local D1`)
  const rssFile = join(dir, 'build-max-rss')
  const started = performance.now()
  // The build runs in the copy: the local D1 it loads is the copy's `INDEX_DB` (a shard's own database).
  const output = await runCommand(
    node,
    ['--import', join(ROOT, 'scripts/lib/bench/report-max-rss.ts'), 'scripts/build-index.ts', '--engine', 'd1', '--corpus', corpus, '--out', join(project, 'index'), '--assets', join(project, 'dist', 'assets'), '--d1-persist-to', state],
    { cwd: project, env: { ...env, BENCH_MAX_RSS_FILE: rssFile } }
  )
  const buildMs = performance.now() - started
  const loadLine = /loaded \S+ into the local D1 \(([\d.]+) MiB of SQL\) in (\d+) ms/.exec(output)
  if (!loadLine) throw new Error(`the build did not load D1:\n${output.slice(-2000)}`)
  const answersLine = /of which (\d+) ms computing the answers/.exec(output)
  const build = {
    ms: buildMs,
    maxRss: Number(readFileSync(rssFile, 'utf8')),
    d1LoadMs: Number(loadLine[2]),
    ...(answersLine ? { answersMs: Number(answersLine[1]) } : {}),
    sqlBytes: Math.round(Number(loadLine[1]) * 1048576),
    cached: false,
    measuredAt: new Date().toISOString(),
  }
  const prepared = { project, state, indexDir: join(project, 'index'), build }
  if (options.key !== undefined) writeFileSync(record, JSON.stringify({ ...prepared, key: options.key }, null, 2) + '\n')
  return prepared
}

/**
 * Measures one size with the D1 engine.
 *
 * @param options.work - The bench's work folder.
 * @param options.paragraphs - Synthetic paragraphs.
 */
export async function measureD1Size(options: { work: string; size: string; paragraphs: number; seed: number; log: (line: string) => void; key?: string; fresh?: boolean }): Promise<D1SizeResult> {
  const { work, size, paragraphs, seed, log } = options
  const node = process.execPath
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' }
  const { project, state, indexDir, build } = await prepareD1Project({ ...options, name: `d1-${size}-seed${seed}` })

  const vocabulary = JSON.parse(readFileSync(join(indexDir, 'vocabulary.json'), 'utf8')) as VocabularyEntry[]
  const texts = Array.from(readParagraphs(indexDir), (paragraph) => paragraph.text)
  const mix: MixQuery[] = queryMix({ seed, vocabulary, paragraphs: texts })

  log(`[d1 ${size}] shell heap (Node)`)
  const heapOutput = await run(node, ['--expose-gc', join(ROOT, 'scripts/lib/bench/d1-shell-heap.ts'), project, state], env)
  const { shellHeap: shellHeapBytes, shellBuffers: shellBufferBytes } = JSON.parse(heapOutput.trim().split('\n').at(-1)!) as { shellHeap: number; shellBuffers: number }

  log(`[d1 ${size}] wrangler dev with the local D1: first query, then the mix (${mix.length} queries)`)
  // A D1 build puts no index in the assets: the folder may not be there yet.
  mkdirSync(join(project, 'dist', 'assets'), { recursive: true })
  writeFileSync(join(project, 'dist', 'assets', 'bench-ready.txt'), 'ready\n')
  const startServer = () => startDevServer({ args: ['--config', join(project, 'wrangler.toml'), '--persist-to', state], readyPath: '/bench-ready.txt', timeoutMs: 180_000 })
  // The first query, timed by a small client process of its own (this process holds the corpus's
  // texts for the mix, and a collection of them during that one request would count).
  const firstQuery = async (url: string) => {
    const line = await run(node, ['-e', FIRST_QUERY_CLIENT, `${url}/api/search?q=${encodeURIComponent(mix[0]!.q)}`, `${url}/bench-ready.txt`], env)
    return JSON.parse(line.trim().split('\n').at(-1)!) as { ms: number; body: { tookMs?: number } }
  }
  // Twice: right after the build loaded the database (local D1 opens it then, a cost production
  // D1 does not have), then in a fresh `wrangler dev`, a fresh isolate, over the same database.
  const afterLoad = await startServer()
  let firstAfterLoad: { ms: number }
  try {
    await settle()
    firstAfterLoad = await firstQuery(afterLoad.url)
  } finally {
    await afterLoad.stop()
  }
  const server = await startServer()
  try {
    await settle()
    const get = async (path: string) => {
      const t0 = performance.now()
      const response = await fetch(server.url + path)
      const body = (await response.json()) as { tookMs?: number; error?: unknown }
      const ms = performance.now() - t0
      if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`)
      return { ms, body }
    }
    const search = (q: string) => get(`/api/search?q=${encodeURIComponent(q)}`)
    const first = await firstQuery(server.url)
    const empty: number[] = []
    for (let i = 0; i < 7; i++) empty.push((await get('/api/paragraphs/none-such').catch(() => ({ ms: NaN }))).ms)
    const emptyMs = median(empty.filter((ms) => !Number.isNaN(ms))) || 0
    for (const { q } of mix.slice(0, 20)) await search(q)
    const inside: number[] = []
    const outside: number[] = []
    const byKind = new Map<QueryKind, number[]>()
    const outsideByKind = new Map<QueryKind, number[]>()
    for (const { kind, q } of mix) {
      const { ms, body } = await search(q)
      inside.push(body.tookMs!)
      outside.push(ms)
      byKind.set(kind, [...(byKind.get(kind) ?? []), body.tookMs!])
      outsideByKind.set(kind, [...(outsideByKind.get(kind) ?? []), ms])
    }
    return {
      size,
      paragraphs,
      build,
      firstQueryMs: first.ms - emptyMs,
      firstQueryTookMs: first.body.tookMs!,
      firstAfterLoadMs: firstAfterLoad.ms - emptyMs,
      shellHeapBytes,
      shellBufferBytes,
      queries: {
        inside: latency(inside),
        outside: latency(outside),
        byKind: Object.fromEntries([...byKind].map(([kind, samples]) => [kind, { ...latency(samples), totalMean: latency(outsideByKind.get(kind)!).mean }])),
      },
    }
  } finally {
    await server.stop()
  }
}

/** The figures as a Markdown table. */
export function d1Report(results: readonly D1SizeResult[]): string {
  const mib = (bytes: number) => (bytes / 1048576).toFixed(1)
  const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0))
  const lines = [
    '| paragraphs | build s (D1 load s) | build peak RSS MiB | SQL MiB | first query ms (tookMs) | first after the load ms | shell heap + buffers MiB | p50 / p99 ms inside | p50 / p99 ms outside |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) =>
      `| ${r.paragraphs} | ${(r.build.ms / 1000).toFixed(1)}${r.build.cached ? '*' : ''} (${(r.build.d1LoadMs / 1000).toFixed(1)}) | ${mib(r.build.maxRss)} | ${mib(r.build.sqlBytes)} | ${ms(r.firstQueryMs)} (${ms(r.firstQueryTookMs)}) | ${ms(r.firstAfterLoadMs)} | ${mib(r.shellHeapBytes)} + ${mib(r.shellBufferBytes)} | ${ms(r.queries.inside.p50)} / ${ms(r.queries.inside.p99)} | ${ms(r.queries.outside.p50)} / ${ms(r.queries.outside.p99)} |`
    ),
    ...(results.some((r) => r.build.cached) ? ['', '\\* an earlier build of the same corpus and code, reused (`--fresh` rebuilds); "first after the load" is then a first query like the other.'] : []),
    '',
    '| paragraphs | kind | queries | mean | p50 | p99 (inside workerd, ms) |',
    '| ---: | --- | ---: | ---: | ---: | ---: |',
    ...results.flatMap((r) => Object.entries(r.queries.byKind).map(([kind, l]) => `| ${r.paragraphs} | ${kind} | ${l.count} | ${ms(l.mean)} | ${ms(l.p50)} | ${ms(l.p99)} |`)),
  ]
  return lines.join('\n')
}
