/**
 * @module
 * Opinion never outranks a report of the same fact: a ranked list is reordered so that each
 * comment comes after the last report (any other kind) of its fact in that list. Everything else
 * keeps its order. Used by the search; the related lists are ordered so at build time.
 */

/**
 * Moves each comment just after the last report of its fact that follows it.
 *
 * @param ranked - Items best first.
 * @param isComment - Whether an item is a comment.
 * @param factOf - An item's fact id, or `null` (an item with no fact is never moved).
 * @returns The items, reordered; a new array.
 *
 * @example
 * commentsAfterReports([c1, r1, r2], …) // => [r1, c1, r2] when c1 and r1 report one fact, r2 another
 */
export function commentsAfterReports<T>(ranked: readonly T[], isComment: (item: T) => boolean, factOf: (item: T) => string | null): T[] {
  const lastReport = new Map<string, number>()
  ranked.forEach((item, i) => {
    const fact = factOf(item)
    if (fact !== null && !isComment(item)) lastReport.set(fact, i)
  })
  const waiting = new Map<string, T[]>()
  const out: T[] = []
  ranked.forEach((item, i) => {
    const fact = factOf(item)
    if (fact !== null && isComment(item) && (lastReport.get(fact) ?? -1) > i) {
      waiting.set(fact, [...(waiting.get(fact) ?? []), item])
      return
    }
    out.push(item)
    if (fact !== null && lastReport.get(fact) === i) out.push(...(waiting.get(fact) ?? []))
  })
  return out
}
