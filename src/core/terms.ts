/**
 * @module
 * Tokenising and term processing: the one place that decides what a "word" is and how it is
 * normalised. The index build and the Worker both import it, so indexed terms and query terms
 * always agree.
 */
import stem from 'wink-porter2-stemmer'

/** A word of a text with its position, as offsets into the original string. */
export type Token = {
  /** The word as it appears in the text. */
  text: string
  /** Offset of the first character (UTF-16 code units). */
  start: number
  /** Offset just past the last character. */
  end: number
}

/**
 * A word: letters and digits, with apostrophes allowed inside it (`didn't`, `France's`; straight,
 * curly or full-width). Combining marks and invisible format characters (soft hyphen, zero-width
 * space and joiners, word joiner, byte-order mark) inside a word belong to it, so `Pu\u00ADtin` is
 * one word, folded to `putin`. Hyphens, slashes and other punctuation split words, so
 * `pro-Kremlin` is `pro` and `Kremlin`.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}\p{Cf}]*(?:['’＇][\p{L}\p{N}][\p{L}\p{N}\p{M}\p{Cf}]*)*/gu

const COMBINING_MARKS = /\p{M}+/gu
const FORMAT_CHARACTERS = /\p{Cf}+/gu
const APOSTROPHES = /['’]/g
const POSSESSIVE = /['’]s$/

/**
 * English function words. They stay in the index (a phrase may need them) but do not count when
 * deciding whether a paragraph matched "every word" of a query.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i if in into is it its ' +
    'me my no not of on or our she so than that the their them then there these they this to ' +
    'us was we were what when where which who will with would you your'
  ).split(' ')
)

/**
 * Splits text into words with their offsets.
 *
 * @example
 * tokenizeWithOffsets("Macron-Putin talks")
 * // => [{ text: 'Macron', start: 0, end: 6 }, { text: 'Putin', start: 7, end: 12 },
 * //     { text: 'talks', start: 13, end: 18 }]
 */
export function tokenizeWithOffsets(text: string): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(WORD)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length })
  }
  return tokens
}

/**
 * Splits text into words: the tokenizer handed to MiniSearch for fields and queries.
 *
 * @example
 * tokenize("France's Macron, 2017") // => ["France's", 'Macron', '2017']
 */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? []
}

/**
 * Folds a word to its comparable surface form: compatibility forms unified (full-width letters
 * are letters), lowercase, diacritics and invisible format characters removed, possessive `'s`
 * dropped, inner apostrophes removed. No stemming: this is the form suggestions are shown in,
 * prefixes are matched against, and a word "as typed" is compared in. Every stage (index, query,
 * ranking, highlights, suggestions) folds with this function.
 *
 * @example
 * foldWord("Français")      // => 'francais'
 * foldWord("France's")      // => 'france'
 * foldWord("didn’t")        // => 'didnt'
 * foldWord('Ｐｕｔｉｎ')        // => 'putin'
 * foldWord('Pu\u00ADtin')   // => 'putin'
 */
export function foldWord(word: string): string {
  let folded = foldCache.get(word)
  if (folded === undefined) {
    folded = word
      .normalize('NFKD')
      .replace(COMBINING_MARKS, '')
      .replace(FORMAT_CHARACTERS, '')
      .toLowerCase()
      .replace(POSSESSIVE, '')
      .replace(APOSTROPHES, '')
    if (foldCache.size >= TERM_CACHE_SIZE) foldCache.clear()
    foldCache.set(word, folded)
  }
  return folded
}

/** Folded forms, remembered as terms are (see `termCache`): highlights and ranking fold every word of a hit. */
const foldCache = new Map<string, string>()

/**
 * Whether an offset of a text falls strictly inside a word (see the word's definition above), so
 * that cutting the text there would split it.
 *
 * @example
 * isInsideWord('red line', 5) // => true
 * isInsideWord('red line', 4) // => false
 */
