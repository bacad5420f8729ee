import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'node', include: ['test/core/**/*.test.ts', 'test/scripts/**/*.test.ts'], environment: 'node' } },
      {
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        test: { name: 'worker', include: ['test/worker/**/*.test.ts'], globalSetup: ['test/worker/global-setup.ts'] },
      },
      {
        // Real Chromium against one `wrangler dev`, both started by the global setup; files run one
        // after the other on the shared browser.
        test: {
          name: 'browser',
          include: ['test/widget/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/widget/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
