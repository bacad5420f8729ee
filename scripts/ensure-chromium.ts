/**
 * @module
 * Makes sure the browser tests have a Chromium: Debian's `chromium` package at
 * `/usr/bin/chromium` (or `CHROMIUM_PATH`). When it is missing it is installed with apt-get, as
 * root or through passwordless sudo; otherwise the message says what to run. Browsers are never
 * downloaded from anywhere else.
 *
 * Usage: node scripts/ensure-chromium.ts   (prints the path of the browser)
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

/**
 * Returns the path of Chromium, installing Debian's package first when it is missing.
 *
 * @throws Error saying how to install it when it is missing and this process may not install it.
 */
export function ensureChromium(log: (line: string) => void = console.log): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH
  const manual = `Install it with "sudo apt-get install -y chromium" (Debian), or set CHROMIUM_PATH to a Chromium or Chrome binary.`
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH is ${CHROMIUM_PATH}, which does not exist.`)
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) throw new Error(`The browser tests need Chromium at ${CHROMIUM_PATH} and apt-get is not available. ${manual}`)
  const root = process.getuid?.() === 0
  const sudo = !root && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0
  if (!root && !sudo) throw new Error(`The browser tests need Chromium at ${CHROMIUM_PATH}; installing it needs root or passwordless sudo. ${manual}`)
  const prefix = root ? [] : ['sudo', '-n', '--preserve-env=DEBIAN_FRONTEND']
  log(`Chromium is missing at ${CHROMIUM_PATH}: installing Debian's chromium package`)
  run([...prefix, 'apt-get', 'update'], log)
  run([...prefix, 'apt-get', 'install', '-y', '--no-install-recommends', 'chromium'], log)
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} does not exist. ${manual}`)
  return CHROMIUM_PATH
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureChromium())
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}
