/**
 * @module
 * `npm run bench -- --peers`: the project's two engines beside plain MiniSearch, FlexSearch and
 * plain SQLite FTS5, in the same run, on the same synthetic corpus and the same query mix, each in
 * a fresh Node process (`peer-probe.ts`): load, heap kept, first query, p50 and p99, and the
 * results found, with ratios to the project's engines. Node, not workerd, so that every engine
 * runs on the same runtime: the D1 engine runs its own code and SQL over `node:sqlite` here, and
 * in workerd with the local D1 in `d1-bench.ts`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../paths.ts'
import { runCommand } from './run-command.ts'
import { sha256Hex } from '../../../src/core/hash.ts'
import { generateSyntheticCorpus } from '../synthetic-corpus.ts'
import { queryMix } from './query-mix.ts'
import type { Latency } from './stats.ts'
import type { VocabularyEntry } from '../../../src/core/vocabulary.ts'

/** The engines compared, the project's first. */
export const PEER_ENGINES = ['product-minisearch', 'product-d1', 'minisearch', 'flexsearch', 'sqlite-fts5'] as const

/** One engine's figures. */
export type PeerResult = { engine: string; loadMs: number; firstQueryMs: number; heap: number; latency: Latency; found: number; withResults: number; queries: number }

const run = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env) => runCommand(command, args, { env })

/** The probe measuring one engine in a process of its own. */
const PROBE = join(ROOT, 'scripts/lib/bench/peer-probe.ts')

/** Measures every engine at one size. */
export async function measurePeers(options: {
  work: string
  size: string
  paragraphs: number
  seed: number
  /**
   * What the cached index depends on: seed, size, build code, corpus generator (the bench's
   * `buildKey`). With the probe's own code, it keys the index and the engines' files (the D1
   * engine's database, plain FTS5's), which are built again when it changes.
   */
  buildKey: string
  /** Build the index and the engines' files again, whatever is cached. */
  fresh?: boolean
  log: (line: string) => void
}): Promise<{ size: string; paragraphs: number; engines: PeerResult[] }> {
  const { work, size, paragraphs, seed, log } = options
  const dir = join(work, `peers-${size}-seed${seed}`)
  const corpus = join(dir, 'corpus')
  const indexDir = join(dir, 'index')
  const key = await sha256Hex(`${options.buildKey}\n${readFileSync(PROBE, 'utf8')}`)
  const keyFile = join(dir, 'key.txt')
  // Files cached by other code are no measure of this code: all of them are made again.
  if (options.fresh || !existsSync(keyFile) || readFileSync(keyFile, 'utf8') !== key) rmSync(dir, { recursive: true, force: true })
  if (!existsSync(keyFile)) {
    log(`[peers ${size}] building the index`)
    mkdirSync(corpus, { recursive: true })
    for (const file of generateSyntheticCorpus({ seed, paragraphs })) writeFileSync(join(corpus, file.name), file.text)
    await run(process.execPath, ['scripts/build-index.ts', '--engine', 'minisearch', '--corpus', corpus, '--out', indexDir, '--quiet'])
    writeFileSync(keyFile, key)
  }
  const vocabulary = JSON.parse(readFileSync(join(indexDir, 'vocabulary.json'), 'utf8')) as VocabularyEntry[]
  const texts = (JSON.parse(readFileSync(join(indexDir, 'paragraphs.json'), 'utf8')) as { text: string }[]).map((paragraph) => paragraph.text)
  const queriesFile = join(dir, 'queries.json')
  writeFileSync(queriesFile, JSON.stringify(queryMix({ seed, vocabulary, paragraphs: texts }).map((query) => query.q)))
  const engines: PeerResult[] = []
  for (const engine of PEER_ENGINES) {
    log(`[peers ${size}] ${engine}`)
    const output = await run(process.execPath, ['--expose-gc', '--max-old-space-size=8192', PROBE, engine, indexDir, queriesFile, dir])
    engines.push(JSON.parse(output.trim().split('\n').at(-1)!) as PeerResult)
  }
  return { size, paragraphs, engines }
}

/** The figures as a Markdown table, with ratios to the project's MiniSearch and D1 engines. */
export function peersReport(results: readonly { paragraphs: number; engines: PeerResult[] }[]): string {
  const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0))
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–')
  const lines = [
    '| paragraphs | engine | load ms | first query ms | heap MiB | p50 ms | p99 ms | results found (queries with any) | p50 / p99 vs ours (MiniSearch; D1) |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ]
  for (const { paragraphs, engines } of results) {
    const [ours, d1] = engines
    for (const e of engines) {
      lines.push(
        `| ${paragraphs} | ${e.engine} | ${ms(e.loadMs)} | ${ms(e.firstQueryMs)} | ${(e.heap / 1048576).toFixed(1)} | ${ms(e.latency.p50)} | ${ms(e.latency.p99)} | ${e.found} (${e.withResults}/${e.queries}) | ${ratio(e.latency.p50, ours!.latency.p50)} / ${ratio(e.latency.p99, ours!.latency.p99)}; ${ratio(e.latency.p50, d1!.latency.p50)} / ${ratio(e.latency.p99, d1!.latency.p99)} |`
      )
    }
  }
  return lines.join('\n')
}
