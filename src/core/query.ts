/**
 * @module
 * The query language people type into search boxes: words, `"quoted phrases"` that must occur
 * as consecutive words, and `-word` / `-"phrase"` to exclude.
 */
import { foldWord, isStopWord, processTerm, tokenize } from './terms.ts'

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
}

function toQueryWords(text: string): QueryWord[] {
  const words: QueryWord[] = []
  for (const token of tokenize(text)) {
    const term = processTerm(token)
    if (term) words.push({ text: token, folded: foldWord(token), term, stopWord: isStopWord(foldWord(token)) })
  }
  return words
}

/**
 * Parses a query. An unclosed quote runs to the end of the query; a `-` before something that
 * has no word in it is ignored; a negated word that the tokenizer splits (`-pro-Kremlin`) is
 * excluded as a phrase.
 *
 * @example
 * const q = parseQuery('"red line" chemical -Assad weap')
 * q.phrases.map((p) => p.map((w) => w.text)) // => [['red', 'line']]
 * q.words.map((w) => w.term)                 // => ['chemic', 'weap']
 * q.excludedWords.map((w) => w.text)         // => ['Assad']
 * q.lastWordIsPrefix                         // => true
 */
export function parseQuery(input: string): ParsedQuery {
  const query: ParsedQuery = { words: [], phrases: [], excludedWords: [], excludedPhrases: [], lastWordIsPrefix: false }
  const seenTerms = new Set<string>()
  const pattern = /(-?)"([^"]*)(?:"|$)|(-?)([^\s"]+)/g
  let lastWasFreeWord = false

  for (const match of input.matchAll(pattern)) {
    const negated = (match[1] ?? match[3]) === '-'
    const isPhrase = match[2] !== undefined
    const words = toQueryWords(isPhrase ? match[2]! : match[4]!)
    lastWasFreeWord = false
    if (words.length === 0) continue
    if (negated) {
      if (words.length === 1 && !isPhrase) query.excludedWords.push(words[0]!)
      else query.excludedPhrases.push(words)
    } else if (isPhrase) {
      if (words.length === 1) addWord(query, words[0]!, seenTerms)
      else query.phrases.push(words)
    } else {
      for (const word of words) lastWasFreeWord = addWord(query, word, seenTerms)
    }
  }
  query.lastWordIsPrefix = lastWasFreeWord && /[\p{L}\p{N}]$/u.test(input)
  return query
}

/** Adds a free word unless a word with the same term is already there; says whether it did. */
function addWord(query: ParsedQuery, word: QueryWord, seenTerms: Set<string>): boolean {
  if (seenTerms.has(word.term)) return false
  seenTerms.add(word.term)
  query.words.push(word)
  return true
}
