/**
 * @module
 * Facts: groups of paragraphs of different sources that report one thing, built at index time
 * from the related-paragraph links (`related.ts`) that both paragraphs list. The strongest links join first (single
 * linkage, as a union-find over the links sorted by score), and a link never joins two groups
 * whose union would hold more than {@link MAX_PARAGRAPHS_PER_SOURCE} paragraphs of one source, so
 * chains of loosely related paragraphs do not grow into one group about everything. Near-linear:
 * at most `limit` links per paragraph, sorted once.
 */
import type { RelatedParagraph } from './related.ts'
import type { Paragraph } from './types.ts'

/** Most paragraphs one source may have in one fact: a source may state a fact twice, not five times. */
export const MAX_PARAGRAPHS_PER_SOURCE = 2

/** Options of {@link groupFacts}. */
export type FactOptions = {
  /** Links scoring below this join nothing. Default 0.2. */
  minScore?: number
}

const DEFAULTS = { minScore: 0.2 } satisfies Required<FactOptions>

/**
 * Groups paragraphs into facts.
 *
 * @param paragraphs - All paragraphs of the corpus.
 * @param related - Each paragraph's related paragraphs of other sources (`findRelated`).
 * @param options - See {@link FactOptions}.
 * @returns The fact id of each paragraph that shares a fact with another source (paragraphs
 *   reported by one source only have none). A fact's id is `f` and the id of its first paragraph
 *   in corpus order without its `p`, so it is stable while its paragraphs are.
 *
 * @example
 * groupFacts(paragraphs, new Map([['pa', [{ id: 'pb', score: 0.4 }]]])) // => Map { 'pa' => 'fa', 'pb' => 'fa' }
 */
export function groupFacts(paragraphs: readonly Paragraph[], related: ReadonlyMap<string, readonly RelatedParagraph[]>, options: FactOptions = {}): Map<string, string> {
  const { minScore } = { ...DEFAULTS, ...options }
  const indexOf = new Map(paragraphs.map((paragraph, index) => [paragraph.id, index]))
  const links: { a: number; b: number; score: number }[] = []
  for (const [id, list] of related) {
    const a = indexOf.get(id)
    if (a === undefined) continue
    for (const { id: other, score } of list) {
      const b = indexOf.get(other)
      // Only links both sides list: a paragraph's weaker links may lead to another fact.
      if (b !== undefined && a < b && score >= minScore && related.get(other)?.some((r) => r.id === id)) links.push({ a, b, score })
    }
  }
  links.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b)

  const parent = paragraphs.map((_, index) => index)
  const perSource: Map<string, number>[] = paragraphs.map((paragraph) => new Map([[paragraph.sourceId, 1]]))
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!
      x = parent[x]!
    }
    return x
  }
  for (const { a, b } of links) {
    const [ra, rb] = [find(a), find(b)]
    if (ra === rb) continue
    const [large, small] = perSource[ra]!.size >= perSource[rb]!.size ? [ra, rb] : [rb, ra]
    let fits = true
    for (const [source, count] of perSource[small]!) {
      if ((perSource[large]!.get(source) ?? 0) + count > MAX_PARAGRAPHS_PER_SOURCE) fits = false
    }
    if (!fits) continue
    for (const [source, count] of perSource[small]!) perSource[large]!.set(source, (perSource[large]!.get(source) ?? 0) + count)
    perSource[small] = new Map()
    parent[small] = large
  }

  const firstOfGroup = new Map<number, string>()
  const facts = new Map<string, string>()
  paragraphs.forEach((paragraph, index) => {
    const root = find(index)
    if (perSource[root]!.size < 2) return
    if (!firstOfGroup.has(root)) firstOfGroup.set(root, `f${paragraph.id.replace(/^p/, '')}`)
    facts.set(paragraph.id, firstOfGroup.get(root)!)
  })
  return facts
}
