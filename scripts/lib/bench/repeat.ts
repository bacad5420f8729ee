/**
 * @module
 * Latency per query where the clock is coarse: inside workerd, `performance.now()` advances in
 * whole milliseconds (and in production not at all during synchronous code), so one sub-
 * millisecond query cannot be timed. Each query is run again and again until at least
 * `minMs` of clock time has passed, and its latency is the elapsed time divided by the runs.
 */

/**
 * Mean latency of each query over repeated runs.
 *
 * @param queries - The queries, each timed on its own.
 * @param run - Runs one query.
 * @param now - The clock, in milliseconds.
 * @param minMs - Least clock time per query, so a 1 ms tick is at most a tenth of it. Default 10.
 * @param maxRuns - Most runs per query. Default 1000.
 * @returns Milliseconds per run, per query, in query order.
 */
export function repeatedMeans(queries: readonly string[], run: (q: string) => unknown, now: () => number, minMs = 10, maxRuns = 1000): number[] {
  return queries.map((q) => {
    const start = now()
    let runs = 0
    let elapsed = 0
    do {
      run(q)
      runs++
      elapsed = now() - start
    } while ((elapsed < minMs || runs < 2) && runs < maxRuns)
    return elapsed / runs
  })
}
