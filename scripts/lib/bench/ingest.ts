/**
 * @module
 * Ingest throughput per input format: how many megabytes of source files per second the format
 * reader turns into captures, and the whole build of one source (reader, paragraph recovery,
 * index) gets through. Two sets of inputs, each as users have them: the saved page (`.html`),
 * Chromium's print of it (`.pdf`) and that PDF's `pdftotext` text (`.txt`), made afresh by
 * `test/support/article-captures.ts`:
 * - the four article fixtures, one file each (what adding an article costs);
 * - one long page holding the fixtures' articles one after another, several times over (how the
 *   cost grows with the size of one source);
 * - a large text capture: 2 MB of the articles' `pdftotext` texts printed twice (issue 9 asks
 *   that it build in under 3 s).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { median } from './stats.ts'
import { buildIndex } from '../../../src/core/build-index.ts'
import { readCapture } from '../../../src/core/readers/index.ts'
import { ARTICLES_DIR, articleNames, launchPrinter, makeArticleCaptures, makeCaptures, type ArticleCaptures } from '../../../test/support/article-captures.ts'

/** The formats measured, each with the capture file that stands for it. */
const FORMATS = [
  { format: 'text', file: 'article.txt' },
  { format: 'pdf', file: 'article.pdf' },
  { format: 'html', file: 'article.html' },
] as const satisfies { format: string; file: keyof ArticleCaptures }[]

/** How many times the long page holds each fixture's article. */
const LONG_REPEATS = 5

/** The throughput of one format over one set of inputs. */
export type IngestResult = {
  format: string
  /** `fixtures` (each article its own file), `long` (one page of all of them, repeated) or `large` (the 2 MB text printed twice). */
  input: 'fixtures' | 'long' | 'large'
  /** Source files read, and their bytes in all. */
  files: number
  bytes: number
  /** Printed pages, for the PDF (and its text). */
  pages: number
  /** Rounds over all files timed (after one untimed warm-up round); the median round counts. */
  rounds: number
  /** Reader only: file to capture, in MB (10^6 bytes) per CPU second. */
  readMBps: number
  /** The whole build of each file as a one-source corpus (reader, recovery, index), MB per CPU second. */
  buildMBps: number
}

/**
 * MB per CPU second of the median round: a round reads every file once; one untimed round warms
 * up. CPU time (this process's, user and system) rather than wall time, so that other work on
 * the machine does not count: the build is single-threaded, so unloaded the two agree.
 */
async function throughput(bytes: number, rounds: number, once: () => Promise<void>): Promise<number> {
  await once()
  const times: number[] = []
  for (let round = 0; round < rounds; round++) {
    const started = process.cpuUsage()
    await once()
    const used = process.cpuUsage(started)
    times.push((used.user + used.system) / 1000)
  }
  return bytes / 1e6 / (median(times) / 1000)
}

/** One page holding every fixture's `<article>` in turn, `repeats` times over, in the first fixture's page. */
function longPage(repeats: number): string {
  const pages = articleNames().map((name) => readFileSync(join(ARTICLES_DIR, name, 'article.html'), 'utf8'))
  const articles = pages.map((html) => /<article[\s>][\s\S]*<\/article>/.exec(html)?.[0] ?? '')
  const first = pages[0]!
  const body = Array.from({ length: repeats }, () => articles.join('\n')).join('\n')
  return first.replace(/<article[\s>][\s\S]*<\/article>/, () => body)
}

async function measure(input: IngestResult['input'], captures: ArticleCaptures[], rounds: number): Promise<IngestResult[]> {
  const results: IngestResult[] = []
  const pages = captures.reduce((sum, capture) => sum + new TextDecoder().decode(capture['article.txt']).split('\f').filter((page) => page.trim() !== '').length, 0)
  for (const { format, file } of FORMATS) {
    const inputs = captures.map((capture) => capture[file])
    const bytes = inputs.reduce((sum, bytes) => sum + bytes.length, 0)
    const readMBps = await throughput(bytes, rounds, async () => {
      for (const bytes of inputs) await readCapture(file, bytes)
    })
    const buildMBps = await throughput(bytes, rounds, async () => {
      for (const bytes of inputs) await buildIndex({ sources: [{ name: file, bytes }] })
    })
    results.push({ format, input, files: inputs.length, bytes, pages, rounds, readMBps, buildMBps })
  }
  return results
}

/**
 * Measures every format over the article fixtures and over one long page.
 *
 * @param rounds - Timed rounds over the fixtures (default 20); the long page gets a quarter as many.
 */
export async function measureIngest(rounds = 20): Promise<IngestResult[]> {
  const browser = await launchPrinter()
  const fixtures: ArticleCaptures[] = []
  let long: ArticleCaptures
  try {
    for (const name of articleNames()) fixtures.push(await makeArticleCaptures(browser, name))
    long = await makeCaptures(browser, new TextEncoder().encode(longPage(LONG_REPEATS)), 'long-page')
  } finally {
    await browser.close()
  }
  return [
    ...(await measure('fixtures', fixtures, rounds)),
    ...(await measure('long', [long], Math.max(3, Math.round(rounds / 4)))),
    await measureLargeTextCapture(fixtures.map((capture) => capture['article.txt'])),
  ]
}

/** The size of the large capture: issue 9 asks for a 2 MB capture printed twice built in under 3 s. */
const LARGE_CAPTURE_BYTES = 2_000_000
const LARGE_CAPTURE_ROUNDS = 3

/**
 * A large text capture: the articles' `pdftotext` texts, copied with each copy's names changed
 * (so its paragraphs are its own), up to 1 MB, then the whole printed twice. Recovery must align
 * the two printings and every page break's cut: the case that was quadratic.
 */
export function largeTextCapture(texts: readonly Uint8Array[], bytes = LARGE_CAPTURE_BYTES): Uint8Array {
  const decoded = texts.map((text) => new TextDecoder().decode(text))
  const copies: string[] = []
  let size = 0
  for (let copy = 0; size < bytes / 2; copy++) {
    const text = decoded[copy % decoded.length]!.replace(/\b(\p{Lu}\p{Ll}{3,})\b/gu, `$1${copy}`)
    copies.push(text)
    size += Buffer.byteLength(text)
  }
  const once = copies.join('\f')
  return new TextEncoder().encode(`${once}\f${once}`)
}

/** Reader and whole build of the large capture, as one source. */
async function measureLargeTextCapture(texts: readonly Uint8Array[]): Promise<IngestResult> {
  const input = largeTextCapture(texts)
  const pages = new TextDecoder().decode(input).split('\f').filter((page) => page.trim() !== '').length
  const readMBps = await throughput(input.length, LARGE_CAPTURE_ROUNDS, async () => {
    await readCapture('large.txt', input)
  })
  const buildMBps = await throughput(input.length, LARGE_CAPTURE_ROUNDS, async () => {
    await buildIndex({ sources: [{ name: 'large.txt', bytes: input }] })
  })
  return { format: 'text, 2 MB printed twice', input: 'large', files: 1, bytes: input.length, pages, rounds: LARGE_CAPTURE_ROUNDS, readMBps, buildMBps }
}
