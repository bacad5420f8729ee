/**
 * @module
 * The order of MiniSearch's serialised index terms (`index.json`'s `index`), computed from the
 * sorted terms and the order MiniSearch first met them, without its radix tree: what the D1 build
 * keeps as each term's `TermOrder` (`columnar-search.ts`) when it builds no MiniSearch index.
 *
 * MiniSearch's `SearchableMap` keeps a node's entries in a `Map`, in the order they were set:
 * - a node is made when the terms met so far first branch at its prefix (two of them differ in
 *   the next code unit, or one of them ends there); a term met first makes its own leaf node;
 * - a node made by splitting an edge holds the edge's old node first, then the new branch (or
 *   the term ending there, its leaf entry);
 * - a branch made later, a leaf entry set later, or an edge split later (its new node replaces
 *   the edge, set again) goes last.
 * So a node's entries follow the time each was set: a child node's when it was made, the old
 * node's first of all, the leaf entry's when its term was met. The serialisation
 * (`TreeIterator`) walks every node's entries last first, depth first; and an index loaded from
 * it is built in that order, so its `fuzzyGet` walks the terms in that same order.
 */
import { ParagraphPostings, type IndexingOptions } from './paragraph-postings.ts'
import type { SortedWords } from './sorted-words.ts'

/**
 * When MiniSearch's `addAll` first meets each index term of these documents: document by
 * document, field by field in `options.fields`' order, term by term, as `MiniSearch.add` reads
 * them (a field with no value skipped, a falsy processed term dropped): the order
 * `ParagraphPostings` keeps its terms in.
 *
 * @param documents - The documents, in the order they are added (short-id order).
 * @param options - The options the index is built with (`MINISEARCH_OPTIONS`).
 * @returns Each term and the count of terms met before it.
 * @example
 * termsMet([{ id: 1, text: 'b a b' }], { fields: ['text'], extractField: (d, f) => d[f], tokenize: (t) => t.split(' '), processTerm: (t) => t }) // => Map { 'b' => 0, 'a' => 1 }
 */
export function termsMet<T>(documents: Iterable<T>, options: IndexingOptions<T>): Map<string, number> {
  const index = new ParagraphPostings(options)
  for (const document of documents) index.add(document)
  return new Map(index.terms().map((term, rank) => [term, rank]))
}

/**
 * Each term's place in MiniSearch's serialised index of terms, by its index in `terms`.
 *
 * @param terms - Every index term, sorted.
 * @param firstMet - When MiniSearch first met each term, by its index in `terms` (any increasing
 *   count, each term's distinct): the order `addAll` adds them in, document by document in
 *   short-id order, field by field in the options' order, term by term in the field's order.
 * @returns The place of each term (0 first), by its index in `terms`.
 * @example
 * // "ab", then "aa", then "a" met: "a" is made last under the root's "a" node, so listed first.
 * miniSearchTermOrder(new SortedWords(['a', 'aa', 'ab']), [2, 1, 0]) // => Uint32Array [0, 2, 1]
 */
export function miniSearchTermOrder(terms: SortedWords, firstMet: ArrayLike<number>): Uint32Array {
  const words = terms.words
  const places = new Uint32Array(words.length)
  let next = 0
  /**
   * The terms of `words[low, high)` (all sharing their first `depth` code units), listed in the
   * serialisation's order into `out`; returns when the first was met and when their node was
   * made (for a range with one term, its leaf node).
   */
  const walk = (low: number, high: number, depth: number, out: number[]): { met: number; made: number } => {
    // The range's node is at its terms' longest common prefix (the first and last sorted terms').
    const first = words[low]!
    const last = words[high - 1]!
    let at = depth
    while (at < first.length && at < last.length && first.charCodeAt(at) === last.charCodeAt(at)) at++
    // The node's entries: its own term (if it ends here), then a child per next code unit.
    type Entry = { terms: number[]; met: number; made: number }
    const entries: Entry[] = []
    let i = low
    if (first.length === at) {
      entries.push({ terms: [low], met: firstMet[low]!, made: firstMet[low]! })
      i++
    }
    while (i < high) {
      const code = words[i]!.charCodeAt(at)
      let end = i + 1
      while (end < high && words[end]!.charCodeAt(at) === code) end++
      const child: number[] = []
      entries.push({ terms: child, ...walk(i, end, at + 1, child) })
      i = end
    }
    // Made when the second entry was first met, or when its own term was met first.
    const byMet = entries.map((entry) => entry.met).sort((a, b) => a - b)
    const own = first.length === at ? firstMet[low]! : undefined
    const made = entries.length === 1 || own === byMet[0] ? byMet[0]! : byMet[1]!
    // Set in the node's map: a child made before the node was its first entry; the rest as made.
    const setAt = (entry: Entry) => (entry.made < made ? -Infinity : entry.made)
    entries.sort((a, b) => setAt(b) - setAt(a))
    for (const entry of entries) for (const term of entry.terms) out.push(term)
    return { met: byMet[0]!, made }
  }
  if (words.length > 0) {
    // The root is made before any term, but the walk need not know: the one child it could put
    // first as made before its node is the one met first, which was set first in the root too.
    const order: number[] = []
    walk(0, words.length, 0, order)
    for (const term of order) places[term] = next++
  }
  return places
}
