import { describe, expect, it } from 'vitest'
import { getJson } from './fetch.ts'

type View = { id: string; kind: string; section: string | null; position: number; text: string }
type Body = { paragraph: View; source: { id: string }; before: View[]; after: View[]; related: (View & { score: number; source: { id: string } })[]; fact: string | null }

async function idOf(query: string, startsWith: string): Promise<string> {
  const { body } = await getJson<{ hits: { id: string; text: string }[] }>(`/api/search?${new URLSearchParams({ q: query, limit: '50' })}`)
  return body.hits.find((hit) => hit.text.startsWith(startsWith))!.id
}

describe('GET /api/paragraphs/:id', () => {
  it('gives the paragraph with its neighbours in document order', async () => {
    const id = await idOf('vigilant', 'He said France would remain')
    const { status, body } = await getJson<Body>(`/api/paragraphs/${id}?context=1`)
    expect(status).toBe(200)
    expect(body.paragraph).toMatchObject({ id, kind: 'body', section: 'What else did they talk about?', text: 'He said France would remain "vigilant" on the issue.' })
    expect(body.source.id).toBe('bbc-macron-putin-frank-exchange')
    expect(body.before.map((p) => p.position)).toEqual([body.paragraph.position - 1])
    expect(body.before[0]!.text).toMatch(/^President Macron said they discussed/)
    expect(body.after[0]!.text).toMatch(/^Amnesty International activists/)
    expect((await getJson<Body>(`/api/paragraphs/${id}`)).body.before).toHaveLength(2)
  })

  it('finds the other source\'s report of the same thing: the two "red line" paragraphs find each other', async () => {
    const bbc = await idOf('red line', 'But the use of chemical weapons would be a "red line"')
    const other = await idOf('red line', 'Macron said that fighting terrorism')
    const { body } = await getJson<Body>(`/api/paragraphs/${bbc}`)
    expect(body.related.map((p) => p.id)).toContain(other)
    expect(body.related.every((p) => p.source.id !== 'bbc-macron-putin-frank-exchange')).toBe(true)
    expect(body.related[0]!.score).toBeGreaterThan(0)
    // Reports first, best first; the other source's comment on the red line comes after them.
    expect(body.related[0]!.id).toBe(other)
    const reports = body.related.filter((p) => p.kind !== 'comment').map((p) => p.score)
    expect(reports).toEqual([...reports].sort((a, b) => b - a))
    const firstComment = body.related.findIndex((p) => p.kind === 'comment')
    expect(firstComment).toBeGreaterThan(0)
    expect(body.related.slice(firstComment).every((p) => p.kind === 'comment')).toBe(true)
    expect((await getJson<Body>(`/api/paragraphs/${other}`)).body.related.map((p) => p.id)).toContain(bbc)
  })

  it('gives an empty related list and no fact when nothing is close', async () => {
    // The second source never mentions Chechnya, Amnesty, a protest or the Eiffel Tower.
    const paragraph = await idOf('Amnesty', 'Amnesty International activists')
    const { body } = await getJson<Body>(`/api/paragraphs/${paragraph}`)
    expect(body.related).toEqual([])
    expect(body.fact).toBeNull()
  })

  it("names the fact a paragraph reports with the other source, the same for both paragraphs", async () => {
    const bbc = await idOf('Sputnik', 'On Monday he accused pro-Kremlin news outlets')
    const other = await idOf('Sputnik', 'Macron described RT and Sputnik')
    const [a, b] = await Promise.all([getJson<Body>(`/api/paragraphs/${bbc}`), getJson<Body>(`/api/paragraphs/${other}`)])
    expect(a.body.fact).toMatch(/^f[0-9a-z]{10}$/)
    expect(b.body.fact).toBe(a.body.fact)
  })

  it('answers an unknown id with a JSON 404 and a bad context with a 400', async () => {
    expect(await getJson('/api/paragraphs/nope').then((r) => [r.status, r.body])).toEqual([404, { error: { code: 'not_found', message: 'no paragraph with id "nope"' } }])
    const id = await idOf('vigilant', 'He said')
    expect((await getJson(`/api/paragraphs/${id}?context=11`)).body).toEqual({ error: { code: 'invalid_parameter', message: 'context: must be an integer from 0 to 10' } })
  })
})
