/**
 * @module
 * The query language people type into search boxes: words, `"quoted phrases"` that must occur
 * as consecutive words, `-word` / `-"phrase"` to exclude, and `word*` for a prefix. The quotes
 * and dashes that phones and word processors type in place of `"` and `-` work the same.
 */
import { foldWord, isStopWord, processTerm, tokenizeWithOffsets } from './terms.ts'

/** One word of a query, in the forms the search needs. */
export type QueryWord = {
  /** As typed. */
  text: string
  /** Folded surface form (see `foldWord`): what a prefix is matched against. */
  folded: string
  /** Index term (see `processTerm`). */
  term: string
  /** Whether it is a function word. */
  stopWord: boolean
  /** Whether a `*` follows it: it asks for every word that starts with it. */
  prefix: boolean
}

/** A parsed query. */
export type ParsedQuery = {
  /** Free words, in order, each once. */
  words: QueryWord[]
  /** Phrases that must occur, each as its words in order. */
  phrases: QueryWord[][]
  /** Words that must not occur. */
  excludedWords: QueryWord[]
  /** Phrases that must not occur. */
  excludedPhrases: QueryWord[][]
  /** The last free word is still being typed (no space or quote after it): match it as a prefix. */
  lastWordIsPrefix: boolean
  /** The query ends inside an unclosed phrase whose last word is still being typed. */
  lastPhraseIsPrefix: boolean
}

/** Double quotes of other typographies, read as `"`: “…” „…“ ‟ «…» 〝…〞〟 ＂. */
const DOUBLE_QUOTES = /[“”„‟«»〝〞〟＂]/g
/** Dashes and minus signs typed in place of `-`: ‐ ‑ ‒ – — ― − ﹣ －. */
const DASHES = /[‐‑‒–—―−﹣－]/
const OPENING_SINGLE_QUOTES = '‘‚'
const CLOSING_SINGLE_QUOTES = '’‘'
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u

/**
 * Writes the typographic quotes and dashes of a query as the operators `"` and `-`, character for
 * character (so offsets into the result are offsets into the input). A single quote is a phrase
 * quote only when it opens before a word (`‘frank exchange’`, `‚…‘`) and closes after one; inside
 * a word it stays an apostrophe (`Putin’s`). A dash is an exclusion only before a word.
 *
 * @example
 * normaliseOperators('“frank exchange” —Putin ‘red line’ Putin’s') // => '"frank exchange" -Putin "red line" Putin’s'
 */
export function normaliseOperators(input: string): string {
  const chars = [...input.replace(DOUBLE_QUOTES, '"')]
  let singleOpen = false
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!
    const before = chars[i - 1] ?? ' '
    const after = chars[i + 1] ?? ' '
    const startsWord = !WORD_CHARACTER.test(before) && WORD_CHARACTER.test(after)
    if (!singleOpen && OPENING_SINGLE_QUOTES.includes(char) && startsWord) {
      chars[i] = '"'
      singleOpen = true
    } else if (singleOpen && CLOSING_SINGLE_QUOTES.includes(char) && !WORD_CHARACTER.test(after)) {
      chars[i] = '"'
      singleOpen = false
    } else if (DASHES.test(char) && /[\s"(]/.test(before) && (WORD_CHARACTER.test(after) || after === '"')) {
      chars[i] = '-'
    } else if (DASHES.test(char) && i === 0 && (WORD_CHARACTER.test(after) || after === '"')) {
      chars[i] = '-'
    }
  }
  return chars.join('')
}

function toQueryWords(text: string): QueryWord[] {
  const words: QueryWord[] = []
  for (const token of tokenizeWithOffsets(text)) {
    const term = processTerm(token.text)
    if (!term) continue
    const folded = foldWord(token.text)
    words.push({ text: token.text, folded, term, stopWord: isStopWord(folded), prefix: text[token.end] === '*' })
  }
  return words
}

/**
 * Parses a query. An unclosed quote runs to the end of the query (its last word, still being
 * typed, is a prefix); a `-` before something that has no word in it is ignored; a negated word
 * that the tokenizer splits (`-pro-Kremlin`) is excluded as a phrase.
 *
 * @example
 * const q = parseQuery('"red line" chemical -Assad weap')
 * q.phrases.map((p) => p.map((w) => w.text)) // => [['red', 'line']]
 * q.words.map((w) => w.term)                 // => ['chemic', 'weap']
 * q.excludedWords.map((w) => w.text)         // => ['Assad']
 * q.lastWordIsPrefix                         // => true
 */
export function parseQuery(input: string): ParsedQuery {
  const query: ParsedQuery = { words: [], phrases: [], excludedWords: [], excludedPhrases: [], lastWordIsPrefix: false, lastPhraseIsPrefix: false }
  const seenTerms = new Set<string>()
  const pattern = /(-?)"([^"]*)("|$)|(-?)([^\s"]+)/g
  const normalised = normaliseOperators(input)
  const typing = /[\p{L}\p{N}\p{M}]$/u.test(normalised)
  let lastWasFreeWord = false
  let lastWasOpenPhrase = false

  for (const match of normalised.matchAll(pattern)) {
    const negated = (match[1] ?? match[4]) === '-'
    const isPhrase = match[2] !== undefined
    const words = toQueryWords(isPhrase ? match[2]! : match[5]!)
    lastWasFreeWord = false
    lastWasOpenPhrase = false
    if (words.length === 0) continue
    if (negated) {
      if (words.length === 1 && !isPhrase) query.excludedWords.push(words[0]!)
      else query.excludedPhrases.push(words)
    } else if (isPhrase) {
      const open = match[3] === ''
      if (words.length === 1) lastWasFreeWord = addWord(query, words[0]!, seenTerms) && open
      else {
        query.phrases.push(words)
        lastWasOpenPhrase = open
      }
    } else {
      for (const word of words) lastWasFreeWord = addWord(query, word, seenTerms)
    }
  }
  query.lastWordIsPrefix = lastWasFreeWord && typing
  query.lastPhraseIsPrefix = lastWasOpenPhrase && typing
  return query
}

/** Adds a free word unless a word with the same term is already there; says whether it did. */
function addWord(query: ParsedQuery, word: QueryWord, seenTerms: Set<string>): boolean {
  if (seenTerms.has(word.term)) return false
  seenTerms.add(word.term)
  query.words.push(word)
  return true
}
