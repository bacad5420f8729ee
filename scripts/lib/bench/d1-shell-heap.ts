/**
 * @module
 * What an isolate keeps for the D1 engine, in Node (run with `--expose-gc`): the heap the store
 * shell (manifest, vocabulary, term dictionary, statistics, columns) holds once loaded from the
 * local D1's active generation, read as the Worker reads it (`loadD1Shell`). Prints one JSON line.
 *
 * Usage: node --expose-gc scripts/lib/bench/d1-shell-heap.ts PROJECT_DIR STATE_DIR
 * (`PROJECT_DIR` holds the `wrangler.toml`; `STATE_DIR` is the local D1's state, as `--persist-to` takes it.)
 */
import { join } from 'node:path'
import { getPlatformProxy } from 'wrangler'
import { D1_ACTIVE_TABLE, D1_BINDING, d1Tables } from '../../../src/core/index-artifacts.ts'
import { loadD1Shell } from '../../../src/worker/engines/d1-engine.ts'

const [project, state] = process.argv.slice(2) as [string, string]
const proxy = await getPlatformProxy<Record<typeof D1_BINDING, D1Database>>({ configPath: join(project, 'wrangler.toml'), persist: { path: join(state, 'v3') } })
try {
  const db = proxy.env[D1_BINDING]
  const { generation } = (await db.prepare(`SELECT generation FROM ${D1_ACTIVE_TABLE} WHERE id = 1`).first<{ generation: string }>())!
  const gc = (globalThis as { gc?: () => void }).gc!
  gc()
  const before = process.memoryUsage().heapUsed
  const shell = await loadD1Shell(db, d1Tables(generation))
  gc()
  const after = process.memoryUsage().heapUsed
  console.log(JSON.stringify({ shellHeap: after - before, paragraphs: shell.index.manifest.counts.paragraphs }))
} finally {
  await proxy.dispose()
}
