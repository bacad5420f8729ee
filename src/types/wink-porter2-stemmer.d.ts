/** Porter2 (Snowball English) stemmer: takes one lowercase word, returns its stem. */
declare module 'wink-porter2-stemmer' {
  const stem: (word: string) => string
  export default stem
}
