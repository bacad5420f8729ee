import { describe, expect, it } from 'vitest'
import { PAGE_CSP } from '../../src/worker/routes/pages.ts'
import { fetchWorker, getJson } from './fetch.ts'

type Paragraph = { id: string; kind: string; position: number; text: string }

async function getPage(path: string): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await fetchWorker(path)
  expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8')
  return { status: response.status, body: await response.text(), headers: response.headers }
}

function expectPageHeaders(headers: Headers): void {
  expect(headers.get('content-security-policy')).toBe(PAGE_CSP)
  expect(headers.get('x-content-type-options')).toBe('nosniff')
  expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
}

/** Every `<script>` of a page loads a file from this origin; no inline script or style. */
function expectNoInlineCode(body: string): void {
  expect([...body.matchAll(/<script[^>]*>/g)].map((match) => match[0])).toEqual(['<script type="module" src="/widget.js">', '<script type="module" src="/pages.js">'])
  expect(body).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i)
}

describe('the Content-Security-Policy of the pages', () => {
  it('allows scripts and styles from this origin only, and enforces Trusted Types', () => {
    const directives = Object.fromEntries(PAGE_CSP.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1).join(' ')]))
    expect(directives).toMatchObject({ 'default-src': "'none'", 'script-src': "'self'", 'style-src': "'self'", 'connect-src': "'self'", 'require-trusted-types-for': "'script'" })
    expect(PAGE_CSP).not.toContain('unsafe')
  })
})

describe('GET /', () => {
  it('is the demo page: the widget, the corpus, the embed snippet for this origin and the API', async () => {
    const { status, body, headers } = await getPage('/')
    expect(status).toBe(200)
    expectPageHeaders(headers)
    expectNoInlineCode(body)
    expect(body).toContain('<paragraph-search class="demo-search"')
    expect(body).toContain('<a href="/sources/bbc-macron-putin-frank-exchange">France&#39;s Macron holds &#39;frank exchange&#39; with Putin</a>')
    expect(body).toContain('52 paragraphs')
    expect(body).toContain('&lt;script type=&quot;module&quot; src=&quot;http://search.test/widget.js&quot;&gt;&lt;/script&gt;\n&lt;paragraph-search&gt;&lt;/paragraph-search&gt;')
    for (const route of ['/api/search', '/api/suggest', '/api/paragraphs/:id', '/api/sources', '/api/health', '/api/openapi.json']) expect(body).toContain(route)
  })
})

describe('GET /sources/:id', () => {
  it('is the reader view: every paragraph in order with its id, escaped, by kind', async () => {
    const { body: api } = await getJson<{ paragraphs: Paragraph[] }>('/api/sources/bbc-macron-putin-frank-exchange')
    const { status, body, headers } = await getPage('/sources/bbc-macron-putin-frank-exchange')
    expect(status).toBe(200)
    expectPageHeaders(headers)
    expectNoInlineCode(body)
    const ids = [...body.matchAll(/class="paragraph (\w+)" id="([^"]+)"/g)].map((match) => [match[2], match[1]])
    expect(ids).toEqual(api.paragraphs.map((p) => [p.id, p.kind]))
    const heading = api.paragraphs.find((p) => p.kind === 'heading')!
    // A heading carries its number too, as every paragraph does: "¶ n", n its 1-based position.
    expect(body).toContain(`<h2 class="paragraph heading" id="${heading.id}">${heading.text.replaceAll("'", '&#39;')} <a class="anchor" href="#${heading.id}" aria-label="Paragraph ${heading.position + 1}">¶ ${heading.position + 1}</a></h2>`)
    expect(body).toContain('<h1>France&#39;s Macron holds &#39;frank exchange&#39; with Putin</h1>')
    expect(body).toContain('held a &quot;frank exchange&quot; with')
    expect(body).not.toContain('"frank exchange"')
  })

  it('links a paragraph to the paragraphs of the other source that report the same thing', async () => {
    const { body: context } = await getJson<{ related: { id: string; source: { id: string } }[] }>('/api/paragraphs/p17rjbnjsz0')
    const { body } = await getPage('/sources/bbc-macron-putin-frank-exchange')
    const block = body.slice(body.indexOf('id="p17rjbnjsz0"'), body.indexOf('</div>', body.indexOf('id="p17rjbnjsz0"')))
    expect(context.related.length).toBeGreaterThan(0)
    for (const related of context.related) expect(block).toContain(`href="/sources/${related.source.id}#${related.id}"`)
  })

  it('answers an unknown id with an HTML 404 that shows the id as text', async () => {
    const { status, body, headers } = await getPage('/sources/%3Cscript%3Ealert(1)%3C%2Fscript%3E')
    expect(status).toBe(404)
    expectPageHeaders(headers)
    expectNoInlineCode(body)
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })
})

