/**
 * @module
 * The format readers, chosen by the file's extension: `.txt` (text), `.pdf` and `.html`/`.htm`
 * (a page saved from a browser). Each turns a file into a {@link Capture}; everything after
 * (paragraph recovery) is shared and knows nothing of the format. The PDF and HTML readers pull
 * in PDF.js and a DOM: only the index build (Node) imports this module, never the Worker.
 */
import type { Capture } from '../capture.ts'
import { CorpusError, decodeSourceText } from '../corpus.ts'
import { readHtml } from './html.ts'
import { readPdf } from './pdf.ts'

/** The extensions the corpus folder takes, lower case, each with the format it is read as. */
export const SOURCE_EXTENSIONS = { '.txt': 'text', '.pdf': 'pdf', '.html': 'html', '.htm': 'html' } as const

/** An extension of {@link SOURCE_EXTENSIONS}. */
export type SourceExtension = keyof typeof SOURCE_EXTENSIONS

/**
 * The extension of a file name when it is one the corpus takes, else `undefined`.
 *
 * @example
 * sourceExtension('Report.PDF') // => '.pdf'
 * sourceExtension('notes.md') // => undefined
 */
export function sourceExtension(fileName: string): SourceExtension | undefined {
  const extension = /\.[^./\\]+$/.exec(fileName)?.[0].toLowerCase()
  return extension !== undefined && Object.hasOwn(SOURCE_EXTENSIONS, extension) ? (extension as SourceExtension) : undefined
}

/**
 * Reads one source file into a capture, by its extension.
 *
 * @param fileName - The file as the build names it (`corpus/a.pdf`): its extension picks the
 *   reader, and errors name it.
 * @param bytes - The file's content.
 * @throws {@link CorpusError} naming the file and the reason when it cannot be read (see each reader).
 */
export async function readCapture(fileName: string, bytes: Uint8Array): Promise<Capture> {
  const extension = sourceExtension(fileName)
  switch (extension === undefined ? undefined : SOURCE_EXTENSIONS[extension]) {
    case 'text':
      return readTextCapture(decodeSourceText(bytes, fileName))
    case 'pdf':
      return readPdf(bytes, fileName)
    case 'html':
      return readHtml(bytes, fileName)
    default:
      throw new CorpusError(fileName, `is not a format the corpus takes (${Object.keys(SOURCE_EXTENSIONS).join(', ')})`)
  }
}

/**
 * A text capture: pages at form feeds, lines at line breaks, no layout evidence.
 * (The shared text reader of the recovery work replaces this when the two are merged.)
 */
function readTextCapture(text: string): Capture {
  const pages = text.split('\f').map((page) => ({ lines: page.split(/\r\n|\r|\n/).map((line) => ({ text: line })) }))
  return { format: 'text', pages, facts: {}, skipped: [] }
}
