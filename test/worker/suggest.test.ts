import { describe, expect, it } from 'vitest'
import { getJson } from './fetch.ts'

type SuggestBody = { query: string; suggestions: { text: string; score: number }[]; error: { code: string; message: string } }
const suggest = (params: Record<string, string>) => getJson<SuggestBody>(`/api/suggest?${new URLSearchParams(params)}`)

describe('GET /api/suggest', () => {
  it('completes the word being typed from the index', async () => {
    const { status, body } = await suggest({ q: 'Marine Le P' })
    expect(status).toBe(200)
    expect(body.query).toBe('Marine Le P')
    expect(body.suggestions[0]).toEqual({ text: 'Marine Le Pen', score: expect.any(Number) })
  })

  it('completes words whose stem the prefix is not a prefix of', async () => {
    expect((await suggest({ q: 'coopera' })).body.suggestions.map((s) => s.text)).toEqual(['cooperation'])
    expect((await suggest({ q: 'versai' })).body.suggestions.map((s) => s.text)).toEqual(['Versailles'])
  })

  it('suggests nothing once the word is finished with a space', async () => {
    expect((await suggest({ q: 'Marine Le P' })).body.suggestions.length).toBeGreaterThan(0)
    expect((await suggest({ q: 'Marine Le ' })).body).toEqual({ query: 'Marine Le ', suggestions: [] })
  })

  it('honours limit, and orders by score', async () => {
    const { body } = await suggest({ q: 'p', limit: '3' })
    expect(body.suggestions).toHaveLength(3)
    const scores = body.suggestions.map((s) => s.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  it('validates its parameters', async () => {
    expect((await suggest({})).body).toEqual({ error: { code: 'invalid_parameter', message: 'q: is required' } })
    expect((await suggest({ q: 'x', limit: '21' })).status).toBe(400)
    expect((await suggest({ q: 'x', limit: '21' })).body.error.message).toBe('limit: must be an integer from 1 to 20')
    expect((await suggest({ q: 'x', extra: '1' })).body.error.message).toBe('unknown parameter: extra')
  })
})
