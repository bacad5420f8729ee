/**
 * @module
 * The vocabulary of the corpus: every word as people type it (folded, not stemmed), with its
 * index term, how many paragraphs use it and how it is usually written. It completes a word
 * being typed: a prefix of the word is not always a prefix of its stem (`cooperat` is a prefix
 * of `cooperation`, not of the stem `cooper`), so completions are found on words, then searched
 * by their terms. Typos are corrected on words too, for the same reason: `chemcal` is one edit
 * from `chemical`, but three from its stem `chemic`.
 */
import { SortedWords } from './sorted-words.ts'
import { foldWord, isStopWord, possessiveOf, processTerm, tokenize } from './terms.ts'

/** `[folded word, index term, paragraphs using it, usual spelling if not the folded word]`. */
export type VocabularyEntry = [folded: string, term: string, count: number, display?: string]

/** A completion of a prefix: an index term and how it is best shown. */
export type Completion = {
  /** The index term. */
  term: string
  /** The usual spelling of the most used word that starts with the prefix and has this term. */
  display: string
  /** The sum, over the words with this term that start with the prefix, of the paragraphs using each (a paragraph using two counts twice). */
  count: number
  /** Paragraphs using the most used of those words: at least that many hold the term (a paragraph may use several). */
  used: number
}

/**
 * Builds the vocabulary of some texts, sorted by folded word. Function words are left out: no
 * one needs them completed.
 *
 * @example
 * buildVocabulary(['Versailles palace', 'the palace'])
 * // => [['palace', 'palac', 2], ['versailles', 'versaill', 1, 'Versailles']]
 */
export function buildVocabulary(texts: Iterable<string>): VocabularyEntry[] {
  const words = new Map<string, { term: string; count: number; spellings: Map<string, number> }>()
  for (const text of texts) {
    const seen = new Set<string>()
    for (const token of tokenize(text)) {
      const folded = foldWord(token)
      if (isStopWord(folded)) continue
      const term = processTerm(token)
      if (!term) continue
      let word = words.get(folded)
      if (!word) words.set(folded, (word = { term, count: 0, spellings: new Map() }))
      const spelling = token.slice(0, token.length - possessiveOf(token).length)
      word.spellings.set(spelling, (word.spellings.get(spelling) ?? 0) + 1)
      if (!seen.has(folded)) {
        seen.add(folded)
        word.count++
      }
    }
  }
  return [...words]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([folded, { term, count, spellings }]): VocabularyEntry => {
      const display = usualSpelling(spellings)
      return display === folded ? [folded, term, count] : [folded, term, count, display]
    })
}

/** The most frequent spelling; on ties the lowercase one, then the first alphabetically. */
function usualSpelling(spellings: Map<string, number>): string {
  const isLower = (spelling: string) => Number(spelling.toLowerCase() === spelling)
  return [...spellings].sort(([a, countA], [b, countB]) => countB - countA || isLower(b) - isLower(a) || (a < b ? -1 : 1))[0]![0]
}

/** A correction of a misspelt word: an index term, and how many edits away its word is. */
export type Correction = {
  /** The index term of the corrected word. */
  term: string
  /** The corrected word, as usually spelt. */
  display: string
  /** Edits between the typed word and the corrected one (Levenshtein, a swap of adjacent letters counting as one). */
  distance: number
}

/**
 * Corrections remembered per vocabulary: a fuzzy look-up walks much of the tree, the same words
 * come back as they are typed, and a store-backed reader plans a query again on each fetch round
 * (`index-reader.ts`). Cleared when full, as the term cache of `terms.ts` is.
 */
const CORRECTIONS_REMEMBERED = 1024

/** Most words {@link Vocabulary.paragraphsWithTerm} reads for one term: a short term starts thousands. */
export const TERM_WORDS_SCANNED = 256

/** Prefix and typo look-ups on a sorted vocabulary. */
export class Vocabulary {
  readonly #entries: readonly VocabularyEntry[]
  /** The folded words, sorted: prefix ranges, and typo look-ups with nothing built at load (see `SortedWords`). */
  readonly #words: SortedWords
  /** Corrections found, by distance, limit and word (see {@link CORRECTIONS_REMEMBERED}). */
  readonly #corrections = new Map<string, readonly Correction[]>()

  /** @param entries - Entries sorted by folded word, as {@link buildVocabulary} returns them. */
  constructor(entries: readonly VocabularyEntry[]) {
    this.#entries = entries
    this.#words = new SortedWords(entries.map(([folded]) => folded))
  }

  /** Number of distinct words. */
  get size(): number {
    return this.#entries.length
  }

