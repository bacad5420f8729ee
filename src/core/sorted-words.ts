/**
 * @module
 * A dictionary of words kept as one sorted array: exact look-up and prefix ranges by binary
 * search, typo-tolerant look-up (Levenshtein) in one pass, with nothing to build at load. A sorted
 * array is an implicit trie (the words that share a prefix are one range of it), so the fuzzy
 * search walks that trie in order, as MiniSearch's `SearchableMap.fuzzyGet` walks its radix tree:
 * word after word, it keeps the rows of the Levenshtein matrix for the prefix a word shares with
 * the one before (their longest common prefix, kept per word once the first look-up needs it),
 * and once every edit distance in a prefix's row passes the maximum it skips the range of words
 * sharing that prefix; so it finds the same words at the same distances. What it saves is the
 * tree: building one for 50,000 words is tens of milliseconds of an isolate's first request (the
 * D1 engine's shell, the vocabulary).
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

  /**
   * Each word's longest common prefix with the word before, in code units (0 for the first):
   * where the walk of {@link SortedWords.fuzzy} picks up from the word before. Made at the first
   * fuzzy look-up (1.5 to 4 ms for 50,000 words), not at load.
   */
  #commonPrefixes: Uint16Array | undefined

  /**
   * For each word, the first word after it whose common prefix with the word before it is shorter
   * than its own (the next smaller value of {@link SortedWords.#commonPrefixes}; the count of words
   * when there is none): the words between share at least as long a prefix, so a skip of the range
   * of a pruned prefix jumps over them at once. Made with the common prefixes.
   */
  #nextShorter: Uint32Array | undefined

  /** Each word's length in code units, at most 255 (longer words are longer than any query allows): read without touching the strings. */
  #lengths: Uint8Array | undefined

  #findFuzzy(query: string, maxDistance: number): FuzzyMatch[] {
    const results: FuzzyMatch[] = []
    const n = query.length + 1
    const words = this.words
    const common = (this.#commonPrefixes ??= commonPrefixes(words))
    const nextShorter = (this.#nextShorter ??= nextSmaller(common))
    const lengths = (this.#lengths ??= Uint8Array.from(words, (word) => Math.min(word.length, 255)))
    const count = words.length
    // One row of the matrix per depth: row d is the current word's first d code units against the
    // query, kept for the next word as far as the two share a prefix. Only the cells within
    // `maxDistance` of the diagonal are computed (a cell farther off is more than `maxDistance`
    // whatever the letters); the others hold `far`, which is more than `maxDistance` too, so every
    // cell within it comes out exact and the pruning is the same.
    const far = maxDistance + 1
    // A word longer or shorter than the query by more than `maxDistance` is farther than that
    // whatever its letters: its own rows are not computed.
    const shortest = query.length - maxDistance
    const longest = query.length + maxDistance
    // The rows, one after another in one array (row r from r * n): no word computed is longer than `longest`.
    const matrix = new Uint16Array((longest + 1) * n).fill(far)
    for (let j = 0; j < n; j++) matrix[j] = j < far ? j : far
    const codes = new Uint16Array(n)
    for (let j = 1; j < n; j++) codes[j] = query.charCodeAt(j - 1)
    // Rows 0 to `computed` hold the last word's prefix.
    let computed = 0
    for (let i = 0; i < count; ) {
      // The rows of the prefix shared with the word before are there (never more than were
      // computed; after words skipped by length, the prefix shared with the last one computed).
      const shared = common[i]!
      if (shared < computed) computed = shared
      const length = lengths[i]!
      if (length < shortest || length > longest) {
        i++
        continue
      }
      const word = words[i]!
      // A word past 255 code units has its true length here (the lengths array stops at 255).
      if (word.length > longest) {
        i++
        continue
      }
      let depth = computed
      let pruned = false
      while (depth < word.length) {
        const row = depth * n
        const next = row + n
        const code = word.charCodeAt(depth)
        // The band of row depth + 1.
        const low = depth + 1 - maxDistance
        const first = low > 1 ? low : 1
        const high = depth + 1 + maxDistance
        const last = high < n - 1 ? high : n - 1
        let least = far
        if (first === 1) least = matrix[next] = depth + 1 < far ? depth + 1 : far
        for (let j = first; j <= last; j++) {
          const cost = matrix[row + j - 1]! + (codes[j] === code ? 0 : 1)
          const up = matrix[row + j]! + 1
          const left = matrix[next + j - 1]! + 1
          let value = cost < up ? (cost < left ? cost : left) : up < left ? up : left
          if (value > far) value = far
          matrix[next + j] = value
          if (value < least) least = value
        }
        depth++
        // Every distance of the row past the maximum: no word with this prefix comes back under it.
        if (least > maxDistance) {
          pruned = true
          break
        }
      }
      computed = depth
      if (pruned) {
        // Skip the words that share the pruned prefix: a range of the sorted array, ending at the
        // first word sharing less than `depth` with the word before. Each jump lands on a word
        // sharing less than the one it left, so there are at most `depth` of them.
        i++
        while (i < count && common[i]! >= depth) i = nextShorter[i]!
        continue
      }
      const distance = matrix[word.length * n + n - 1]!
      if (distance <= maxDistance) results.push({ index: i, distance })
      i++
    }
    return results
  }
}

/**
 * For each index, the first index after it holding a smaller value (`values.length` when none):
 * the next smaller value, in one pass with a stack.
 *
 * @example
 * nextSmaller(Uint16Array.of(0, 3, 5, 4, 2)) // => Uint32Array [5, 4, 3, 4, 5]
 */
export function nextSmaller(values: ArrayLike<number>): Uint32Array {
  const next = new Uint32Array(values.length).fill(values.length)
  const stack = new Uint32Array(values.length)
  let top = 0
  for (let i = 0; i < values.length; i++) {
    while (top > 0 && values[stack[top - 1]!]! > values[i]!) next[stack[--top]!] = i
    stack[top++] = i
  }
  return next
}

/** Each word's longest common prefix with the word before, in code units (see `SortedWords`). */
function commonPrefixes(words: readonly string[]): Uint16Array {
  const common = new Uint16Array(words.length)
  for (let i = 1; i < words.length; i++) {
    const before = words[i - 1]!
    const word = words[i]!
    const most = Math.min(before.length, word.length, 0xffff)
    let k = 0
    while (k < most && before.charCodeAt(k) === word.charCodeAt(k)) k++
    common[i] = k
  }
  return common
}
