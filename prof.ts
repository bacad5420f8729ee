import { readFileSync } from 'node:fs'
import { loadIndex } from '/work/main/src/core/loaded-index.ts'
import { searchParagraphs, SEARCH_DEFAULTS } from '/work/main/src/core/search.ts'
const dir = process.argv[2]!
const t0 = performance.now()
const index = loadIndex({ index: readFileSync(dir + '/index.json', 'utf8'), vocabulary: readFileSync(dir + '/vocabulary.json', 'utf8'), manifest: readFileSync(dir + '/manifest.json', 'utf8') })
console.log('load ms', (performance.now() - t0).toFixed(0))
const queries = JSON.parse(readFileSync(process.argv[3]!, 'utf8')) as string[]
for (const q of queries) searchParagraphs(index, { ...SEARCH_DEFAULTS, query: q }) // warm
const times: [number, string, number][] = []
for (const q of queries) {
  const s = performance.now()
  const r = searchParagraphs(index, { ...SEARCH_DEFAULTS, query: q })
  times.push([performance.now() - s, q, r.total])
}
times.sort((a, b) => a[0] - b[0])
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]![0].toFixed(2)
console.log('p50', pct(0.5), 'p95', pct(0.95), 'p99', pct(0.99))
for (const [t, q, n] of times.slice(-12)) console.log(t.toFixed(1), JSON.stringify(q), n)
