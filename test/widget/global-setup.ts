/**
 * @module
 * Global setup of the `browser` test project: Chromium present (installed from Debian when
 * missing), the widget bundle fresh, ONE `wrangler dev` on a free loopback port and ONE Chromium
 * that every test file connects to. Both are stopped at teardown.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { chromium, type BrowserServer } from 'playwright-core'
import type { TestProject } from 'vitest/node'
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/ensure-chromium.ts'
import { ROOT, buildWidget, widgetStaleReason } from '../../scripts/lib/widget-build.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the `wrangler dev` under test, e.g. `http://127.0.0.1:41234`. */
    baseUrl: string
    /** Where to `chromium.connect()` to the shared browser. */
    wsEndpoint: string
  }
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** The project's Node (a dev dependency) if installed, else this one: wrangler needs a recent Node. */
function nodeBinary(): string {
  const local = join(ROOT, 'node_modules', '.bin', 'node')
  return existsSync(local) ? local : process.execPath
}

async function waitUntilReady(url: string, wrangler: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (wrangler.exitCode !== null) throw new Error(`wrangler dev exited with code ${wrangler.exitCode}:\n${output()}`)
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`wrangler dev did not answer ${url} within ${timeoutMs / 1000} s:\n${output()}`)
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve()
  return new Promise((resolve) => {
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal) // the whole group: wrangler and its workerd
      } catch {
        // Already gone.
      }
    }
    const timer = setTimeout(() => kill('SIGKILL'), 5000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    kill('SIGTERM')
  })
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const executablePath = ensureChromium()
  const stale = await widgetStaleReason()
  if (stale !== null) {
    const { gzipBytes } = await buildWidget()
    console.log(`built the widget (${stale}): ${gzipBytes} bytes gzipped`)
  }

  const port = await freePort()
  const wrangler = spawn(
    nodeBinary(),
    [join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js'), 'dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(await freePort()), '--show-interactive-dev-session=false'],
    { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true }
  )
  let output = ''
  wrangler.stdout!.on('data', (chunk: Buffer) => (output += chunk))
  wrangler.stderr!.on('data', (chunk: Buffer) => (output += chunk))
  let browser: BrowserServer | undefined
  try {
    const baseUrl = `http://127.0.0.1:${port}`
    await waitUntilReady(`${baseUrl}/api/health`, wrangler, () => output, 90_000)
    browser = await chromium.launchServer({ executablePath, args: CHROMIUM_ARGS, host: '127.0.0.1' })
    project.provide('baseUrl', baseUrl)
    project.provide('wsEndpoint', browser.wsEndpoint())
  } catch (error) {
    await browser?.close()
    await stop(wrangler)
    throw error
  }
  return async () => {
    await browser?.close()
    await stop(wrangler)
  }
}
