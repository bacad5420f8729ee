/**
 * @module
 * A deterministic, seeded synthetic corpus for the benchmarks: documents written as `.txt` sources
 * (first line a title, one paragraph per line, blank lines between) that the real build pipeline
 * reads like the shipped corpus. Word frequencies follow Zipf's law over real English words in
 * their order of popularity (the `popular-english-words` list, from Wikipedia); paragraph lengths
 * are drawn from those of the shipped corpus. Pure: the same options give the same bytes.
 */
import { words as POPULAR_ENGLISH_WORDS } from 'popular-english-words/words.js'

/** A random number generator: each call returns a float in [0, 1). */
export type Random = () => number

/**
 * Mulberry32: a small, fast, seedable generator, good enough for test data (not for secrets).
 *
 * @example
 * const random = createRandom(42)
 * random() // => 0.6011037519201636 (always, for seed 42)
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Word counts of the body paragraphs of the shipped corpus (`index/paragraphs.json`, 43 paragraphs). */
export const SHIPPED_BODY_WORD_COUNTS: readonly number[] = [
  6, 9, 12, 14, 15, 15, 16, 18, 18, 19, 20, 20, 21, 21, 21, 22, 22, 23, 24, 27, 27, 27, 30, 30, 32, 35, 36, 37, 37, 41, 42, 42,
  45, 47, 47, 49, 49, 49, 54, 62, 70, 87, 92,
]

/** Options of {@link generateSyntheticCorpus}. */
export type SyntheticCorpusOptions = {
  /** Seed of the generator: the same seed and options give the same bytes. */
  seed: number
  /** Paragraphs in the whole corpus (headings included); the build recovers exactly this many. */
  paragraphs: number
  /** Distinct words that can occur. Default 50 000. */
  vocabularySize?: number
  /** Exponent of the Zipf distribution of word frequencies. Default 1 (natural language). */
  zipfExponent?: number
  /** Mean paragraphs per document; each document gets between 60% and 140% of it. Default 250. */
  paragraphsPerDocument?: number
  /** One heading every so many paragraphs on average. Default 16 (the shipped corpus: 3 in 52). */
  paragraphsPerHeading?: number
  /** Word counts of real paragraphs to draw lengths from. Default {@link SHIPPED_BODY_WORD_COUNTS}. */
  paragraphWordCounts?: readonly number[]
}

const DEFAULTS = {
  vocabularySize: 50_000,
  zipfExponent: 1,
  paragraphsPerDocument: 250,
  paragraphsPerHeading: 16,
  paragraphWordCounts: SHIPPED_BODY_WORD_COUNTS,
} satisfies Omit<Required<SyntheticCorpusOptions>, 'seed' | 'paragraphs'>

/** A generated source file. */
export type SyntheticFile = {
  /** File name, e.g. `synthetic-0007.txt`. */
  name: string
  /** Its text: the title on the first line, then one paragraph per line with blank lines between. */
  text: string
}

/**
 * The vocabulary, most frequent first: the most popular English words (letters only, at least
 * two of them but for "a" and "i", without the markup words a Wikipedia dump leaves in, such as
 * "nbsp"). The seed does not change it: real text has one vocabulary.
 *
 * @example
 * syntheticVocabulary(1, 5) // => ['the', 'of', 'in', 'and', 'to']
 */
export function syntheticVocabulary(_seed: number, size: number): string[] {
  const words: string[] = []
  for (const word of POPULAR_ENGLISH_WORDS) {
    if (words.length >= size) break
    if (/^[a-z]+$/.test(word) && (word.length > 1 || word === 'a' || word === 'i') && !MARKUP_WORDS.has(word)) words.push(word)
  }
  if (words.length < size) throw new Error(`synthetic corpus: only ${words.length} words to draw from, not ${size}`)
  return words
}

/** Words of wiki markup and web pages, frequent in the list but not in news text. */
const MARKUP_WORDS = new Set(['nbsp', 'ndash', 'mdash', 'amp', 'quot', 'http', 'https', 'www', 'com', 'org', 'html', 'jpg', 'png', 'svg', 'ref', 'px', 'br', 'td', 'tr', 'th', 'div', 'span', 'wikipedia', 'wikiproject', 'redirect', 'thumb', 'cite', 'url', 'isbn', 'pdf'])

