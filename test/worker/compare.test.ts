import { describe, expect, it } from 'vitest'
import { getJson } from './fetch.ts'

const BBC = 'bbc-macron-putin-frank-exchange'
const OTHER = 'macron-putin-press-conference'

type Quote = { source: string; paragraph: string; speaker: string | null; text: string }
type Fact = { id: string; sources: { source: string; paragraphs: string[] }[]; quotes: { shared: { speaker: string; quotes: Quote[] }[]; single: Quote[] } }
type Coverage = { sources: { id: string }[]; facts: Fact[]; own: { source: string; paragraphs: string[] }[] }
type Paragraph = { id: string; kind: string; position: number; text: string }

async function paragraphsOf(source: string): Promise<Paragraph[]> {
  return (await getJson<{ paragraphs: Paragraph[] }>(`/api/sources/${source}`)).body.paragraphs
}

describe('GET /api/compare', () => {
  it('places every paragraph but headings once: in one fact reported by both sources, or in its source\'s own material', async () => {
    const { status, body } = await getJson<Coverage>('/api/compare')
    expect(status).toBe(200)
    expect(body.sources.map((s) => s.id)).toEqual([BBC, OTHER])
    for (const source of [BBC, OTHER]) {
      const paragraphs = (await paragraphsOf(source)).filter((p) => p.kind !== 'heading')
      const inFacts = body.facts.flatMap((fact) => fact.sources.filter((s) => s.source === source).flatMap((s) => s.paragraphs))
      const own = body.own.find((o) => o.source === source)!.paragraphs
      expect([...inFacts, ...own].sort()).toEqual(paragraphs.map((p) => p.id).sort())
      expect(new Set(inFacts).size).toBe(inFacts.length)
      // Paragraph ids in document order, within each fact and in the own material.
      const position = new Map(paragraphs.map((p) => [p.id, p.position]))
      for (const list of [own, ...body.facts.flatMap((fact) => fact.sources.filter((s) => s.source === source).map((s) => s.paragraphs))]) {
        expect(list.map((id) => position.get(id)!)).toEqual(list.map((id) => position.get(id)!).sort((a, b) => a - b))
      }
    }
    for (const fact of body.facts) expect(fact.sources.map((s) => s.source)).toEqual([BBC, OTHER])
  })

  it('puts the two reports of "organs of influence and propaganda" in one fact, Macron quoted by both in the same words', async () => {
    const { body } = await getJson<Coverage>('/api/compare')
    const bbc = (await paragraphsOf(BBC)).find((p) => p.text.startsWith('On Monday he accused pro-Kremlin news outlets'))!
    const other = (await paragraphsOf(OTHER)).find((p) => p.text.startsWith('Macron described RT and Sputnik'))!
    const fact = body.facts.find((f) => f.sources.some((s) => s.paragraphs.includes(bbc.id)))!
    expect(fact.sources.find((s) => s.source === OTHER)!.paragraphs).toContain(other.id)
    const macron = fact.quotes.shared.find((shared) => shared.speaker === 'Macron')!
    expect(macron.quotes.filter((q) => q.text === 'organs of influence and propaganda').map((q) => q.source).sort()).toEqual([BBC, OTHER])
  })

  it('shows the two outlets quoting Macron\'s "frank exchange" in different words, and what only one quotes', async () => {
    const { body } = await getJson<Coverage>('/api/compare')
    const bbc = (await paragraphsOf(BBC)).find((p) => p.text.includes('held a "frank exchange"'))!
    const fact = body.facts.find((f) => f.sources.some((s) => s.paragraphs.includes(bbc.id)))!
    const macron = fact.quotes.shared.find((shared) => shared.speaker === 'Emmanuel Macron')!
    expect(macron.quotes.find((q) => q.source === BBC)!.text).toBe('frank exchange')
    expect(macron.quotes.filter((q) => q.source === OTHER).map((q) => q.text)).toContain("I believe we've had an extremely frank and direct exchange. We have told each other everything.")
    // A quotation listed as given by one source only has a speaker no other source quotes on that fact.
    const single = body.facts.flatMap((f) => f.quotes.single)
    for (const quote of single) expect(body.facts.find((f) => f.quotes.single.includes(quote))!.quotes.shared.some((s) => s.quotes.some((q) => q.speaker === quote.speaker))).toBe(false)
  })

  it('keeps what only one source has as its own: the Amnesty protest, the replay', async () => {
    const { body } = await getJson<Coverage>('/api/compare')
    const amnesty = (await paragraphsOf(BBC)).find((p) => p.text.startsWith('Amnesty International activists'))!
    const replay = (await paragraphsOf(OTHER)).find((p) => p.text === 'A full replay is available below:')!
    expect(body.own.find((o) => o.source === BBC)!.paragraphs).toContain(amnesty.id)
    expect(body.own.find((o) => o.source === OTHER)!.paragraphs).toContain(replay.id)
  })

  it('follows the order of ?sources=', async () => {
    const { body } = await getJson<Coverage>(`/api/compare?sources=${OTHER},${BBC}`)
    expect(body.sources.map((s) => s.id)).toEqual([OTHER, BBC])
    for (const fact of body.facts) expect(fact.sources.map((s) => s.source)).toEqual([OTHER, BBC])
    expect(body.own.map((o) => o.source)).toEqual([OTHER, BBC])
  })

  it('answers bad sources with a 400 naming the problem', async () => {
    const error = async (query: string) => (await getJson(`/api/compare?${query}`)).body
    expect(await error(`sources=${BBC}`)).toEqual({ error: { code: 'invalid_parameter', message: 'sources: name at least two sources to compare' } })
    expect(await error(`sources=${BBC},nope`)).toEqual({ error: { code: 'invalid_parameter', message: 'sources: no source with id "nope"' } })
    expect(await error(`sources=${BBC},${BBC}`)).toEqual({ error: { code: 'invalid_parameter', message: `sources: "${BBC}" is given twice` } })
    expect(await error(`sources=${BBC},,${OTHER}`)).toEqual({ error: { code: 'invalid_parameter', message: 'sources: must be source ids separated by commas, none empty' } })
    expect(await error('source=x')).toEqual({ error: { code: 'invalid_parameter', message: 'unknown parameter: source' } })
    expect((await getJson(`/api/compare?sources=${BBC}`)).status).toBe(400)
  })
})

