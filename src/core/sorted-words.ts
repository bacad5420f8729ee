/**
 * @module
 * A dictionary of words kept as one sorted array: exact look-up and prefix ranges by binary
 * search, typo-tolerant look-up (Levenshtein) with nothing to build at load. A sorted array is an
 * implicit trie (the words that share a prefix are one range of it), so the fuzzy search walks
 * that trie in order, as MiniSearch's `SearchableMap.fuzzyGet` walks its radix tree, and finds the
 * same words at the same distances. It walks only the words whose length is within the edits
 * allowed of the query's, one length at a time (each length's words in order): word after word,
 * it keeps the rows of the Levenshtein matrix for the prefix a word shares with the one before,
 * and once no cell of a prefix's row can end within the edits (its distance plus the difference
 * of what is left of the word and of the query) it jumps over the range of words sharing that
 * prefix. What it saves is the tree: building one for 50,000 words is tens of milliseconds of
 * an isolate's first request (the D1 engine's shell, the vocabulary).
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

  /** The words by length (see {@link ByLength}); made at the first fuzzy look-up, not at load. */
  #byLength: ByLength | undefined

  /**
   * The words of each length, for the typo walk (see {@link LengthGroup}); each made at the first
   * look-up that walks it (a look-up walks the lengths within its edits of its own). With the
   * grouping, an isolate's first look-up in 50,000 words takes about 4 ms (3 before it), a later
   * one about 1 ms or less.
   */
  readonly #groups = new Map<number, LengthGroup | undefined>()

  #group(length: number): LengthGroup | undefined {
    if (this.#groups.has(length)) return this.#groups.get(length)
    const group = lengthGroup(this.words, (this.#byLength ??= byLength(this.words)), length)
    this.#groups.set(length, group)
    return group
  }

  #findFuzzy(query: string, maxDistance: number): FuzzyMatch[] {
    const n = query.length + 1
    // One row of the matrix per depth: row d is the current word's first d code units against the
    // query, kept for the next word of the group as far as the two share a prefix. Only the cells
    // within `maxDistance` of the diagonal are computed (a cell farther off is more than
    // `maxDistance` whatever the letters); the others hold `far`, which is more than `maxDistance`
    // too, so every cell within it comes out exact.
    const far = maxDistance + 1
    // Only words no longer or shorter than the query by more than `maxDistance` can be within it:
    // their groups are walked, one after the other, and no other word is visited.
    const longest = query.length + maxDistance
    // The rows, one after another in one array (row r from r * n).
    const matrix = new Uint16Array((longest + 1) * n).fill(far)
    for (let j = 0; j < n; j++) matrix[j] = j < far ? j : far
    const codes = new Uint16Array(n)
    for (let j = 1; j < n; j++) codes[j] = query.charCodeAt(j - 1)
    const results: FuzzyMatch[] = []
    let walked = 0
    for (let length = Math.max(0, query.length - maxDistance); length <= longest; length++) {
      const group = this.#group(length)
      if (!group) continue
      const before = results.length
      walkGroup(this.words, group, length, codes, matrix, maxDistance, results)
      if (results.length > before) walked++
    }
    // Each group's matches come in word order: more than one group's are put back in it.
    return walked > 1 ? results.sort((a, b) => a.index - b.index) : results
  }
}

/**
 * The words of one length, in the order of the dictionary: each one's index there, its longest
 * common prefix with the word before it in the group (0 for the first), and the next word of the
 * group sharing less with the word before it than this one does (the next smaller value of the
 * common prefixes, see {@link nextSmaller}): the words between share at least as long a prefix,
 * so a pruned prefix's range of words is jumped over at once.
 */
type LengthGroup = { indexes: Uint32Array; common: Uint16Array; nextShorter: Uint32Array }

/**
 * The words' indexes by length in code units, each length's in order: `order` holds them, those of
 * length `l` from `starts[l]` to `starts[l + 1]`. One pass over the words' lengths, then a
 * counting sort.
 */
type ByLength = { order: Uint32Array; starts: Uint32Array }