  /**
   * The index terms of the words that start with a prefix, most used first.
   *
   * @param prefix - A folded prefix (see `foldWord`).
   * @param limit - Most terms returned.
   *
   * @example
   * new Vocabulary(buildVocabulary(['Versailles', 'versailles palace'])).complete('versai', 5) // => [{ term: 'versaill', display: 'Versailles', count: 2, used: 2 }]
   */
  complete(prefix: string, limit: number): Completion[] {
    if (prefix === '') return []
    const byTerm = new Map<string, Omit<Completion, 'used'> & { best: number }>()
    for (let i = this.#words.lowerBound(prefix); i < this.#entries.length; i++) {
      const [folded, term, count, display] = this.#entries[i]!
      if (!folded.startsWith(prefix)) break
      const completion = byTerm.get(term)
      if (!completion) byTerm.set(term, { term, display: display ?? folded, count, best: count })
      else {
        completion.count += count
        if (count > completion.best) Object.assign(completion, { display: display ?? folded, best: count })
      }
    }
    return [...byTerm.values()]
      .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1))
      .slice(0, limit)
      .map(({ term, display, count, best }) => ({ term, display, count, used: best }))
  }

  /**
   * How many paragraphs use the words whose index term is `term`, summed (a paragraph using two
   * of them counts twice): at least as many as hold the term in their text, as far as the
   * vocabulary knows its words; 0 when it knows none (a function word, a common gram, a term of a
   * heading or title only). The words are looked for among those that start with the term, as a
   * stem mostly starts its words; one that does not ("happy" for "happi") is not counted, nor are
   * any when more than {@link TERM_WORDS_SCANNED} words start with the term (0 then: not known).
   *
   * @example
   * new Vocabulary(buildVocabulary(['weapons', 'a weapon', 'weaponry'])).paragraphsWithTerm('weapon') // => 2
   */
  paragraphsWithTerm(term: string): number {
    let sum = 0
    const start = this.#words.lowerBound(term)
    for (let i = start; i < this.#entries.length; i++) {
      const [folded, wordTerm, count] = this.#entries[i]!
      if (!folded.startsWith(term)) break
      if (i - start >= TERM_WORDS_SCANNED) return 0
      if (wordTerm === term) sum += count
    }
    return sum
  }

  /**
   * How many paragraphs use a word (0 for one the vocabulary lacks, function words among them).
   *
   * @param folded - The word, folded (see `foldWord`).
   * @example
   * new Vocabulary(buildVocabulary(['Versailles palace', 'the palace'])).paragraphsUsing('palace') // => 2
   */
  paragraphsUsing(folded: string): number {
    const at = this.#words.indexOf(folded)
    return at < 0 ? 0 : this.#entries[at]![2]
  }

  /**
   * The index terms of the words a few edits away from a misspelt word, closest and most used
   * first. The word itself, if it is in the vocabulary, is not a correction.
   *
   * @param word - The folded word as typed.
   * @param maxDistance - Most edits allowed.
   * @param limit - Most terms returned.
   *
   * @example
   * vocabulary.correct('chemcal', 1, 5) // => [{ term: 'chemic', display: 'chemical', distance: 1 }]
   */
  correct(word: string, maxDistance: number, limit: number): Correction[] {
    if (maxDistance < 1 || word === '') return []
    const key = `${maxDistance} ${limit} ${word}`
    let found = this.#corrections.get(key)
    if (!found) {
      found = this.#findCorrections(word, maxDistance, limit)
      if (this.#corrections.size >= CORRECTIONS_REMEMBERED) this.#corrections.clear()
      this.#corrections.set(key, found)
    }
    return found.map((correction) => ({ ...correction }))
  }

  #findCorrections(word: string, maxDistance: number, limit: number): Correction[] {
    const byTerm = new Map<string, Correction & { count: number }>()
    const add = (folded: string, entry: VocabularyEntry, distance: number) => {
      if (distance === 0 || folded === word) return
      const [, term, count, display] = entry
      const known = byTerm.get(term)
      if (!known || distance < known.distance || (distance === known.distance && count > known.count)) {
        byTerm.set(term, { term, display: display ?? folded, distance, count })
      }
    }
    // In word order: of two words with the same term, distance and use, the first is shown.
    for (const { index, distance } of this.#words.fuzzy(word, maxDistance)) add(this.#entries[index]![0], this.#entries[index]!, distance)
    // A swap of two adjacent letters is one typo (Damerau), not the two Levenshtein counts: each
    // swap is looked up as a word (a swap plus another edit is left out: one look-up per letter
    // costs little, a fuzzy search per letter would cost more than the rest of the query).
    const letters = [...word]
    for (let i = 0; i + 1 < letters.length; i++) {
      if (letters[i] === letters[i + 1]) continue
      const swapped = [...letters.slice(0, i), letters[i + 1], letters[i], ...letters.slice(i + 2)].join('')
      const at = this.#words.indexOf(swapped)
      if (at >= 0) add(swapped, this.#entries[at]!, 1)
    }
    return [...byTerm.values()]
      .sort((a, b) => a.distance - b.distance || b.count - a.count || (a.term < b.term ? -1 : 1))
      .slice(0, limit)
      .map(({ term, display, distance }) => ({ term, display, distance }))
  }
}
