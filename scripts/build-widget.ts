/**
 * @module
 * `npm run build:widget`: bundles the widget into `dist/assets/widget.js` (served at `/widget.js`)
 * with its headers file, prints the raw and gzipped size, and fails when the gzipped bundle is
 * over its 10 KB budget.
 *
 * Usage: node scripts/build-widget.ts [--if-stale] [--quiet]
 */
import { parseArgs } from 'node:util'
import { relative } from 'node:path'
import { ROOT } from './lib/paths.ts'
import { GZIP_BUDGET, buildWidget, widgetStaleReason } from './lib/widget-build.ts'

const { values } = parseArgs({
  options: {
    'if-stale': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
})

const log = values.quiet ? () => {} : (line: string) => console.log(line)
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`

async function main(): Promise<number> {
  if (values['if-stale']) {
    const reason = await widgetStaleReason()
    if (reason === null) {
      log('widget is up to date (dist/assets/widget.js)')
      return 0
    }
    log(`building the widget: ${reason}`)
  }
  const { rawBytes, gzipBytes, path } = await buildWidget()
  log(`${relative(ROOT, path)}: ${kb(rawBytes)} raw (${rawBytes} bytes), ${kb(gzipBytes)} gzipped (${gzipBytes} bytes; budget ${GZIP_BUDGET})`)
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`widget build failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
)