export function isInsideWord(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false
  // A word is at most as long as the text around it: look at the run of non-space characters.
  let from = at
  while (from > 0 && !/\s/u.test(text[from - 1]!)) from--
  let to = at
  while (to < text.length && !/\s/u.test(text[to]!)) to++
  for (const token of tokenizeWithOffsets(text.slice(from, to))) {
    if (from + token.start < at && at < from + token.end) return true
  }
  return false
}

/**
 * The edit distance between two words, counting a swap of two adjacent letters as one edit (the
 * optimal string alignment distance, Damerau's observation that such swaps are among the most
 * common typing errors), or `max + 1` once it exceeds `max`.
 *
 * @example
 * editDistance('ptuin', 'putin', 2) // => 1
 * editDistance('hacking', 'backing', 2) // => 1
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let beforePrevious: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2]! + 1)
      current.push(value)
      best = Math.min(best, value)
    }
    if (best > max) return max + 1
    beforePrevious = previous
    previous = current
  }
  return Math.min(previous[b.length]!, max + 1)
}

/**
 * Words repeat (Zipf's law), and stemming is the costly part of tokenising, so terms are
 * remembered. Cleared when full: a simple bound on memory that keeps the common words warm.
 */
const termCache = new Map<string, string | null>()
const TERM_CACHE_SIZE = 50_000

/**
 * Turns a word into the term stored in the index: folded, then stemmed with the Porter2 (Snowball
 * English) stemmer. Returns `null` for a word with nothing left to index.
 *
 * @example
 * processTerm('Weapons')    // => 'weapon'
 * processTerm('Versailles') // => 'versaill'
 * processTerm('news')       // => 'news'
 */
export function processTerm(word: string): string | null {
  let term = termCache.get(word)
  if (term === undefined) {
    const folded = foldWord(word)
    // Stemming digits or mixed tokens ("g7", "2017") would only mangle them.
    term = folded.length === 0 ? null : /\d/.test(folded) ? folded : stem(folded)
    if (termCache.size >= TERM_CACHE_SIZE) termCache.clear()
    termCache.set(word, term)
  }
  return term
}


/**
 * Whether a folded word is a function word (see {@link STOP_WORDS}).
 *
 * @example
 * isStopWord('the') // => true
 */
export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded)
}

/**
 * The number of typos a query word may contain, by its length, as search engines such as
 * Meilisearch and Typesense do it: none up to 4 letters, one from 5 to 8, two from 9.
 *
 * @example
 * typoBudget('line')      // => 0
 * typoBudget('weapons')   // => 1
 * typoBudget('Versailes') // => 2
 */
export function typoBudget(word: string): number {
  const length = [...word].length
  if (length <= 4) return 0
  if (length <= 8) return 1
  return 2
}

/** Joins the two terms of a common gram; no word contains it, so no gram is ever a word's term. */
const GRAM_JOINER = '_'

/**
 * The common grams of a text: each pair of adjacent function words, as one term (`of_the`).
 * Indexed beside the words, they let a phrase made of common words ("are the") find its few
 * candidates at once instead of every paragraph holding both words (Lucene's CommonGrams idea).
 *
 * @example
 * commonGrams('The talks are the first of the year') // => ['are_the', 'of_the']
 */
export function commonGrams(text: string): string[] {
  const grams: string[] = []
  let previous: string | null = null
  for (const word of tokenize(text)) {
    const folded = foldWord(word)
    const term = isStopWord(folded) ? processTerm(word) : null
    if (previous !== null && term !== null) grams.push(previous + GRAM_JOINER + term)
    previous = term
  }
  return grams
}

/**
 * The common grams of a phrase given as its words' terms and whether each is a function word.
 *
 * @example
 * phraseGrams([{ term: 'are', stopWord: true }, { term: 'the', stopWord: true }]) // => ['are_the']
 */
export function phraseGrams(words: readonly { term: string; stopWord: boolean }[]): string[] {
  const grams: string[] = []
  for (let i = 1; i < words.length; i++) {
    if (words[i - 1]!.stopWord && words[i]!.stopWord) grams.push(words[i - 1]!.term + GRAM_JOINER + words[i]!.term)
  }
  return grams
}
