import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/core/build-index.ts'
import { readCorpus } from '../../scripts/lib/index-files.ts'
import { ROOT } from '../../scripts/lib/paths.ts'
import { measureSameFact, parseSameFactLabels, type LinkedParagraph, type SameFactLabels } from '../../scripts/lib/same-fact.ts'
import { loadWordNetLexicon } from '../../scripts/lib/wordnet-files.ts'

const p = (id: string, sourceId: string, text: string, related: string[]): LinkedParagraph => ({ id, sourceId, text, related: related.map((other) => ({ id: other })) })

describe('measureSameFact', () => {
  const paragraphs = [
    p('a1', 'a', 'Putin denied meddling.', ['b2', 'b1']),
    p('a2', 'a', 'Macron called RT propaganda.', ['b1']),
    p('b1', 'b', 'Putin said Russia did not interfere.', ['a2', 'a1']),
    p('b2', 'b', 'RT and Sputnik are organs of propaganda, Macron said.', ['a1']),
  ]
  const labels: SameFactLabels = {
    pairs: [
      { a: 'Putin denied', b: 'did not interfere' },
      { a: 'called RT', b: 'organs of propaganda' },
    ],
    nonPairs: [
      { a: 'Putin denied', b: 'organs of propaganda' },
      { a: 'called RT', b: 'did not interfere' },
    ],
  }

  it('counts partners among the first k related, and links that join a pair over links that join any labelled pair', () => {
    const result = measureSameFact(paragraphs, labels, 1)
    // Top 1: a1→b2 (wrong), a2→b1 (wrong), b1→a2 (wrong), b2→a1 (wrong): no partner found.
    expect(result.recallAtK).toBe(0)
    expect(result.precision).toBe(0)
    const atTwo = measureSameFact(paragraphs, labels, 2)
    // a1 finds b1, b1 finds a1; a2 and b2 miss each other: 2 of 4.
    expect(atTwo.recallAtK).toBe(0.5)
    // Links: a1→b2 ✗, a1→b1 ✓, a2→b1 ✗, b1→a2 ✗, b1→a1 ✓, b2→a1 ✗: 2 of 6.
    expect(atTwo.precision).toBeCloseTo(2 / 6)
    expect(atTwo.missed).toEqual([
      { from: 'a2', to: 'b2' },
      { from: 'b2', to: 'a2' },
    ])
  })

  it('refuses a label that names no paragraph, or two', () => {
    expect(() => measureSameFact(paragraphs, { pairs: [{ a: 'nowhere', b: 'RT' }], nonPairs: [] })).toThrow('no paragraphs contain "nowhere"')
    expect(() => measureSameFact(paragraphs, { pairs: [{ a: 'Putin', b: 'RT' }], nonPairs: [] })).toThrow('2 paragraphs contain "Putin"')
  })
})

describe('parseSameFactLabels', () => {
  it('reads pairs as objects or arrays, sides as texts or { contains }, non-pairs optional', () => {
    expect(parseSameFactLabels({ pairs: [{ a: 'x', b: { contains: 'y' } }, ['u', { contains: 'v' }]] })).toEqual({
      pairs: [
        { a: 'x', b: 'y' },
        { a: 'u', b: 'v' },
      ],
      nonPairs: [],
    })
    expect(parseSameFactLabels({ pairs: [], non_pairs: [['p', 'q']] }).nonPairs).toEqual([{ a: 'p', b: 'q' }])
    expect(() => parseSameFactLabels({ pair: [] })).toThrow('a labelled set needs "pairs"')
  })
})

describe('the labelled pairs of the shipped corpus', () => {
  it('are found by "also reported by": recall@3 at least 0.81 and precision at least 0.81 (0.385 and 0.714 before WordNet, statements, speakers and shared quotations; 0.788 and 0.820 with them; 0.827 and 0.827 with amounts, pronouns, irregular forms and pertainyms)', async () => {
    const labels: SameFactLabels = parseSameFactLabels(JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'same-fact', 'shipped-corpus.json'), 'utf8')))
    const { paragraphs } = await buildIndex({ ...(await readCorpus(join(ROOT, 'corpus'))), lexicon: await loadWordNetLexicon() })
    const result = measureSameFact(paragraphs, labels)
    expect(result.recallAtK).toBeGreaterThanOrEqual(0.81)
    expect(result.precision).toBeGreaterThanOrEqual(0.81)
  })
})

