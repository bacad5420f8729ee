/**
 * The coverage view `/compare` in Chromium: one column per outlet, facts as rows, the rows the
 * widget's "Also reported by" links to, under the pages' Content-Security-Policy; its screenshot
 * is saved in `test-results/`.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../scripts/lib/paths.ts'
import { api, baseUrl, connectBrowser, search, watchErrors, widget } from './browser.ts'

type Coverage = { sources: { id: string }[]; facts: { id: string; sources: { source: string; paragraphs: string[] }[] }[]; own: { source: string; paragraphs: string[] }[] }

let browser: Browser
let context: BrowserContext
let errors: string[] = []

beforeAll(async () => {
  browser = await connectBrowser()
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, colorScheme: 'light' })
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
})

afterEach(() => {
  expect(errors).toEqual([])
})

async function open(path: string): Promise<Page> {
  const page = await context.newPage()
  errors = watchErrors(page)
  await page.goto(`${baseUrl}${path}`)
  return page
}

describe('the coverage view', () => {
  it('lays the outlets side by side: a column each, each fact one row with each reporting outlet in its column', async () => {
    const coverage = await api<Coverage>('/api/compare')
    const page = await open('/compare')
    const columns = page.locator('.compare-table thead th[scope="col"]:not(.row-head)')
    expect(await columns.count()).toBe(coverage.sources.length)
    const boxes = await columns.evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().left))
    expect(boxes).toEqual([...boxes].sort((a, b) => a - b))
    for (const fact of coverage.facts) {
      const cells = page.locator(`tr[id="fact-${fact.id}"] td`)
      for (const [column, source] of coverage.sources.entries()) {
        const expected = fact.sources.find((entry) => entry.source === source.id)?.paragraphs ?? []
        const links = await cells.nth(column).locator('a.to-reader').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).hash.slice(1)))
        expect(links).toEqual(expected)
      }
    }
    const marked = await page.locator('.cell-paragraph.own').count()
    expect(marked).toBe(coverage.own.reduce((sum, entry) => sum + entry.paragraphs.length, 0))
    // Rows read down the articles: each outlet's paragraphs appear in document order.
    for (const source of coverage.sources) {
      const column = coverage.sources.indexOf(source) + 2
      const positions = await page.locator(`.compare-table tbody td:nth-child(${column}) a.to-reader`).allTextContents()
      const numbers = positions.map((text) => Number(text.replace('¶ ', '')))
      const inversions = numbers.filter((n, i) => i > 0 && n < numbers[i - 1]!).length
      expect(inversions / numbers.length).toBeLessThan(0.35)
    }
    await page.close()
  })

  it('is saved as a screenshot', async () => {
    const page = await open('/compare')
    await mkdir(join(ROOT, 'test-results'), { recursive: true })
    const png = await page.screenshot({ path: join(ROOT, 'test-results', 'compare.png'), fullPage: true })
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    await page.close()
  })

  it("is where the widget's \"Also reported by\" leads: the fact's row, highlighted", async () => {
    const page = await open('/')
    const w = widget(page, 'paragraph-search.demo-search')
    await search(w, 'Sputnik')
    await w.results.filter({ hasText: 'On Monday he accused pro-Kremlin news outlets' }).click()
    await w.preview.getByRole('button', { name: 'Also reported by' }).click()
    const link = w.preview.locator('#related li.compare a')
    await link.waitFor()
    const href = (await link.getAttribute('href'))!
    expect(href).toMatch(/\/compare#fact-f[0-9a-z]{10}$/)
    await Promise.all([page.waitForURL(/\/compare#fact-/), link.click()])
    const target = await page.evaluate(() => {
      const row = document.querySelector(':target')!
      const box = row.getBoundingClientRect()
      return { id: row.id, text: row.textContent ?? '', background: getComputedStyle(row).backgroundColor, inView: box.top >= 0 && box.top < innerHeight }
    })
    expect(`#${target.id}`).toBe(new URL(href).hash)
    expect(target.text).toContain('organs of influence and propaganda')
    expect(target.background).not.toBe('rgba(0, 0, 0, 0)')
    expect(target.inView).toBe(true)
    await page.close()
  })
})
