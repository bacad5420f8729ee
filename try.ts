import { readFileSync } from 'node:fs'
import { loadIndex } from './src/core/loaded-index.ts'
import { searchParagraphs, SEARCH_DEFAULTS } from './src/core/search.ts'
const index = loadIndex({ index: readFileSync('index/index.json', 'utf8'), vocabulary: readFileSync('index/vocabulary.json', 'utf8'), manifest: readFileSync('index/manifest.json', 'utf8') })
for (const q of process.argv.slice(2)) {
  const r = searchParagraphs(index, { ...SEARCH_DEFAULTS, query: q })
  console.log(`== ${q}: total ${r.total}`, JSON.stringify(r.facets))
  for (const h of r.hits.slice(0, 6)) console.log(`  ${h.score.toFixed(2)} ${h.source.id.slice(0, 6)} ${h.kind.padEnd(7)} ${h.snippet.slice(0, 150)}  ${JSON.stringify(h.terms)}`)
}
