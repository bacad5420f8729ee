/**
 * @module
 * The text reader: a `.txt` capture (already decoded, see `corpus.ts`) as a {@link Capture}. A text
 * file carries only three kinds of layout evidence, and this reader keeps all of them: form feeds
 * (pages, as `pdftotext` writes them), blank lines, and the Unicode line and paragraph separators.
 * Everything else is decided by recovery from the text itself.
 */
import type { Capture, CaptureLine, CapturePage } from '../capture.ts'

const FORM_FEED = '\f'
const LINE_SEPARATOR = '\u2028'
const PARAGRAPH_SEPARATOR = '\u2029'

/**
 * Reads a text capture into pages of lines.
 *
 * - `\f` (form feed) ends a page; a trailing form feed opens no empty page.
 * - `\r\n`, `\r`, `\n`, U+2028 (LINE SEPARATOR), U+0085 (NEXT LINE, the line end
 *   of EBCDIC systems) and `\v` (vertical tab, a word processor's manual line break) end a line.
 * - U+2029 (PARAGRAPH SEPARATOR) ends a line that ends a paragraph (`paragraphEnd`).
 * - Blank lines are kept as `''` lines: they are the evidence of blank-line paragraph style.
 *
 * Line text keeps its characters and leading white space (indentation is evidence too); only the
 * line ends are taken off.
 *
 * @param text - The decoded text of the file.
 * @returns A capture of format `text`, with no facts and nothing skipped.
 *
 * @example
 * readTextCapture('Title\nOne.\u2029Two.\fThree.').pages.map((page) => page.lines)
 * // => [[{ text: 'Title' }, { text: 'One.', paragraphEnd: true }, { text: 'Two.' }], [{ text: 'Three.' }]]
 */
export function readTextCapture(text: string): Capture {
  const pageTexts = text.split(FORM_FEED)
  if (pageTexts.length > 1 && pageTexts[pageTexts.length - 1]!.trim() === '') pageTexts.pop()
  const pages = pageTexts.map((pageText): CapturePage => ({ lines: readLines(pageText) }))
  return { format: 'text', pages, facts: {}, skipped: [] }
}

function readLines(pageText: string): CaptureLine[] {
  const lines: CaptureLine[] = []
  const physical = pageText.split(/\r\n|\r|\n|\u0085|\v/)
  // A page's text ends with the line break of its last line: that opens no line.
  if (physical.length > 1 && physical[physical.length - 1] === '') physical.pop()
  for (const line of physical) {
    const paragraphs = line.split(PARAGRAPH_SEPARATOR)
    paragraphs.forEach((paragraph, p) => {
      const parts = paragraph.split(LINE_SEPARATOR)
      parts.forEach((part, i) => {
        const endsParagraph = p < paragraphs.length - 1 && i === parts.length - 1
        lines.push(endsParagraph ? { text: part, paragraphEnd: true } : { text: part })
      })
    })
  }
  return lines
}
