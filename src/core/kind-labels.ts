/**
 * @module
 * The badge a paragraph of each kind carries wherever it is shown (widget results, context,
 * related paragraphs, the reader view): one wording everywhere.
 */

const LABELS: Readonly<Record<string, string>> = { caption: 'Caption', heading: 'Heading', comment: 'Editorial comment', 'list-item': 'List item' }

/**
 * The badge of a paragraph kind; empty for body text (and any kind with no badge).
 *
 * @example
 * kindLabel('comment') // => 'Editorial comment'
 * kindLabel('body') // => ''
 */
export function kindLabel(kind: string): string {
  return LABELS[kind] ?? ''
}
