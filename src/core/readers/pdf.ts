/**
 * @module
 * The PDF reader: a PDF's text layer, through PDF.js (as packaged for servers by `unpdf`), as a
 * {@link Capture}: one capture page per PDF page, its text items grouped into lines by baseline,
 * each line with its position, font size and weight, and a blank line wherever the vertical gap
 * to the next line is larger than the document's own line spacing (paragraph evidence). The
 * reader decides nothing else: furniture, joins and kinds are the shared recovery's.
 *
 * Text set side by side in columns is read as one line per baseline across the columns, as
 * `pdftotext -layout` lays it out: no column detection is attempted (the browser prints of
 * articles this is made for are one column of text).
 *
 * It runs in the index build (Node), never in the Worker: nothing the Worker imports imports it.
 */
import { getDocumentProxy } from 'unpdf'
import type { Capture, CaptureFacts, CaptureLine, CapturePage } from '../capture.ts'
import { CorpusError } from '../corpus.ts'
import { subscript, superscript } from './script-characters.ts'

/** The PDF.js document and page, as `unpdf` gives them (their types are PDF.js's). */
type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>

/** A text item of PDF.js's text content: a run of text in one font along one baseline. */
type TextItem = { str: string; transform: number[]; width: number; height: number; fontName: string }

/** One run of a line being built: where it starts and ends, its baseline, its font size and font. */
type Run = { text: string; x: number; end: number; y: number; fontSize: number; fontName: string }

/** A line of a page before the blank lines between paragraphs are put in. */
type PositionedLine = { runs: Run[]; y: number }

/** Runs whose baselines differ by less than this share of their font size are on one line. */
const BASELINE_TOLERANCE = 0.3

/** A horizontal gap wider than this share of the font size between two runs is a space. */
const SPACE_GAP = 0.15

/**
 * A gap between two lines longer than this many times the document's line spacing (for the
 * font size of the lines around it) is a paragraph break. Browsers print paragraphs with a margin
 * of about one line (1.5 to 2 times the spacing); wrapped lines of one paragraph are 1 apart.
 */
const PARAGRAPH_GAP = 1.25

/**
 * Four or more single letters or digits with one space between each: letter-spaced text
 * (CSS `letter-spacing`), which PDF.js spaces out glyph by glyph (`A D V E R T I S E M E N T`).
 */
const LETTER_SPACED = /(?<![\p{L}\p{N}] ?)[\p{L}\p{N}](?: [\p{L}\p{N}]){3,}(?! ?[\p{L}\p{N}])/gu

/** Font names of bold faces (PDF font names carry the weight: `LiberationSans-Bold`, `Arial,Black`). */
const BOLD_FONT = /bold|black|heavy|semibold|demibold|extrabold|ultrabold/i

/**
 * Reads a PDF into a capture.
 *
 * @param bytes - The file's content.
 * @param file - The file's name as the build shows it (`corpus/a.pdf`), for errors.
 * @returns Pages of lines with positions in points (`x` from the left edge, `y` the baseline from
 *   the top edge), font size in points and `bold`; blank lines at paragraph gaps; the document's
 *   title and author from its information dictionary; pages without text listed in `skipped`.
 * @throws {@link CorpusError} when the file is not a PDF that PDF.js can open (truncated or damaged
 *   beyond repair), needs a password, or has no text layer at all (a scan without OCR).
 */
export async function readPdf(bytes: Uint8Array, file: string): Promise<Capture> {
  const document = await openPdf(bytes, file)
  try {
    const pages: CapturePage[] = []
    const skipped: string[] = []
    for (let number = 1; number <= document.numPages; number++) {
      let page: CapturePage
      try {
        page = await readPage(await document.getPage(number))
      } catch (error) {
        skipped.push(`page ${number} could not be read (${describe(error)})`)
        continue
      }
      if (page.lines.every((line) => line.text === '')) {
        skipped.push(`page ${number} has no text layer (an image only)`)
        continue
      }
      pages.push(page)
    }
    if (pages.length === 0) {
      throw new CorpusError(file, `has no text layer on any of its ${document.numPages} page${document.numPages === 1 ? '' : 's'} (a scanned image? run OCR on it first, or give the text as .txt)`)
    }
    markParagraphGaps(pages)
    return { format: 'pdf', pages, facts: await readFacts(document), skipped }
  } finally {
    await document.destroy()
  }
}

/** Opens the document, turning PDF.js's exceptions into errors that say what is wrong. */
async function openPdf(bytes: Uint8Array, file: string): Promise<PdfDocument> {
  if (bytes.length === 0) throw new CorpusError(file, 'is empty (0 bytes)')
  try {
    // PDF.js takes ownership of (detaches) the buffer it is given: give it a copy.
    return await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 })
  } catch (error) {
    const name = (error as { name?: string } | null)?.name
    if (name === 'PasswordException') throw new CorpusError(file, 'is encrypted and needs a password to open (save an unprotected copy)')
    if (name === 'InvalidPDFException') throw new CorpusError(file, `is not a readable PDF: it is damaged or truncated (${describe(error)})`)
    throw new CorpusError(file, `could not be read as a PDF (${describe(error)})`)
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String((error as { message?: unknown } | null)?.message ?? error)
}

