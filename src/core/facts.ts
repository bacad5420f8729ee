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

/** What a paragraph joined to another group keeps of its sources: nothing (only a group's root is read). */
const JOINED: Map<string, number> = new Map()

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
  const indexOf = new Map<string, number>()
  paragraphs.forEach((paragraph, index) => indexOf.set(paragraph.id, index))
  // The links both sides list, flat (link k joins `linkA[k]` and `linkB[k]` at `linkScore[k]`):
  // at a million paragraphs an object per link, and a map of sources per paragraph, were the
  // build's largest allocation after the related step's.
  const mutual = (visit: (a: number, b: number, score: number) => void) => {
    for (const [id, list] of related) {
      const a = indexOf.get(id)
      if (a === undefined) continue
      for (const { id: other, score } of list) {
        const b = indexOf.get(other)
        // Only links both sides list: a paragraph's weaker links may lead to another fact.
        if (b !== undefined && a < b && score >= minScore && related.get(other)?.some((r) => r.id === id)) visit(a, b, score)
      }
    }
  }
  let linkCount = 0
  mutual(() => linkCount++)
  const linkA = new Int32Array(linkCount)
  const linkB = new Int32Array(linkCount)
  const linkScore = new Float64Array(linkCount)
  let filled = 0
  mutual((a, b, score) => {
    linkA[filled] = a
    linkB[filled] = b
    linkScore[filled++] = score
  })
  const order = Int32Array.from({ length: linkCount }, (_, k) => k).sort((x, y) => linkScore[y]! - linkScore[x]! || linkA[x]! - linkA[y]! || linkB[x]! - linkB[y]!)

  const parent = Int32Array.from({ length: paragraphs.length }, (_, index) => index)
  // Each group's paragraphs per source, kept at its root; none kept for a paragraph on its own
  // (one paragraph of its own source: most paragraphs), and an empty one once joined to another.
  const perSource: (Map<string, number> | undefined)[] = new Array(paragraphs.length)
  const sourcesOf = (root: number): Map<string, number> => perSource[root] ?? new Map([[paragraphs[root]!.sourceId, 1]])
  const sourceCount = (root: number): number => perSource[root]?.size ?? 1
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!
      x = parent[x]!
    }
    return x
  }
  for (const k of order) {
    const [ra, rb] = [find(linkA[k]!), find(linkB[k]!)]
    if (ra === rb) continue
    const [large, small] = sourceCount(ra) >= sourceCount(rb) ? [ra, rb] : [rb, ra]
    const [largeSources, smallSources] = [sourcesOf(large), sourcesOf(small)]
    let fits = true
    for (const [source, count] of smallSources) {
      if ((largeSources.get(source) ?? 0) + count > MAX_PARAGRAPHS_PER_SOURCE) fits = false
    }
    if (!fits) continue
    for (const [source, count] of smallSources) largeSources.set(source, (largeSources.get(source) ?? 0) + count)
    perSource[large] = largeSources
    perSource[small] = JOINED
    parent[small] = large
  }

  const firstOfGroup = new Map<number, string>()
  const facts = new Map<string, string>()
  paragraphs.forEach((paragraph, index) => {
    const root = find(index)
    if (sourceCount(root) < 2) return
    if (!firstOfGroup.has(root)) firstOfGroup.set(root, `f${paragraph.id.replace(/^p/, '')}`)
    facts.set(paragraph.id, firstOfGroup.get(root)!)
  })
  return facts
}
