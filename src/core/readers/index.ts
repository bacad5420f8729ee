/**
 * @module
 * One entry point from a source file to a {@link Capture}: picks the reader by the file's
 * extension, `.txt` (text), `.pdf` and `.html`/`.htm` (a page saved from a browser). Every reader
 * is thin and format-specific; recovery after it is shared and knows nothing of the format. The
 * PDF and HTML readers pull in PDF.js and a DOM: only the index build (Node) imports this module,
 * never the Worker.
 */
import type { Capture, CaptureFormat } from '../capture.ts'
import { CorpusError, decodeSourceText } from '../corpus.ts'
import { readHtml } from './html.ts'
import { readPdf } from './pdf.ts'
import { readTextCapture } from './text.ts'

/** The extensions the corpus takes (lower case, with the dot), each with the format it is read as. */
export const SOURCE_EXTENSIONS = { '.txt': 'text', '.pdf': 'pdf', '.html': 'html', '.htm': 'html' } as const satisfies Record<string, CaptureFormat>

/** An extension of {@link SOURCE_EXTENSIONS}. */
export type SourceExtension = keyof typeof SOURCE_EXTENSIONS

/** File extensions (lower case, with the dot) that {@link readCapture} reads. */
export const CAPTURE_EXTENSIONS: readonly string[] = Object.keys(SOURCE_EXTENSIONS)

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
 * Reads one source file into a capture.
 *
 * @param fileName - The file's path or name, as named in error messages; its extension picks the
 *   reader (case-insensitive).
 * @param bytes - The file's content.
 * @returns The capture, for `recoverParagraphs`.
 * @throws {@link CorpusError} naming the file when its extension has no reader, or when its reader
 *   cannot read it (text: empty, binary, not UTF-8 or UTF-16; PDF: no text layer, encrypted,
 *   damaged; HTML: no article; see each reader).
 *
 * @example
 * (await readCapture('corpus/a.txt', new TextEncoder().encode('Title\nText.'))).pages[0]!.lines.length // => 2
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
    default: {
      const found = /\.[^./\\]+$/.exec(fileName)?.[0] ?? ''
      throw new CorpusError(fileName, `has no reader for its format (${found || 'no extension'}); readable: ${CAPTURE_EXTENSIONS.join(', ')}`)
    }
  }
}
