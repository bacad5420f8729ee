/**
 * The widget and pages as a fact-checker uses them, in Chromium against the real Worker: shareable
 * searches and Back, real links, "Show more", phones and narrow embeds, honest feedback (unmatched
 * words, corrections, time-outs), highlights from the API's offsets, theme and contrast, focus and
 * keyboard, the reader view, and a page whose widget script does not load. Screenshots are saved
 * in `test-results/`.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { SearchResponse } from '../../src/core/api-types.ts'
import { ROOT } from '../../scripts/lib/paths.ts'
import { api, baseUrl, connectBrowser, markTexts, matchStatus, search, watchErrors, widget, type WidgetParts } from './browser.ts'

const SHOTS = join(ROOT, 'test-results')
const BBC = 'bbc-macron-putin-frank-exchange'
const PRESS = 'macron-putin-press-conference'

let browser: Browser
let desktop: BrowserContext
let errors: string[] = []
/** Pages of a host site on another origin, by path; served by {@link hostServer}. */
const hostPages = new Map<string, string>()
let hostServer: Server
let hostOrigin: string

beforeAll(async () => {
  hostServer = createServer((request, response) => {
    const body = hostPages.get(request.url ?? '')
    if (body === undefined) return void response.writeHead(request.url === '/favicon.ico' ? 204 : 404).end()
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body)
  })
  await new Promise<void>((resolve) => hostServer.listen(0, '127.0.0.1', resolve))
  hostOrigin = `http://127.0.0.1:${(hostServer.address() as AddressInfo).port}`
  browser = await connectBrowser()
  desktop = await browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme: 'light' })
  await mkdir(SHOTS, { recursive: true })
})

afterAll(async () => {
  await desktop?.close()
  await browser?.close()
  await new Promise((resolve) => hostServer?.close(resolve))
})

/** Opens a host page (on another origin) with this body. */
async function openHost(context: BrowserContext, body: string): Promise<Page> {
  const path = `/page-${hostPages.size}.html`
  hostPages.set(path, body)
  const page = await context.newPage()
  errors = watchErrors(page)
  await page.goto(`${hostOrigin}${path}`)
  return page
}

afterEach(() => {
  expect(errors).toEqual([])
})

async function open(path: string, context: BrowserContext = desktop): Promise<Page> {
  const page = await context.newPage()
  errors = watchErrors(page)
  await page.goto(`${baseUrl}${path}`)
  return page
}

const demo = (page: Page) => widget(page, 'paragraph-search.demo-search')

/** Presses ArrowDown until the option with `id` is active. */
async function activate(w: WidgetParts, id: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const active = await w.input.getAttribute('aria-activedescendant')
    if (active && (await w.host.locator(`[id="${active}"]`).getAttribute('href'))?.endsWith(`#${id}`)) return
    await w.input.press('ArrowDown')
  }
  throw new Error(`result ${id} never became active`)
}

/** The id of the paragraph of the active result, from its link. */
async function activeHit(w: WidgetParts): Promise<string | undefined> {
  const active = await w.input.getAttribute('aria-activedescendant')
  const href = active ? await w.host.locator(`[id="${active}"]`).getAttribute('href') : null
  return href ? decodeURIComponent(new URL(href).hash.slice(1)) : undefined
}

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }

/**
 * Every axe-core violation on the page, or in the elements `include` selects, of every rule or of
 * `rules` (axe is injected: the demo and reader contexts bypass the CSP for it).
 */
