/**
 * The widget embedded in a page of ANOTHER origin, as a site would use it: one script tag from the
 * Worker, one element. The API answers across origins (CORS), and hostile host CSS does not
 * change how the widget looks.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, connectBrowser, markTexts, search, watchErrors, widget } from './browser.ts'

/** Rules a careless or hostile host page might have. */
const HOSTILE_CSS = `
  * { color: red !important; font-size: 40px !important; display: block !important; font-family: "Comic Sans MS", cursive !important;
      line-height: 3 !important; letter-spacing: 4px !important; text-transform: uppercase !important; box-sizing: content-box !important; }
  html { font-size: 31px !important; }
  paragraph-search { color: lime !important; font: italic 9px serif !important; text-align: right !important; white-space: pre !important;
      text-indent: 50px !important; word-spacing: 20px !important; visibility: visible; padding: 12px; background: #222; }
  mark { background: black !important; color: white !important; }
  input, button, div, p, span { border: 5px dashed red !important; margin: 17px !important; }
`

/** How a host page is meant to theme the widget: custom properties and parts. */
const THEME_CSS = `
  paragraph-search { --ps-accent: rgb(200, 0, 100); --ps-font-size: 20px; }
  paragraph-search::part(mark) { background: rgb(1, 2, 3); color: rgb(250, 250, 250); }
`

const PAGES: Record<string, string> = { '/clean.html': '', '/hostile.html': HOSTILE_CSS, '/themed.html': THEME_CSS }

function hostPage(css: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host page</title>
${css ? `<style>${css}</style>` : ''}
<script type="module" src="${baseUrl}/widget.js"></script>
</head><body><h1>A site that embeds the search</h1><paragraph-search limit="5"></paragraph-search></body></html>`
}

let server: Server
let hostOrigin: string
let browser: Browser
let context: BrowserContext
let errors: string[]

beforeAll(async () => {
  server = createServer((request, response) => {
    const css = PAGES[request.url ?? '']
    if (css === undefined) return void response.writeHead(request.url === '/favicon.ico' ? 204 : 404).end()
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage(css))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  // Another port is another origin: every API call from the widget is cross-origin.
  hostOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await connectBrowser()
  context = await browser.newContext({ viewport: { width: 1000, height: 800 }, colorScheme: 'light' })
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
})

afterEach(() => {
  expect(errors).toEqual([])
})

/** Computed styles that make up the widget's look, for elements inside its shadow root. */
async function shadowStyles(page: Page): Promise<Record<string, Record<string, string>>> {
  return widget(page).host.evaluate((host) => {
    const root = host.shadowRoot!
    const properties = ['display', 'font-family', 'font-size', 'font-style', 'font-weight', 'line-height', 'color', 'background-color', 'letter-spacing', 'word-spacing', 'text-transform', 'text-align', 'text-indent', 'white-space', 'padding-top', 'padding-left', 'margin-top', 'border-top-width', 'border-top-style', 'border-top-color', 'box-sizing']
    const targets: Record<string, Element | null> = {
      field: root.querySelector('[part="field"]'),
      input: root.querySelector('input'),
      status: root.querySelector('[role="status"]'),
      filter: root.querySelector('[part="filter"]'),
      result: root.querySelector('[role="option"].result'),
      sourceTitle: root.querySelector('[part="source-title"]'),
      snippet: root.querySelector('[part="snippet"]'),
      mark: root.querySelector('mark'),
    }
    return Object.fromEntries(
      Object.entries(targets).map(([name, element]) => {
        if (!element) return [name, { missing: 'yes' }]
        const style = getComputedStyle(element)
        return [name, Object.fromEntries(properties.map((property) => [property, style.getPropertyValue(property)]))]
      })
    )
  })
}

async function openWithResults(path: string): Promise<Page> {
  const page = await context.newPage()
  errors = watchErrors(page)
  await page.goto(`${hostOrigin}${path}`)
  await search(widget(page), 'red line')
  return page
}

describe('embedded on another origin', () => {
  it('searches across origins and reports to the host page', async () => {
    const page = await context.newPage()
    errors = watchErrors(page)
    await page.goto(`${hostOrigin}/clean.html`)
    expect(new URL(page.url()).origin).not.toBe(new URL(baseUrl).origin)
    await page.evaluate(() => document.addEventListener('paragraph-search:search', (event) => ((window as any).searched = (event as CustomEvent).detail)))
    const w = widget(page)
    await search(w, 'red line')
    expect(await page.evaluate(() => (window as any).searched.query)).toBe('red line')
    expect(await w.results.count()).toBe(await page.evaluate(() => (window as any).searched.hits.length))
    expect(await w.results.count()).toBeGreaterThan(0)
    expect((await markTexts(w.results)).length).toBeGreaterThan(0)
    // Links lead to the reader view on the widget's own origin, not the host's.
    await w.input.press('ArrowDown')
    const href = await w.preview.locator('a[part="open"]').getAttribute('href')
    expect(new URL(href!).origin).toBe(baseUrl)
    await page.close()
  })

  it('looks the same under hostile host CSS', async () => {
    const clean = await openWithResults('/clean.html')
    const expected = await shadowStyles(clean)
    await clean.close()
    const hostile = await openWithResults('/hostile.html')
    // The hostile rules did apply to the host page itself…
    expect(await hostile.locator('h1').evaluate((h1) => getComputedStyle(h1).color)).toBe('rgb(255, 0, 0)')
    // …and not inside the widget.
    const actual = await shadowStyles(hostile)
    expect(Object.values(expected).some((styles) => 'missing' in styles)).toBe(false)
    expect(actual).toEqual(expected)
    expect(expected.mark!['background-color']).not.toBe('rgb(0, 0, 0)')
    expect(expected.input!['font-size']).toBe('17px')
    await hostile.close()
  })

  it('takes the host page’s theme from custom properties and ::part()', async () => {
    const page = await openWithResults('/themed.html')
    const w = widget(page)
    await w.input.press('ArrowDown')
    const styles = await w.host.evaluate((host) => {
      const root = host.shadowRoot!
      const style = (selector: string) => getComputedStyle(root.querySelector(selector)!)
      return { mark: style('mark').backgroundColor, markText: style('mark').color, active: style('.result.active').boxShadow, input: style('input').fontSize }
    })
    expect(styles).toEqual({ mark: 'rgb(1, 2, 3)', markText: 'rgb(250, 250, 250)', active: 'rgb(200, 0, 100) 3px 0px 0px 0px inset', input: '21.25px' })
    await page.close()
  })

  it('follows a dark colour scheme', async () => {
    const dark = await browser.newContext({ colorScheme: 'dark' })
    try {
      const page = await dark.newPage()
      errors = watchErrors(page)
      await page.goto(`${hostOrigin}/clean.html`)
      const colours = await widget(page).host.evaluate((host) => {
        const field = host.shadowRoot!.querySelector('[part="field"]')!
        const luminance = (colour: string) => {
          const [r, g, b] = colour.match(/\d+/g)!.map(Number)
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
        }
        return { background: luminance(getComputedStyle(field).backgroundColor), text: luminance(getComputedStyle(host.shadowRoot!.querySelector('[part="container"]')!).color) }
      })
      expect(colours.background).toBeLessThan(60)
      expect(colours.text).toBeGreaterThan(180)
    } finally {
      await dark.close()
    }
  })
})
