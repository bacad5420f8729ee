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
 * Letters and digits, with apostrophes allowed inside a word (`didn't`, `France's`). Hyphens,
 * slashes and other punctuation split words, so `pro-Kremlin` is `pro` and `Kremlin`.
 */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu

const COMBINING_MARKS = /\p{M}+/gu
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
 * Folds a word to its comparable surface form: lowercase, diacritics removed, possessive `'s`
 * dropped, inner apostrophes removed. No stemming: this is the form suggestions are shown in and
 * prefixes are matched against.
 *
 * @example
 * foldWord("Français") // => 'francais'
 * foldWord("France's") // => 'france'
 * foldWord("didn't")   // => 'didnt'
 */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(POSSESSIVE, '')
    .replace(APOSTROPHES, '')
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
