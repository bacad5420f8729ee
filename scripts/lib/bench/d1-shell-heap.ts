/**
 * @module
 * What an isolate keeps for the D1 engine, in Node (run with `--expose-gc`): the memory the store
 * shell (manifest, vocabulary, term dictionary, titles, statistics, columns) holds once loaded
 * from the local D1's active generation, read as the Worker reads it (`loadD1Shell`): V8's heap
 * (`shellHeap`) and, apart, the typed arrays' buffers (`shellBuffers`: the columns and titles),
 * which V8 keeps outside its heap but an isolate's memory limit counts. Prints one JSON line.
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
  // V8 frees a dead buffer's bytes after the collection that finds it, on a thread of its own:
  // collected, given time, collected again, the transient buffers (the local D1's, base64,
  // gunzip) are gone from both readings.
  const gc = (globalThis as { gc?: () => void }).gc!
  const settled = async () => {
    gc()
    await new Promise((resolve) => setTimeout(resolve, 200))
    gc()
    return process.memoryUsage()
  }
  const before = await settled()
  const shell = await loadD1Shell(db, d1Tables(generation))
  const after = await settled()
  console.log(JSON.stringify({ shellHeap: after.heapUsed - before.heapUsed, shellBuffers: after.arrayBuffers - before.arrayBuffers, paragraphs: shell.index.manifest.counts.paragraphs }))
} finally {
  await dispose()
}