describe('GET /pages.css', () => {
  it('is the pages’ style sheet', async () => {
    const response = await fetchWorker('/pages.css')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(await response.text()).toContain(':target')
  })
})

describe('GET /pages.js', () => {
  it('is the pages’ script, a module that sets classes and text only (no HTML strings, for Trusted Types)', async () => {
    const response = await fetchWorker('/pages.js')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    const script = await response.text()
    expect(script).toContain("customElements.get('paragraph-search')")
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/)
  })
})

describe('the API next to the pages', () => {
  it('still answers unknown API routes with JSON', async () => {
    const { status, body } = await getJson('/api/no-such-route')
    expect(status).toBe(404)
    expect(body.error.code).toBe('not_found')
  })
})

describe('GET /compare', () => {
  it('shows the sources side by side: a column per outlet, a row per fact, own material and comments marked', async () => {
    const { status, body, headers } = await getPage('/compare')
    expect(status).toBe(200)
    expectPageHeaders(headers)
    expectNoInlineCode(body)
    // One column per outlet, named by its publisher, else its title.
    const columns = [...body.matchAll(/<th scope="col"><a href="\/sources\/([^"]+)">([^<]*)<\/a>/g)].map((match) => [match[1], match[2]])
    expect(columns).toEqual([
      ['bbc-macron-putin-frank-exchange', 'BBC News'],
      ['macron-putin-press-conference', 'Putin and Macron press conference'],
    ])
    const { facts, own } = (await getJson<{ facts: { id: string }[]; own: { paragraphs: string[] }[] }>('/api/compare')).body
    expect([...body.matchAll(/<tr id="fact-([^"]+)" class="fact">/g)].map((match) => match[1]).sort()).toEqual(facts.map((fact) => fact.id).sort())
    expect(body.match(/<span class="mark own-mark">Only here<\/span>/g)).toHaveLength(own.reduce((sum, entry) => sum + entry.paragraphs.length, 0))
    // The one comment of the corpus is marked in its cell.
    expect(body.match(/class="cell-paragraph comment[^"]*">(?:<span class="mark[^"]*">[^<]*<\/span>)*<span class="mark comment-mark">Editorial comment<\/span>/g)).toHaveLength(1)
  })

  it('is linked from the demo page and the reader view', async () => {
    expect((await getPage('/')).body).toContain('<a href="/compare">')
    const reader = (await getPage('/sources/bbc-macron-putin-frank-exchange')).body
    expect(reader).toContain('<a href="/compare">')
    expect(reader).toMatch(/<a href="\/compare#fact-f[0-9a-z]{10}">compare<\/a>/)
  })

  it('answers sources it cannot compare with a 404 page naming the problem', async () => {
    const { status, body } = await getPage('/compare?sources=bbc-macron-putin-frank-exchange,nope')
    expect(status).toBe(404)
    expect(body).toContain('no source with id “nope”'.replace(/[“”]/g, '"').replace(/"/g, '&quot;'))
  })
})
