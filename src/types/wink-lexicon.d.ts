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
