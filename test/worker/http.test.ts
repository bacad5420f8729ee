import { describe, expect, it } from 'vitest'
import app from '../../src/worker/index.ts'
import { fetchWorker, getJson } from './fetch.ts'

describe('errors', () => {
  it('are JSON, never HTML, for unknown routes and wrong methods', async () => {
    for (const path of ['/api/nothing', '/api/search/extra', '/api/sources/x/y']) {
      const { status, body } = await getJson(path)
      expect(status).toBe(404)
      expect(body.error.code).toBe('not_found')
    }
    const response = await fetchWorker('/api/search?q=x', { method: 'POST' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
    expect(await response.json()).toEqual({ error: { code: 'method_not_allowed', message: 'POST is not allowed on /api/search; use GET' } })
    expect((await fetchWorker('/api/sources/x', { method: 'DELETE' })).status).toBe(405)
  })

  it('are not cached', async () => {
    expect((await fetchWorker('/api/search')).headers.get('cache-control')).toBe('no-store')
    expect((await fetchWorker('/api/nothing')).headers.get('cache-control')).toBe('no-store')
    expect((await fetchWorker('/api/search', { method: 'PUT' })).headers.get('cache-control')).toBe('no-store')
  })

  it('rejects integers written any other way than as digits', async () => {
    for (const limit of ['1e1', '0x5', '5.0', ' ', '']) {
      expect((await getJson(`/api/search?q=red&limit=${encodeURIComponent(limit)}`)).status, limit).toBe(400)
    }
  })
})

describe('HEAD', () => {
  it('answers like GET, with the same headers and no body', async () => {
    const get = await fetchWorker('/api/search?q=red')
    const head = await fetchWorker('/api/search?q=red', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'))
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'))
    expect(await head.text()).toBe('')
  })
})

describe('CORS', () => {
  it('lets any origin call the API by default', async () => {
    const response = await fetchWorker('/api/search?q=red', { headers: { Origin: 'https://news.example' } })
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    const preflight = await fetchWorker('/api/search?q=red', { method: 'OPTIONS', headers: { Origin: 'https://news.example', 'Access-Control-Request-Method': 'GET' } })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,HEAD,OPTIONS')
  })

  it('follows an allowlist set in CORS_ORIGINS', async () => {
    const env = { CORS_ORIGINS: 'https://a.example, https://b.example' }
    const allowed = await app.request('/api/health', { headers: { Origin: 'https://b.example' } }, env)
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://b.example')
    expect(allowed.headers.get('vary')).toContain('Origin')
    const refused = await app.request('/api/health', { headers: { Origin: 'https://evil.example' } }, env)
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('caching', () => {
  it('sends Cache-Control and an ETag derived from the index version and the request', async () => {
    const { body: health } = await getJson('/api/health')
    const a = await fetchWorker('/api/search?q=red&limit=5')
    const b = await fetchWorker('/api/search?limit=5&q=red')
    const c = await fetchWorker('/api/search?q=red&limit=6')
    expect(a.headers.get('cache-control')).toMatch(/public, max-age=\d+/)
    expect(a.headers.get('etag')).toMatch(new RegExp(`^W/"${health.indexVersion}-[0-9a-z]+"$`))
    expect(b.headers.get('etag')).toBe(a.headers.get('etag'))
    expect(c.headers.get('etag')).not.toBe(a.headers.get('etag'))
  })

  it('answers If-None-Match: * with a 304 only where there is something to match', async () => {
    const star = { headers: { 'If-None-Match': '*' } }
    expect((await fetchWorker('/api/search?q=red', star)).status).toBe(304)
    expect((await fetchWorker('/api/search?q=red&limit=0', star)).status).toBe(400)
    expect((await fetchWorker('/api/paragraphs/nope', star)).status).toBe(404)
  })

  it('answers a matching If-None-Match with a 304 and no body', async () => {
    for (const path of ['/api/search?q=red', '/api/sources', '/api/suggest?q=ver']) {
      const etag = (await fetchWorker(path)).headers.get('etag')!
      const revalidated = await fetchWorker(path, { headers: { 'If-None-Match': etag } })
      expect(revalidated.status).toBe(304)
      expect(revalidated.headers.get('etag')).toBe(etag)
      expect(await revalidated.text()).toBe('')
      expect((await fetchWorker(path, { headers: { 'If-None-Match': 'W/"other"' } })).status).toBe(200)
    }
  })
})
