/** WordNet's `morphy` with its exception lists, from the `wink-lemmatizer` package (no types of its own). */
declare module 'wink-lemmatizer' {
  const lemmatizer: {
    /** The lemma of a verb form (`tore` → `tear`), or the word itself. */
    verb(word: string): string
    /** The lemma of a noun form (`mice` → `mouse`), or the word itself. */
    noun(word: string): string
    /** The lemma of an adjective form (`worse` → `bad`), or the word itself. */
    adjective(word: string): string
  }
  export default lemmatizer
}