describe('the labelled pairs of three outlets of a bridge collapse (held out in round two, tuned on since)', () => {
  it('are found: recall@3 at least 0.95 and precision at least 0.95 (0.882 and 1.000 before the cut per source; 0.976 and 1.000 with it; 1.000 and 1.000 with the cut per statement; 0.988 and 0.988 with irregular forms, round five)', async () => {
    const dir = join(ROOT, 'test', 'fixtures', 'same-fact')
    const labels: SameFactLabels = parseSameFactLabels(JSON.parse(readFileSync(join(dir, 'bridge-collapse.json'), 'utf8')))
    const { paragraphs } = await buildIndex({ ...(await readCorpus(join(dir, 'bridge-collapse'))), lexicon: await loadWordNetLexicon() })
    const result = measureSameFact(paragraphs, labels)
    expect(result.pairs).toBe(44)
    expect(result.recallAtK).toBeGreaterThanOrEqual(0.95)
    expect(result.precision).toBeGreaterThanOrEqual(0.95)
  })
})

/** Builds a labelled set's corpus with WordNet and measures its pairs. */
async function measureSet(name: string) {
  const dir = join(ROOT, 'test', 'fixtures', 'same-fact')
  const labels: SameFactLabels = parseSameFactLabels(JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')))
  const { paragraphs } = await buildIndex({ ...(await readCorpus(join(dir, name))), lexicon: await loadWordNetLexicon() })
  return measureSameFact(paragraphs, labels)
}

describe('the labelled pairs of three outlets of a court ruling (the development set of round three)', () => {
  it('are found: recall@3 at least 0.86 and precision at least 0.93 (0.731 and 0.927 before roles; 0.846 and 0.917 with roles and numbers in words; 0.865 and 0.938 after round five and round six)', async () => {
    const result = await measureSet('court-ruling')
    expect(result.pairs).toBe(26)
    expect(result.recallAtK).toBeGreaterThanOrEqual(0.86)
    expect(result.precision).toBeGreaterThanOrEqual(0.93)
  })
})

describe('the labelled pairs of three outlets of a rate decision (held out in round three, its misses read in round five)', () => {
  it('are found: recall@3 at least 0.82 and precision at least 0.84 (0.761 and 0.850 before round three; 0.791 and 0.841 after it; 0.821 and 0.846 after round five and round six)', async () => {
    const result = await measureSet('rate-decision')
    expect(result.pairs).toBe(35)
    expect(result.recallAtK).toBeGreaterThanOrEqual(0.82)
    expect(result.precision).toBeGreaterThanOrEqual(0.84)
  })
})

describe('the labelled pairs of three outlets of an e-bike recall (held out in round four, its misses read in round five)', () => {
  it('are found: recall@3 at least 0.9 and precision at least 0.96 (0.870 and 0.952 when written, before round four; round four kept no change; 0.913 and 0.984 after round five)', async () => {
    const result = await measureSet('ebike-recall')
    expect(result.pairs).toBe(35)
    expect(result.nonPairs).toBe(13)
    expect(result.recallAtK).toBeGreaterThanOrEqual(0.9)
    expect(result.precision).toBeGreaterThanOrEqual(0.96)
  })
})

describe('the labelled pairs of three outlets of an airline grounded by a faulty update (held out in round five, its misses read in round six)', () => {
  it('are found: recall@3 at least 0.92 and precision at least 0.98 (0.815 and 1.000 when written, before round five; 0.892 and 0.983 after it; 0.923 and 0.984 after round six)', async () => {
    const result = await measureSet('airline-outage')
    expect(result.pairs).toBe(35)
    expect(result.nonPairs).toBe(13)
    expect(result.recallAtK).toBeGreaterThanOrEqual(0.92)
    expect(result.precision).toBeGreaterThanOrEqual(0.98)
  })
})

describe('the held-out labelled pairs of three outlets of jewels stolen from a museum (round six)', () => {
  it('are found: recall@3 at least 0.9 and precision at least 0.96 (0.908 and 0.986 when written, before round six, and after it)', async () => {
    const result = await measureSet('museum-heist')
    expect(result.pairs).toBe(43)
    expect(result.nonPairs).toBe(16)
    expect(result.recallAtK).toBeGreaterThanOrEqual(0.9)
    expect(result.precision).toBeGreaterThanOrEqual(0.96)
  })
})
