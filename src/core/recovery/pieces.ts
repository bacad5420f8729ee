/**
 * @module
 * The unit every recovery stage works on: a piece of a capture's line, cleaned, with the layout
 * evidence its reader gave and what the stages have found it to be. Furniture stages mark pieces;
 * assembly groups the rest into paragraphs. Every piece remembers its source line, so the fate of
 * each line can be told (`--explain`).
 */
import type { Capture, LineRole } from '../capture.ts'
import { cleanLine } from './clean-line.ts'
import { splitCreditAndCaption } from './web-furniture.ts'

/** Why a line was dropped: which kind of furniture it is. */
export type FurnitureKind =
  | 'title'
  | 'page-number'
  | 'print-header'
  | 'url'
  | 'running-header'
  | 'byline'
  | 'dateline'
  | 'credit'
  | 'advertisement'
  | 'share'
  | 'read-more'
  | 'related'
  | 'topics'
  | 'navigation'
  | 'chrome'
  | 'pull-quote'
  | 'reader'

/** Every {@link FurnitureKind}, in the order reports list them. */
export const FURNITURE_KINDS: readonly FurnitureKind[] = [
  'title', 'page-number', 'print-header', 'url', 'running-header', 'byline', 'dateline', 'credit', 'advertisement',
  'share', 'read-more', 'related', 'topics', 'navigation', 'chrome', 'pull-quote', 'reader',
]

/** Furniture that sits at a page's edge: a paragraph may go on across it. */
export const PAGE_EDGE_KINDS: ReadonlySet<FurnitureKind> = new Set(['page-number', 'print-header', 'url', 'running-header', 'title'])

/** One line of the capture as read, for the fate trail. */
export type SourceLine = {
  /** 0-based page of the capture. */
  page: number
  /** The line as the reader gave it. */
  text: string
}

/** A cleaned piece of one source line. */
export type Piece = {
  /** Index of its source line in {@link SourceLine}s. */
  line: number
  /** 0-based page of the capture it is on. */
  page: number
  /** Cleaned text (never empty). */
  text: string
  /** The line ended in a soft hyphen. */
  softHyphenEnd: boolean
  /** Indentation in characters: the raw line's leading white space, or a PDF line's left edge. */
  indent: number
  /** A blank line stood between this piece and the one before. */
  blankBefore: boolean
  /** The reader says a paragraph ends after this piece. */
  paragraphEnd: boolean
  /** What the reader's structure says the line is. */
  role?: LineRole
  /** PDF layout: font size in points. */
  fontSize?: number
  /** Furniture found by a stage; `null` while the piece may be text. */
  furniture: FurnitureKind | null
  /** A line of the headline as the article prints it (not a page header's title). */
  headline?: true
}

/** Points per character of indentation, for PDF lines' left edges. */
const POINTS_PER_CHARACTER = 5

/**
 * Flattens a capture into source lines and cleaned pieces. A line holding a credit and a caption
 * (`Image copyright AFP Image caption X`, `X. Photograph: Y`) gives two pieces; a blank line
 * gives none but marks the next piece.
 */
export function readPieces(capture: Capture): { lines: SourceLine[]; pieces: Piece[] } {
  const lines: SourceLine[] = []
  const pieces: Piece[] = []
  let blank = false
  capture.pages.forEach((page, pageIndex) => {
    for (const captured of page.lines) {
      const line = lines.length
      lines.push({ page: pageIndex, text: captured.text })
      const clean = cleanLine(captured.text)
      if (clean.text === '') {
        blank = true
        if (captured.paragraphEnd && pieces.length > 0) pieces[pieces.length - 1]!.paragraphEnd = true
        continue
      }
      const parts = captured.role ? [clean.text] : splitCreditAndCaption(clean.text)
      parts.forEach((text, i) => {
        const last = i === parts.length - 1
        const piece: Piece = {
          line,
          page: pageIndex,
          text,
          softHyphenEnd: last && clean.softHyphenEnd,
          // PDF: the left edge in points, as characters of a 10 pt face; text: leading white space.
          indent: captured.x !== undefined ? Math.round(captured.x / POINTS_PER_CHARACTER) : clean.indent,
          blankBefore: blank,
          paragraphEnd: last ? captured.paragraphEnd === true : true,
          furniture: null,
        }
        if (captured.role) piece.role = captured.role
        if (captured.fontSize !== undefined) piece.fontSize = captured.fontSize
        pieces.push(piece)
        blank = false
      })
    }
    // A page's end is the end of a line: the next page's first piece is not glued to it here.
    blank = false
  })
  return { lines, pieces }
}
