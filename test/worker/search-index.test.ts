import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/worker/app.ts'
import { assetsIndexProvider } from '../../src/worker/search-index.ts'

/** The test Worker's real static assets, counting what is fetched and optionally failing. */
function countingAssets(options: { failFirst?: boolean } = {}) {
  const assets = (env as unknown as { ASSETS: Fetcher }).ASSETS
  const fetched: string[] = []
  let failures = options.failFirst ? 1 : 0
  const binding = {
    fetch: async (input: RequestInfo | URL) => {
      const path = new URL(input instanceof Request ? input.url : input.toString()).pathname
      fetched.push(path)
      if (failures > 0) {
        failures--
        return new Response('unavailable', { status: 503 })
      }
      return assets.fetch(new Request(new URL(path, 'https://assets.local')))
    },
  } as unknown as Fetcher
  return { env: { ASSETS: binding }, fetched }
}

describe('the index read from static assets', () => {
  it('is loaded once for all the requests that arrive while it loads, and kept alive with waitUntil', async () => {
    const { env: assetsEnv, fetched } = countingAssets()
    const provider = assetsIndexProvider()
    const kept: Promise<unknown>[] = []
    const ctx = { waitUntil: (promise: Promise<unknown>) => kept.push(promise) }
    const [a, b, c] = await Promise.all([provider(assetsEnv, ctx), provider(assetsEnv, ctx), provider(assetsEnv, ctx)])
    expect(a).toBe(b)
    expect(b).toBe(c)
    expect(a.manifest.counts.paragraphs).toBe(52)
    expect(fetched.filter((path) => path.endsWith('/parts.json'))).toHaveLength(1)
    expect(kept).toHaveLength(1)
    expect(await provider(assetsEnv, ctx)).toBe(a)
  })

  it('is tried again after a failed load', async () => {
    const { env: assetsEnv } = countingAssets({ failFirst: true })
    const provider = assetsIndexProvider()
    await expect(provider(assetsEnv)).rejects.toThrow(/parts\.json answered 503; run npm run build:index/)
    expect((await provider(assetsEnv)).manifest.counts.paragraphs).toBe(52)
  })

  it('serves the same answers as the bundled index', async () => {
    const { env: assetsEnv } = countingAssets()
    const fromAssets = createApp({ index: assetsIndexProvider() })
    const bundled = (await import('../../src/worker/index.ts')).default
    for (const path of ['/api/health', '/api/search?q=red%20line', '/api/suggest?q=versai']) {
      const [a, b] = await Promise.all([fromAssets.request(path, {}, assetsEnv), bundled.request(path, {}, assetsEnv)])
      const strip = (body: Record<string, unknown>) => ({ ...body, tookMs: 0 })
      expect(strip(await a.json()), path).toEqual(strip(await b.json()))
    }
  })
})

describe('an index that cannot be loaded', () => {
  it('gives a JSON 500 that says nothing of the cause', async () => {
    const app = createApp({
      index: () => {
        throw new Error('secret detail at /srv/index.json')
      },
    })
    const response = await app.request('/api/search?q=red')
    expect(response.status).toBe(500)
    const body = await response.text()
    expect(JSON.parse(body)).toEqual({ error: { code: 'internal_error', message: 'the server failed to answer this request' } })
    expect(body).not.toMatch(/secret|srv|at /)
  })
})
