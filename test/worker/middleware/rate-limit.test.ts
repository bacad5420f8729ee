/**
 * Rate limiting through the Workers rate-limiting binding of wrangler.toml (300 requests per 60 s
 * per client and path), in workerd.
 */
import { describe, expect, it } from 'vitest'
import { fetchWorker } from '../fetch.ts'

const from = (client: string) => ({ headers: { 'CF-Connecting-IP': client } })

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a client passes its limit on /api/suggest, and only that client', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 300; i++) statuses.push((await fetchWorker('/api/suggest?q=pu', from('203.0.113.7'))).status)
    expect(statuses.every((status) => status === 200)).toBe(true)
    const limited = await fetchWorker('/api/suggest?q=pu', from('203.0.113.7'))
    expect(limited.status).toBe(429)
    expect(limited.headers.get('Retry-After')).toBe('60')
    expect(await limited.json()).toEqual({ error: { code: 'rate_limited', message: 'too many requests to /api/suggest from this client; retry in 60 s' } })
    // Another client, and another limited path for the same client, are counted apart.
    expect((await fetchWorker('/api/suggest?q=pu', from('203.0.113.8'))).status).toBe(200)
    expect((await fetchWorker('/api/search?q=pu', from('203.0.113.7'))).status).toBe(200)
  })

  it('leaves routes that are not listed alone', async () => {
    for (let i = 0; i < 301; i++) {
      const response = await fetchWorker('/api/health', from('203.0.113.9'))
      if (response.status !== 200) throw new Error(`request ${i + 1} answered ${response.status}`)
    }
  })
})
