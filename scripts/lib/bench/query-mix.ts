/**
 * @module
 * A realistic, seeded mix of search-box queries drawn from an index's own words and paragraphs:
 * whole words, several words, quoted phrases, exclusions, words typed one letter at a time (each
 * keystroke a query, the last word a prefix), and typos within the typo budget.
 */
import { tokenize } from '../../../src/core/terms.ts'
import type { VocabularyEntry } from '../../../src/core/vocabulary.ts'
import { createRandom } from '../synthetic-corpus.ts'

/** What a query of the mix exercises. */
export type QueryKind = 'word' | 'words' | 'phrase' | 'exclusion' | 'typing' | 'typo'

/** A query of the mix. */
export type MixQuery = { kind: QueryKind; q: string }

/** Options of {@link queryMix}. */
export type QueryMixOptions = {
  /** Seed: the same seed and index give the same mix. */
  seed: number
  /** The index's vocabulary (`vocabulary.json`). */
  vocabulary: readonly VocabularyEntry[]
  /** Texts of the index's paragraphs, to take phrases from. */
  paragraphs: readonly string[]
  /** About how many queries; typing sequences are kept whole. Default 300. */
  size?: number
}

/** Share of each kind of query (typing sequences count per keystroke). */
const SHARES: [QueryKind, number][] = [
  ['word', 0.2],
  ['words', 0.15],
  ['phrase', 0.1],
  ['exclusion', 0.1],
  ['typing', 0.35],
  ['typo', 0.1],
]

/**
 * Builds the mix. Words are drawn in proportion to how many paragraphs use them (what people
 * look for is what the documents talk about), from words of at least three letters.
 *
 * @example
 * queryMix({ seed: 1, vocabulary, paragraphs }).slice(0, 2) // => [{ kind: 'word', q: 'syria' }, ...]
 */
export function queryMix(options: QueryMixOptions): MixQuery[] {
  const { seed, vocabulary, paragraphs } = options
  const size = options.size ?? 300
  const random = createRandom(seed)
  const words = vocabulary.filter(([folded]) => folded.length >= 3 && /^\p{L}+$/u.test(folded))
  if (words.length === 0 || paragraphs.length === 0) throw new Error('query mix: the index has no words to draw from')
  const cumulative: number[] = []
  let total = 0
  for (const [, , count] of words) cumulative.push((total += count))
  const word = (minLength = 3): string => {
    for (;;) {
      const target = random() * total
      let low = 0
      let high = cumulative.length - 1
      while (low < high) {
        const middle = (low + high) >>> 1
        if (cumulative[middle]! <= target) low = middle + 1
        else high = middle
      }
      const [folded, , , display] = words[low]!
      if (folded.length >= minLength) return display ?? folded
    }
  }
  const phrase = (): string => {
    for (;;) {
      const tokens = tokenize(paragraphs[Math.floor(random() * paragraphs.length)]!)
      if (tokens.length < 3) continue
      const length = 2 + Math.floor(random() * 2)
      const start = Math.floor(random() * (tokens.length - length + 1))
      return tokens.slice(start, start + length).join(' ')
    }
  }
  const typo = (text: string): string => {
    const i = 1 + Math.floor(random() * (text.length - 2))
    const edit = Math.floor(random() * 3)
    if (edit === 0) return text.slice(0, i) + text.slice(i + 1) // deletion
    if (edit === 1) return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2) // transposition
    return text.slice(0, i) + 'eaiou'.replace(text[i]!, '')[Math.floor(random() * 4)] + text.slice(i + 1) // substitution
  }

  const mix: MixQuery[] = []
  for (const [kind, share] of SHARES) {
    const wanted = Math.round(size * share)
    const start = mix.length
    while (mix.length - start < wanted) {
      if (kind === 'word') mix.push({ kind, q: word() })
      else if (kind === 'words') mix.push({ kind, q: Array.from({ length: 2 + Math.floor(random() * 2) }, () => word()).join(' ') })
      else if (kind === 'phrase') mix.push({ kind, q: `"${phrase()}"` })
      else if (kind === 'exclusion') mix.push({ kind, q: `${word()} -${random() < 0.7 ? word() : `"${phrase()}"`}` })
      else if (kind === 'typo') mix.push({ kind, q: typo(word(5)) })
      else {
        // A word typed one letter at a time, sometimes after a word already typed.
        const before = random() < 0.4 ? `${word()} ` : ''
        const target = word(4)
        for (let length = 1; length <= target.length; length++) mix.push({ kind, q: before + target.slice(0, length) })
      }
    }
  }
  // Interleave the kinds as real traffic would, keeping each typing sequence in order.
  const groups: MixQuery[][] = []
  for (const query of mix) {
    const last = groups.at(-1)
    if (query.kind === 'typing' && last?.[0]?.kind === 'typing' && query.q.startsWith(last.at(-1)!.q)) last.push(query)
    else groups.push([query])
  }
  for (let i = groups.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[groups[i], groups[j]] = [groups[j]!, groups[i]!]
  }
  return groups.flat()
}
