import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../src/worker/app.ts'
import { fixtureIndex } from '../support/fixture-index.ts'

/** The app serving a small index of paragraphs that hold markup, ampersands and quotes. */
let app: ReturnType<typeof createApp>
beforeAll(async () => {
  const index = await fixtureIndex({
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
