/** The files of `index/`, bundled as text modules (see the `[[rules]]` in wrangler.toml). */
declare module '*/index/index.json' {
  const text: string
  export default text
}
declare module '*/index/manifest.json' {
  const text: string
  export default text
}
declare module '*/index/vocabulary.json' {
  const text: string
  export default text
}
