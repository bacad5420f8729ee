/**
 * @module
 * Makes sure the tests have what they run outside Node: Debian's `chromium` package at
 * `/usr/bin/chromium` (or `CHROMIUM_PATH`) for the browser tests and for printing article
 * fixtures to PDF, and `pdftotext` from Debian's `poppler-utils` for turning those PDFs into text.
 * What is missing is installed with apt-get, as root or through passwordless sudo; otherwise the
 * message says what to run. Browsers are never downloaded from anywhere else.
 *
 * Usage: node scripts/ensure-chromium.ts   (prints the paths of the browser and of pdftotext)
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Where the browser is expected: `CHROMIUM_PATH`, or Debian's package's binary. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Command-line switches for launching it in a container or on CI, offline. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

function run(command: string[], log: (line: string) => void): void {
  log(`$ ${command.join(' ')}`)
  const result = spawnSync(command[0]!, command.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  if (result.error || result.status !== 0) throw new Error(`"${command.join(' ')}" failed${result.error ? `: ${result.error.message}` : ` with exit code ${result.status}`}`)
}

/** Where `pdftotext` is expected: `PDFTOTEXT_PATH`, or Debian's `poppler-utils` binary. */
export const PDFTOTEXT_PATH = process.env.PDFTOTEXT_PATH || '/usr/bin/pdftotext'

/**
 * Installs one Debian package with apt-get unless `binary` exists, and returns `binary`.
 *
 * @param what - What needs it, for the messages (`The browser tests need Chromium`).
 * @throws Error saying how to install it when it is missing and this process may not install it.
 */
function ensureDebianPackage(binary: string, pkg: string, what: string, override: string | undefined, log: (line: string) => void): string {
  if (existsSync(binary)) return binary
  const manual = `Install it with "sudo apt-get install -y ${pkg}" (Debian), or set ${override ?? 'the path'} to another binary.`
  if (override && process.env[override]) throw new Error(`${override} is ${binary}, which does not exist.`)
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) throw new Error(`${what} at ${binary} and apt-get is not available. ${manual}`)
  const root = process.getuid?.() === 0
  const sudo = !root && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0
  if (!root && !sudo) throw new Error(`${what} at ${binary}; installing it needs root or passwordless sudo. ${manual}`)
  const prefix = root ? [] : ['sudo', '-n', '--preserve-env=DEBIAN_FRONTEND']
  log(`${binary} is missing: installing Debian's ${pkg} package`)
  run([...prefix, 'apt-get', 'update'], log)
  run([...prefix, 'apt-get', 'install', '-y', '--no-install-recommends', pkg], log)
  if (!existsSync(binary)) throw new Error(`apt-get installed ${pkg} but ${binary} does not exist. ${manual}`)
  return binary
}

/**
 * Returns the path of Chromium, installing Debian's package first when it is missing.
 *
 * @throws Error saying how to install it when it is missing and this process may not install it.
 */
export function ensureChromium(log: (line: string) => void = console.log): string {
  return ensureDebianPackage(CHROMIUM_PATH, 'chromium', 'The browser tests need Chromium', 'CHROMIUM_PATH', log)
}

/**
 * Returns the path of `pdftotext`, installing Debian's `poppler-utils` first when it is missing.
 *
 * @throws Error saying how to install it when it is missing and this process may not install it.
 */
export function ensurePdftotext(log: (line: string) => void = console.log): string {
  return ensureDebianPackage(PDFTOTEXT_PATH, 'poppler-utils', 'The realistic capture tests need pdftotext', 'PDFTOTEXT_PATH', log)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureChromium())
    console.log(ensurePdftotext())
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}
