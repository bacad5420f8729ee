import { describe, expect, it } from 'vitest'
import { getJson } from './fetch.ts'

describe('GET /api/sources', () => {
  it('lists the sources with their metadata and paragraph counts', async () => {
    const { status, body } = await getJson('/api/sources')
    expect(status).toBe(200)
    expect(body).toEqual({
      sources: [
        {
          id: 'bbc-macron-putin-frank-exchange',
          title: "France's Macron holds 'frank exchange' with Putin",
          publisher: 'BBC News',
          author: '',
          published: '2017-05-29',
          url: '',
          paragraphs: 34,
        },
        { id: 'macron-putin-press-conference', title: 'Putin and Macron press conference', publisher: '', author: '', published: '', url: '', paragraphs: 18 },
      ],
    })
  })
})

describe('GET /api/sources/:id', () => {
  it('gives the source and its paragraphs in document order', async () => {
    const { status, body } = await getJson('/api/sources/bbc-macron-putin-frank-exchange')
    expect(status).toBe(200)
    expect(body.source).toMatchObject({ id: 'bbc-macron-putin-frank-exchange', publisher: 'BBC News', topics: ['Emmanuel Macron Russia Marine Le Pen France', 'Vladimir Putin France elections 2017'] })
    expect(body.paragraphs).toHaveLength(34)
    expect(body.paragraphs.map((p: { position: number }) => p.position)).toEqual([...Array(34).keys()])
    expect(Object.keys(body.paragraphs[0]).sort()).toEqual(['id', 'kind', 'position', 'section', 'text'])
    const kinds = body.paragraphs.map((p: { kind: string }) => p.kind)
    expect([kinds.filter((k: string) => k === 'body').length, kinds.filter((k: string) => k === 'caption').length, kinds.filter((k: string) => k === 'heading').length]).toEqual([26, 5, 3])
    expect(body.paragraphs.find((p: { text: string }) => p.text.startsWith('France is in the coalition')).section).toBe('What did they say about Syria?')
  })

  it('answers an unknown id with a JSON 404', async () => {
    const { status, body } = await getJson('/api/sources/no-such-source')
    expect(status).toBe(404)
    expect(body).toEqual({ error: { code: 'not_found', message: 'no source with id "no-such-source"' } })
  })
})

describe('unknown API routes', () => {
  it('are JSON 404s', async () => {
    const { status, body } = await getJson('/api/nothing-here')
    expect(status).toBe(404)
    expect(body.error.code).toBe('not_found')
  })
})
