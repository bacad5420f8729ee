/** `.txt` files imported by the Worker are text modules (wrangler's default rules). */
declare module '*.txt' {
  const text: string
  export default text
}
