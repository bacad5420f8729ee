/**
 * @module
 * A dictionary of words kept as one sorted array: exact look-up, prefix ranges and typo-tolerant
 * look-up (Levenshtein) by binary search, with nothing to build. A sorted array is an implicit
 * trie (the words that share a prefix are one range of it), so the fuzzy search walks that trie
 * as MiniSearch's `SearchableMap.fuzzyGet` walks its radix tree, pruning a branch once every
 * edit distance in its row of the Levenshtein matrix passes the maximum, and finds the same
 * words at the same distances. What it saves is the tree: building one for 50,000 words is tens
 * of milliseconds of an isolate's first request (the D1 engine's shell, the vocabulary).
 *
 * Words compare by UTF-16 code units (JavaScript's `<`), as the array must be sorted.
 */

/** A word and its distance from the word looked up. */
export type FuzzyMatch = { index: number; distance: number }

/** Fuzzy look-ups one dictionary remembers before it forgets them all (a simple bound on memory). */
const FUZZY_REMEMBERED = 1024

export class SortedWords {
  /** The words, sorted by code units, without repeats. */
  readonly words: readonly string[]

  /**
   * @param words - Words sorted by code units (`a < b`), each once.
   * @throws Error naming the first pair out of order.
   */
  constructor(words: readonly string[]) {
    for (let i = 1; i < words.length; i++) {
      if (!(words[i - 1]! < words[i]!)) throw new Error(`sorted words: "${words[i - 1]}" comes before "${words[i]}"`)
    }
    this.words = words
  }

  /** Index of the first word not less than `key`. */
  lowerBound(key: string, low = 0, high = this.words.length): number {
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.words[middle]! < key) low = middle + 1
      else high = middle
    }
    return low
  }

  /** The index of `word`, or -1. */
  indexOf(word: string): number {
    const at = this.lowerBound(word)
    return this.words[at] === word ? at : -1
  }

  /**
   * The words that start with `prefix`, in order.
   *
   * @example
   * new SortedWords(['pun', 'puti', 'putin', 'q']).withPrefix('put') // => ['puti', 'putin']
   */
  withPrefix(prefix: string): string[] {
    const out: string[] = []
    for (let i = this.lowerBound(prefix); i < this.words.length && this.words[i]!.startsWith(prefix); i++) out.push(this.words[i]!)
    return out
  }

  /**
   * The words at most `maxDistance` edits (Levenshtein: insertion, deletion, substitution of a
   * code unit) from `query`, in order, with their distances. Remembered: the same look-up comes
   * back within a request (the query layer runs again once its data is fetched) and across
   * requests (words repeat); the answer is shared, so it must not be changed.
   *
   * @example
   * new SortedWords(['macro', 'macron', 'micron', 'putin']).fuzzy('macron', 1) // => [{ index: 0, distance: 1 }, { index: 1, distance: 0 }, { index: 2, distance: 1 }]
   */
  fuzzy(query: string, maxDistance: number): readonly FuzzyMatch[] {
    const key = `${maxDistance} ${query}`
    let found = this.#fuzzyFound.get(key)
    if (!found) {
      found = Object.freeze(this.#findFuzzy(query, maxDistance).map((match) => Object.freeze(match)))
      if (this.#fuzzyFound.size >= FUZZY_REMEMBERED) this.#fuzzyFound.clear()
      this.#fuzzyFound.set(key, found)
    }
    return found
  }

  /** Look-ups remembered by {@link SortedWords.fuzzy}. */
  readonly #fuzzyFound = new Map<string, readonly FuzzyMatch[]>()

  #findFuzzy(query: string, maxDistance: number): FuzzyMatch[] {
    const results: FuzzyMatch[] = []
    const n = query.length + 1
    const words = this.words
    // One row of the matrix per depth of the walk: row d is the word's first d code units against
    // the query. Only the cells within `maxDistance` of the diagonal are computed (a cell farther
    // off is more than `maxDistance` whatever the letters); the others hold `far`, which is more
    // than `maxDistance` too, so every cell within it comes out exact and the pruning is the same.
    const far = maxDistance + 1
    const rows: Uint16Array[] = [Uint16Array.from({ length: n }, (_, j) => Math.min(j, far))]
    const walk = (low: number, high: number, depth: number) => {
      const row = rows[depth]!
      // The word that is the prefix itself comes first in its range.
      if (words[low]!.length === depth) {
        if (row[n - 1]! <= maxDistance) results.push({ index: low, distance: row[n - 1]! })
        low++
      }
      const next = (rows[depth + 1] ??= new Uint16Array(n).fill(far))
      // The band of row depth + 1.
      const first = Math.max(1, depth + 1 - maxDistance)
      const last = Math.min(n - 1, depth + 1 + maxDistance)
      if (first === 1) next[0] = Math.min(depth + 1, far)
      while (low < high) {
        const code = words[low]!.charCodeAt(depth)
        // The end of the range whose code unit at `depth` is `code`: galloping from its start
        // (most ranges are short), then a binary search.
        let step = 1
        while (low + step < high && words[low + step]!.charCodeAt(depth) <= code) step *= 2
        let a = low + (step >>> 1) + 1
        let b = Math.min(low + step, high)
        while (a < b) {
          const middle = (a + b) >>> 1
          if (words[middle]!.charCodeAt(depth) <= code) a = middle + 1
          else b = middle
        }
        let least = first === 1 ? next[0]! : far
        for (let j = first; j <= last; j++) {
          const cost = row[j - 1]! + (query.charCodeAt(j - 1) === code ? 0 : 1)
          const up = row[j]! + 1
          const left = next[j - 1]! + 1
          const value = cost < up ? (cost < left ? cost : left) : up < left ? up : left
          next[j] = value < far ? value : far
          if (value < least) least = value
        }
        if (least <= maxDistance) walk(low, a, depth + 1)
        low = a
      }
    }
    if (words.length > 0) walk(0, words.length, 0)
    return results
  }
}
