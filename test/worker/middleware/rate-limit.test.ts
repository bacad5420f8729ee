/**
 * Rate limiting through the Workers rate-limiting binding of wrangler.toml (300 requests per 60 s
 * per client and path), in workerd.
 */
import { describe, expect, it } from 'vitest'
import { fetchWorker } from '../fetch.ts'

const from = (client: string) => ({ headers: { 'CF-Connecting-IP': client } })

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a client passes its limit on /api/suggest, and only that client', async () => {
    // The limit's 300 requests, 50 at a time.
    const statuses: number[] = []
    for (let i = 0; i < 300; i += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, () => fetchWorker('/api/suggest?q=pu', from('203.0.113.7'))))
      statuses.push(...batch.map((response) => response.status))
    }
    expect(statuses.filter((status) => status === 200).length).toBe(300)
    const limited = await fetchWorker('/api/suggest?q=pu', from('203.0.113.7'))
    expect(limited.status).toBe(429)
    expect(limited.headers.get('Retry-After')).toBe('60')
    expect(await limited.json()).toEqual({ error: { code: 'rate_limited', message: 'too many requests to /api/suggest from this client; retry in 60 s' } })
    // Another client, and another limited path for the same client, are counted apart.
    expect((await fetchWorker('/api/suggest?q=pu', from('203.0.113.8'))).status).toBe(200)
    expect((await fetchWorker('/api/search?q=pu', from('203.0.113.7'))).status).toBe(200)
  }, 30_000)

  it('leaves routes that are not listed alone', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 301; i += 43) {
      const batch = await Promise.all(Array.from({ length: 43 }, () => fetchWorker('/api/health', from('203.0.113.9'))))
      statuses.push(...batch.map((response) => response.status))
    }
    expect(statuses.length).toBe(301)
    expect(statuses.filter((status) => status === 200).length).toBe(301)
  }, 30_000)
})
