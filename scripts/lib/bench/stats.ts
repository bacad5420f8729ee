/**
 * @module
 * Small statistics for the benchmarks: percentiles and medians of samples.
 */

/**
 * The `p`-th percentile of samples, by the nearest-rank method (a value that was measured).
 *
 * @example
 * percentile([4, 1, 3, 2], 50) // => 2
 * percentile([4, 1, 3, 2], 99) // => 4
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]!
}

/** The median (50th percentile, nearest rank). */
export const median = (samples: readonly number[]): number => percentile(samples, 50)

/** p50, p95 and p99 of latency samples, with their count and mean. */
export type Latency = { count: number; mean: number; p50: number; p95: number; p99: number }

/** Summarises latency samples. */
export function latency(samples: readonly number[]): Latency {
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length
  return { count: samples.length, mean, p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99) }
}