async function axeViolations(page: Page, rules?: string[], include?: string): Promise<string[]> {
  const source = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  await page.addScriptTag({ content: source })
  const violations = await page.evaluate(async ([only, selector]) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe
    return (await axe.run(selector ? { include: [selector] } : document, { resultTypes: ['violations'], ...(only ? { runOnly: { type: 'rule', values: only } } : {}) })).violations
  }, [rules, include] as const)
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((node) => JSON.stringify(node.target)).join(', ')})`)
}

describe('1. searches can be kept and shared', () => {
  it('puts the query, filters and active hit in the address, restores them from it, and Back returns to them', async () => {
    const expected = await api<SearchResponse>('/api/search?q=red+line')
    const page = await open('/')
    const w = demo(page)
    await search(w, 'red line')
    expect(new URL(page.url()).searchParams.get('q')).toBe('red line')
    const second = expected.hits[1]!
    await activate(w, second.id)
    await expect.poll(() => new URL(page.url()).searchParams.get('hit')).toBe(second.id)
    await Promise.all([page.waitForURL((url) => url.pathname.startsWith('/sources/')), w.input.press('Enter')])
    await page.goBack()
    await w.status.filter({ hasText: matchStatus('red line') }).waitFor()
    expect(await w.input.inputValue()).toBe('red line')
    await expect.poll(() => activeHit(w)).toBe(second.id)
    await page.close()

    // A shared address restores the search, filters included.
    const shared = await open(`/?q=Versailles&source=${PRESS}`)
    const v = demo(shared)
    await v.status.filter({ hasText: 'in the chosen sources' }).waitFor()
    expect(await v.input.inputValue()).toBe('Versailles')
    expect(await v.filters.filter({ hasText: 'Putin and Macron press conference' }).getAttribute('aria-pressed')).toBe('true')
    const hrefs = await v.results.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname))
    expect(hrefs.length).toBeGreaterThan(0)
    expect(new Set(hrefs)).toEqual(new Set([`/sources/${PRESS}`]))
    await shared.close()
  })

  it('leaves the host page’s address alone without the opt-in attribute', async () => {
    const page = await open(`/sources/${PRESS}`)
    const before = page.url()
    await search(widget(page, 'paragraph-search.header-search'), 'Versailles')
    expect(page.url()).toBe(before)
    await page.close()
  })
})

describe('2. results are links', () => {
  it('gives every result a real href; Ctrl-click and middle-click open a new tab, a plain click selects', async () => {
    const expected = await api<SearchResponse>('/api/search?q=red+line')
    const page = await open('/')
    const w = demo(page)
    await search(w, 'red line')
    const hrefs = await w.results.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href))
    expect(hrefs).toEqual(expected.hits.map((hit) => `${baseUrl}/sources/${hit.source.id}?q=red+line#${hit.id}`))
    for (const click of [() => w.results.nth(1).click({ modifiers: ['Control'] }), () => w.results.nth(1).click({ button: 'middle' })]) {
      const [tab] = await Promise.all([desktop.waitForEvent('page'), click()])
      await tab.waitForLoadState()
      expect(tab.url()).toBe(hrefs[1])
      await tab.close()
    }
    expect(new URL(page.url()).pathname).toBe('/')
    await w.results.first().click()
    expect(new URL(page.url()).pathname).toBe('/')
    expect(await activeHit(w)).toBe(expected.hits[0]!.id)
    await page.close()
  })
})

describe('3. more results', () => {
  it('"Show more" reaches every match, by keyboard, and the status line announces it', async () => {
    const { total } = await api<SearchResponse>('/api/search?q=macron&limit=1')
    expect(total).toBeGreaterThan(20) // three pages of 10
    const page = await open('/')
    const w = demo(page)
    await search(w, 'macron')
    expect(await w.results.count()).toBe(10)
    expect(await w.status.textContent()).toContain(`${total} paragraphs match “macron”, showing the first 10.`)
    for (let shown = 10; shown < total; shown = Math.min(shown + 10, total)) {
      const more = w.host.locator('[role="option"].more')
      expect(await more.textContent()).toBe(`Show ${Math.min(10, total - shown)} more of ${total - shown}`)
      await w.input.press('ArrowUp') // from the top, ArrowUp wraps to the last option: "Show more"
      while ((await w.input.getAttribute('aria-activedescendant')) !== (await more.getAttribute('id'))) await w.input.press('ArrowUp')
      await w.input.press('Enter')
      const next = Math.min(shown + 10, total)
      await expect.poll(() => w.results.count()).toBe(next)
      // The first new result is the active one.
      expect(await w.input.getAttribute('aria-activedescendant')).toBe(await w.results.nth(shown).getAttribute('id'))
      await w.input.press('Home')
    }
    expect(await w.host.locator('[role="option"].more').count()).toBe(0)
    expect(await w.status.getAttribute('aria-live')).toBe('polite')
    expect(await w.status.textContent()).toBe(`${total} paragraphs match “macron”.`)
    const ids = await w.results.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).hash))
    expect(new Set(ids).size).toBe(total)
    await page.close()
  })
})

