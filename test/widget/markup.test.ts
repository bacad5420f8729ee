/**
 * Markup in a query or a paragraph shows as text: nothing typed or returned by the API can
 * become an element, in the widget or the reader view.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { api, baseUrl, connectBrowser, search, watchErrors, widget, type WidgetParts } from './browser.ts'

let browser: Browser
let page: Page
let errors: string[]
let dialogs: string[]
let w: WidgetParts

beforeAll(async () => {
  browser = await connectBrowser()
  page = await browser.newPage()
  errors = watchErrors(page)
  dialogs = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
})

afterAll(async () => {
  await browser?.close()
})

beforeEach(async () => {
  errors.length = 0
  await page.goto(baseUrl)
  w = widget(page, 'paragraph-search.demo-search')
})

afterEach(() => {
  expect(errors).toEqual([])
  expect(dialogs).toEqual([])
})

/** Tag names of every element in the widget's shadow root. */
function shadowTags(parts: WidgetParts): Promise<string[]> {
  return parts.host.evaluate((host) => [...host.shadowRoot!.querySelectorAll('*')].map((element) => element.localName))
}

describe('a query holding markup', () => {
  for (const query of ['<script>alert(1)</script>', '<b>x</b>', '<img src=x onerror=alert(1)>']) {
    it(`shows ${query} as text and creates no element from it`, async () => {
      const before = new Set(await shadowTags(w))
      await w.input.fill(query)
      await w.status.filter({ hasText: `“${query}”` }).waitFor()
      expect(await w.input.inputValue()).toBe(query)
      expect(await w.status.textContent()).toContain(`“${query}”`)
      const added = (await shadowTags(w)).filter((tag) => !before.has(tag))
      expect(added.filter((tag) => ['script', 'b', 'img'].includes(tag))).toEqual([])
      expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(2) // the widget's and the page's own
      expect(await page.evaluate(() => document.querySelectorAll('b, img').length)).toBe(0)
    })
  }
})

describe('a paragraph holding characters that HTML escapes', () => {
  it('shows the quotes of “frank exchange” literally, from an escaped snippet', async () => {
    const { hits } = await api<{ hits: { snippet: string; text: string }[] }>('/api/search?q=%22frank+exchange%22')
    expect(hits[0]!.snippet).toContain('&quot;') // what the API sends…
    await search(w, '"frank exchange"')
    const snippet = w.results.first().locator('[part="snippet"]')
    const text = await snippet.textContent()
    expect(text).toContain('"frank exchange"') // …and what the reader sees
    expect(text).not.toContain('&quot;')
    expect(await snippet.locator('mark').allTextContents()).toEqual(['frank exchange'])
    expect(await snippet.evaluate((p) => [...p.querySelectorAll('*')].map((element) => element.localName))).toEqual(['mark'])
  })

  it('renders any text and match offsets as text nodes and <mark> only, markup and references as written', async () => {
    const text = `a <b>bold</b> &lt; x & y <img src=x onerror=alert(1)><script>alert(2)</script> 'q' &bogus;`
    // "x & y" is at 19–24 of the text above.
    const spans = [{ start: 19, end: 24 }]
    // A string, so that the dynamic import() reaches the page untouched by the test transform.
    const rendered: { nodes: string[]; text: string; marks: string[] } = await page.evaluate(`(async () => {
      const { markSpans, segmentsFragment } = await import(${JSON.stringify(`${baseUrl}/widget.js`)})
      const box = document.createElement('p')
      box.append(segmentsFragment(markSpans(${JSON.stringify(text)}, ${JSON.stringify(spans)})))
      return { nodes: [...box.childNodes].map((node) => node.nodeName), text: box.textContent, marks: [...box.querySelectorAll('mark')].map((mark) => mark.textContent) }
    })()`)
    expect(rendered.nodes).toEqual(['#text', 'MARK', '#text'])
    expect(rendered.marks).toEqual(['x & y'])
    expect(rendered.text).toBe(text)
  })
})

describe('the reader view', () => {
  it('shows quotes and apostrophes of paragraphs as text', async () => {
    const { paragraphs } = await api<{ paragraphs: { id: string; text: string }[] }>('/api/sources/macron-putin-press-conference')
    const quoted = paragraphs.find((p) => p.text.includes('"') && p.text.includes("'"))!
    await page.goto(`${baseUrl}/sources/macron-putin-press-conference`)
    const shown = await page.locator(`[id="${quoted.id}"] p`).first().textContent()
    expect(shown).toContain(quoted.text)
  })
})
