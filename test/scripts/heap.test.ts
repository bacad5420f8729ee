import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const HEAP = resolve('scripts/lib/heap.ts')

/** Runs a module in a Node process of its own (V8's flags are the process's), with `--trace-gc` and `flags`. */
function runNode(source: string, flags: string[] = []): { stdout: string; majors: number; factors: number[]; result: Record<string, number> } {
  const run = spawnSync(process.execPath, ['--trace-gc', ...flags, '--input-type=module', '-e', source], { encoding: 'utf8' })
  expect(run.stderr).toBe('')
  expect(run.status).toBe(0)
  const lines = run.stdout.trim().split('\n')
  return {
    stdout: run.stdout,
    majors: lines.filter((line) => line.includes('Mark-Compact')).length,
    // `--trace-gc-verbose`: the growing factor V8 chose for the old generation's next limit.
    factors: lines.flatMap((line) => {
      const factor = /\[HeapController\] factor ([\d.]+)/.exec(line)?.[1]
      return factor ? [Number(factor)] : []
    }),
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
  it("sets the old generation's growing factor to 1.5 at every full collection, where V8 chose a larger one", () => {
    const free = runNode(GROWING_LIVE_SET, ['--trace-gc-verbose'])
    const bounded = runNode(`import { boundHeapGrowth } from ${JSON.stringify(HEAP)}\nboundHeapGrowth()\n${GROWING_LIVE_SET}`, ['--trace-gc-verbose'])
    expect(free.result['kept']).toBe(2e6)
    expect(bounded.result['kept']).toBe(2e6)
    // Collections cost little of this run, so V8 lets the heap grow by more than half (up to 4×).
    expect(Math.max(...free.factors)).toBeGreaterThan(1.5)
    // Bounded: 1 + 50/100 each time V8 sets the limit, so it collects more often.
    expect(bounded.factors.length).toBeGreaterThan(0)
    expect(new Set(bounded.factors)).toEqual(new Set([1.5]))
    expect(bounded.majors).toBeGreaterThan(free.majors)
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
    // Three million objects of three parts (an object, a string, a two-element array): at least
    // 130 bytes each, so over 370 MiB of pages freed; at least 200 MiB of them go back.
    expect(result['before']! - result['after']!).toBeGreaterThan(200)
    // The collection that gave them back reduces memory ("last resort").
    expect(stdout).toContain('Mark-Compact (reduce)')
  }, 60_000)
})