describe('4. phones and narrow embeds', () => {
  for (const [width, height] of [[390, 844], [320, 640]] as const) {
    it(`at ${width}×${height}: a tap shows the preview and its actions in view, no keyboard hints, chips wrap`, async () => {
      const phone = await browser.newContext({ viewport: { width, height }, isMobile: true, hasTouch: true, colorScheme: 'light' })
      try {
        const page = await open('/', phone)
        const w = demo(page)
        await expect.poll(() => page.evaluate(() => document.documentElement.className)).toContain('search-ready')
        expect(await page.locator('.keyboard-hint').isVisible()).toBe(false)
        expect(await w.host.locator('.hint').isVisible()).toBe(false)
        await search(w, 'red line')
        await w.results.nth(1).tap()
        expect(await activeHit(w)).toBeTruthy()
        const openLink = w.preview.locator('a[part="open"]')
        await expect.poll(() => openLink.evaluate((element) => {
          const box = element.getBoundingClientRect()
          return box.top >= 0 && box.bottom <= innerHeight
        })).toBe(true)
        expect(await w.preview.locator('.keys').isVisible()).toBe(false)
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true)
        const overflow = await w.host.evaluate((host) => {
          const right = host.getBoundingClientRect().right
          return [...host.shadowRoot!.querySelectorAll('.filter')].filter((chip) => chip.getBoundingClientRect().right > right + 0.5).length
        })
        expect(overflow).toBe(0)
        await page.screenshot({ path: join(SHOTS, `phone-${width}x${height}.png`) })
        await page.close()
      } finally {
        await phone.close()
      }
    })
  }

  it('in a 360 px sidebar of a host page: results, preview and chips stay inside it', async () => {
    const page = await openHost(
      desktop,
      `<!doctype html><html lang="en"><head><title>Sidebar</title><script type="module" src="${baseUrl}/widget.js"></script></head>
<body style="margin:0;display:flex"><main style="flex:1"><h1>Article</h1></main><aside style="width:360px;flex:none"><paragraph-search></paragraph-search></aside></body></html>`
    )
    const w = widget(page)
    await search(w, 'red line')
    await w.results.first().click()
    const outside = await w.host.evaluate((host) => {
      const { left, right } = host.getBoundingClientRect()
      return [...host.shadowRoot!.querySelectorAll('.filter, .result, .preview, .actions > *')].filter((element) => {
        const box = element.getBoundingClientRect()
        return box.left < left - 0.5 || box.right > right + 0.5
      }).length
    })
    expect(outside).toBe(0)
    expect(await w.host.evaluate((host) => host.getBoundingClientRect().width)).toBe(360)
    await page.screenshot({ path: join(SHOTS, 'sidebar-360.png') })
    await page.close()
  })
})

describe('5. honest feedback', () => {
  it('says which words no paragraph contains, and labels corrections as such', async () => {
    const page = await open('/')
    const w = demo(page)
    const putin = await api<SearchResponse>('/api/search?q=Putin+Merkel')
    expect(putin.unmatched).toEqual(['Merkel'])
    await w.input.fill('Putin Merkel')
    await w.status.filter({ hasText: `No paragraph contains “Merkel”. ${putin.total} paragraphs match “Putin Merkel”` }).waitFor()

    const hacking = await api<SearchResponse>('/api/search?q=hacking')
    const forms = [...new Set(hacking.hits.flatMap((hit) => hit.words.filter((word) => word.match === 'typo').flatMap((word) => word.forms)))]
    expect(forms.length).toBeGreaterThan(0)
    await w.input.fill('hacking')
    await w.status.filter({ hasText: `No match for “hacking”; showing ${forms.map((form) => `“${form}”`).join(', ')}.` }).waitFor()

    await w.input.fill('Merkel')
    await w.status.filter({ hasText: 'No paragraph contains “Merkel”. No paragraph matches “Merkel”.' }).waitFor()
    await page.close()
  })

  it('when nothing matches, offers the API’s corrections and completions', async () => {
    const { suggestions } = await api<{ suggestions: { text: string }[] }>('/api/suggest?q=versailes')
    expect(suggestions.length).toBeGreaterThan(0)
    const page = await open('/')
    const w = demo(page)
    await w.input.fill('versailes')
    await w.suggestions.first().waitFor()
    expect(await w.suggestions.allTextContents()).toEqual(suggestions.map((s) => s.text).filter((text) => text !== 'versailes').slice(0, 4))
    await page.close()
  })

  it('marks exactly the ranges the server matched, in the snippet and the preview', async () => {
    const expected = await api<SearchResponse>('/api/search?q=chemical+weapon')
    const page = await open('/')
    const w = demo(page)
    await search(w, 'chemical weapon')
    expect(expected.hits.length).toBeGreaterThan(1)
    for (const [i, hit] of expected.hits.entries()) {
      const inWindow = hit.matches.filter((m) => m.start >= hit.snippetWindow.start && m.end <= hit.snippetWindow.end)
      expect(await markTexts(w.results.nth(i).locator('[part="snippet"]'))).toEqual(inWindow.map((m) => hit.text.slice(m.start, m.end)))
    }
    const first = expected.hits[0]!
    await activate(w, first.id)
    expect(await markTexts(w.preview.locator('.preview-text'))).toEqual(first.matches.map((m) => first.text.slice(m.start, m.end)))
    expect(await w.preview.locator('.preview-text').textContent()).toBe(first.text)
    await page.close()
  })

  it('gives up on a request that hangs after about 8 s, and "Try again" searches again', async () => {
    const page = await open('/')
    const w = demo(page)
    await page.route('**/api/search?*', () => {}) // never answered
    const started = Date.now()
    await w.input.fill('Kremlin')
    await w.status.filter({ hasText: 'did not answer in time' }).waitFor({ timeout: 15_000 })
    const waited = Date.now() - started
    expect(waited).toBeGreaterThan(7_500)
    expect(waited).toBeLessThan(12_000)
    await page.unroute('**/api/search?*')
    await w.status.getByRole('button', { name: 'Try again' }).click()
    await w.status.filter({ hasText: matchStatus('Kremlin') }).waitFor()
    await page.close()
  }, 30_000)
})

