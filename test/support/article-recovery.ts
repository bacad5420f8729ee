/**
 * @module
 * Recovers the paragraphs of each capture of an article fixture through the real index build
 * (reader, paragraph recovery, index) and scores them against the article's `expected.json`.
 *
 * From the command line, `node test/support/article-recovery.ts [ARTICLE…]` prints the paragraph
 * F1 of every article and capture format, and with `--verbose` what each missed and added.
 */
import { fileURLToPath } from 'node:url'
import { buildIndex } from '../../src/core/build-index.ts'
import { articleNames, expectedParagraphs, launchPrinter, makeArticleCaptures, type ArticleCaptures } from './article-captures.ts'
import { paragraphF1, type KindAndText, type ParagraphScore } from './paragraph-f1.ts'

/** The capture files of an article, in the order reports list them. */
export const CAPTURE_FILES = ['article.html', 'article.pdf', 'article.txt', 'article-layout.txt', 'article-twice.txt'] as const

/** A capture file's name. */
export type CaptureFile = (typeof CAPTURE_FILES)[number]

/** The paragraphs the index build recovers from one file, as `{ kind, text }` in document order. */
export async function recoverFile(name: string, bytes: Uint8Array): Promise<KindAndText[]> {
  const output = await buildIndex({ sources: [{ name, bytes }] })
  const paragraphs: KindAndText[] = output.paragraphs
  return paragraphs.map(({ kind, text }) => ({ kind, text }))
}

/** The score of every capture of one article. */
export async function scoreArticle(name: string, captures: ArticleCaptures): Promise<Record<CaptureFile, ParagraphScore>> {
  const expected = expectedParagraphs(name)
  const scores = {} as Record<CaptureFile, ParagraphScore>
  for (const file of CAPTURE_FILES) scores[file] = paragraphF1(await recoverFile(file, captures[file]), expected)
  return scores
}

async function main(args: string[]): Promise<void> {
  const verbose = args.includes('--verbose')
  const names = args.filter((arg) => !arg.startsWith('--'))
  const browser = await launchPrinter()
  try {
    console.log(['article'.padEnd(24), ...CAPTURE_FILES.map((file) => file.padStart(19))].join(''))
    for (const name of names.length > 0 ? names : articleNames()) {
      const scores = await scoreArticle(name, await makeArticleCaptures(browser, name))
      console.log([name.padEnd(24), ...CAPTURE_FILES.map((file) => scores[file].f1.toFixed(3).padStart(19))].join(''))
      if (!verbose) continue
      for (const file of CAPTURE_FILES) {
        for (const paragraph of scores[file].missed) console.log(`  ${file} missed ${paragraph.kind}: ${paragraph.text.slice(0, 100)}`)
        for (const paragraph of scores[file].extra) console.log(`  ${file} extra  ${paragraph.kind}: ${paragraph.text.slice(0, 100)}`)
      }
    }
  } finally {
    await browser.close()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
