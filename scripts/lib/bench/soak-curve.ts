/**
 * @module
 * The memory curve of a soak (`npm run bench -- --soak`): a series of samples over time, and its
 * summary (first, least, most and last value, and the least-squares slope per minute), so that
 * "memory stays flat under load" is a number rather than a look at a chart.
 */

/** One value of a curve at a time. */
export type CurvePoint = {
  /** Seconds since the series started. */
  seconds: number
  /** The value (bytes, for memory). */
  value: number
}

/** A curve in a few numbers; every field NaN for no points. */
export type CurveSummary = {
  points: number
  start: number
  min: number
  max: number
  end: number
  /** Least-squares slope of value over time, in value per minute (0 for one point). */
  slopePerMinute: number
}

/**
 * The least-squares slope of the points (ordinary linear regression of value on seconds), per
 * minute: Σ(t − t̄)(v − v̄) / Σ(t − t̄)² × 60. Zero when every point has the same time.
 *
 * @example
 * slopePerMinute([{ seconds: 0, value: 100 }, { seconds: 60, value: 110 }, { seconds: 120, value: 120 }]) // => 10
 */
export function slopePerMinute(points: readonly CurvePoint[]): number {
  if (points.length === 0) return Number.NaN
  const meanT = points.reduce((sum, p) => sum + p.seconds, 0) / points.length
  const meanV = points.reduce((sum, p) => sum + p.value, 0) / points.length
  let covariance = 0
  let variance = 0
  for (const p of points) {
    covariance += (p.seconds - meanT) * (p.value - meanV)
    variance += (p.seconds - meanT) ** 2
  }
  return variance === 0 ? 0 : (covariance / variance) * 60
}

/**
 * Summarises a curve, optionally only its points from `fromSeconds` on (to leave out a warm-up).
 *
 * @param points - In time order.
 * @param fromSeconds - Points before this time are left out. Default 0.
 */
export function summariseCurve(points: readonly CurvePoint[], fromSeconds = 0): CurveSummary {
  const kept = points.filter((p) => p.seconds >= fromSeconds)
  if (kept.length === 0) return { points: 0, start: Number.NaN, min: Number.NaN, max: Number.NaN, end: Number.NaN, slopePerMinute: Number.NaN }
  const values = kept.map((p) => p.value)
  return {
    points: kept.length,
    start: values[0]!,
    min: Math.min(...values),
    max: Math.max(...values),
    end: values.at(-1)!,
    slopePerMinute: slopePerMinute(kept),
  }
}

/**
 * The curve thinned to one point per `everySeconds` (the first point at or after each multiple
 * of it), for a table a reader can scan.
 *
 * @example
 * thinCurve([0, 4, 8, 12, 16].map((seconds) => ({ seconds, value: seconds })), 10) // => points at 0 and 12
 */
export function thinCurve(points: readonly CurvePoint[], everySeconds: number): CurvePoint[] {
  const out: CurvePoint[] = []
  let next = 0
  for (const p of points) {
    if (p.seconds >= next) {
      out.push(p)
      next = (Math.floor(p.seconds / everySeconds) + 1) * everySeconds
    }
  }
  return out
}
