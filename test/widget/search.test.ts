/**
 * The widget on the demo page, in Chromium, against the real Worker: searching, suggestions,
 * keyboard, events, context and related paragraphs, filters, stale answers, offline and errors.
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { api, baseUrl, connectBrowser, markTexts, matchStatus, search, watchErrors, widget, type WidgetParts } from './browser.ts'

type Source = { id: string; title: string }
type Hit = { id: string; text: string; source: Source }
type SearchBody = { total: number; hits: Hit[] }
type ContextBody = { paragraph: { text: string }; before: { text: string }[]; after: { text: string }[]; related: { id: string; text: string; source: Source }[] }

let browser: Browser
let context: BrowserContext
let page: Page
let errors: string[]
let w: WidgetParts
let sources: Source[]

beforeAll(async () => {
  browser = await connectBrowser()
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } })
  page = await context.newPage()
  errors = watchErrors(page)
  sources = (await api<{ sources: Source[] }>('/api/sources')).sources
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
})

beforeEach(async () => {
  errors.length = 0
  await page.goto(baseUrl)
  w = widget(page, 'paragraph-search.demo-search')
})

afterEach(() => {
  expect(errors).toEqual([])
})

/** The source titles of the listed results, in order. */
async function resultSourceTitles(): Promise<string[]> {
  return w.results.locator('[part="source-title"]').allTextContents()
}

describe('searching', () => {
  it('shows highlighted results from both sources for "red line", as many as the API finds', async () => {
    const expected = await api<SearchBody>('/api/search?q=red+line')
    await search(w, 'red line')
    await expect.poll(() => w.status.textContent()).toContain(`${expected.total} paragraphs match “red line”`)
    expect(await w.results.count()).toBe(expected.hits.length)
    const titles = await resultSourceTitles()
    for (const source of sources) expect(titles).toContain(source.title)
    for (let i = 0; i < (await w.results.count()); i++) {
      const marks = await markTexts(w.results.nth(i).locator('[part="snippet"]'))
      expect(marks.length).toBeGreaterThan(0)
      for (const mark of marks) expect(mark.toLowerCase()).toMatch(/^(red|line|red line)$/)
    }
    expect(await w.input.getAttribute('aria-expanded')).toBe('true')
  })

  it('fires a composed "search" event with the query and the hits', async () => {
    await page.evaluate(() => {
      document.addEventListener('search', (event) => {
        ;(window as any).searched = (event as CustomEvent).detail
      })
    })
    await search(w, 'Versailles')
    const detail = await page.evaluate(() => (window as any).searched)
    const expected = await api<SearchBody>('/api/search?q=Versailles')
    expect(detail.query).toBe('Versailles')
    expect(detail.total).toBe(expected.total)
    expect(detail.hits.map((hit: Hit) => hit.id)).toEqual(expected.hits.map((hit) => hit.id))
  })

  it('offers suggestions while typing, and Enter on one searches for it', async () => {
    const { suggestions } = await api<{ suggestions: { text: string }[] }>('/api/suggest?q=chem')
    expect(suggestions.map((s) => s.text)).toContain('chemical')
    await w.input.fill('chem')
    await w.suggestions.filter({ hasText: /^chemical$/ }).waitFor()
    await w.input.press('ArrowDown')
    expect(await w.input.getAttribute('aria-activedescendant')).toBe(await w.options.first().getAttribute('id'))
    expect(await w.options.first().textContent()).toBe('chemical')
    await w.input.press('Enter')
    await w.status.filter({ hasText: matchStatus('chemical') }).waitFor()
    expect(await w.input.inputValue()).toBe('chemical')
  })

  it('says so when nothing matches', async () => {
    await w.input.fill('zzyzx')
    await w.status.filter({ hasText: 'No paragraph matches “zzyzx”' }).waitFor()
    expect(await w.panel.isHidden()).toBe(true)
    expect(await w.input.getAttribute('aria-expanded')).toBe('false')
  })
})

