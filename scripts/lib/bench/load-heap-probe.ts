/**
 * @module
 * Child process of `npm run bench`: loads an index the way the Worker does, from the parts the
 * build writes into the static assets, and exits 0 if it could. Run under a range of
 * `--max-old-space-size` values, it measures the heap a load needs at its peak, which no heap
 * snapshot after the fact shows.
 *
 * With `--baseline` it loads nothing: what Node and these modules need on their own, to subtract.
 *
 * Usage: node --max-old-space-size=N scripts/lib/bench/load-heap-probe.ts ASSETS_DIR|--baseline
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { loadIndex } from '../../../src/core/loaded-index.ts'
import { readIndexAssets } from '../../../src/worker/index-assets.ts'

const [assetsDir] = process.argv.slice(2)
if (!assetsDir) throw new Error('usage: load-heap-probe.ts ASSETS_DIR|--baseline')
if (assetsDir !== '--baseline') {
  const texts = await readIndexAssets(async (path) => new Response(await readFile(join(assetsDir, path))))
  const index = loadIndex(texts)
  console.log(JSON.stringify({ paragraphs: index.miniSearch.documentCount }))
}
