/**
 * @module
 * A paragraph in context: its neighbours in its source, for "show in context", and the
 * paragraphs of other sources that report the same thing, for "also reported by".
 */
import { publicSource, type LoadedIndex } from './loaded-index.ts'
import type { Paragraph, SourceMetadata } from './types.ts'

/** A paragraph as the API shows it. */
export type ParagraphView = Pick<Paragraph, 'id' | 'kind' | 'section' | 'position' | 'text'>

/** A paragraph of another source, how close it is, and its source. */
export type RelatedView = ParagraphView & { score: number; source: SourceMetadata }

/** The answer for one paragraph. */
export type ParagraphContext = {
  paragraph: ParagraphView
  source: SourceMetadata
  /** Up to `context` paragraphs before it, in document order. */
  before: ParagraphView[]
  /** Up to `context` paragraphs after it, in document order. */
  after: ParagraphView[]
  /** Paragraphs of other sources reporting the same thing, best first; empty when none is close. */
  related: RelatedView[]
  /** The fact it reports with other sources (`/compare#fact-<id>`), or `null`. */
  fact: string | null
}

/**
 * Looks up a paragraph with its neighbours and related paragraphs.
 *
 * @param index - The loaded index.
 * @param id - The paragraph id.
 * @param context - How many neighbours on each side.
 * @returns The context, or `undefined` for an unknown id.
 */
export function paragraphContext(index: LoadedIndex, id: string, context: number): ParagraphContext | undefined {
  const stored = index.paragraph(id)
  if (!stored) return undefined
  const source = index.sources.get(stored.sourceId)!
  const view = (paragraphId: string): ParagraphView => {
    const { kind, section, position, text } = index.paragraph(paragraphId)!
    return { id: paragraphId, kind, section, position, text }
  }
  return {
    paragraph: view(id),
    source: publicSource(source),
    before: index.paragraphIds(source.id, stored.position - context, stored.position).map(view),
    after: index.paragraphIds(source.id, stored.position + 1, stored.position + 1 + context).map(view),
    related: stored.related.map(({ id: relatedId, score }) => ({
      ...view(relatedId),
      score,
      source: publicSource(index.sources.get(index.paragraph(relatedId)!.sourceId)!),
    })),
    fact: stored.fact,
  }
}
