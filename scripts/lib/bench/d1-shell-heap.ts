/**
 * @module
 * What an isolate keeps for the D1 engine, in Node (run with `--expose-gc`): the heap the store
 * shell (manifest, vocabulary, term dictionary, statistics) holds once loaded. Prints one JSON line.
 *
 * Usage: node --expose-gc scripts/lib/bench/d1-shell-heap.ts INDEX_DIR
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { d1Content } from '../../../src/core/d1-content.ts'
import { loadStoreShell, type ShellParts } from '../../../src/core/index-reader.ts'

const dir = process.argv[2]!
const read = (name: string) => readFileSync(join(dir, name), 'utf8')
// The meta values as D1 keeps them, from the statements the build writes.
const { fill } = d1Content({ index: read('index.json'), vocabulary: read('vocabulary.json'), manifest: read('manifest.json') })
const parts: Record<string, string[]> = {}
for (const statement of fill.filter((s) => s.startsWith('INSERT INTO ps_meta_'))) {
  const [, key, part, value] = /VALUES \('(\w+)', (\d+), '(.*)'\)$/s.exec(statement)!
  ;(parts[key!] ??= [])[Number(part)] = value!.replaceAll("''", "'")
}
const values = Object.fromEntries(Object.entries(parts).map(([key, list]) => [key, list.join('')])) as ShellParts
fill.length = 0
const gc = (globalThis as { gc?: () => void }).gc!
gc()
const before = process.memoryUsage().heapUsed
const shell = loadStoreShell(values)
gc()
const after = process.memoryUsage().heapUsed
console.log(JSON.stringify({ shellHeap: after - before, paragraphs: shell.index.manifest.counts.paragraphs }))
