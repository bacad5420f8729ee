import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { readPdf } from '../../../src/core/readers/pdf.ts'
import { launchPrinter, printToPdf } from '../../support/article-captures.ts'
import { pdfBytes } from '../../support/pdf-bytes.ts'
import { corpusErrorOfAsync as errorOf } from '../../support/corpus-error.ts'

/** A4 in points, as the hand-written PDFs use. */
const HEIGHT = 842.88

describe('readPdf on PDFs whose every position is known', () => {
  it('groups runs by baseline into lines, left to right whatever the drawing order, with position, size and weight', async () => {
    const capture = await readPdf(
      pdfBytes({
        pages: [
          {
            texts: [
              { text: 'approved', x: 150, y: 700, size: 18, bold: true },
              { text: 'Depot', x: 72, y: 700, size: 18, bold: true },
              { text: 'The council met on Tuesday.', x: 72, y: 670, size: 10 },
            ],
          },
        ],
      }),
      'a.pdf'
    )
    expect(capture.format).toBe('pdf')
    expect(capture.pages).toHaveLength(1)
    expect(capture.pages[0]!.width).toBe(595.92)
    expect(capture.pages[0]!.height).toBe(HEIGHT)
    const [title, , body] = capture.pages[0]!.lines
    // y is the baseline from the top edge: 842.88 - 700 = 142.88.
    expect(title).toMatchObject({ text: 'Depot approved', x: 72, y: 142.88, fontSize: 18, bold: true })
    expect(body).toMatchObject({ text: 'The council met on Tuesday.', x: 72, y: 172.88, fontSize: 10, bold: false })
  })

  it('puts a blank line where the gap between lines is wider than the document’s line spacing, and none between wrapped lines', async () => {
    // Lines of size 10 are 12 points apart (the commonest spacing); a 24-point step is a paragraph break.
    const at = (text: string, y: number) => ({ text, x: 72, y, size: 10 })
    const capture = await readPdf(
      pdfBytes({ pages: [{ texts: [at('First line of one', 700), at('paragraph that wraps.', 688), at('Second paragraph', 664), at('wraps too.', 652), at('Third.', 640)] }] }),
      'a.pdf'
    )
    expect(capture.pages[0]!.lines.map((line) => line.text)).toEqual(['First line of one', 'paragraph that wraps.', '', 'Second paragraph', 'wraps too.', 'Third.'])
  })

  it('measures from the top left of the page as shown: the crop box, and a page turned a quarter', async () => {
    const cropped = await readPdf(pdfBytes({ pages: [{ cropBox: [50, 100, 545.92, 742.88], texts: [{ text: 'Cropped line.', x: 72, y: 700, size: 10 }] }] }), 'a.pdf')
    // x = 72 - 50; y = 742.88 - 700; the page is the crop box, 495.92 by 642.88.
    expect(cropped.pages[0]).toMatchObject({ width: 495.92, height: 642.88 })
    expect(cropped.pages[0]!.lines[0]).toMatchObject({ text: 'Cropped line.', x: 22, y: 42.88 })
    // Text drawn turned anticlockwise on a page shown turned clockwise reads upright: PDF x is
    // the distance from the top, PDF y from the left; the page is landscape.
    const turned = await readPdf(
      pdfBytes({ pages: [{ rotate: 90, texts: [{ text: 'Second line', x: 112, y: 72, size: 10, turned: true }, { text: 'First line', x: 100, y: 72, size: 10, turned: true }] }] }),
      'a.pdf'
    )
    expect(turned.pages[0]).toMatchObject({ width: 842.88, height: 595.92 })
    expect(turned.pages[0]!.lines.map(({ text, x, y }) => ({ text, x, y }))).toEqual([
      { text: 'First line', x: 72, y: 100 },
      { text: 'Second line', x: 72, y: 112 },
    ])
  })

  it('gives a page per page and states title and author from the information dictionary', async () => {
    const capture = await readPdf(
      pdfBytes({
        title: 'Depot approved',
        author: 'Sam Reed',
        pages: [{ texts: [{ text: 'One.', x: 72, y: 700, size: 10 }] }, { texts: [{ text: 'Two.', x: 72, y: 700, size: 10 }] }],
      }),
      'a.pdf'
    )
    expect(capture.pages.map((page) => page.lines.map((line) => line.text))).toEqual([['One.'], ['Two.']])
    expect(capture.facts).toEqual({ title: 'Depot approved', author: 'Sam Reed' })
    expect(capture.skipped).toEqual([])
  })

  it('skips a page that is an image only and says so', async () => {
    const capture = await readPdf(
      pdfBytes({ pages: [{ texts: [{ text: 'One.', x: 72, y: 700, size: 10 }] }, { texts: [], image: true }, { texts: [{ text: 'Three.', x: 72, y: 700, size: 10 }] }] }),
      'a.pdf'
    )
    expect(capture.pages.map((page) => page.lines.map((line) => line.text))).toEqual([['One.'], ['Three.']])
    expect(capture.skipped).toEqual(['page 2 has no text layer (an image only)'])
  })

  it('refuses a scan with no text layer, an encrypted PDF and a truncated one, naming the file and the reason', async () => {
    const scan = pdfBytes({ pages: [{ texts: [], image: true }, { texts: [], image: true }] })
    expect((await errorOf(() => readPdf(scan, 'corpus/scan.pdf'))).message).toBe(
      'corpus/scan.pdf: has no text layer on any of its 2 pages (a scanned image? run OCR on it first, or give the text as .txt)'
    )
    const locked = pdfBytes({ encrypted: true, pages: [{ texts: [{ text: 'Secret.', x: 72, y: 700, size: 10 }] }] })
    expect((await errorOf(() => readPdf(locked, 'corpus/locked.pdf'))).reason).toBe('is encrypted and needs a password to open (save an unprotected copy)')
    const whole = pdfBytes({ pages: [{ texts: [{ text: 'One.', x: 72, y: 700, size: 10 }] }] })
    expect((await errorOf(() => readPdf(whole.subarray(0, Math.floor(whole.length / 2)), 'corpus/cut.pdf'))).reason).toMatch(/^is not a readable PDF: it is damaged or truncated/)
    expect((await errorOf(() => readPdf(new TextEncoder().encode('Title\nNot a PDF.'), 'corpus/x.pdf'))).reason).toMatch(/^is not a readable PDF/)
    expect((await errorOf(() => readPdf(new Uint8Array(), 'corpus/e.pdf'))).reason).toBe('is empty (0 bytes)')
  })
})