describe('keyboard', () => {
  it('focuses with "/" and Ctrl+K from anywhere, without typing the slash', async () => {
    await page.locator('h1').click()
    await page.keyboard.press('/')
    expect(await w.input.evaluate((input) => input.getRootNode() instanceof ShadowRoot && (input.getRootNode() as ShadowRoot).activeElement === input)).toBe(true)
    expect(await w.input.inputValue()).toBe('')
    await page.locator('h1').click()
    await page.keyboard.press('Control+k')
    expect(await w.input.evaluate((input) => (input.getRootNode() as ShadowRoot).activeElement === input)).toBe(true)
  })

  it('follows the hotkey attribute', async () => {
    await w.host.evaluate((element) => element.setAttribute('hotkey', 'Alt+s'))
    await page.locator('h1').click()
    await page.keyboard.press('/')
    expect(await w.input.evaluate((input) => (input.getRootNode() as ShadowRoot).activeElement === input)).toBe(false)
    await page.keyboard.press('Alt+s')
    expect(await w.input.evaluate((input) => (input.getRootNode() as ShadowRoot).activeElement === input)).toBe(true)
  })

  it('moves through the options with the arrows and closes, then clears, with Escape', async () => {
    await search(w, 'red line')
    const ids = await w.options.evaluateAll((options) => options.map((option) => option.id))
    expect(ids.length).toBeGreaterThan(1)
    expect(await w.input.getAttribute('aria-activedescendant')).toBeNull()
    await w.input.press('ArrowDown')
    expect(await w.input.getAttribute('aria-activedescendant')).toBe(ids[0])
    expect(await w.options.nth(0).getAttribute('aria-selected')).toBe('true')
    await w.input.press('ArrowDown')
    expect(await w.input.getAttribute('aria-activedescendant')).toBe(ids[1])
    expect(await w.options.nth(0).getAttribute('aria-selected')).toBe('false')
    await w.input.press('ArrowUp')
    expect(await w.input.getAttribute('aria-activedescendant')).toBe(ids[0])
    await w.input.press('ArrowUp')
    expect(await w.input.getAttribute('aria-activedescendant')).toBe(ids.at(-1))

    await w.input.press('Escape')
    expect(await w.input.getAttribute('aria-expanded')).toBe('false')
    expect(await w.panel.isHidden()).toBe(true)
    expect(await w.input.getAttribute('aria-activedescendant')).toBeNull()
    expect(await w.input.inputValue()).toBe('red line')
    await w.input.press('ArrowDown')
    expect(await w.input.getAttribute('aria-expanded')).toBe('true')
    await w.input.press('Escape')
    await w.input.press('Escape')
    expect(await w.input.inputValue()).toBe('')
    expect(await w.status.textContent()).toBe('')
  })

  it('opens the active result with Enter in the reader view, scrolled to and highlighting the paragraph', async () => {
    const [first] = (await api<SearchBody>('/api/search?q=red+line')).hits
    await search(w, 'red line')
    await w.results.first().waitFor()
    while ((await w.input.getAttribute('aria-activedescendant')) !== (await w.results.first().getAttribute('id'))) await w.input.press('ArrowDown')
    await Promise.all([page.waitForURL(`${baseUrl}/sources/${first!.source.id}#${first!.id}`), w.input.press('Enter')])
    const target = await page.evaluate(() => {
      const element = document.querySelector(':target')
      return element && { id: element.id, background: getComputedStyle(element).backgroundColor, text: element.textContent }
    })
    expect(target?.id).toBe(first!.id)
    expect(target?.background).not.toBe('rgba(0, 0, 0, 0)')
    expect(target?.text).toContain(first!.text)
  })

  it('fires a cancelable "select" event; a host that cancels it stays on the page', async () => {
    const [first] = (await api<SearchBody>('/api/search?q=red+line')).hits
    await page.evaluate(() => {
      document.querySelector('paragraph-search')!.addEventListener('select', (event) => {
        event.preventDefault()
        ;(window as any).selected = (event as CustomEvent).detail
      })
    })
    await search(w, 'red line')
    while ((await w.input.getAttribute('aria-activedescendant')) !== (await w.results.first().getAttribute('id'))) await w.input.press('ArrowDown')
    await w.input.press('Enter')
    const detail = await page.evaluate(() => (window as any).selected)
    expect(detail.hit.id).toBe(first!.id)
    expect(detail.url).toBe(`${baseUrl}/sources/${first!.source.id}#${first!.id}`)
    expect(page.url()).toBe(`${baseUrl}/`)
  })
})

describe('the preview', () => {
  it('marks the whole paragraph at the offsets the API gives, stems and corrections included', async () => {
    // bbc#13 "But the use of chemical weapons would be a "red line"…": "weapon" matches "weapons" by stem.
    const body = await api<{ hits: { text: string; matches: { start: number; end: number }[] }[] }>('/api/search?q=weapon+immediate')
    const top = body.hits[0]!
    await search(w, 'weapon immediate')
    await w.results.first().click()
    const marks = await markTexts(w.preview.locator('.preview-text'))
    expect(marks).toEqual(top.matches.map((match) => top.text.slice(match.start, match.end)))
    expect(marks).toEqual(['weapons', 'immediate'])
  })
})

