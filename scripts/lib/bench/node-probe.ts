/**
 * @module
 * Child process of `npm run bench` (run with `--expose-gc`): loads one index in a fresh Node
 * process and measures the load, the heap it keeps, and the latency of a query mix with the same
 * core code the Worker runs. Prints one JSON object.
 *
 * Usage: node --expose-gc scripts/lib/bench/node-probe.ts INDEX_DIR QUERIES_JSON
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { loadIndex, type IndexTexts } from '../../../src/core/loaded-index.ts'
import { SEARCH_DEFAULTS, searchParagraphs } from '../../../src/core/search.ts'
import { latency } from './stats.ts'
import { repeatedMeans } from './repeat.ts'

const [indexDir, queriesFile] = process.argv.slice(2)
if (!indexDir || !queriesFile) throw new Error('usage: node-probe.ts INDEX_DIR QUERIES_JSON')
const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('node-probe.ts needs --expose-gc')
const heap = () => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as string[]
const baseline = heap()
let texts: IndexTexts | null = {
  index: readFileSync(join(indexDir, 'index.json'), 'utf8'),
  vocabulary: readFileSync(join(indexDir, 'vocabulary.json'), 'utf8'),
  manifest: readFileSync(join(indexDir, 'manifest.json'), 'utf8'),
}
const textsHeap = heap() - baseline
const started = performance.now()
const index = loadIndex(texts)
const loadMs = performance.now() - started
// Bundled, the files' text stays alive as module strings; loaded from assets it is dropped.
const heapWithTexts = heap() - baseline
texts = null
const heapIndexOnly = heap() - baseline
// loadJSON parses the whole file into objects before building the index from them, so for a
// moment the text, the parsed object and the index all live: measured apart, after the timed load.
let parsed: unknown = JSON.parse(readFileSync(join(indexDir, 'index.json'), 'utf8'))
const parsedHeap = heap() - baseline - heapIndexOnly
parsed = null
void parsed

const search = (q: string) => searchParagraphs(index, { ...SEARCH_DEFAULTS, query: q })
// The first pass warms the JIT and the term cache; the second is timed one query at a time.
for (const q of queries) search(q)
const once = queries.map((q) => {
  const start = performance.now()
  search(q)
  return performance.now() - start
})
// The same method as inside workerd, whose clock ticks in whole milliseconds.
const repeated = repeatedMeans(queries, search, () => performance.now())

console.log(JSON.stringify({ loadMs, textsHeap, heapWithTexts, heapIndexOnly, parsedHeap, loadPeakHeap: textsHeap + parsedHeap + heapIndexOnly, once: latency(once), repeated: latency(repeated), maxRss: process.resourceUsage().maxRSS * 1024 }))
