/**
 * @module
 * Puts headings where they belong and gives every paragraph its section. When one printing lost a
 * heading (it fell into a page break), its first appearance comes after the paragraph it
 * introduces; the other printing shows which paragraph that is.
 */
import type { Deduplicated } from './duplicates.ts'

/**
 * The order of the kept units: first appearance, except that a heading moves back to right before
 * the earliest paragraph any of its appearances introduces.
 */
export function placeHeadings({ kept, keptIndexOf }: Deduplicated): number[] {
  const introduces = new Map<number, number[]>()
  keptIndexOf.forEach((keptIndex, occurrence) => {
    if (kept[keptIndex]!.kind !== 'heading') return
    const following = keptIndexOf[occurrence + 1]
    if (following === undefined || following === keptIndex) return
    const list = introduces.get(keptIndex)
    if (list) list.push(following)
    else introduces.set(keptIndex, [following])
  })
  const order = kept.map((_, index) => index)
  for (const [heading, anchors] of introduces) {
    let anchorAt = Number.POSITIVE_INFINITY
    for (const anchor of anchors) anchorAt = Math.min(anchorAt, order.indexOf(anchor))
    const headingAt = order.indexOf(heading)
    if (anchorAt > headingAt) continue
    order.splice(headingAt, 1)
    order.splice(anchorAt, 0, heading)
  }
  return order
}
