/** Style sheets, bundled as their (minified) text by `scripts/lib/widget-build.ts`. */
declare module '*.css' {
  const css: string
  export default css
}
