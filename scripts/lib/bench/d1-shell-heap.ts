/**
 * @module
 * What an isolate keeps for the D1 engine, in Node (run with `--expose-gc`): the heap the store
 * shell (manifest, vocabulary, term dictionary, statistics, columns) holds once loaded from the
 * local D1's active generation, read as the Worker reads it (`loadD1Shell`). Prints one JSON line.
 *
 * Usage: node --expose-gc scripts/lib/bench/d1-shell-heap.ts PROJECT_DIR STATE_DIR
 * (`PROJECT_DIR` holds the `wrangler.toml`; `STATE_DIR` is the local D1's state, as `--persist-to` takes it.)
 */
import { D1_ACTIVE_TABLE, d1Tables } from '../../../src/core/index-artifacts.ts'
import { loadD1Shell } from '../../../src/worker/engines/d1-engine.ts'
import { openLocalD1 } from '../d1-load.ts'

const [project, state] = process.argv.slice(2) as [string, string]
const { db, dispose } = await openLocalD1(project, state)
try {
  const { generation } = (await db.prepare(`SELECT generation FROM ${D1_ACTIVE_TABLE} WHERE id = 1`).first<{ generation: string }>())!
  const gc = (globalThis as { gc?: () => void }).gc!
  gc()
  const before = process.memoryUsage().heapUsed
  const shell = await loadD1Shell(db, d1Tables(generation))
  gc()
  const after = process.memoryUsage().heapUsed
  console.log(JSON.stringify({ shellHeap: after - before, paragraphs: shell.index.manifest.counts.paragraphs }))
} finally {
  await dispose()
}
