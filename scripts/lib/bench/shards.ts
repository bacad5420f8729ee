/**
 * @module
 * `npm run bench -- --shards 1,2,4`: what a sharded D1 deployment costs per query, simulated here
 * (issue 13, item 8; ARCHITECTURE.md, "Past one database"). One synthetic corpus is split by
 * source into N shards, each built into a local D1 database of its own (`prepareD1Project` with
 * `shard`), and one Worker bound to all of them (`probe-shards.ts`) answers the bench's query mix
 * by searching every shard and merging: its time per query inside workerd, by N.
 *
 * Locally every D1 database runs on workerd's one thread, so the shards' calls, sent at once, are
 * answered one after the other: the time measured is the fan-out's whole work, an upper bound of
 * its latency where the shards answer in parallel.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readParagraphs } from '../index-files.ts'
import { startDevServer } from '../dev-server.ts'
import { sha256Hex } from '../../../src/core/hash.ts'
import type { VocabularyEntry } from '../../../src/core/vocabulary.ts'
import { copyProject, prepareD1Project, shardDatabaseId } from './d1-bench.ts'
import { shardBinding } from './probe-shards.ts'
import { queryMix } from './query-mix.ts'
import { latency, type Latency } from './stats.ts'

/** One shard count's figures. */
export type ShardsResult = {
  shards: number
  /** Paragraphs in all, and in the largest shard. */
  paragraphs: number
  largestShard: number
  /** Each shard's build, loaded into its local D1, in seconds. */
  buildSeconds: number[]
  /** Whether the builds were reused from an earlier run of the same code. */
  reused: boolean
  /** Time per query of the mix inside the fan-out Worker, ms (whole milliseconds locally). */
  inside: Latency
  /** Matches over the mix, totals added. */
  found: number
}

/** How sources are dealt to shards (`prepareD1Project`'s `shard`): part of what a build depends on. */
const SPLIT = 'source i to shard i mod N'

/**
 * Builds each shard count's shards (reusing a build of the same code) and measures the fan-out.
 *
 * @param options.counts - Shard counts, e.g. `[1, 2, 4]`; one shard is measured first whether
 *   listed or not: the mix is drawn from it (the whole corpus, as `--engine d1` draws it), so
 *   every count is asked the same queries, and the others are compared with it.
 * @param options.buildKey - What a build depends on (the bench's `buildKey`).
 */
export async function measureShards(options: { work: string; size: string; paragraphs: number; seed: number; counts: number[]; buildKey: string; fresh?: boolean; log: (line: string) => void }): Promise<ShardsResult[]> {
  const { work, size, paragraphs, seed, log } = options
  const counts = [...new Set([1, ...options.counts])]
  const results: ShardsResult[] = []
  let mix: string[] | undefined
  for (const count of counts) {
    const name = `shards-${size}-seed${seed}-n${count}`
    const dir = join(work, name)
    const state = join(dir, 'state')
    // The shards of a count share one state: they are reused all together, or all built again
    // into a new one (a build into a state whose database already serves its generation loads
    // nothing, and one shard's copy may be gone while its database is there).
    const key = await sha256Hex(`${options.buildKey}\n${count} shards, ${SPLIT}`)
    const keyFile = join(dir, 'key.txt')
    const shardKey = (index: number) => sha256Hex(`${key}\nshard ${index}`)
    const whole = !options.fresh && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key && Array.from({ length: count }, (_, index) => existsSync(join(dir, `shard-${index}`, 'build.json'))).every(Boolean)
    if (!whole) rmSync(dir, { recursive: true, force: true })
    const built = []
    for (let index = 0; index < count; index++) {
      built.push(await prepareD1Project({ work, name: join(name, `shard-${index}`), size: `${size} shard ${index + 1}/${count}`, paragraphs, seed, log, key: await shardKey(index), fresh: !whole, shard: { index, count, state } }))
    }
    writeFileSync(keyFile, key)
    const shardParagraphs = built.map((shard) => (JSON.parse(readFileSync(join(shard.indexDir, 'manifest.json'), 'utf8')) as { counts: { paragraphs: number } }).counts.paragraphs)
    if (!mix) {
      const corpus = built[0]!.indexDir
      const vocabulary = JSON.parse(readFileSync(join(corpus, 'vocabulary.json'), 'utf8')) as VocabularyEntry[]
      const texts = Array.from(readParagraphs(corpus), (paragraph) => paragraph.text)
      mix = queryMix({ seed, vocabulary, paragraphs: texts }).map((query) => query.q)
    }
    // The fan-out Worker: a copy of the code, bound to every shard's database in the shared state.
    const probe = join(dir, 'fanout')
    copyProject(probe, { wranglerToml: false })
    const bindings = built.map((_, i) => `[[d1_databases]]\nbinding = "${shardBinding(i)}"\ndatabase_name = "shard-${i}"\ndatabase_id = "${shardDatabaseId(i)}"\n`)
    writeFileSync(join(probe, 'wrangler.toml'), `name = "bench-shards"\nmain = "scripts/lib/bench/probe-shards.ts"\ncompatibility_date = "2026-11-01"\nsend_metrics = false\nkeep_names = false\n\n${bindings.join('\n')}`)
    log(`[shards ${size}] ${count} shard${count > 1 ? 's' : ''}: wrangler dev, the mix (${mix.length} queries)`)
    const server = await startDevServer({ args: ['--config', join(probe, 'wrangler.toml'), '--persist-to', state], readyPath: '/bench-ready.txt', timeoutMs: 180_000 })
    try {
      const search = async (q: string) => {
        const response = await fetch(`${server.url}/search?q=${encodeURIComponent(q)}`)
        const body = await response.text()
        if (!response.ok) throw new Error(`shards ${count}, "${q}": ${response.status} ${body.slice(0, 500)}`)
        return JSON.parse(body) as { tookMs: number; total: number }
      }
      for (const q of mix.slice(0, 20)) await search(q)
      const inside: number[] = []
      let found = 0
      for (const q of mix) {
        const { tookMs, total } = await search(q)
        inside.push(tookMs)
        found += total
      }
      results.push({ shards: count, paragraphs: shardParagraphs.reduce((a, b) => a + b, 0), largestShard: Math.max(...shardParagraphs), buildSeconds: built.map((shard) => shard.build.ms / 1000), reused: whole, inside: latency(inside), found })
    } finally {
      await server.stop()
    }
  }
  return results
}

/** The figures as a Markdown table, each count against one shard (the first row). */
export function shardsReport(results: readonly ShardsResult[]): string {
  const first = results[0]
  return [
    '| shards | paragraphs (largest shard) | build s per shard | p50 / p99 ms inside | mean ms | vs one shard (mean) | matches found |',
    '| ---: | ---: | --- | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.shards} | ${r.paragraphs} (${r.largestShard}) | ${r.buildSeconds.map((s) => s.toFixed(0)).join(', ')}${r.reused ? ' (reused)' : ''} | ${r.inside.p50} / ${r.inside.p99} | ${r.inside.mean.toFixed(2)} | ${first ? (r.inside.mean / first.inside.mean).toFixed(2) + '×' : '–'} | ${r.found} |`
    ),
  ].join('\n')
}
