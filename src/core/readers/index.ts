/**
 * @module
 * One entry point from a source file to a {@link Capture}: picks the reader by the file's
 * extension. Every reader is thin and format-specific; recovery after it is shared.
 */
import type { Capture } from '../capture.ts'
import { CorpusError, decodeSourceText } from '../corpus.ts'
import { readTextCapture } from './text.ts'

/** File extensions (lower case, with the dot) that {@link readCapture} reads. */
export const CAPTURE_EXTENSIONS: readonly string[] = ['.txt']

/**
 * Reads one source file into a capture.
 *
 * @param fileName - The file's path or name, as named in error messages; its extension picks the
 *   reader (case-insensitive).
 * @param bytes - The file's content.
 * @returns The capture, for `recoverParagraphs`.
 * @throws {@link CorpusError} naming the file when its extension has no reader, or when its reader
 *   cannot read it (for text: empty, binary, not UTF-8).
 *
 * @example
 * readCapture('corpus/a.txt', new TextEncoder().encode('Title\nText.')).pages[0]!.lines.length // => 2
 */
export function readCapture(fileName: string, bytes: Uint8Array): Capture {
  const extension = /\.[^./\\]+$/.exec(fileName)?.[0]?.toLowerCase() ?? ''
  switch (extension) {
    case '.txt':
      return readTextCapture(decodeSourceText(bytes, fileName))
    default:
      throw new CorpusError(fileName, `has no reader for its format (${extension || 'no extension'}); readable: ${CAPTURE_EXTENSIONS.join(', ')}`)
  }
}