describe('6. theme', () => {
  const hostPage = (style: string, theme = '') => `<!doctype html><html lang="en"><head><title>Host</title><style>${style}</style>
<script type="module" src="${baseUrl}/widget.js"></script></head><body><h1>Host</h1><paragraph-search ${theme}></paragraph-search></body></html>`

  const onHost = (context: BrowserContext, style: string, theme = '') => openHost(context, hostPage(style, theme))

  const surface = (page: Page) => widget(page).host.evaluate((host) => getComputedStyle(host.shadowRoot!.querySelector('[part="container"]')!).backgroundColor)

  it('follows the theme attribute, else the host page’s color-scheme, else the system', async () => {
    const cases: [style: string, theme: string, system: 'light' | 'dark', surface: string][] = [
      ['', '', 'light', 'rgb(255, 255, 255)'],
      ['', '', 'dark', 'rgb(13, 17, 23)'],
      [':root { color-scheme: dark }', '', 'light', 'rgb(13, 17, 23)'],
      [':root { color-scheme: light }', '', 'dark', 'rgb(255, 255, 255)'],
      [':root { color-scheme: light dark }', '', 'dark', 'rgb(13, 17, 23)'],
      [':root { color-scheme: dark }', 'theme="light"', 'dark', 'rgb(255, 255, 255)'],
      ['', 'theme="dark"', 'light', 'rgb(13, 17, 23)'],
    ]
    for (const [style, theme, system, expected] of cases) {
      const context = await browser.newContext({ colorScheme: system })
      try {
        const page = await onHost(context, style, theme)
        await widget(page).input.waitFor()
        expect([style, theme, system, await surface(page)]).toEqual([style, theme, system, expected])
      } finally {
        await context.close()
      }
    }
  })

  it('keeps every text readable (contrast ≥ 4.5:1) on any host background, light and dark', async () => {
    for (const background of ['#ffffff', '#000000', '#777777', '#ff1493', '#1e3a8a']) {
      for (const theme of ['theme="light"', 'theme="dark"']) {
        const page = await onHost(desktop, `body { background: ${background}; color: #888 }`, theme)
        const w = widget(page)
        await search(w, 'red line')
        await w.input.press('ArrowDown')
        expect([background, theme, await axeViolations(page, ['color-contrast'], 'paragraph-search')]).toEqual([background, theme, []])
        await page.close()
      }
    }
  }, 60_000)
})

