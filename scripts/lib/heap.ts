/**
 * @module
 * V8's heap over a long batch build (`npm run build:index`, minutes of synchronous work at a
 * million paragraphs): two settings that keep the build's resident set near what is live.
 *
 * Why (measured at 1M paragraphs with `--trace-gc`, BENCHMARKS.md "Within 2 GB"):
 * - V8 lets the old generation grow to several times what the last full collection left live
 *   when collections cost little of the run (its growing factor goes up to 4): in one run the heap
 *   reached 2,074 MB before a mark-compact left 769 MB live.
 * - The pages a mark-compact frees go to V8's page pool, committed, for reuse: 858 MB and then
 *   1,216 MB pooled in that run, resident to the build's end. Only a collection that reduces the
 *   memory footprint (the memory reducer's, which needs an idle event loop, or a last-resort one)
 *   gives them back, and a build's steps never leave the event loop idle.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/**
 * How far V8 lets the old generation grow past what the last full collection left live, in
 * percent (V8's `--heap-growing-percent`: a growing factor of exactly 1.5 in place of V8's own,
 * 1.1 to 4 by how much of the run collections take).
 */
export const HEAP_GROWING_PERCENT = 50

/**
 * Bounds the old generation's growth between full collections for the rest of the process.
 * Unlike `--max-old-space-size` it sets no ceiling: a larger corpus still gets the memory it
 * needs, the collector runs more often instead. V8 reads the flag each time a full collection
 * sets the next limit (`HeapController::GrowingFactor`), so setting it once the process runs
 * takes effect.
 *
 * @param percent - The growth allowed, in percent of what is live (default {@link HEAP_GROWING_PERCENT}).
 */
export function boundHeapGrowth(percent = HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`)
}

type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void
/** The collector's entry point once found; `null` once it could not be (then releases do nothing). */
let collect: Collect | null | undefined

/**
 * Runs a full, memory-reducing collection now ("last resort": two mark-compacts that also hand
 * back V8's pooled pages). Costs about half a second at a heap of 300 MB; call it where much has
 * been let go (between build steps, every so many statements of the D1 load), not in a loop.
 *
 * `gc` is the process's own when it runs with `--expose-gc`; otherwise it is exposed the way
 * `jest-leak-detector` does it: the flag set at run time (it stays set: later contexts and
 * workers have a global `gc` too), the function read from a fresh context. Where neither works
 * (a runtime that ignores flags set late), it warns once and does nothing: memory is only
 * given back later, nothing is lost.
 */
export function releaseFreedHeapPages(): void {
  if (collect === undefined) {
    try {
      const own = (globalThis as { gc?: unknown }).gc
      if (typeof own === 'function') collect = own as Collect
      else {
        setFlagsFromString('--expose-gc')
        collect = runInNewContext('gc') as Collect
      }
    } catch (error) {
      collect = null
      console.warn(`heap: cannot run a memory-reducing collection (${error instanceof Error ? error.message : String(error)}); freed heap pages stay with V8`)
    }
  }
  collect?.({ type: 'major', execution: 'sync', flavor: 'last-resort' })
}