describe('GET /api/quotes', () => {
  it('lists the quotations of a speaker, in source and document order, "he" standing for the last speaker named', async () => {
    const { status, body } = await getJson<{ speaker: string; total: number; quotes: Quote[] }>('/api/quotes?speaker=putin')
    expect(status).toBe(200)
    expect(body.speaker).toBe('putin')
    expect(body.total).toBe(body.quotes.length)
    expect(body.quotes.every((q) => /\bPutin\b/.test(q.speaker!))).toBe(true)
    const texts = body.quotes.map((q) => q.text)
    // "Mr Putin agreed that uniting against terrorism would achieve "positive results"".
    expect(texts).toContain('positive results')
    // "He also said there was "nothing to discuss"", the paragraph after Putin's own words.
    expect(texts).toContain('nothing to discuss')
    expect(texts.indexOf('positive results')).toBeLessThan(texts.indexOf('nothing to discuss'))
    expect(body.quotes[0]!.source).toBe(BBC)
    expect(body.quotes.at(-1)!.source).toBe(OTHER)
  })

  it('matches the words of a name: "Emmanuel Macron" is one quotation, "macron" many', async () => {
    const full = (await getJson<{ quotes: Quote[] }>('/api/quotes?speaker=Emmanuel%20Macron')).body.quotes
    expect(full).toEqual([expect.objectContaining({ source: BBC, speaker: 'Emmanuel Macron', text: 'frank exchange' })])
    const all = (await getJson<{ quotes: Quote[] }>('/api/quotes?speaker=macron')).body.quotes
    expect(all.length).toBeGreaterThan(10)
    expect(all.map((q) => q.text)).toContain('I believe we\'ve had an extremely frank and direct exchange. We have told each other everything.')
  })

  it('filters by source and answers bad parameters with a 400', async () => {
    const { body } = await getJson<{ quotes: Quote[] }>(`/api/quotes?sources=${OTHER}`)
    expect(body.quotes.length).toBeGreaterThan(0)
    expect(body.quotes.every((q) => q.source === OTHER)).toBe(true)
    expect((await getJson('/api/quotes?speaker=')).body).toEqual({ error: { code: 'invalid_parameter', message: 'speaker: must not be empty' } })
    expect((await getJson('/api/quotes?sources=nope')).body).toEqual({ error: { code: 'invalid_parameter', message: 'sources: no source with id "nope"' } })
  })
})

describe('comments in the search', () => {
  it('never come before a report of the same fact: "red line" lists the comment after both reports', async () => {
    const { body } = await getJson<{ hits: { id: string; kind: string; text: string }[] }>('/api/search?q=red+line')
    const kinds = body.hits.map((hit) => hit.kind)
    // Three paragraphs say "red line": the BBC's report, the other source's report, and its comment on it.
    expect(kinds).toEqual(['body', 'body', 'comment'])
    expect(body.hits[2]!.text).toMatch(/^Comment: /)
  })
})