describe('8. keyboard and focus', () => {
  it('Escape from a filter closes the list; Tab never stops on a scroll container; leaving closes the list', async () => {
    const page = await open('/')
    const w = demo(page)
    await search(w, 'red line')
    await w.filters.first().focus()
    await page.keyboard.press('Escape')
    expect(await w.input.getAttribute('aria-expanded')).toBe('false')
    expect(await w.input.evaluate((input) => (input.getRootNode() as ShadowRoot).activeElement === input)).toBe(true)

    await w.input.press('ArrowDown')
    await w.input.press('ArrowDown')
    expect(await w.input.getAttribute('aria-expanded')).toBe('true')
    const stops: string[] = []
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab')
      const stop = await w.host.evaluate((host) => {
        const active = host.shadowRoot!.activeElement
        return active ? `${active.localName}.${active.className}[${active.getAttribute('role') ?? ''}]` : 'outside'
      })
      if (stop === 'outside') break
      stops.push(stop)
    }
    expect(stops.length).toBeGreaterThan(0)
    for (const stop of stops) expect(stop).toMatch(/^(button|a|input)\./)
    // The focus went on past the widget: the list closed.
    expect(await w.input.getAttribute('aria-expanded')).toBe('false')

    await w.input.focus()
    await w.input.press('ArrowDown')
    expect(await w.input.getAttribute('aria-expanded')).toBe('true')
    await page.locator('h1').click()
    expect(await w.input.getAttribute('aria-expanded')).toBe('false')
    await page.close()
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe-core finds no violation on the demo page with results, preview, context and related open (${colorScheme})`, async () => {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, bypassCSP: true, colorScheme })
      try {
        const page = await open('/', context)
        const w = demo(page)
        await search(w, 'red line')
        await w.input.press('ArrowDown')
        await w.preview.getByRole('button', { name: 'Show in context' }).click()
        await w.preview.getByRole('button', { name: 'Also reported by' }).click()
        await w.preview.locator('#related li').first().waitFor()
        await w.preview.locator('#context p.current').waitFor()
        await w.input.focus()
        expect(await axeViolations(page)).toEqual([])
        await page.screenshot({ path: join(SHOTS, `demo-open-${colorScheme}.png`) })
      } finally {
        await context.close()
      }
    })
  }
})

describe('9. reader view', () => {
  it('opened from a search: marks the query, numbers paragraphs, says what is known of the source, leads back', async () => {
    const expected = await api<SearchResponse>(`/api/search?q=red+line&source=${BBC}&limit=50`)
    const { paragraphs } = await api<{ paragraphs: { id: string; position: number }[] }>(`/api/sources/${BBC}`)
    const hit = expected.hits[0]!
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, bypassCSP: true })
    try {
      const page = await open(`/sources/${BBC}?q=red+line#${hit.id}`, context)
      const target = page.locator(`[id="${hit.id}"]`)
      expect(await markTexts(target)).toEqual(hit.matches.map((m) => hit.text.slice(m.start, m.end)))
      expect(await page.locator('article mark').count()).toBe(expected.hits.reduce((sum, h) => sum + h.matches.length, 0))
      const numbers = await page.locator('article .anchor').evaluateAll((anchors) => anchors.map((a) => ({ text: a.textContent, visible: getComputedStyle(a).opacity === '1' && (a as HTMLElement).offsetWidth > 0 })))
      expect(numbers).toEqual(paragraphs.map((p) => ({ text: `¶ ${p.position + 1}`, visible: true })))
      const facts = await page.locator('.facts > div').evaluateAll((rows) => rows.map((row) => row.textContent))
      // Each row is <dt>label</dt><dd>value</dd>; the BBC capture names no author and no address.
      expect(facts).toEqual(['OutletBBC News', 'Authornot stated', 'Published29 May 2017', 'Originalnot stated'])
      const back = page.locator('#back-to-results')
      expect(new URL((await back.getAttribute('href'))!, baseUrl).search).toBe(`?q=red+line&hit=${encodeURIComponent(hit.id)}`)
      expect(await axeViolations(page)).toEqual([])
      await page.screenshot({ path: join(SHOTS, 'reader-from-search.png') })
      await Promise.all([page.waitForURL((url) => url.pathname === '/'), back.click()])
      const w = demo(page)
      await w.status.filter({ hasText: matchStatus('red line') }).waitFor()
      await expect.poll(() => activeHit(w)).toBe(hit.id)
      await page.close()
    } finally {
      await context.close()
    }
  })

  it('has no axe-core violation in dark either, with the query marked', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, bypassCSP: true, colorScheme: 'dark' })
    try {
      const page = await open(`/sources/${PRESS}?q=red+line`, context)
      expect(await page.locator('article mark').count()).toBeGreaterThan(0)
      expect(await axeViolations(page)).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('says "not stated" for an unknown outlet, and so when #id names no paragraph', async () => {
    const page = await open(`/sources/${PRESS}#no-such-paragraph`)
    expect(await page.locator('.facts > div').first().textContent()).toBe('Outletnot stated')
    const notice = page.locator('#missing-paragraph')
    expect(await notice.isVisible()).toBe(true)
    expect(await notice.textContent()).toContain('#no-such-paragraph')
    await page.evaluate(() => (location.hash = ''))
    await expect.poll(() => notice.isVisible()).toBe(false)
    // A malformed escape is shown as written, with no error.
    await page.evaluate(() => (location.hash = '#%E0%A4%A'))
    await expect.poll(() => notice.textContent()).toContain('#%E0%A4%A')
    await page.close()
  })

  it('renders the comment with its badge, and the header search opens over the article and closes on an outside click', async () => {
    const page = await open(`/sources/${PRESS}`)
    expect(await page.locator('aside.paragraph.comment .label').textContent()).toBe('Editorial comment')
    const article = page.locator('article h1')
    const before = await article.evaluate((h1) => h1.getBoundingClientRect().top)
    const w = widget(page, 'paragraph-search.header-search')
    await search(w, 'Versailles')
    await w.input.press('ArrowDown')
    expect(await w.panel.isVisible()).toBe(true)
    expect(await article.evaluate((h1) => h1.getBoundingClientRect().top)).toBe(before)
    await page.screenshot({ path: join(SHOTS, 'reader-header-search.png') })
    await page.mouse.click(5, 880)
    expect(await w.input.getAttribute('aria-expanded')).toBe('false')
    expect(await w.panel.isVisible()).toBe(false)
    await page.close()
  })
})

