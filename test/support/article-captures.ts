/**
 * @module
 * Makes the captures a user really has of a web article, from an HTML fixture: the saved page
 * itself, the PDF that Debian's Chromium prints of it with the browser's print header and footer
 * on (date and title above, URL and `n/m` below), that PDF's `pdftotext` text in its default and
 * `-layout` modes, and the default text printed twice. Used by the realistic recovery tests and by
 * `scripts/make-article-captures.ts`.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { CHROMIUM_ARGS, ensureChromium, ensurePdftotext } from '../../scripts/ensure-chromium.ts'
import { ROOT } from '../../scripts/lib/paths.ts'
import { readCapture } from '../../src/core/readers/index.ts'

/** The folder of the article fixtures: one folder each, with `article.html` and `expected.json`. */
export const ARTICLES_DIR = join(ROOT, 'test/fixtures/articles')

/** The capture files made of one article, by the name they are written under. */
export type ArticleCaptures = {
  'article.html': Uint8Array
  'article.pdf': Uint8Array
  /** `pdftotext` default mode. */
  'article.txt': Uint8Array
  /** `pdftotext -layout`. */
  'article-layout.txt': Uint8Array
  /** The default text twice, as a page printed twice and converted in one go. */
  'article-twice.txt': Uint8Array
}

/** An expected paragraph, as in the fixtures' `expected.json`. */
export type ExpectedParagraph = { kind: string; text: string }

/** The names of the article fixtures, sorted. */
export function articleNames(): string[] {
  return readdirSync(ARTICLES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
}

/** The paragraphs an article must give, from its `expected.json`. */
export function expectedParagraphs(name: string): ExpectedParagraph[] {
  return (JSON.parse(readFileSync(join(ARTICLES_DIR, name, 'expected.json'), 'utf8')) as { paragraphs: ExpectedParagraph[] }).paragraphs
}

/** The address the page says it lives at (canonical link or `og:url`), where the print shows it. */
function pageUrl(html: string, name: string): string {
  const canonical = /<link\s+rel="canonical"\s+href="([^"]+)"/i.exec(html) ?? /<meta\s+property="og:url"\s+content="([^"]+)"/i.exec(html)
  return canonical?.[1] ?? `https://news.example/${name}/`
}

/** Chromium's own print header and footer, as its print preview lays them out. */
const HEADER_TEMPLATE =
  '<div style="font-size:8px; width:100%; margin:0 0.4in; display:flex; justify-content:space-between; font-family:sans-serif">' +
  '<span class="date"></span><span class="title" style="margin-left:2em"></span><span></span></div>'
const FOOTER_TEMPLATE =
  '<div style="font-size:8px; width:100%; margin:0 0.4in; display:flex; justify-content:space-between; font-family:sans-serif">' +
  '<span class="url"></span><span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>'

/**
 * Prints an HTML page to PDF with the real Chromium, served at its own URL (requests are answered
 * from the fixture, nothing goes to the network), with the print header and footer on unless
 * `headerFooter` is false.
 */
export async function printToPdf(browser: Browser, html: string, url: string, headerFooter = true): Promise<Uint8Array> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.route('**/*', (route) =>
      route.request().url() === url ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.fulfill({ status: 404, body: '' })
    )
    await page.goto(url, { waitUntil: 'load' })
    return await page.pdf({
      format: 'A4',
      printBackground: false,
      ...(headerFooter
        ? { displayHeaderFooter: true, headerTemplate: HEADER_TEMPLATE, footerTemplate: FOOTER_TEMPLATE, margin: { top: '0.5in', bottom: '0.5in', left: '0.4in', right: '0.4in' } }
        : { preferCSSPageSize: true }),
    })
  } finally {
    await context.close()
  }
}

/** `pdftotext` of a PDF, in its default mode or with `-layout`. */
export function pdfToText(pdf: Uint8Array, layout: boolean): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'pdftotext-'))
  try {
    const input = join(dir, 'in.pdf')
    writeFileSync(input, pdf)
    const output = join(dir, 'out.txt')
    execFileSync(ensurePdftotext(), [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', input, output])
    return readFileSync(output)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Starts Debian's Chromium (installing it, and poppler-utils, when missing). */
export async function launchPrinter(): Promise<Browser> {
  ensurePdftotext()
  return chromium.launch({ executablePath: ensureChromium(() => {}), args: CHROMIUM_ARGS })
}

/** Makes every capture of one article fixture. */
export async function makeArticleCaptures(browser: Browser, name: string): Promise<ArticleCaptures> {
  return makeCaptures(browser, new Uint8Array(readFileSync(join(ARTICLES_DIR, name, 'article.html'))), name)
}

/**
 * Makes every capture of one saved page: its print, the print's text in both modes, the text twice.
 *
 * @param name - Names the page's address when the page states none.
 */
export async function makeCaptures(browser: Browser, htmlBytes: Uint8Array, name: string): Promise<ArticleCaptures> {
  const html = new TextDecoder().decode(htmlBytes)
  const pdf = await printToPdf(browser, html, pageUrl(html, name))
  const text = pdfToText(pdf, false)
  const twice = new Uint8Array(text.length * 2)
  twice.set(text, 0)
  twice.set(text, text.length)
  return {
    'article.html': htmlBytes,
    'article.pdf': pdf,
    'article.txt': text,
    'article-layout.txt': pdfToText(pdf, true),
    'article-twice.txt': twice,
  }
}

/**
 * From the command line: `node test/support/article-captures.ts OUT_DIR [NAME…]` writes every
 * capture of each article (all by default) and its `expected.json` into `OUT_DIR/<article>/`,
 * and beside the PDF and the page what their readers make of them (`article.pdf.capture.json`,
 * `article.html.capture.json`: the `Capture` that paragraph recovery receives).
 */
async function main(args: string[]): Promise<void> {
  const [out, ...names] = args
  if (!out) throw new Error('usage: node test/support/article-captures.ts OUT_DIR [ARTICLE…]')
  const browser = await launchPrinter()
  try {
    for (const name of names.length > 0 ? names : articleNames()) {
      const dir = join(out, name)
      mkdirSync(dir, { recursive: true })
      const captures = await makeArticleCaptures(browser, name)
      for (const [file, bytes] of Object.entries(captures)) writeFileSync(join(dir, file), bytes)
      for (const file of ['article.pdf', 'article.html'] as const) {
        writeFileSync(join(dir, `${file}.capture.json`), JSON.stringify(await readCapture(file, captures[file]), null, 1) + '\n')
      }
      copyFileSync(join(ARTICLES_DIR, name, 'expected.json'), join(dir, 'expected.json'))
      console.log(`${dir}: ${Object.keys(captures).join(', ')}, expected.json`)
    }
  } finally {
    await browser.close()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
