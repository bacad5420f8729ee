/**
 * The pages the Worker serves, in Chromium: the demo page and the reader view under their
 * Content-Security-Policy, accessibility (axe-core), the widget bundle's headers, and the
 * screenshot of the demo with results.
 */
import { readFile, mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../scripts/lib/paths.ts'
import { api, baseUrl, connectBrowser, search, watchErrors, widget } from './browser.ts'

type Paragraph = { id: string; kind: string; position: number; text: string }

let browser: Browser
let context: BrowserContext
let errors: string[] = []

beforeAll(async () => {
  browser = await connectBrowser()
  context = await browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme: 'light' })
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
})

afterEach(() => {
  expect(errors).toEqual([])
})

async function open(path: string, into: BrowserContext = context): Promise<Page> {
  const page = await into.newPage()
  errors = watchErrors(page)
  await page.goto(`${baseUrl}${path}`)
  return page
}

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }

/** Runs axe-core on the page (injected as a script: the context bypasses the CSP for that). */
async function seriousViolations(page: Page): Promise<string[]> {
  const source = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  await page.addScriptTag({ content: source })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe
    return (await axe.run(document, { resultTypes: ['violations'] })).violations
  })
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')})`)
}

describe('the demo page', () => {
  it('is served with a strict CSP, under which the widget runs without a single error', async () => {
    const page = await context.newPage()
    errors = watchErrors(page)
    const response = await page.goto(baseUrl)
    const headers = response!.headers()
    expect(headers['content-type']).toBe('text/html; charset=UTF-8')
    expect(headers['content-security-policy']).toContain("script-src 'self'")
    expect(headers['content-security-policy']).not.toContain('unsafe-inline')
    expect(headers['content-security-policy']).toContain("require-trusted-types-for 'script'")
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBeTruthy()
    expect(await page.evaluate(() => customElements.get('paragraph-search')?.name)).toBeTruthy()
    const w = widget(page, 'paragraph-search.demo-search')
    await search(w, 'chemical weapons')
    expect(await w.results.count()).toBeGreaterThan(0)
    expect(await page.locator('pre code').textContent()).toBe(`<script type="module" src="${baseUrl}/widget.js"></script>\n<paragraph-search></paragraph-search>`)
    await page.close()
  })

  it('has no serious or critical accessibility violation with results, context and related paragraphs open', async () => {
    const axeContext = await browser.newContext({ viewport: { width: 1200, height: 900 }, bypassCSP: true })
    try {
      const page = await open('/', axeContext)
      const w = widget(page, 'paragraph-search.demo-search')
      await search(w, 'red line')
      await w.input.press('ArrowDown')
      await w.preview.getByRole('button', { name: 'Show in context' }).click()
      await w.preview.getByRole('button', { name: 'Also reported by' }).click()
      await w.preview.locator('#related li, #related .quiet').first().waitFor()
      await w.input.focus()
      expect(await seriousViolations(page)).toEqual([])
    } finally {
      await axeContext.close()
    }
  })

  it('is saved as a screenshot with results', async () => {
    const page = await open('/')
    const w = widget(page, 'paragraph-search.demo-search')
    await search(w, 'red line')
    await w.input.press('ArrowDown')
    await w.preview.getByRole('button', { name: 'Also reported by' }).click()
    await w.preview.locator('#related li').first().waitFor()
    await mkdir(join(ROOT, 'test-results'), { recursive: true })
    const png = await page.screenshot({ path: join(ROOT, 'test-results', 'demo-with-results.png') })
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    await page.close()
  })
})

describe('the reader view', () => {
  it('lists every paragraph with its id, headings and captions as such, and highlights #<id>', async () => {
    const { paragraphs } = await api<{ paragraphs: Paragraph[] }>('/api/sources/bbc-macron-putin-frank-exchange')
    const target = paragraphs.find((p) => p.kind === 'body' && p.position > 20) ?? paragraphs.at(-1)!
    const page = await open(`/sources/bbc-macron-putin-frank-exchange#${target.id}`)
    const shown = await page.locator('article .paragraph').evaluateAll((elements) => elements.map((element) => ({ id: element.id, tag: element.localName, kind: element.classList[1] })))
    expect(shown.map((p) => p.id)).toEqual(paragraphs.map((p) => p.id))
    expect(shown.map((p) => p.kind)).toEqual(paragraphs.map((p) => p.kind))
    for (const [i, p] of shown.entries()) if (paragraphs[i]!.kind === 'heading') expect(p.tag).toBe('h2')
    expect(await page.locator('.paragraph.caption .label').count()).toBe(paragraphs.filter((p) => p.kind === 'caption').length)
    const highlighted = await page.evaluate(() => {
      const element = document.querySelector(':target')!
      const box = element.getBoundingClientRect()
      return { id: element.id, background: getComputedStyle(element).backgroundColor, inView: box.top >= 0 && box.top < innerHeight }
    })
    expect(highlighted.id).toBe(target.id)
    expect(highlighted.background).not.toBe('rgba(0, 0, 0, 0)')
    expect(highlighted.inView).toBe(true)
    const other = await page.locator(`[id="${paragraphs[0]!.id}"]`).evaluate((element) => getComputedStyle(element).backgroundColor)
    expect(other).toBe('rgba(0, 0, 0, 0)')
    await page.close()
  })

  it('has a working search in its header and no serious or critical accessibility violation', async () => {
    const axeContext = await browser.newContext({ viewport: { width: 1200, height: 900 }, bypassCSP: true })
    try {
      const page = await open('/sources/macron-putin-press-conference', axeContext)
      await search(widget(page, 'paragraph-search.header-search'), 'Versailles')
      expect(await seriousViolations(page)).toEqual([])
    } finally {
      await axeContext.close()
    }
  })

  it('answers an unknown source with an HTML 404 page', async () => {
    const page = await context.newPage()
    errors = watchErrors(page)
    const response = await page.goto(`${baseUrl}/sources/no-such-source`)
    expect(response!.status()).toBe(404)
    expect(response!.headers()['content-type']).toContain('text/html')
    expect(await page.locator('h1').textContent()).toBe('Not found')
    expect(await page.locator('main').textContent()).toContain('no-such-source')
    errors.splice(0, errors.length, ...errors.filter((error) => !error.includes('status of 404')))
    await page.close()
  })
})

describe('/widget.js', () => {
  it('is JavaScript that any origin may load, cached briefly', async () => {
    const response = await fetch(`${baseUrl}/widget.js`, { headers: { Origin: 'https://some-site.example' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('cache-control')).toMatch(/public, max-age=\d+/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('etag')).toBeTruthy()
    expect(await response.text()).toContain('paragraph-search')
  })
})
