import { describe, expect, it } from 'vitest'
import { slopePerMinute, summariseCurve, thinCurve } from '../../scripts/lib/bench/soak-curve.ts'

const points = (pairs: [seconds: number, value: number][]) => pairs.map(([seconds, value]) => ({ seconds, value }))

describe('slopePerMinute', () => {
  it('is the rise per minute of points on a line', () => {
    // +10 every 60 s.
    expect(slopePerMinute(points([[0, 100], [60, 110], [120, 120]]))).toBeCloseTo(10, 10)
    // −3 every 5 s is −36 per minute.
    expect(slopePerMinute(points([[0, 50], [5, 47], [10, 44]]))).toBeCloseTo(-36, 10)
  })

  it('fits a least-squares line through a saw-tooth', () => {
    // t̄ = 45, v̄ = 3; Σ(t−t̄)(v−v̄) = (−45)(−3) + (−15)(3) + (15)(−3) + (45)(3) = 180;
    // Σ(t−t̄)² = 2025 + 225 + 225 + 2025 = 4500; 180 / 4500 = 0.04 per second = 2.4 per minute.
    expect(slopePerMinute(points([[0, 0], [30, 6], [60, 0], [90, 6]]))).toBeCloseTo(2.4, 10)
  })

  it('is flat for a flat curve and for a single time, and undefined for nothing', () => {
    expect(slopePerMinute(points([[0, 7], [10, 7], [20, 7]]))).toBe(0)
    expect(slopePerMinute(points([[5, 1], [5, 9]]))).toBe(0)
    expect(slopePerMinute([])).toBeNaN()
  })
})

describe('summariseCurve', () => {
  // A warm-up climb to 90, then a plateau that wobbles between 88 and 92.
  const curve = points([[0, 60], [10, 75], [20, 90], [30, 88], [40, 92], [50, 90]])

  it('gives first, least, most and last value and the slope', () => {
    const summary = summariseCurve(curve)
    expect(summary).toMatchObject({ points: 6, start: 60, min: 60, max: 92, end: 90 })
    // t̄ = 25, v̄ = 82.5; Σ(t−t̄)(v−v̄) = (−25)(−22.5) + (−15)(−7.5) + (−5)(7.5) + (5)(5.5) + (15)(9.5) + (25)(7.5)
    // = 562.5 + 112.5 − 37.5 + 27.5 + 142.5 + 187.5 = 995; Σ(t−t̄)² = 1750; 995 / 1750 × 60 = 34.114…
    expect(summary.slopePerMinute).toBeCloseTo((995 / 1750) * 60, 10)
  })

  it('leaves the warm-up out when asked', () => {
    const summary = summariseCurve(curve, 20)
    expect(summary).toMatchObject({ points: 4, start: 90, min: 88, max: 92, end: 90 })
    // t̄ = 35, v̄ = 90; Σ(t−t̄)(v−v̄) = (−15)(0) + (−5)(−2) + (5)(2) + (15)(0) = 20; Σ(t−t̄)² = 500;
    // 20 / 500 × 60 = 2.4 per minute.
    expect(summary.slopePerMinute).toBeCloseTo(2.4, 10)
  })

  it('says nothing of an empty curve', () => {
    const summary = summariseCurve(curve, 60)
    expect(summary.points).toBe(0)
    expect(summary.start).toBeNaN()
    expect(summary.slopePerMinute).toBeNaN()
  })
})

describe('thinCurve', () => {
  it('keeps the first point at or after each multiple of the step', () => {
    const thinned = thinCurve(points([[0, 1], [4, 2], [8, 3], [12, 4], [16, 5], [21, 6], [24, 7]]), 10)
    expect(thinned).toEqual(points([[0, 1], [12, 4], [21, 6]]))
  })

  it('does not repeat a step when samples are late', () => {
    // A 35 s gap: the point at 37 stands for the marks 10–30, the next kept is at or after 40.
    expect(thinCurve(points([[2, 1], [37, 2], [39, 3], [41, 4]]), 10)).toEqual(points([[2, 1], [37, 2], [41, 4]]))
  })
})
