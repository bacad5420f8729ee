import { beforeAll, describe, expect, it } from 'vitest'
import { inMemoryReader, type IndexReader } from '../../src/core/index-reader.ts'
import type { LoadedIndex } from '../../src/core/loaded-index.ts'
import { createApp } from '../../src/worker/app.ts'
import { IndexDroppedError } from '../../src/worker/errors.ts'
import { fixtureIndex } from '../support/fixture-index.ts'

/** The app serving a small index of paragraphs that hold markup, ampersands and quotes. */
let app: ReturnType<typeof createApp>
let index: LoadedIndex
beforeAll(async () => {
  index = await fixtureIndex({
    'security.txt': [
      'Web security briefing',
      'Attackers injected <script>alert("owned")</script> into the comments & the forum.',
      'The word "script" is quoted here, and so is \'alert\'.',
    ].join('\n'),
  })
  app = createApp({ index: () => index })
})

const search = async (q: string) => (await (await app.request(`/api/search?${new URLSearchParams({ q })}`)).json()) as { hits: { text: string; snippet: string }[] }

describe('the app with an injected index, in workerd', () => {
  it('serves that index', async () => {
    const health = (await (await app.request('/api/health')).json()) as { sources: number; paragraphs: number }
    expect(health).toMatchObject({ sources: 1, paragraphs: 2 })
  })

  it('returns a paragraph holding <script>, & and quotes escaped, with only <mark> as markup', async () => {
    const { hits } = await search('script')
    expect(hits.map((hit) => hit.snippet)).toEqual([
      'Attackers injected &lt;<mark>script</mark>&gt;alert(&quot;owned&quot;)&lt;/<mark>script</mark>&gt; into the comments &amp; the forum.',
      'The word &quot;<mark>script</mark>&quot; is quoted here, and so is &#39;alert&#39;.',
    ])
    expect(hits[0]!.text).toBe('Attackers injected <script>alert("owned")</script> into the comments & the forum.')
  })

  it('treats a query holding markup as words', async () => {
    const { hits } = await search('<script>alert("owned")</script>')
    expect(hits[0]!.snippet).toBe(
      'Attackers injected &lt;<mark>script</mark>&gt;<mark>alert</mark>(&quot;<mark>owned</mark>&quot;)&lt;/<mark>script</mark>&gt; into the comments &amp; the forum.'
    )
    for (const hit of hits) expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
  })

  it('answers unknown pages with HTML and unknown API routes with JSON', async () => {
    const page = await app.request('/no-such-page')
    expect(page.status).toBe(404)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    const api = await app.request('/api/no-such-route')
    expect(api.status).toBe(404)
    expect(await api.json()).toEqual({ error: { code: 'not_found', message: 'no route for GET /api/no-such-route' } })
  })
})

describe('an index dropped while a request reads it', () => {
  /** A reader of the fixture index whose reads find it dropped. */
  const dropped = (): IndexReader => ({
    index,
    read: async () => {
      throw new IndexDroppedError('the index generation v3_0123456789ab was dropped while this request read it')
    },
  })

  it('answers the request again, whole, from the index provided then', async () => {
    // The first index provided is found dropped; the second is read.
    let provided = 0
    const retrying = createApp({ index: () => (++provided === 1 ? dropped() : inMemoryReader(index)) })
    const response = await retrying.request('/api/search?q=script')
    expect(response.status).toBe(200)
    // Both paragraphs of the fixture hold "script".
    expect(((await response.json()) as { total: number }).total).toBe(2)
    expect(provided).toBe(2)
  })

  it('answers 503 when the index provided then is dropped too', async () => {
    let provided = 0
    const dropping = createApp({
      index: () => {
        provided++
        return dropped()
      },
    })
    const response = await dropping.request('/api/search?q=script')
    expect(response.status).toBe(503)
    expect(response.headers.get('Retry-After')).toBe('1')
    expect(await response.json()).toEqual({ error: { code: 'unavailable', message: 'the index generation v3_0123456789ab was dropped while this request read it' } })
    expect(provided).toBe(2)
  })
})
