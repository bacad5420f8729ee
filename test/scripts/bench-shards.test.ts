import { describe, expect, it } from 'vitest'
import { shardDatabaseId } from '../../scripts/lib/bench/d1-bench.ts'
import { shardsReport, type ShardsResult } from '../../scripts/lib/bench/shards.ts'

describe('shardDatabaseId', () => {
  it('gives each shard an id of its own in the form of a D1 database id, none the default one', () => {
    expect(shardDatabaseId(0)).toBe('00000000-0000-0000-0000-000000000001')
    expect(shardDatabaseId(11)).toBe('00000000-0000-0000-0000-000000000012')
    const ids = Array.from({ length: 100 }, (_, i) => shardDatabaseId(i))
    expect(new Set(ids).size).toBe(100)
    // wrangler.toml's own database (the engine's unsharded one).
    expect(ids).not.toContain('00000000-0000-0000-0000-000000000000')
    for (const id of ids) expect(id).toMatch(/^[0-9]{8}-[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{12}$/)
  })
})

describe('shardsReport', () => {
  it('writes a row per shard count, its mean against the first count', () => {
    const latency = (p50: number, p99: number, mean: number) => ({ count: 3, mean, p50, p95: p99, p99 })
    const results: ShardsResult[] = [
      { shards: 1, paragraphs: 100, largestShard: 100, buildSeconds: [3.4], reused: false, inside: latency(2, 3, 2), found: 10 },
      { shards: 2, paragraphs: 100, largestShard: 60, buildSeconds: [1.6, 2.2], reused: true, inside: latency(3, 5, 3), found: 12 },
    ]
    const lines = shardsReport(results).split('\n')
    expect(lines).toHaveLength(4)
    // Means 2 and 3: 3 / 2 = 1.50×; builds in whole seconds, marked when reused.
    expect(lines[2]).toBe('| 1 | 100 (100) | 3 | 2 / 3 | 2.00 | 1.00× | 10 |')
    expect(lines[3]).toBe('| 2 | 100 (60) | 2, 2 (reused) | 3 / 5 | 3.00 | 1.50× | 12 |')
  })
})
