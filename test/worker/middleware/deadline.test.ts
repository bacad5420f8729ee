/**
 * A request the engine cannot answer in time gets a 503 JSON error instead of a hang.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../../src/worker/app.ts'
import type { Env } from '../../../src/worker/env.ts'

describe('deadline', () => {
  it('answers 503 with Retry-After when the index does not come within QUERY_TIMEOUT_MS', async () => {
    // An engine that never answers: the fault this guards against, at its worst.
    const app = createApp({ index: () => new Promise(() => {}) })
    const started = Date.now()
    const response = await app.fetch(new Request('http://search.test/api/search?q=putin'), { ...(env as unknown as Env), QUERY_TIMEOUT_MS: '100' })
    expect(response.status).toBe(503)
    expect(response.headers.get('Retry-After')).toBe('1')
    expect(await response.json()).toEqual({ error: { code: 'timeout', message: 'the search engine did not answer within 100 ms; try again' } })
    expect(Date.now() - started).toBeGreaterThanOrEqual(100)
  })
})
