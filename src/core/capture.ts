/**
 * @module
 * The one shape every format reader gives paragraph recovery: a capture is pages of lines, each
 * line with what its reader knows of the layout. Readers (`src/core/readers/`: text, PDF, HTML)
 * are thin and format-specific; every stage after them (furniture, paragraphs, joins across
 * breaks, duplicates, kinds) is shared and knows nothing of the format.
 */

/** The format a capture was read from. */
export type CaptureFormat = 'text' | 'pdf' | 'html'

/**
 * What the reader's own evidence says a line is. Only readers that know structure set it (HTML
 * from its elements; PDF where the layout proves it); text captures leave it unset and recovery
 * decides from the text alone.
 */
export type LineRole = 'heading' | 'caption' | 'list-item' | 'body' | 'credit' | 'byline' | 'dateline' | 'furniture'

/** One line of a capture as its reader found it. */
export type CaptureLine = {
  /** The line's text, without its line break. `''` is a blank line (a paragraph break's evidence). */
  text: string
  /** Set when the reader knows the line ends a paragraph (HTML block end, U+2029). */
  paragraphEnd?: boolean
  /** What the reader's structure says the line is, when it knows. */
  role?: LineRole
  /** PDF layout: font size of the line's main run, in points. */
  fontSize?: number
  /** PDF layout: left edge of the line, in points from the page's left edge. */
  x?: number
  /** PDF layout: baseline of the line, in points from the page's top edge. */
  y?: number
  /** PDF layout: the line's width, in points. */
  width?: number
  /** PDF layout: whether the line's main run is in a bold face. */
  bold?: boolean
}

/** One page of a capture (a text capture without page breaks is one page). */
export type CapturePage = {
  lines: CaptureLine[]
  /** PDF layout: page width and height in points. */
  width?: number
  height?: number
}

/** Facts the file itself states about the document (HTML `<meta>`, PDF info), each optional. */
export type CaptureFacts = {
  title?: string
  author?: string
  published?: string
  publisher?: string
  url?: string
}

/** A source file as a reader gives it to paragraph recovery. */
export type Capture = {
  format: CaptureFormat
  pages: CapturePage[]
  /** What the file states about itself; metadata from `sources.json` still wins. */
  facts: CaptureFacts
  /** What the reader could not read and skipped (for the build report), each a short sentence. */
  skipped: string[]
}
