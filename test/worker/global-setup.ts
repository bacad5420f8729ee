/**
 * @module
 * Before the Worker tests: the Worker reads the index from its bundle or its static assets, both
 * copied from `index/` by the build (`npm test` builds first; this covers a bare `vitest run` too).
 */
import { INDEX_DIR, writeWorkerIndex } from '../../scripts/lib/index-files.ts'
import { ASSETS_DIR } from '../../scripts/lib/paths.ts'

export default async function setup(): Promise<void> {
  await writeWorkerIndex(INDEX_DIR, ASSETS_DIR)
}
