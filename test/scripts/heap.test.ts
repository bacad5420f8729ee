import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const HEAP = resolve('scripts/lib/heap.ts')

/** Runs a module in a Node process of its own (V8's flags are the process's), with `--trace-gc`. */
function runNode(source: string): { stdout: string; majors: number; result: Record<string, number> } {
  const run = spawnSync(process.execPath, ['--trace-gc', '--input-type=module', '-e', source], { encoding: 'utf8' })
  expect(run.stderr).toBe('')
  expect(run.status).toBe(0)
  const lines = run.stdout.trim().split('\n')
  return {
    stdout: run.stdout,
    majors: lines.filter((line) => line.includes('Mark-Compact')).length,
    result: JSON.parse(lines.findLast((line) => line.startsWith('{'))!) as Record<string, number>,
  }
}

/**
 * A live set growing to 2 million small objects while 8 million short-lived ones come and go:
 * the shape of a build step that keeps what it makes and drops its scratch.
 */
const GROWING_LIVE_SET = `
const live = []
let scratch = []
for (let i = 0; i < 2e6; i++) {
  live.push({ a: i, s: 'x' + i })
  for (let j = 0; j < 4; j++) { scratch.push({ b: j, c: [i, j] }); if (scratch.length > 5e5) scratch = [] }
}
console.log(JSON.stringify({ kept: live.length }))
`

describe('boundHeapGrowth', () => {
  it('makes V8 collect the old generation more often as the live set grows', () => {
    const free = runNode(GROWING_LIVE_SET)
    const bounded = runNode(`import { boundHeapGrowth } from ${JSON.stringify(HEAP)}\nboundHeapGrowth()\n${GROWING_LIVE_SET}`)
    expect(free.result['kept']).toBe(2e6)
    expect(bounded.result['kept']).toBe(2e6)
    // From a live set L0 to L, V8 collects about log(L/L0)/log(f) times for a growing factor f:
    // f up to 4 unbounded, 1.5 bounded, so log 4 / log 1.5 = 3.4 times as many; at least twice.
    expect(bounded.majors).toBeGreaterThanOrEqual(2 * free.majors)
  }, 60_000)
})

describe('releaseFreedHeapPages', () => {
  it('gives back the pages of a heap let go, which a regular collection keeps pooled', () => {
    const { result, stdout } = runNode(`
import { releaseFreedHeapPages } from ${JSON.stringify(HEAP)}
const mib = () => process.memoryUsage().rss / 2 ** 20
let kept = []
for (let i = 0; i < 3e6; i++) kept.push({ a: i, b: 'x' + i, c: [i, i + 1] })
kept = null
let scratch = []
for (let i = 0; i < 2e6; i++) { scratch.push({ a: i }); if (scratch.length > 1000) scratch = [] }
const before = mib()
releaseFreedHeapPages()
console.log(JSON.stringify({ before, after: mib() }))
`)
    // Three million objects of three parts (an object, a string, a two-element array): about
    // 130 bytes each, so near 370 MiB of pages freed; at least 200 MiB of them go back.
    expect(result['before']! - result['after']!).toBeGreaterThan(200)
    // The collection that gave them back reduces memory ("last resort").
    expect(stdout).toContain('Mark-Compact (reduce)')
  }, 60_000)
})
