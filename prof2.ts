import { readFileSync } from 'node:fs'
import { loadIndex } from '/work/main/src/core/loaded-index.ts'
import { searchParagraphs, SEARCH_DEFAULTS } from '/work/main/src/core/search.ts'
const dir = process.argv[2]!
const index = loadIndex({ index: readFileSync(dir + '/index.json', 'utf8'), vocabulary: readFileSync(dir + '/vocabulary.json', 'utf8'), manifest: readFileSync(dir + '/manifest.json', 'utf8') })
const q = process.argv[3]!
for (let i = 0; i < 3; i++) searchParagraphs(index, { ...SEARCH_DEFAULTS, query: q })
const { Session } = await import('node:inspector/promises')
const session = new Session(); session.connect()
await session.post('Profiler.enable'); await session.post('Profiler.start')
const s = performance.now()
for (let i = 0; i < 10; i++) searchParagraphs(index, { ...SEARCH_DEFAULTS, query: q })
console.log('avg ms', ((performance.now() - s) / 10).toFixed(1))
const { profile } = await session.post('Profiler.stop') as any
// self time per function
const self = new Map<string, number>()
const total = profile.samples.length
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]))
const counts = new Map<number, number>()
for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1)
for (const [id, c] of counts) { const n: any = byId.get(id); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-1)[0]}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + c) }
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log((100 * v / total).toFixed(1) + '%', k)
