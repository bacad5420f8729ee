/**
 * @module
 * What the browser tests share: the address of the `wrangler dev` under test, the shared
 * Chromium, the widget's parts as Playwright locators (CSS locators pierce open shadow roots),
 * and a watch on everything a page reports as an error.
 */
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'
import { inject } from 'vitest'

/** Origin of the Worker under test. */
export const baseUrl = inject('baseUrl')

/** Connects to the Chromium started by the global setup. */
export function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject('wsEndpoint'))
}

/** GETs JSON from the Worker under test (from Node, not the page). */
export async function api<T = any>(path: string): Promise<T> {
  const response = await fetch(new URL(path, baseUrl))
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

/**
 * Collects console errors, uncaught exceptions and CSP or Trusted Types violations of a page.
 * Tests expect the list to be empty, except for failures they cause on purpose.
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`console.${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`))
  return errors
}

/** The parts of one `<paragraph-search>`. */
export type WidgetParts = {
  host: Locator
  input: Locator
  status: Locator
  listbox: Locator
  panel: Locator
  options: Locator
  results: Locator
  suggestions: Locator
  filters: Locator
  preview: Locator
}

/** Locators for the widget matched by `selector`. */
export function widget(page: Page, selector = 'paragraph-search'): WidgetParts {
  const host = page.locator(selector)
  return {
    host,
    input: host.locator('input[role="combobox"]'),
    status: host.locator('[role="status"]'),
    listbox: host.locator('[role="listbox"]'),
    panel: host.locator('[part="panel"]'),
    options: host.locator('[role="option"]'),
    results: host.locator('[role="option"].result'),
    suggestions: host.locator('[role="option"].suggestion'),
    filters: host.locator('button.filter'),
    preview: host.locator('section.preview'),
  }
}

/** The status sentence of a finished search for `query`, e.g. `3 paragraphs match “red line”.` */
export function matchStatus(query: string): RegExp {
  const escaped = query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(paragraph matches|paragraphs match) “${escaped}”`)
}

/** Types `query` into the widget and waits until its results are shown. */
export async function search(parts: WidgetParts, query: string): Promise<void> {
  await parts.input.fill(query)
  await parts.status.filter({ hasText: matchStatus(query) }).waitFor()
}

/** The text of every `<mark>` inside `locator`. */
export function markTexts(locator: Locator): Promise<string[]> {
  return locator.locator('mark').allTextContents()
}
