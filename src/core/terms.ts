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
 * English function words: the Snowball stop list for English
 * (https://snowballstem.org/algorithms/english/stop.txt), its contractions written as `foldWord`
 * folds them (`didn't` → `didnt`) except those that fold into other words (`she'll` → `shell`,
 * `I'd` → `id`, `we'd` → `wed`, `she'd` → `shed`, `I'll` → `ill`, `he'll` → `hell`), with `will`,
 * `can` and `us`. They stay in the index (a phrase may need them) but do not count when deciding
 * whether a paragraph matched "every word" of a query, so a question's `what did … about` never
 * decides its ranking.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself ' +
    'it its itself they them their theirs themselves what which who whom this that these those am is are was were be ' +
    'been being have has had having do does did doing would should could ought im youre hes shes its were theyre ive ' +
    'youve weve theyve youd hed theyd youll well theyll isnt arent wasnt werent hasnt havent ' +
    'hadnt doesnt dont didnt wont wouldnt shant shouldnt cant cannot couldnt mustnt lets thats whos whats heres theres ' +
    'whens wheres whys hows a an the and but if or because as until while of at by for with about against between into ' +
    'through during before after above below to from up down in out on off over under again further then once here ' +
    'there when where why how all any both each few more most other some such no nor not only own same so than too very ' +
    'will can us'
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
 * The possessive ending of a word as written (`'s` or `’s`), or `''`: what folding drops, for the
 * places that show a word and must keep or remove it as typed.
 *
 * @example
 * possessiveOf('Putin’s') // => '’s'
 * possessiveOf('Paris')   // => ''
 */
export function possessiveOf(word: string): string {
  return POSSESSIVE.exec(word)?.[0] ?? ''
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

/** A possessive `'s` at the end of a word of a text, and an apostrophe inside a word. */
const TEXT_POSSESSIVE = /(?<=[\p{L}\p{N}])['’]s(?![\p{L}\p{N}]|['’][\p{L}\p{N}])/gu
const TEXT_APOSTROPHE = /(?<=[\p{L}\p{N}])['’](?=[\p{L}\p{N}])/gu
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const ASCII = /^[\x00-\x7f]*$/

/**
 * A text folded as `foldWord` folds each of its words, the spaces and punctuation between them
 * kept: what {@link hasFoldedWords} searches. (Offsets into it are not offsets into the text.)
 *
 * @example
 * foldText("Ｐｕ\u00ADtin’s and Macron's didn't") // => 'putin and macron didnt'
 */
export function foldText(text: string): string {
  // Plain ASCII has nothing to decompose or strip: most paragraphs of English text.
  if (ASCII.test(text)) {
    const lower = text.toLowerCase()
    return lower.includes("'") ? lower.replace(TEXT_POSSESSIVE, '').replace(TEXT_APOSTROPHE, '') : lower
  }
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(FORMAT_CHARACTERS, '')
    .toLowerCase()
    .replace(TEXT_POSSESSIVE, '')
    .replace(TEXT_APOSTROPHE, '')
}

/** Whether the character starting at `at` (or ending just before it, `before`) is a letter or digit. */
function letterAt(text: string, at: number, before = false): boolean {
  if (at < 0 || at > text.length || (before && at === 0) || (!before && at === text.length)) return false
  let code = before ? text.charCodeAt(at - 1) : text.charCodeAt(at)
  let start = before ? at - 1 : at
  if (before && code >= 0xdc00 && code <= 0xdfff && at >= 2) start = at - 2
  code = text.codePointAt(start)!
  return LETTER_OR_DIGIT.test(String.fromCodePoint(code))
}

/**
 * Whether a folded text (see {@link foldText}) holds the folded words, consecutive, as whole
 * words: the words of the text in the form typed, as `foldWord` compares words. The fast
 * equivalent of folding every word of the text, for the ranking's pass over many paragraphs.
 *
 * @example
 * hasFoldedWords(foldText('Ｐｕｔｉｎ’s internal problems'), ['putin'])                    // => true
 * hasFoldedWords(foldText('international problems'), ['internal', 'problems'])         // => false
 */
export function hasFoldedWords(folded: string, words: readonly string[]): boolean {
  const first = words[0]
  if (!first) return false
  for (let at = folded.indexOf(first); at >= 0; at = folded.indexOf(first, at + 1)) {
    if (letterAt(folded, at, true)) continue
    let end = at + first.length
    let ok = !letterAt(folded, end)
    for (let i = 1; ok && i < words.length; i++) {
      // At least one character between two words, none of them a letter or digit.
      let next = end
      while (next < folded.length && !letterAt(folded, next)) next++
      ok = next > end && folded.startsWith(words[i]!, next) && !letterAt(folded, next + words[i]!.length)
      end = next + words[i]!.length
    }
    if (ok) return true
  }
  return false
}

/** Whether a character code is an ASCII letter or digit. */
function asciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

/** Whether `text[at]` is an apostrophe joining two letters or digits (so it is inside a word). */
function innerApostrophe(text: string, at: number): boolean {
  return text.charCodeAt(at) === 39 && asciiAlnum(text.charCodeAt(at - 1)) && asciiAlnum(text.charCodeAt(at + 1))
}

/** Whether `text[at]` starts a possessive `'s` that ends its word (folding drops it). */
function possessiveAt(text: string, at: number): boolean {
  return text.charCodeAt(at) === 39 && (text.charCodeAt(at + 1) | 32) === 115 && !asciiAlnum(text.charCodeAt(at + 2)) && !innerApostrophe(text, at + 2)
}

/** Where the folded `word` ends if a word of ASCII `text` starting at `at` folds to it, else -1. */
function asciiWordAt(text: string, at: number, word: string): number {
  let k = at
  for (let j = 0; j < word.length; j++) {
    if (j > 0 && innerApostrophe(text, k) && !possessiveAt(text, k)) k++
    if (k >= text.length || (text.charCodeAt(k) | (asciiAlnum(text.charCodeAt(k)) && text.charCodeAt(k) >= 65 ? 32 : 0)) !== word.charCodeAt(j)) return -1
    k++
  }
  if (possessiveAt(text, k)) k += 2
  return asciiAlnum(text.charCodeAt(k)) || innerApostrophe(text, k) ? -1 : k
}

/**
 * Whether a text holds the folded words, consecutive, as whole words, as `foldWord` compares
 * words: {@link hasFoldedWords} on {@link foldText}, without a folded copy of the text when it is
 * plain ASCII (most paragraphs of English text; the ranking tests hundreds per query).
 *
 * @example
 * containsFoldedWords("Mr PUTIN's talks", ['putin']) // => true
 */
export function containsFoldedWords(text: string, words: readonly string[]): boolean {
  if (!ASCII.test(text)) return hasFoldedWords(foldText(text), words)
  const first = words[0]
  if (!first) return false
  for (let at = 0; at < text.length; at++) {
    if (asciiAlnum(text.charCodeAt(at - 1)) || (text.charCodeAt(at - 1) === 39 && asciiAlnum(text.charCodeAt(at - 2)))) continue
    let end = asciiWordAt(text, at, first)
    for (let i = 1; end >= 0 && i < words.length; i++) {
      let next = end
      while (next < text.length && !asciiAlnum(text.charCodeAt(next))) next++
      end = next > end ? asciiWordAt(text, next, words[i]!) : -1
    }
    if (end >= 0) return true
  }
  return false
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

