import { describe, expect, it } from 'vitest'
import { repeatedMeans } from '../../scripts/lib/bench/repeat.ts'
import { latency, percentile } from '../../scripts/lib/bench/stats.ts'

describe('percentile', () => {
  it('takes the nearest rank: always a measured value', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i)
    expect(percentile(samples, 50)).toBe(50)
    expect(percentile(samples, 95)).toBe(95)
    expect(percentile(samples, 99)).toBe(99)
    expect(percentile(samples, 100)).toBe(100)
    expect(percentile([4, 1, 3, 2], 50)).toBe(2)
    expect(percentile([], 50)).toBeNaN()
  })

  it('summarises latencies with their mean', () => {
    expect(latency([1, 2, 3, 10])).toEqual({ count: 4, mean: 4, p50: 2, p95: 10, p99: 10 })
  })
})

describe('repeatedMeans', () => {
  it('repeats each query until the coarse clock has advanced enough, and divides', () => {
    // A clock with 1 ms ticks; query "a" costs 0.25 ms, query "b" 3 ms.
    let time = 0
    const cost: Record<string, number> = { a: 0.25, b: 3 }
    const runs: Record<string, number> = { a: 0, b: 0 }
    const means = repeatedMeans(['a', 'b'], (q) => ((time += cost[q]!), runs[q]!++), () => Math.floor(time), 10)
    expect(runs).toEqual({ a: 40, b: 4 })
    expect(means[0]).toBeCloseTo(0.25, 2)
    expect(means[1]).toBeCloseTo(3, 0)
  })

  it('runs every query at least twice and at most maxRuns times', () => {
    const runs: string[] = []
    repeatedMeans(['slow'], (q) => runs.push(q), () => runs.length * 100, 10)
    expect(runs).toHaveLength(2)
    runs.length = 0
    repeatedMeans(['free'], (q) => runs.push(q), () => 0, 10, 50)
    expect(runs).toHaveLength(50)
  })
})