function byLength(words: readonly string[]): ByLength {
  const lengths = new Uint32Array(words.length)
  let longest = 0
  for (let i = 0; i < words.length; i++) {
    const length = (lengths[i] = words[i]!.length)
    if (length > longest) longest = length
  }
  const starts = new Uint32Array(longest + 2)
  for (let i = 0; i < words.length; i++) starts[lengths[i]! + 1]!++
  for (let length = 1; length < starts.length; length++) starts[length]! += starts[length - 1]!
  const order = new Uint32Array(words.length)
  const next = starts.slice(0, longest + 1)
  for (let i = 0; i < words.length; i++) order[next[lengths[i]!]!++] = i
  return { order, starts }
}

/** The {@link LengthGroup} of the words of one length (none when there are none). */
function lengthGroup(words: readonly string[], { order, starts }: ByLength, length: number): LengthGroup | undefined {
  if (length + 1 >= starts.length || starts[length] === starts[length + 1]) return undefined
  const indexes = order.subarray(starts[length], starts[length + 1])
  const count = indexes.length
  const common = new Uint16Array(count)
  const most = Math.min(length, 0xffff)
  for (let k = 1; k < count; k++) {
    const previous = words[indexes[k - 1]!]!
    const word = words[indexes[k]!]!
    let shared = 0
    while (shared < most && previous.charCodeAt(shared) === word.charCodeAt(shared)) shared++
    common[k] = shared
  }
  return { indexes, common, nextShorter: nextSmaller(common) }
}

/**
 * The typo walk over one {@link LengthGroup}: pushes each word within `maxDistance` of the query
 * (its code units in `codes` from 1; `matrix` holds row 0 and room for the rows of a word of
 * `length`), in order. A prefix is pruned once no cell of its row can end within `maxDistance`:
 * a cell at `j` code units of the query, `depth` of the word, is at least its value plus the
 * difference of what is left of the two, `|(length - depth) - (query length - j)|`, from the end.
 */
function walkGroup(words: readonly string[], group: LengthGroup, length: number, codes: Uint16Array, matrix: Uint16Array, maxDistance: number, results: FuzzyMatch[]): void {
  const { indexes, common, nextShorter } = group
  const n = codes.length
  const far = maxDistance + 1
  const count = indexes.length
  // Rows 0 to `computed` hold the last word's prefix.
  let computed = 0
  for (let k = 0; k < count; ) {
    const shared = common[k]!
    if (shared < computed) computed = shared
    const word = words[indexes[k]!]!
    let depth = computed
    let pruned = false
    while (depth < length) {
      const row = depth * n
      const next = row + n
      const code = word.charCodeAt(depth)
      // The band of row depth + 1, and what is left of the word past it less what is left of the
      // query past cell j, for j = 0.
      const low = depth + 1 - maxDistance
      const first = low > 1 ? low : 1
      const high = depth + 1 + maxDistance
      const last = high < n - 1 ? high : n - 1
      const left0 = length - depth - 1 - (n - 1)
      let least = far
      if (first === 1) {
        const value = (matrix[next] = depth + 1 < far ? depth + 1 : far)
        least = value + (left0 < 0 ? -left0 : left0)
      }
      for (let j = first; j <= last; j++) {
        const cost = matrix[row + j - 1]! + (codes[j] === code ? 0 : 1)
        const up = matrix[row + j]! + 1
        const left = matrix[next + j - 1]! + 1
        let value = cost < up ? (cost < left ? cost : left) : up < left ? up : left
        if (value > far) value = far
        matrix[next + j] = value
        const rest = left0 + j
        const bound = value + (rest < 0 ? -rest : rest)
        if (bound < least) least = bound
      }
      depth++
      // No cell of the row can end within the maximum: no word of the group with this prefix does.
      if (least > maxDistance) {
        pruned = true
        break
      }
    }
    computed = depth
    if (pruned) {
      // Skip the words that share the pruned prefix: a range of the group, ending at the first
      // word sharing less than `depth` with the word before. Each jump lands on a word sharing
      // less than the one it left, and none shares more than its length, so there are at most
      // `length - depth` of them.
      k++
      while (k < count && common[k]! >= depth) k = nextShorter[k]!
      continue
    }
    const distance = matrix[length * n + n - 1]!
    if (distance <= maxDistance) results.push({ index: indexes[k]!, distance })
    k++
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
