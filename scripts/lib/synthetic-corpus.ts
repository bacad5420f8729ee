/**
 * @module
 * A deterministic, seeded synthetic corpus for the benchmarks: documents written as `.txt` sources
 * (first line a title, one paragraph per line, blank lines between) that the real build pipeline
 * reads like the shipped corpus. Word frequencies follow Zipf's law over a vocabulary whose head
 * is real English function words and whose tail is generated pronounceable words; paragraph
 * lengths are drawn from those of the shipped corpus. Pure: the same options give the same bytes.
 */

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

/**
 * The most frequent English words, most frequent first (function words and the commonest content
 * words). They take the top Zipf ranks, as in real text, where they make up about half the words.
 */
export const ENGLISH_HEAD_WORDS: readonly string[] = (
  'the of and to a in is that for it as was with be by on not he this are or his from at which ' +
  'but have an had they you were their one all we can her has there been if more when will would ' +
  'who so no said its about into than them only other new some could time these two may then do ' +
  'first any my now such like our over man me even most made after also did many before must ' +
  'through back years where much your way well down should because each just those people how too ' +
  'little state good very make world still own see men work long get here between both life being ' +
  'under never day same another know while last might us great old year off come since against go ' +
  'came right used take three'
).split(' ')

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

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'cr', 'dr', 'fl', 'gr', 'pl', 'pr', 'st', 'tr', 'ch', 'sh', 'th', 'sc', 'sl']
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'o', 'ai', 'ea', 'ou', 'io', 'y']
const CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ck', 'rt', 'nt']
/** English endings, so stemming merges forms as it does on real text. */
const SUFFIXES = ['', '', '', '', '', 's', 's', 'ed', 'ing', 'er', 'ly', 'tion', 'ment', 'ness', 'al', 'ity']

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}

/**
 * The vocabulary, most frequent first: {@link ENGLISH_HEAD_WORDS}, then distinct generated
 * pronounceable words, shorter ones at higher ranks (frequent words are short), one in twenty
 * capitalised as a name.
 *
 * @example
 * syntheticVocabulary(1, 5) // => ['the', 'of', 'and', 'to', 'a']
 */
export function syntheticVocabulary(seed: number, size: number): string[] {
  const random = createRandom(seed ^ 0x5eed)
  const words = ENGLISH_HEAD_WORDS.slice(0, size)
  const seen = new Set(words)
  while (words.length < size) {
    // Longer words as the ranks go down: 1–2 syllables at the top, up to 4 in the tail.
    const maxSyllables = 2 + Math.min(2, Math.floor((words.length / size) * 3))
    const syllables = 1 + Math.floor(random() * maxSyllables)
    let word = ''
    for (let i = 0; i < syllables; i++) word += pick(random, ONSETS) + pick(random, VOWELS) + (i === syllables - 1 ? pick(random, CODAS) : '')
    word += pick(random, SUFFIXES)
    if (word.length < 3 || seen.has(word.toLowerCase())) continue
    seen.add(word.toLowerCase())
    words.push(random() < 0.05 ? word[0]!.toUpperCase() + word.slice(1) : word)
  }
  return words
}

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
  const contentWord = () => vocabulary[ENGLISH_HEAD_WORDS.length + Math.floor(random() * (vocabulary.length - ENGLISH_HEAD_WORDS.length))]!

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
