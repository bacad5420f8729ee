/**
 * @module
 * The widget bundle: esbuild turns `src/widget/index.ts` into one minified ES module,
 * `dist/assets/widget.js`, served by Workers static assets with the headers of
 * `src/widget/_headers`. A stamp records what the bundle was built from, so `--if-stale` can skip
 * a build whose inputs did not change.
 */
import { build, transform, version as esbuildVersion, type BuildOptions, type Plugin } from 'esbuild'
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { sha256Hex } from '../../src/core/hash.ts'
import { ASSETS_DIR, ROOT } from './paths.ts'

/** The widget's sources. */
export const WIDGET_SRC_DIR = join(ROOT, 'src', 'widget')
/** What the last build was made from; outside the assets folder so it is not served. */
export const STAMP_FILE = join(ROOT, 'dist', 'widget-build.json')
/** The bundle's file name, and so its path on the server: `/widget.js`. */
export const BUNDLE_NAME = 'widget.js'
/** Largest gzipped bundle the build accepts, in bytes (the 10 KB, counted as 10 000). */
export const GZIP_BUDGET = 10_000

/** Browsers the bundle is for: those with `adoptedStyleSheets`, `color-mix()` and container queries. */
const TARGET = ['es2022', 'chrome111', 'firefox113', 'safari16.4']

/** Imports of `.css` files become their minified text (the widget adopts it as a style sheet). */
const cssAsMinifiedText: Plugin = {
  name: 'css-as-minified-text',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await transform(await readFile(path, 'utf8'), { loader: 'css', minify: true, target: TARGET, legalComments: 'none' })
      return { contents: code.trim(), loader: 'text' }
    })
  },
}

/** esbuild's settings. */
export const ESBUILD_OPTIONS = {
  entryPoints: [join(WIDGET_SRC_DIR, 'index.ts')],
  bundle: true,
  format: 'esm',
  minify: true,
  target: TARGET,
  plugins: [cssAsMinifiedText],
  charset: 'utf8',
  legalComments: 'none',
  write: false,
  logLevel: 'silent',
} satisfies BuildOptions

/** The result of a build. */
export type WidgetBuild = {
  /** Size of `widget.js` in bytes. */
  rawBytes: number
  /** Size of `widget.js` gzipped (level 9), in bytes. */
  gzipBytes: number
  /** Where the bundle was written. */
  path: string
}

type Stamp = { inputHash: string; bundleHash: string; rawBytes: number; gzipBytes: number }


async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)])))
  return nested.flat().sort()
}

/** Hash of everything the bundle is made from: the widget's files, this build code and esbuild's version. */
export async function widgetInputHash(): Promise<string> {
  const files = [...(await listFiles(WIDGET_SRC_DIR)), fileURLToPath(import.meta.url)]
  const parts = [`esbuild@${esbuildVersion}`]
  for (const file of files) parts.push(`${relative(ROOT, file)}\0${await sha256Hex(await readFile(file))}`)
  return sha256Hex(parts.join('\n'))
}

/** Why the bundle in `dist/assets` does not match its sources, or `null` when it is fresh. */
export async function widgetStaleReason(): Promise<string | null> {
  for (const name of [BUNDLE_NAME, '_headers']) {
    if (!existsSync(join(ASSETS_DIR, name))) return `dist/assets/${name} is missing`
  }
  let stamp: Stamp
  try {
    stamp = JSON.parse(await readFile(STAMP_FILE, 'utf8')) as Stamp
  } catch {
    return 'the build stamp is missing'
  }
  if (stamp.inputHash !== (await widgetInputHash())) return 'the widget sources changed'
  if (stamp.bundleHash !== await sha256Hex(await readFile(join(ASSETS_DIR, BUNDLE_NAME)))) return `dist/assets/${BUNDLE_NAME} was changed by hand`
  if ((await readFile(join(ASSETS_DIR, '_headers'), 'utf8')) !== (await readFile(join(WIDGET_SRC_DIR, '_headers'), 'utf8'))) return 'dist/assets/_headers differs from src/widget/_headers'
  return null
}

async function writeAtomically(path: string, content: string | Uint8Array): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}`
  await writeFile(temporary, content)
  await rename(temporary, path)
}

/**
 * Bundles the widget into `dist/assets/widget.js`, copies the headers file beside it and writes
 * the stamp. Nothing is written when the gzipped bundle is over budget.
 *
 * @throws Error when esbuild fails or the bundle is larger than {@link GZIP_BUDGET} gzipped.
 */
export async function buildWidget(): Promise<WidgetBuild> {
  const inputHash = await widgetInputHash()
  const result = await build(ESBUILD_OPTIONS)
  const bundle = result.outputFiles[0]!.contents
  const rawBytes = bundle.byteLength
  const gzipBytes = gzipSync(bundle, { level: 9 }).byteLength
  if (gzipBytes > GZIP_BUDGET) throw new Error(`widget.js is ${gzipBytes} bytes gzipped, over the budget of ${GZIP_BUDGET}`)
  await mkdir(ASSETS_DIR, { recursive: true })
  const path = join(ASSETS_DIR, BUNDLE_NAME)
  await writeAtomically(path, bundle)
  await writeAtomically(join(ASSETS_DIR, '_headers'), await readFile(join(WIDGET_SRC_DIR, '_headers')))
  const stamp: Stamp = { inputHash, bundleHash: await sha256Hex(bundle), rawBytes, gzipBytes }
  await writeAtomically(STAMP_FILE, `${JSON.stringify(stamp, null, 2)}\n`)
  return { rawBytes, gzipBytes, path }
}
