/**
 * @module
 * `npm run deploy`: builds what is stale, loads the index into the remote D1 database when the
 * manifest's engine is `d1` (created once with `npx wrangler d1 create paragraph-search-index`,
 * its id in wrangler.toml), then deploys the Worker. The D1 load is the same idempotent, atomic
 * switch as the local one (`scripts/lib/d1-load.ts`): the database serves the new generation from
 * one statement on, the one before it stays for queries still reading it.
 *
 * Usage: node scripts/deploy.ts [-- extra wrangler deploy arguments, e.g. --dry-run]
 * With `--dry-run`, nothing is sent: the D1 step only writes its SQL file.
 */
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Manifest } from '../src/core/build-index.ts'
import { loadIntoD1 } from './lib/d1-load.ts'
import { boundHeapGrowth } from './lib/heap.ts'
import { wranglerCommand } from './lib/dev-server.ts'
import { INDEX_DIR } from './lib/index-files.ts'
import { ROOT } from './lib/paths.ts'

const extra = process.argv.slice(2)
const dryRun = extra.includes('--dry-run')

function step(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

step(process.execPath, [join(ROOT, 'scripts', 'build-index.ts'), '--if-stale'])
step(process.execPath, [join(ROOT, 'scripts', 'build-widget.ts'), '--if-stale'])
const manifest = JSON.parse(await readFile(join(INDEX_DIR, 'manifest.json'), 'utf8')) as Manifest
if (manifest.engine === 'd1' && !dryRun) {
  // The parts for the remote database may come from a local load run here (`loadRemote`), as in the build.
  boundHeapGrowth()
  const loaded = await loadIntoD1(INDEX_DIR, { remote: true })
  console.log(loaded.done === 'up-to-date' ? `remote D1 already serves ${loaded.generation}` : `loaded ${loaded.generation} into the remote D1`)
}
step(...wranglerCommand(['deploy', ...extra]))