describe('10. outlets first, one date format, comment badges', () => {
  it('chips and results name the outlet first; dates read the same in the widget and the pages; comments carry their badge', async () => {
    const page = await open('/')
    const w = demo(page)
    await search(w, 'chemical weapons')
    const chip = w.filters.filter({ hasText: 'BBC News' })
    expect(await chip.locator('span').first().textContent()).toBe('BBC News')
    const bbcResult = w.results.filter({ hasText: 'BBC News' }).first()
    expect(await bbcResult.locator('.meta > span').allTextContents()).toEqual(expect.arrayContaining(['BBC News', '29 May 2017']))
    expect(await bbcResult.locator('.meta > span').first().textContent()).toBe('BBC News')
    expect(await page.locator('ul.sources').textContent()).toContain('29 May 2017')
    const { hits } = await api<SearchResponse>('/api/search?q=chemical+weapons')
    const kinds = hits.map((hit) => hit.kind)
    expect(kinds).toContain('comment')
    const badges = await w.results.evaluateAll((results) => results.map((result) => result.querySelector('[part="badge"]')?.textContent ?? ''))
    expect(badges).toEqual(kinds.map((kind) => ({ comment: 'Editorial comment', caption: 'Caption', heading: 'Heading' })[kind as string] ?? ''))
    await page.close()

    // In the reader, a link to the comment from another source's "Also reported by" carries it too.
    const comment = hits.find((hit) => hit.kind === 'comment')!
    const { related } = await api<{ related: { id: string; source: { id: string } }[] }>(`/api/paragraphs/${comment.id}`)
    const other = related.find((paragraph) => paragraph.source.id !== comment.source.id)!
    const reader = await open(`/sources/${other.source.id}`)
    const link = reader.locator(`[id="${other.id}"] .also a[href$="#${comment.id}"]`)
    expect(await link.evaluate((a) => a.nextElementSibling?.textContent)).toBe('Editorial comment')
    await reader.close()
  })
})

describe('11. when widget.js cannot load', () => {
  it('the page advertises its shortcuts only once the search box is there', async () => {
    const page = await open('/')
    await expect.poll(() => page.locator('.keyboard-hint').isVisible()).toBe(true)
    expect(await page.locator('.search-unavailable-notice').isVisible()).toBe(false)
    await page.close()
  })

  it('the page says search is unavailable and advertises no shortcut', async () => {
    const page = await desktop.newPage()
    errors = watchErrors(page)
    await page.route('**/widget.js', (route) => route.abort())
    await page.goto(baseUrl)
    const notice = page.locator('.search-unavailable-notice')
    await notice.waitFor()
    expect(await notice.textContent()).toContain('Search is unavailable')
    expect(await page.locator('.keyboard-hint').isVisible()).toBe(false)
    errors.splice(0, errors.length, ...errors.filter((error) => !error.includes('ERR_FAILED') && !error.includes('widget.js')))
    await page.close()
  })
})