describe('context and related paragraphs', () => {
  it('"Show in context" shows the neighbours and "Also reported by" the other sources’ paragraphs', async () => {
    const [first] = (await api<SearchBody>('/api/search?q=red+line')).hits
    const expected = await api<ContextBody>(`/api/paragraphs/${first!.id}`)
    expect(expected.related.length).toBeGreaterThan(0) // the BBC and the press conference both report the red line
    await search(w, 'red line')
    await w.results.first().click()
    expect(await w.input.getAttribute('aria-activedescendant')).toBe(await w.results.first().getAttribute('id'))

    const contextButton = w.preview.getByRole('button', { name: 'Show in context' })
    await contextButton.click()
    expect(await contextButton.getAttribute('aria-expanded')).toBe('true')
    const current = w.preview.locator('#context p.current')
    await current.waitFor()
    expect(await current.textContent()).toBe(expected.paragraph.text)
    const shown = await w.preview.locator('#context .context p').allTextContents()
    expect(shown).toEqual([...expected.before, expected.paragraph, ...expected.after].map((p) => p.text))

    await w.preview.getByRole('button', { name: 'Also reported by' }).click()
    const related = w.preview.locator('#related li')
    await related.first().waitFor()
    expect(await related.locator('p').allTextContents()).toEqual(expected.related.map((p) => p.text))
    const links = await related.locator('a').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href))
    expect(links).toEqual(expected.related.map((p) => `${baseUrl}/sources/${p.source.id}#${p.id}`))
    expect(await related.first().locator('[part="source-title"]').textContent()).toBe(expected.related[0]!.source.title)
  })
})

describe('filters', () => {
  it('narrows the search to the chosen source and shows each source’s count', async () => {
    const all = await api<SearchBody & { facets: { source: Record<string, number> } }>('/api/search?q=red+line')
    await search(w, 'red line')
    const bbc = sources[0]!
    const chip = w.filters.filter({ hasText: bbc.title })
    expect(await chip.textContent()).toContain(String(all.facets.source[bbc.id]))
    const [request] = await Promise.all([page.waitForRequest((r) => new URL(r.url()).pathname === '/api/search' && new URL(r.url()).searchParams.get('source') === bbc.id), chip.click()])
    expect(request).toBeTruthy()
    await w.status.filter({ hasText: 'in the chosen sources' }).waitFor()
    expect(await chip.getAttribute('aria-pressed')).toBe('true')
    const titles = await resultSourceTitles()
    expect(titles.length).toBe(all.facets.source[bbc.id])
    expect(new Set(titles)).toEqual(new Set([bbc.title]))
  })
})

describe('requests', () => {
  it('never lets a slow earlier answer replace a later one', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let delayed: Promise<void> | undefined
    await page.route('**/api/search?*', async (route) => {
      if (new URL(route.request().url()).searchParams.get('q') !== 'macron') return route.continue()
      // The real answer, fetched now but handed to the page only after the later query's answer.
      delayed = (async () => {
        const response = await route.fetch()
        await held
        await route.fulfill({ response }).catch(() => {}) // the widget may have cancelled it
      })()
      await delayed
    })
    try {
      await Promise.all([page.waitForRequest((r) => r.url().includes('q=macron')), w.input.fill('macron')])
      await search(w, 'red line')
      release()
      await delayed
      // Give a late answer every chance to land before looking again.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)))
      expect(await w.status.textContent()).toMatch(matchStatus('red line'))
      for (const mark of await markTexts(w.results)) expect(mark.toLowerCase()).toMatch(/^(red|line|red line)$/)
    } finally {
      release()
      await page.unroute('**/api/search?*')
    }
  })

  it('cancels its requests and stops listening when removed from the page', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/api/search?*', async (route) => {
      await held
      await route.continue().catch(() => {})
    })
    try {
      const [request] = await Promise.all([page.waitForRequest((r) => r.url().includes('/api/search?')), w.input.fill('putin')])
      const failed = page.waitForEvent('requestfailed', { predicate: (r: Request) => r === request, timeout: 5000 })
      await w.host.evaluate((element) => element.remove())
      expect((await failed).failure()?.errorText).toMatch(/ABORTED/)
      await page.locator('h1').click()
      await page.keyboard.press('/')
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true)
    } finally {
      release()
      await page.unroute('**/api/search?*')
    }
  })

  it('says when it is offline, and searches again when the connection is back', async () => {
    // A query no other test sends: an answer in the HTTP cache would be served even offline.
    await context.setOffline(true)
    try {
      await w.input.fill('Kremlin')
      await w.status.filter({ hasText: 'You are offline' }).waitFor()
      expect(await w.status.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true)
    } finally {
      await context.setOffline(false)
    }
    await w.status.filter({ hasText: matchStatus('Kremlin') }).waitFor()
    errors.splice(0, errors.length, ...errors.filter((error) => !error.includes('ERR_INTERNET_DISCONNECTED')))
  })

  it('shows the API’s error message, and "Try again" repeats the request', async () => {
    await w.host.evaluate((element) => element.setAttribute('sources', 'no-such-source'))
    await w.input.fill('Putin')
    await w.status.filter({ hasText: 'The search failed: source: unknown source id "no-such-source"' }).waitFor()
    const [request] = await Promise.all([page.waitForRequest((r) => r.url().includes('/api/search?')), w.status.getByRole('button', { name: 'Try again' }).click()])
    expect(new URL(request.url()).searchParams.get('source')).toBe('no-such-source')
    errors.splice(0, errors.length, ...errors.filter((error) => !error.includes('status of 400')))
  })
})
