/**
 * The captures users really have of a web article, made the way users make them: the saved
 * page, Debian's Chromium's print of it with its header and footer on, that PDF's `pdftotext`
 * text (default and `-layout`) and the text printed twice. Every one must give the article's
 * paragraphs (`test/fixtures/articles/<name>/expected.json`, written from the HTML by hand)
 * through the real index build: paragraph F1 at least 0.97 (issue 9).
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { articleNames, launchPrinter, makeArticleCaptures, type ArticleCaptures } from '../../support/article-captures.ts'
import { CAPTURE_FILES, recoverFile } from '../../support/article-recovery.ts'
import { expectedParagraphs } from '../../support/article-captures.ts'
import { paragraphF1 } from '../../support/paragraph-f1.ts'

/** The target: paragraph F1 on every format. */
const MIN_F1 = 0.97

describe('paragraphF1', () => {
  it('counts a paragraph found when kind and text match after white-space collapse', () => {
    const score = paragraphF1(
      [{ kind: 'body', text: 'A  cat\nsat.' }, { kind: 'heading', text: 'Dogs' }, { kind: 'body', text: 'Extra.' }],
      [{ kind: 'body', text: 'A cat sat.' }, { kind: 'body', text: 'Dogs' }]
    )
    // 1 of 3 recovered is right, 1 of 2 expected is found: P = 1/3, R = 1/2, F1 = 2PR/(P+R) = 0.4.
    expect(score.precision).toBeCloseTo(1 / 3, 10)
    expect(score.recall).toBe(0.5)
    expect(score.f1).toBeCloseTo(0.4, 10)
    expect(score.missed).toEqual([{ kind: 'body', text: 'Dogs' }])
    expect(score.extra).toEqual([{ kind: 'heading', text: 'Dogs' }, { kind: 'body', text: 'Extra.' }])
  })

  it('finds each expected paragraph once, so a repeat is extra', () => {
    const score = paragraphF1([{ kind: 'body', text: 'Same.' }, { kind: 'body', text: 'Same.' }], [{ kind: 'body', text: 'Same.' }])
    expect([score.precision, score.recall]).toEqual([0.5, 1])
  })
})

describe('articles printed and converted as users do', { timeout: 120_000 }, () => {
  let browser: Browser
  const captures = new Map<string, ArticleCaptures>()

  beforeAll(async () => {
    browser = await launchPrinter()
    for (const name of articleNames()) captures.set(name, await makeArticleCaptures(browser, name))
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
  })

  it('has at least four article fixtures, one of them not in English', () => {
    expect(articleNames().length).toBeGreaterThanOrEqual(4)
    expect(articleNames().some((name) => !/lang="en/.test(new TextDecoder().decode(captures.get(name)!['article.html'])))).toBe(true)
  })

  it('prints every article over 2 to 4 pages, with the browser header and footer', () => {
    for (const [name, files] of captures) {
      const text = new TextDecoder().decode(files['article.txt'])
      const pages = text.split('\f').filter((page) => page.trim() !== '')
      expect(pages.length, name).toBeGreaterThanOrEqual(2)
      expect(pages.length, name).toBeLessThanOrEqual(4)
      expect(text, name).toContain(`1/${pages.length}`)
      expect(text, name).toMatch(/https?:\/\//)
    }
  })

  for (const name of articleNames()) {
    for (const file of CAPTURE_FILES) {
      it(`${name}: ${file} recovers the article's paragraphs (F1 ≥ ${MIN_F1})`, async () => {
        const score = paragraphF1(await recoverFile(file, captures.get(name)![file]), expectedParagraphs(name))
        expect(score.f1, JSON.stringify({ missed: score.missed, extra: score.extra }, null, 1)).toBeGreaterThanOrEqual(MIN_F1)
      })
    }
  }
})
