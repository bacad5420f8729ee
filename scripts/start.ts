/**
 * @module
 * `npm start`: builds what is missing or stale (the index, the widget bundle), then serves the
 * demo page and the API locally with `wrangler dev` in the Workers runtime. Arguments after `--`
 * go to `wrangler dev`: `npm start -- --port 9000`.
 */
import { spawn, spawnSync } from 'node:child_process'
import { wranglerCommand } from './lib/dev-server.ts'
import { ROOT } from './lib/paths.ts'

const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' }

for (const step of [['scripts/build-index.ts', '--if-stale'], ['scripts/build-widget.ts', '--if-stale']]) {
  const run = spawnSync(process.execPath, step, { cwd: ROOT, stdio: 'inherit', env })
  if (run.status !== 0) process.exit(run.status ?? 1)
}

const [command, args] = wranglerCommand(['dev', ...process.argv.slice(2)])
const wrangler = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env })
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => wrangler.kill(signal))
wrangler.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
