import { describe, expect, it } from 'vitest'
import { readTextCapture } from '../../src/core/readers/text.ts'
import { recoverParagraphs as recoverCapture } from '../../src/core/recovery/recover-paragraphs.ts'
import { tokenize } from '../../src/core/terms.ts'
import { createRandom, generateSyntheticCorpus, syntheticVocabulary, zipfSampler } from '../../scripts/lib/synthetic-corpus.ts'
import { percentile } from '../../scripts/lib/bench/stats.ts'
import { queryMix } from '../../scripts/lib/bench/query-mix.ts'
import { buildVocabulary } from '../../src/core/vocabulary.ts'

const bytes = (files: { name: string; text: string }[]) => files.map((file) => `${file.name}\n${file.text}`).join('\0')

describe('createRandom', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = createRandom(7)
    const b = createRandom(7)
    const c = createRandom(8)
    const first = Array.from({ length: 1000 }, a)
    expect(Array.from({ length: 1000 }, b)).toEqual(first)
    expect(Array.from({ length: 1000 }, c)).not.toEqual(first)
    for (const value of first) expect(value >= 0 && value < 1).toBe(true)
  })
})

describe('syntheticVocabulary', () => {
  it('is real English words, most popular first, distinct, letters only', () => {
    const words = syntheticVocabulary(1, 50_000)
    expect(words).toHaveLength(50_000)
    expect(words.slice(0, 5)).toEqual(['the', 'of', 'in', 'and', 'to'])
    expect(new Set(words).size).toBe(50_000)
    for (const word of words) expect(word, word).toMatch(/^[a-z]+$/)
    expect(words).not.toContain('nbsp')
    for (const word of ['government', 'election', 'president', 'weapons']) expect(words, word).toContain(word)
    expect(syntheticVocabulary(2, 100)).toEqual(words.slice(0, 100))
  })
})

describe('zipfSampler', () => {
  it('draws rank r about 1/(r+1) as often as rank 0', () => {
    const rank = zipfSampler(50_000, 1)
    const random = createRandom(3)
    const counts = new Map<number, number>()
    for (let i = 0; i < 200_000; i++) {
      const r = rank(random())
      counts.set(r, (counts.get(r) ?? 0) + 1)
    }
    const top = counts.get(0)!
    // Rank 0 takes 1/H(50000) ≈ 8.8% of the draws.
    expect(top / 200_000).toBeGreaterThan(0.08)
    expect(top / 200_000).toBeLessThan(0.097)
    for (const r of [1, 4, 9]) {
      const ratio = counts.get(r)! / top
      expect(ratio, `rank ${r}`).toBeGreaterThan((1 / (r + 1)) * 0.85)
      expect(ratio, `rank ${r}`).toBeLessThan((1 / (r + 1)) * 1.15)
    }
    expect(Math.max(...counts.keys())).toBeLessThan(50_000)
  })
})