describe('readPdf on a page printed by Chromium', { timeout: 60_000 }, () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchPrinter()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  it('reads the layout CSS gave it: sizes, bold heading, blank lines at paragraph margins only', async () => {
    // 12pt text on 18pt lines in a 3-inch column, paragraphs 12pt apart; a bold 18pt heading.
    const html = `<!DOCTYPE html><html><head><title>Layout</title><style>
      @page { margin: 72pt }
      body { margin: 0; font: 12pt/18pt 'Liberation Sans', Arial, sans-serif; width: 216pt }
      h2 { font-size: 18pt; line-height: 24pt; margin: 0 0 12pt }
      p { margin: 0 0 12pt }
    </style></head><body><h2>Heading</h2>
    <p>The first paragraph is long enough to wrap over two or three lines of the narrow column.</p>
    <p>The second paragraph also wraps onto a second line here.</p></body></html>`
    const capture = await readPdf(await printToPdf(browser, html, 'https://layout.example/', false), 'print.pdf')
    const lines = capture.pages[0]!.lines
    const texts = lines.map((line) => line.text)
    expect(texts[0]).toBe('Heading')
    expect(lines[0]).toMatchObject({ fontSize: 18, bold: true, x: 72 })
    const blank = texts.indexOf('')
    expect(blank).toBe(1)
    const secondBlank = texts.indexOf('', blank + 1)
    const first = lines.slice(blank + 1, secondBlank)
    expect(first.length).toBeGreaterThanOrEqual(2)
    expect(first.map((line) => line.text).join(' ')).toBe('The first paragraph is long enough to wrap over two or three lines of the narrow column.')
    for (const line of first) expect(line).toMatchObject({ fontSize: 12, bold: false, x: 72 })
    // Wrapped lines are 18pt apart.
    expect(first[1]!.y! - first[0]!.y!).toBeCloseTo(18, 0)
    expect(lines.slice(secondBlank + 1).map((line) => line.text).join(' ')).toBe('The second paragraph also wraps onto a second line here.')
  })

  it('keeps superscripts and subscripts in the line they are set in, where they stand, as the characters that say so', async () => {
    const html = `<!DOCTYPE html><html><body style="font: 12pt serif; width: 400pt">
      <p>The leaders signed the agreement<sup>1</sup> on Monday and the treaty<sup>2</sup> took effect at once,<br>the statement said, with H<sub>2</sub>O and m<sup>2</sup> too.</p>
      <p><small>1 The agreement of 2017.</small></p></body></html>`
    const capture = await readPdf(await printToPdf(browser, html, 'https://layout.example/', false), 'print.pdf')
    expect(capture.pages[0]!.lines.map((line) => line.text)).toEqual([
      'The leaders signed the agreement¹ on Monday and the treaty² took effect at once,',
      'the statement said, with H₂O and m² too.',
      '',
      '1 The agreement of 2017.',
    ])
    expect(capture.pages[0]!.lines[0]!.fontSize).toBe(12)
  })

  it('reads letter-spaced text as the word it spells, and keeps the spaces of ordinary text', async () => {
    const html = `<!DOCTYPE html><html><body style="font: 10pt sans-serif">
      <p style="letter-spacing: 3px; font-size: 8pt">ADVERTISEMENT</p><p>A B testing is a method.</p></body></html>`
    const capture = await readPdf(await printToPdf(browser, html, 'https://layout.example/', false), 'print.pdf')
    expect(capture.pages[0]!.lines.map((line) => line.text).filter((text) => text !== '')).toEqual(['ADVERTISEMENT', 'A B testing is a method.'])
  })
})
