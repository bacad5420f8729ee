/**
 * @module
 * Global setup of the `browser` test project: Chromium present (installed from Debian when
 * missing), the widget bundle fresh, ONE `wrangler dev` on a free loopback port and ONE Chromium
 * that every test file connects to. Both are stopped at teardown.
 */
import { chromium, type BrowserServer } from 'playwright-core'
import type { TestProject } from 'vitest/node'
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/ensure-chromium.ts'
import { startDevServer } from '../../scripts/lib/dev-server.ts'
import { buildWidget, widgetStaleReason } from '../../scripts/lib/widget-build.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the `wrangler dev` under test, e.g. `http://127.0.0.1:41234`. */
    baseUrl: string
    /** Where to `chromium.connect()` to the shared browser. */
    wsEndpoint: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const executablePath = ensureChromium()
  const stale = await widgetStaleReason()
  if (stale !== null) {
    const { gzipBytes } = await buildWidget()
    console.log(`built the widget (${stale}): ${gzipBytes} bytes gzipped`)
  }

  const server = await startDevServer({ timeoutMs: 90_000 })
  let browser: BrowserServer | undefined
  try {
    browser = await chromium.launchServer({ executablePath, args: CHROMIUM_ARGS, host: '127.0.0.1' })
    project.provide('baseUrl', server.url)
    project.provide('wsEndpoint', browser.wsEndpoint())
  } catch (error) {
    await browser?.close()
    await server.stop()
    throw error
  }
  return async () => {
    await browser?.close()
    await server.stop()
  }
}