describe('generateSyntheticCorpus', () => {
  const corpus = generateSyntheticCorpus({ seed: 1, paragraphs: 1000 })

  it('gives the same bytes for the same seed, and other bytes for another', () => {
    expect(bytes(generateSyntheticCorpus({ seed: 1, paragraphs: 1000 }))).toBe(bytes(corpus))
    expect(bytes(generateSyntheticCorpus({ seed: 2, paragraphs: 1000 }))).not.toBe(bytes(corpus))
  })

  it('writes documents of a few hundred paragraphs whose first line is a title', () => {
    expect(corpus.map((file) => file.name)).toEqual(corpus.map((_, i) => `synthetic-${String(i).padStart(4, '0')}.txt`))
    for (const file of corpus.slice(0, -1)) {
      const paragraphs = file.text.split('\n\n').length - 1
      expect(paragraphs).toBeGreaterThanOrEqual(150)
      expect(paragraphs).toBeLessThanOrEqual(350)
      expect(file.text.split('\n')[0]).toMatch(/^Synthetic report \d+: \S+ \S+$/)
    }
  })

  it('holds exactly the paragraphs asked for, as the build recovers them, about 6% of them headings', () => {
    for (const size of [1000, 1234]) {
      const files = size === 1000 ? corpus : generateSyntheticCorpus({ seed: 5, paragraphs: size })
      const recovered = files.flatMap((file) => recoverCapture(readTextCapture(file.text)).paragraphs)
      expect(recovered).toHaveLength(size)
      const headings = recovered.filter((paragraph) => paragraph.kind === 'heading').length
      expect(headings / size).toBeGreaterThan(0.03)
      expect(headings / size).toBeLessThan(0.1)
      expect(recovered.every((paragraph) => paragraph.kind === 'heading' || paragraph.kind === 'body')).toBe(true)
    }
  })

  it('has paragraph lengths like the shipped corpus (median 27 words, from 6 to 92)', () => {
    const recovered = corpus.flatMap((file) => recoverCapture(readTextCapture(file.text)).paragraphs).filter((p) => p.kind === 'body')
    const lengths = recovered.map((paragraph) => tokenize(paragraph.text).length)
    expect(percentile(lengths, 50)).toBeGreaterThanOrEqual(22)
    expect(percentile(lengths, 50)).toBeLessThanOrEqual(33)
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(4)
    expect(Math.max(...lengths)).toBeLessThanOrEqual(Math.ceil(92 * 1.2))
  })

  it('has word frequencies that fall off as Zipf: rank × frequency roughly constant', () => {
    const counts = new Map<string, number>()
    for (const file of generateSyntheticCorpus({ seed: 1, paragraphs: 5000 })) {
      for (const word of tokenize(file.text.slice(file.text.indexOf('\n')))) counts.set(word.toLowerCase(), (counts.get(word.toLowerCase()) ?? 0) + 1)
    }
    const sorted = [...counts.values()].sort((a, b) => b - a)
    const total = sorted.reduce((sum, count) => sum + count, 0)
    expect(sorted[0]! / total).toBeGreaterThan(0.07)
    expect(sorted[0]! / total).toBeLessThan(0.11)
    for (const rank of [10, 100, 1000]) {
      const product = (sorted[rank - 1]! * rank) / sorted[0]!
      expect(product, `rank ${rank}`).toBeGreaterThan(0.6)
      expect(product, `rank ${rank}`).toBeLessThan(1.5)
    }
    expect(counts.size).toBeGreaterThan(10_000)
  })

  it('refuses a size that is not a positive integer', () => {
    expect(() => generateSyntheticCorpus({ seed: 1, paragraphs: 0 })).toThrow(/positive integer/)
  })
})

describe('queryMix', () => {
  const texts = generateSyntheticCorpus({ seed: 1, paragraphs: 500 }).flatMap((file) => recoverCapture(readTextCapture(file.text)).paragraphs.map((p) => p.text))
  const vocabulary = buildVocabulary(texts)
  const mix = queryMix({ seed: 4, vocabulary, paragraphs: texts })

  it('is the same for the same seed, and holds every kind of query', () => {
    expect(queryMix({ seed: 4, vocabulary, paragraphs: texts })).toEqual(mix)
    expect(queryMix({ seed: 5, vocabulary, paragraphs: texts })).not.toEqual(mix)
    expect(new Set(mix.map((query) => query.kind))).toEqual(new Set(['word', 'words', 'phrase', 'exclusion', 'typing', 'typo']))
    expect(mix.length).toBeGreaterThanOrEqual(290)
  })

  it('types words one letter at a time, in order', () => {
    const typing = mix.filter((query) => query.kind === 'typing').map((query) => query.q)
    expect(typing.some((q) => q.length === 1)).toBe(true)
    const index = mix.findIndex((query) => query.kind === 'typing' && query.q.length === 1)
    expect(mix[index + 1]!.q.startsWith(mix[index]!.q)).toBe(true)
    expect(mix[index + 1]!.q.length).toBe(2)
  })

  it('quotes phrases taken from the paragraphs and excludes with a minus', () => {
    const lower = texts.map((text) => text.toLowerCase().replace(/[,.]/g, ''))
    for (const { q } of mix.filter((query) => query.kind === 'phrase')) {
      expect(q).toMatch(/^"[^"]+"$/)
      expect(lower.some((text) => text.includes(q.slice(1, -1).toLowerCase()))).toBe(true)
    }
    for (const { q } of mix.filter((query) => query.kind === 'exclusion')) expect(q).toMatch(/^\S+ -\S/)
  })
})
