/**
 * @module
 * The data the index is made of: sources and their paragraphs.
 */

/**
 * What a paragraph is: article text, a photo or video caption, a section heading, an editorial
 * comment, or an entry of a list.
 */
export type ParagraphKind = 'body' | 'caption' | 'heading' | 'comment' | 'list-item'

/** Every {@link ParagraphKind}, in the order facets list them. */
export const PARAGRAPH_KINDS: readonly ParagraphKind[] = ['body', 'caption', 'heading', 'comment', 'list-item']

/** A paragraph as recovered from one document, before it is given an id. */
export type RecoveredParagraph = {
  /** What the paragraph is. */
  kind: ParagraphKind
  /** The heading of the section the paragraph belongs to; `null` before the first heading. */
  section: string | null
  /** The paragraph as plain text. */
  text: string
}

/** A paragraph of the index. */
export type Paragraph = RecoveredParagraph & {
  /** Stable id: the same on every rebuild of an unchanged source. */
  id: string
  /** Id of the source the paragraph comes from. */
  sourceId: string
  /** 0-based position in the source's document order. */
  position: number
}

/** What is known about a source document. Every field but `id` may be empty. */
export type SourceMetadata = {
  /** Slug naming the source in URLs and filters. */
  id: string
  /** Headline of the article. */
  title: string
  /** Outlet that published it. */
  publisher: string
  /** Who wrote it (a byline's names), as the metadata or the capture says. */
  author: string
  /** Publication date (ISO 8601, `YYYY-MM-DD` or a full timestamp). */
  published: string
  /** Address of the original article. */
  url: string
}

/** A source of the index: its metadata and what recovery learned about it. */
export type Source = SourceMetadata & {
  /** Topic tags the document lists (`Related Topics`). */
  topics: string[]
  /** Number of paragraphs recovered from it. */
  paragraphs: number
}
