/**
 * @module
 * A dictionary of English words, for putting back a word hyphenated at a line end when the
 * document itself does not write it whole: wink-lexicon's lexicon (common words in their inflected
 * forms, function words included: `without`, `however`) and WordNet's single-word lemmas (`outlying`,
 * `postwar`), about 82,000 words. Made at the first look-up.
 */
import lexicon from 'wink-lexicon/src/lexicon.js'
import wordNetWords from 'wink-lexicon/src/wn-words.js'

let words: ReadonlySet<string> | undefined

/**
 * Whether `word` (lower case) is an English word.
 *
 * @example
 * isEnglishWord('without') // => true
 * isEnglishWord('withouts') // => false
 */
export function isEnglishWord(word: string): boolean {
  words ??= new Set([...Object.keys(lexicon), ...Object.keys(wordNetWords)])
  return words.has(word)
}