/** The facts the PDF's information dictionary states: title and author, when they are set. */
async function readFacts(document: PdfDocument): Promise<CaptureFacts> {
  const facts: CaptureFacts = {}
  try {
    const { info } = (await document.getMetadata()) as unknown as { info?: Record<string, unknown> }
    const title = typeof info?.Title === 'string' ? info.Title.trim() : ''
    const author = typeof info?.Author === 'string' ? info.Author.trim() : ''
    if (title) facts.title = title
    if (author) facts.author = author
  } catch {
    // An unreadable information dictionary states nothing.
  }
  return facts
}

/** One page's lines, top to bottom, with the page's size. */
async function readPage(page: PdfPage): Promise<CapturePage> {
  // The viewport at scale 1 maps PDF space (origin bottom left, the crop box anywhere, the page
  // maybe rotated) to the page as shown: points, origin top left, y down.
  const viewport = page.getViewport({ scale: 1 })
  const content = await page.getTextContent()
  const items = (content.items as Partial<TextItem>[]).filter((item): item is TextItem => typeof item.str === 'string' && Array.isArray(item.transform))
  const fonts = await fontNames(page, items)
  const lines = groupLines(items, viewport.transform as number[])
  return {
    width: round(viewport.width),
    height: round(viewport.height),
    lines: lines.map((line) => toCaptureLine(line, fonts)),
  }
}

/** The product of two PDF transformation matrices `[a, b, c, d, e, f]` (`m` applied after `n`). */
function multiply(m: readonly number[], n: readonly number[]): number[] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m
  const [p = 1, q = 0, r = 0, s = 1, t = 0, u = 0] = n
  return [a * p + c * q, b * p + d * q, a * r + c * s, b * r + d * s, a * t + c * u + e, b * t + d * u + f]
}

/**
 * The real names of the fonts the items use (`BAAAAA+LiberationSans-Bold`): PDF.js's text
 * content names them by an id only, and loads them while it builds the page's operator list.
 */
async function fontNames(page: PdfPage, items: readonly TextItem[]): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  if (items.length === 0) return names
  await page.getOperatorList()
  for (const id of new Set(items.map((item) => item.fontName))) {
    try {
      const font = page.commonObjs.get(id) as { name?: unknown } | undefined
      if (typeof font?.name === 'string') names.set(id, font.name)
    } catch {
      // a font PDF.js did not load: its weight stays unknown
    }
  }
  return names
}

/**
 * Groups text items into lines by baseline, top to bottom, each line's runs left to right.
 *
 * @param view - The viewport's transform: PDF space to the page as shown (y down).
 */
function groupLines(items: readonly TextItem[], view: readonly number[]): PositionedLine[] {
  const runs = items
    .filter((item) => item.str !== '')
    .map((item) => {
      const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = multiply(view, item.transform)
      const fontSize = Math.hypot(c, d) || Math.hypot(a, b) || item.height
      // The advance runs along the glyphs' x axis, of length `width` in text space scaled as the glyphs are.
      const advance = (item.width * Math.hypot(a, b)) / (Math.hypot(item.transform[0] ?? 0, item.transform[1] ?? 0) || 1)
      return { run: { text: item.str, x: e, end: e + advance, y: f, fontSize, fontName: item.fontName }, y: f }
    })
    .sort((p, q) => p.y - q.y || p.run.x - q.run.x)
  const lines: PositionedLine[] = []
  for (const { run, y } of runs) {
    const line = lines[lines.length - 1]
    if (line && Math.abs(line.y - y) <= BASELINE_TOLERANCE * Math.max(run.fontSize, mainRun(line).fontSize)) line.runs.push(run)
    else lines.push({ runs: [run], y })
  }
  const kept = lines.filter((line) => line.runs.some((run) => run.text.trim() !== ''))
  const merged = mergeRaisedAndLowered(kept)
  for (const line of merged) line.runs.sort((p, q) => p.x - q.x)
  return merged
}

/**
 * Puts superscripts and subscripts back into the line they are set in (see {@link scriptOf} for
 * how they are written there):
 * a "line" whose runs are all smaller than a neighbouring line's text, whose baseline lies inside
 * that line's body (above its baseline by less than {@link RAISE_LIMIT} of its size, or below by
 * less than {@link LOWER_LIMIT}), and that lies within its width, belongs to it.
 */
function mergeRaisedAndLowered(lines: PositionedLine[]): PositionedLine[] {
  const out: PositionedLine[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const next = lines[i + 1]
    if (next && isSatellite(line, next, 'raised')) {
      next.runs.push(...line.runs)
      continue
    }
    const previous = out[out.length - 1]
    if (previous && isSatellite(line, previous, 'lowered')) {
      previous.runs.push(...line.runs)
      continue
    }
    out.push(line)
  }
  return out
}