/**
 * Words that cannot end a heading of the synthetic corpus: the recovery takes a line ending in a
 * function word for a paragraph cut at a page break.
 */
const NOT_LAST_IN_HEADING = new Set(
  ('a an the and or but nor of to in on at by for with from as than that which who whom whose his her their its our my your ' +
    'is was were are be been being has have had not into onto over under after before about against between during without ' +
    'within through while if because so very more most such i he she it we they you me him them us this these those').split(' ')
)

/**
 * Draws ranks from a Zipf distribution: rank `r` (0-based) with probability proportional to
 * `1 / (r + 1) ** exponent`.
 *
 * @returns A function that maps a uniform number in [0, 1) to a rank.
 */
export function zipfSampler(size: number, exponent: number): (uniform: number) => number {
  const cumulative = new Float64Array(size)
  let total = 0
  for (let rank = 0; rank < size; rank++) cumulative[rank] = total += 1 / (rank + 1) ** exponent
  return (uniform) => {
    const target = uniform * total
    let low = 0
    let high = size - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if (cumulative[middle]! <= target) low = middle + 1
      else high = middle
    }
    return low
  }
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}

const capitalise = (word: string) => word[0]!.toUpperCase() + word.slice(1)

/**
 * Generates the corpus.
 *
 * @returns The source files, named `synthetic-0000.txt` on, holding exactly `paragraphs` paragraphs
 *   in all: body paragraphs of sentences ending in full stops, and short unpunctuated headings.
 *
 * @example
 * generateSyntheticCorpus({ seed: 1, paragraphs: 1000 }).length // => 4
 */
export function generateSyntheticCorpus(options: SyntheticCorpusOptions): SyntheticFile[] {
  const { seed, paragraphs, vocabularySize, zipfExponent, paragraphsPerDocument, paragraphsPerHeading, paragraphWordCounts } = { ...DEFAULTS, ...options }
  if (!Number.isInteger(paragraphs) || paragraphs < 1) throw new Error(`synthetic corpus: paragraphs must be a positive integer, not ${paragraphs}`)
  const random = createRandom(seed)
  const vocabulary = syntheticVocabulary(seed, vocabularySize)
  const rank = zipfSampler(vocabulary.length, zipfExponent)
  const word = () => vocabulary[rank(random())]!
  /** A word that can end a heading: not a function word (the recovery takes those for a cut line). */
  const contentWord = (): string => {
    const candidate = vocabulary[Math.floor(random() * vocabulary.length)]!
    return NOT_LAST_IN_HEADING.has(candidate) ? contentWord() : candidate
  }

  const files: SyntheticFile[] = []
  let remaining = paragraphs
  while (remaining > 0) {
    const count = Math.min(remaining, Math.round(paragraphsPerDocument * (0.6 + 0.8 * random())))
    remaining -= count
    const seen = new Set<string>()
    const lines = [`Synthetic report ${files.length + 1}: ${capitalise(contentWord())} ${contentWord()}`]
    for (let i = 0; i < count; i++) {
      let text: string
      do {
        if (i > 0 && random() < 1 / paragraphsPerHeading) {
          const words = Array.from({ length: 2 + Math.floor(random() * 5) }, word)
          words[words.length - 1] = contentWord()
          text = capitalise(words.join(' '))
        } else {
          text = bodyParagraph(random, word, paragraphWordCounts)
        }
      } while (seen.has(text.toLowerCase()))
      seen.add(text.toLowerCase())
      lines.push('', text)
    }
    files.push({ name: `synthetic-${String(files.length).padStart(4, '0')}.txt`, text: lines.join('\n') + '\n' })
  }
  return files
}

/** A paragraph of sentences of 6 to 25 words, with a length drawn from real paragraphs. */
function bodyParagraph(random: Random, word: () => string, wordCounts: readonly number[]): string {
  const length = Math.max(4, Math.round(pick(random, wordCounts) * (0.8 + 0.4 * random())))
  const sentences: string[] = []
  let left = length
  while (left > 0) {
    let size = Math.min(left, 6 + Math.floor(random() * 20))
    if (left - size < 4) size = left
    left -= size
    const words = Array.from({ length: size }, (_, i) => (i < size - 1 && random() < 0.06 ? `${word()},` : word()))
    sentences.push(`${capitalise(words.join(' '))}.`)
  }
  return sentences.join(' ')
}
