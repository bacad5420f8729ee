/**
 * WordNet's exception lists for `morphy` (`noun.exc`, `verb.exc`, `adj.exc`: an irregular form →
 * its lemma, `tore` → `tear`), as the `wink-lexicon` package ships them (no types of its own).
 */
declare module 'wink-lexicon/src/wn-noun-exceptions.js' {
  const exceptions: Readonly<Record<string, string>>
  export default exceptions
}
declare module 'wink-lexicon/src/wn-verb-exceptions.js' {
  const exceptions: Readonly<Record<string, string>>
  export default exceptions
}
declare module 'wink-lexicon/src/wn-adjective-exceptions.js' {
  const exceptions: Readonly<Record<string, string>>
  export default exceptions
}
/** wink-lexicon's English lexicon: common words in their inflected forms, each with its tags. */
declare module 'wink-lexicon/src/lexicon.js' {
  const lexicon: Readonly<Record<string, unknown>>
  export default lexicon
}
/** WordNet's single-word lemmas, as wink-lexicon ships them: each word with its index. */
declare module 'wink-lexicon/src/wn-words.js' {
  const words: Readonly<Record<string, unknown>>
  export default words
}
