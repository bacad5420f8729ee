/**
 * @module
 * Paragraph F1: how well recovered paragraphs match the expected ones. A recovered paragraph
 * counts as found when an expected paragraph has the same kind and the same text once every run
 * of Unicode white space is one space (the comparison of `../shared/fixtures/captures/README.md`);
 * each expected paragraph can be found once.
 */

/** A paragraph as the comparison sees it. */
export type KindAndText = { kind: string; text: string }

/** Precision, recall and F1 of one comparison, with what was missed and what was extra. */
export type ParagraphScore = {
  precision: number
  recall: number
  f1: number
  /** Expected paragraphs not recovered. */
  missed: KindAndText[]
  /** Recovered paragraphs not expected. */
  extra: KindAndText[]
}

const collapse = (text: string): string => text.replace(/\s+/gu, ' ').trim()
const key = (paragraph: KindAndText): string => `${paragraph.kind}\u0000${collapse(paragraph.text)}`

/**
 * Scores recovered paragraphs against the expected ones (order does not count; repeats do).
 *
 * @example
 * paragraphF1([{ kind: 'body', text: 'A  b.' }], [{ kind: 'body', text: 'A b.' }, { kind: 'body', text: 'C.' }]).f1 // => 0.6666666666666666
 */
export function paragraphF1(recovered: readonly KindAndText[], expected: readonly KindAndText[]): ParagraphScore {
  const unmatched = new Map<string, KindAndText[]>()
  for (const paragraph of expected) {
    const list = unmatched.get(key(paragraph)) ?? []
    list.push(paragraph)
    unmatched.set(key(paragraph), list)
  }
  const extra: KindAndText[] = []
  let found = 0
  for (const paragraph of recovered) {
    const list = unmatched.get(key(paragraph))
    if (list && list.length > 0) {
      list.pop()
      found++
    } else extra.push({ kind: paragraph.kind, text: paragraph.text })
  }
  const missed = [...unmatched.values()].flat()
  const precision = recovered.length === 0 ? 0 : found / recovered.length
  const recall = expected.length === 0 ? 0 : found / expected.length
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1, missed, extra }
}