/** A superscript is raised by about a third of an em, a subscript lowered by about a fifth. */
const RAISE_LIMIT = 0.75
const LOWER_LIMIT = 0.45
/** Raised and lowered text is set smaller than the text around it. */
const SATELLITE_SIZE = 0.9

function isSatellite(line: PositionedLine, host: PositionedLine, how: 'raised' | 'lowered'): boolean {
  const size = mainRun(host).fontSize
  if (!line.runs.every((run) => run.fontSize < SATELLITE_SIZE * size)) return false
  const offset = how === 'raised' ? host.y - line.y : line.y - host.y
  if (offset <= 0 || offset > (how === 'raised' ? RAISE_LIMIT : LOWER_LIMIT) * size) return false
  const left = Math.min(...host.runs.map((run) => run.x))
  const right = Math.max(...host.runs.map((run) => run.end))
  return line.runs.every((run) => run.x >= left - size && run.end <= right + size)
}

/** The run that holds most of the line's text: its font is the line's. */
function mainRun(line: PositionedLine): Run {
  return line.runs.reduce((best, run) => (run.text.trim().length > best.text.trim().length ? run : best))
}

/**
 * A run's text as the line reads it: a smaller run raised above the line's baseline by more than
 * {@link SCRIPT_SHIFT} of its size is a superscript, one lowered below it a subscript, written
 * with the characters that say so where Unicode has them (`agreement¹`, `m²`, `H₂O`).
 */
function scriptOf(run: Run, main: Run): string {
  if (run === main || run.fontSize >= SATELLITE_SIZE * main.fontSize) return run.text
  const shift = run.y - main.y
  if (shift < -SCRIPT_SHIFT * main.fontSize) return superscript(run.text) ?? run.text
  if (shift > SCRIPT_SHIFT * main.fontSize) return subscript(run.text) ?? run.text
  return run.text
}

/** A baseline shift beyond this share of the font size sets a smaller run raised or lowered. */
const SCRIPT_SHIFT = 0.1

function toCaptureLine(line: PositionedLine, fonts: ReadonlyMap<string, string>): CaptureLine {
  const main = mainRun(line)
  let text = ''
  let previous: Run | undefined
  for (const run of line.runs) {
    if (previous && run.x - previous.end > SPACE_GAP * run.fontSize && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' '
    text += scriptOf(run, main)
    previous = run
  }
  const first = line.runs[0]!
  const last = line.runs.reduce((right, run) => (run.end > right.end ? run : right))
  return {
    text: text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(LETTER_SPACED, (letters) => letters.replaceAll(' ', '')),
    x: round(first.x),
    y: round(main.y),
    width: round(last.end - first.x),
    fontSize: round(main.fontSize),
    bold: BOLD_FONT.test(fonts.get(main.fontName) ?? ''),
  }
}

/**
 * Puts a blank line between two lines of a page whose vertical distance is more than
 * {@link PARAGRAPH_GAP} times the document's usual line spacing for their font size. The usual
 * spacing of a font size is the most common distance between consecutive lines of that size over
 * the whole document (wrapped lines of one paragraph are the commonest pairs).
 */
function markParagraphGaps(pages: CapturePage[]): void {
  const spacing = lineSpacings(pages)
  for (const page of pages) {
    const lines: CaptureLine[] = []
    page.lines.forEach((line, i) => {
      const previous = page.lines[i - 1]
      if (previous) {
        const usual = Math.max(spacingFor(spacing, previous.fontSize!), spacingFor(spacing, line.fontSize!))
        if (line.y! - previous.y! > PARAGRAPH_GAP * usual) lines.push({ text: '' })
      }
      lines.push(line)
    })
    page.lines = lines
  }
}

/** The most common distance between consecutive lines of the same font size, per font size. */
function lineSpacings(pages: readonly CapturePage[]): Map<number, number> {
  const counts = new Map<number, Map<number, number>>()
  for (const page of pages) {
    for (let i = 1; i < page.lines.length; i++) {
      const previous = page.lines[i - 1]!
      const line = page.lines[i]!
      if (previous.fontSize !== line.fontSize) continue
      const distance = Math.round(line.y! - previous.y!)
      if (distance <= 0 || distance > 3 * line.fontSize!) continue
      const sizeCounts = counts.get(line.fontSize!) ?? new Map<number, number>()
      sizeCounts.set(distance, (sizeCounts.get(distance) ?? 0) + 1)
      counts.set(line.fontSize!, sizeCounts)
    }
  }
  const spacing = new Map<number, number>()
  for (const [size, distances] of counts) {
    const [distance] = [...distances].reduce((best, entry) => (entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0]) ? entry : best))
    spacing.set(size, distance)
  }
  return spacing
}

/** The usual spacing of a font size; for a size seen on no pair of lines, 1.2 times the size (CSS `normal`). */
function spacingFor(spacing: ReadonlyMap<number, number>, fontSize: number): number {
  return spacing.get(fontSize) ?? 1.2 * fontSize
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
