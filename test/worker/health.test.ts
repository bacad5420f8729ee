import { describe, expect, it } from 'vitest'
import { getJson } from './fetch.ts'

describe('GET /api/health', () => {
  it('reports the index it serves and is never cached', async () => {
    const { status, body, response } = await getJson('/api/health')
    expect(status).toBe(200)
    expect(body).toEqual({ status: 'ok', sources: 2, paragraphs: 52, indexVersion: expect.stringMatching(/^[0-9a-f]{12}$/) })
    expect(response.headers.get('cache-control')).toBe('no-store')
  })
})
