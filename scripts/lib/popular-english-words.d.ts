/** English words ordered by how often Wikipedia uses them (the `popular-english-words` package). */
declare module 'popular-english-words/words.js' {
  export const words: string[]
}
