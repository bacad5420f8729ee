/**
 * @module
 * Before the Worker tests: the Worker reads the index from its static assets, which the build
 * copies from `index/` (`npm test` builds first; this covers a bare `vitest run` too).
 */
import { INDEX_DIR, writeIndexAssets } from '../../scripts/lib/index-files.ts'
import { ASSETS_DIR } from '../../scripts/lib/paths.ts'

export default async function setup(): Promise<void> {
  await writeIndexAssets(INDEX_DIR, ASSETS_DIR)
}
