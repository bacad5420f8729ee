/**
 * @module
 * Who holds which role, as a corpus tells it: outlets name a person once with their role
 * (`Finance Minister Piet Lohan`, `Russian president Vladimir Putin`, `Piet Lohan, the finance
 * minister,`, `the prime minister, Anton Reis,`) and then, or in another outlet, write the role
 * alone (`the Finance Minister`, `the Russian leader`, `the governor`). This module learns the
 * roles from the appositions of a whole corpus and writes the person's surname after each role
 * written alone, so two reports of one person's act meet on the name whichever way each outlet
 * refers to them. Nothing about any particular person or role is known in advance: a role is a
 * noun the lexicon says names a kind of person (`Lexicon.isPerson`), with up to two words before
 * it; a role held by two people in the corpus (`president`: Macron and Putin) stands for nobody.
 */
import { isStopWord } from './terms.ts'
import type { Lexicon } from './wordnet.ts'

/** Roles learned from a corpus: a role (lowercase words, e.g. `finance minister`) → the surnames of who holds it. */
export type RoleBook = ReadonlyMap<string, ReadonlySet<string>>

/** A word or a mark of punctuation, with where it is in the text. */
type Token = { text: string; start: number; end: number; word: boolean }

/** Words, with hyphens and apostrophes inside (`al-Assad`, `O'Neill`), and single marks of punctuation. */
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*|[^\s\p{L}\p{N}]/gu
/** A possessive ending, left out of the word (`governor's`). */
const POSSESSIVE = /['’]s$/u
/** Particles inside names (`Bashar al-Assad`, `Charles de Gaulle`), lowercase but part of the name. */
const PARTICLE = /^(?:al|de|du|van|von|bin|le|la|da|di)$/
/** Words that are never part of a role: articles, determiners, conjunctions, prepositions, pronouns. */
const FUNCTION_WORD =
  /^(?:the|a|an|and|or|but|yet|so|of|in|on|at|to|for|from|by|with|as|his|her|its|their|our|this|that|these|those|who|which|said|says|told|also|then|now|when|while|after|before|mr|mrs|ms|dr)$/
const MAY_HOLD_APPOSITION = /[\p{L}\p{N},]\s+\p{Lu}/u
const COMMA_THE = /,\s+the\s/i
/** Most words of a role before its noun (`Russian`, `finance`; `young French`). */
const MAX_MODIFIERS = 2
/** Most capitalised words of a name after a role. */
const MAX_NAME_WORDS = 3

function tokens(text: string): Token[] {
  const list: Token[] = []
  for (const match of text.matchAll(TOKEN)) {
    let raw = match[0]
    const word = raw.length > 1 || /[\p{L}\p{N}]/u.test(raw)
    if (word && raw.length > 2 && raw.endsWith('s') && POSSESSIVE.test(raw)) raw = raw.slice(0, -2)
    list.push({ text: raw, start: match.index, end: match.index + raw.length, word })
  }
  return list
}

const isCapitalised = (token: Token | undefined) => token !== undefined && token.word && /^(?:(?:al|el|bin|ibn)-)?\p{Lu}/u.test(token.text)
const isFunctionWord = (lower: string) => FUNCTION_WORD.test(lower) || isStopWord(lower)

/**
 * Whether the word at `k` ends a person noun: alone (`governor`) or with the word before it, as
 * WordNet writes compounds (`chief_justice`). Compounds are looked up only after a person noun
 * (`chief`, `attorney`): the others (`prime minister`) end in one anyway.
 */
function endsPersonNoun(list: readonly Token[], k: number, isPerson: (word: string) => boolean): boolean {
  const token = list[k]
  if (!token?.word) return false
  const lower = token.text.toLowerCase()
  if (isPerson(lower)) return true
  const before = list[k - 1]
  if (before === undefined || !before.word) return false
  const first = before.text.toLowerCase()
  return isPerson(first) && isPerson(`${first}_${lower}`)
}

/** The words of a role ending at the noun `head` (index): up to {@link MAX_MODIFIERS} words before it, stopping at punctuation or a function word. */
function roleWords(list: readonly Token[], head: number, stop = -1): string[] {
  const words = [list[head]!.text.toLowerCase()]
  for (let k = head - 1; k > stop && k >= head - MAX_MODIFIERS; k--) {
    const token = list[k]!
    const lower = token.text.toLowerCase()
    if (!token.word || isFunctionWord(lower) || /\d/.test(lower)) break
    words.unshift(lower)
  }
  return words
}

/** The name starting at `from`: capitalised words (and particles between them), at most {@link MAX_NAME_WORDS}; the index after it. */
function nameAt(list: readonly Token[], from: number): { surname: string; end: number } | null {
  let k = from
  let last = -1
  while (k < list.length && k - from < MAX_NAME_WORDS + 1) {
    if (isCapitalised(list[k])) last = k
    else if (!(list[k]!.word && PARTICLE.test(list[k]!.text) && isCapitalised(list[k + 1]))) break
    k++
  }
  if (last < 0 || last - from >= MAX_NAME_WORDS) return null
  return { surname: list[last]!.text, end: last + 1 }
}

/**
 * Learns who holds which role from the appositions of a corpus's texts: a person noun followed by
 * a name (`Governor Helena Varga`, `Union boss Marta Kovac`), a name followed by `, the` and a role
 * (`Piet Lohan, the finance minister`), a role followed by `,` and a name (`the prime minister,
 * Anton Reis`). Each role is recorded with its last words too (`finance minister` and `minister`),
 * so `the minister` finds the only minister, if the corpus has one.
 *
 * @param texts - Every paragraph of the corpus, any source.
 * @param lexicon - Says which nouns name a kind of person; without `isPerson`, nothing is learned.
 * @returns The role book (empty without a lexicon that knows persons).
 *
 * @example
 * learnRoles(['Finance Minister Piet Lohan said so.'], lexicon).get('finance minister') // => Set { 'Lohan' }
 */
export function learnRoles(texts: Iterable<string>, lexicon: Lexicon | undefined): RoleBook {
  const book = new Map<string, Set<string>>()
  const isPerson = lexicon?.isPerson
  if (!isPerson) return book
  const record = (words: readonly string[], surname: string) => {
    for (let k = 0; k < words.length; k++) {
      const role = words.slice(k).join(' ')
      if (!book.has(role)) book.set(role, new Set())
      book.get(role)!.add(surname)
    }
  }
  for (const text of texts) {
    // An apposition needs a capital after a word or a comma, or `, the`: most text has one, but
    // the rest is not tokenised.
    if (!MAY_HOLD_APPOSITION.test(text) && !COMMA_THE.test(text)) continue
    const list = tokens(text)
    for (let i = 0; i < list.length; i++) {
      const token = list[i]!
      // What follows or precedes must read as an apposition before the lexicon is asked (the cost
      // of a build is in words that are not roles).
      const nameFollows = isCapitalised(list[i + 1]) || (list[i + 1]?.text === ',' && isCapitalised(list[i + 2]))
      if (!token.word || (!nameFollows && !commaThenArticleBefore(list, i))) continue
      if (!endsPersonNoun(list, i, isPerson)) continue
      // A capitalised person noun after a lowercase one is a name's first word (`rival Marine Le Pen`).
      if (isCapitalised(token) && list[i - 1]?.word && !isCapitalised(list[i - 1]) && isPerson(list[i - 1]!.text.toLowerCase())) continue
      // Role, then name: `Finance Minister Piet Lohan`, `Russian president Vladimir Putin`.
      const after = isCapitalised(list[i + 1]) ? nameAt(list, i + 1) : null
      if (after && isNameAfterRole(list, i, after.end, lexicon)) {
        record(roleWords(list, i), after.surname)
        continue
      }
      // `the prime minister, Anton Reis,`
      const article = articleBefore(list, i)
      if (article >= 0 && list[i + 1]?.text === ',' && isCapitalised(list[i + 2])) {
        const name = nameAt(list, i + 2)
        if (name && name.end - (i + 2) >= 2 && !list[name.end]?.word) record(roleWords(list, i, article), name.surname)
        continue
      }
      // `Piet Lohan, the finance minister`: a name of two words or more, a comma, `the`, the role.
      if (article >= 2 && list[article - 1]!.text === ',') {
        let start = article - 2
        while (start > 0 && isCapitalised(list[start - 1]) && article - 1 - start < MAX_NAME_WORDS) start--
        const name = isCapitalised(list[start]) ? nameAt(list, start) : null
        if (name && name.end === article - 1 && name.end - start >= 2) record(roleWords(list, i, article), name.surname)
      }
    }
  }
  return book
}

/**
 * Whether the capitalised words after a role noun are a person's name, not a compound (`Korean
 * Peninsula`, `Sunni Arab`) or another role (`Syrian President Bashar al-Assad` read from
 * `Syrian`): none of them a person noun, and one word alone only after a capitalised title
 * (`President Putin`) and when the lexicon does not know it as a word.
 */
function isNameAfterRole(list: readonly Token[], head: number, end: number, lexicon: Lexicon): boolean {
  const words = list.slice(head + 1, end).map((token) => token.text.toLowerCase())
  // Neither a person noun, nor the second word of one (`Chief` then `Justice Miriam Oduya`).
  if (words.some((word) => lexicon.isPerson!(word)) || lexicon.isPerson!(`${list[head]!.text.toLowerCase()}_${words[0]}`)) return false
  if (words.length > 1) return true
  return isCapitalised(list[head]) && !lexicon.isCommonWord?.(words[0]!)
}

/** Whether `, the` comes before the word at `head`, up to {@link MAX_MODIFIERS} words before it (`Piet Lohan, the finance minister`). */
function commaThenArticleBefore(list: readonly Token[], head: number): boolean {
  const article = articleBefore(list, head)
  return article >= 1 && list[article - 1]!.text === ','
}

/** The index of `the` opening the role whose noun is at `head` (up to {@link MAX_MODIFIERS} words before it), or -1. */
function articleBefore(list: readonly Token[], head: number): number {
  for (let k = head - 1; k >= 0 && k >= head - 1 - MAX_MODIFIERS; k--) {
    const token = list[k]!
    if (!token.word) return -1
    if (token.text.toLowerCase() === 'the') return k
  }
  return -1
}

/**
 * Who may hold a role written alone: the holders of the longest of its endings the book knows
 * (`the young French president` → `french president`); else, when no ending is known, the holders
 * of the known roles with the same word before the noun (`the Russian leader` → `Russian
 * president`; `the central bank chief` → `bank boss`).
 */
function holdersOf(words: readonly string[], book: RoleBook, byModifier: ReadonlyMap<string, ReadonlySet<string>>): ReadonlySet<string> {
  for (let k = 0; k < words.length; k++) {
    const holders = book.get(words.slice(k).join(' '))
    if (holders) return holders
  }
  return (words.length >= 2 && byModifier.get(words.at(-2)!)) || NOBODY
}

const NOBODY: ReadonlySet<string> = new Set()

/** The holders of the book's roles by the word before their noun (`russian` → the holders of `russian president`, …). */
function holdersByModifier(book: RoleBook): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>()
  for (const [role, holders] of book) {
    const words = role.split(' ')
    if (words.length < 2) continue
    const modifier = words.at(-2)!
    if (!found.has(modifier)) found.set(modifier, new Set())
    for (const holder of holders) found.get(modifier)!.add(holder)
  }
  return found
}

/**
 * Writes the holder's surname after each role written alone in one source's paragraphs (`the
 * Finance Minister said` → `the Finance Minister Lohan said`): `the`, up to two words, a person
 * noun, not already followed by a name. When several people may hold the role, it is the one the
 * source named last before it (recency, the plainest rule of coreference); when the source has
 * named none of them, or the book knows nobody for the role, the role is left as written.
 *
 * @param texts - One source's paragraphs, in document order.
 * @param book - Roles learned from the corpus ({@link learnRoles}).
 * @param lexicon - Says which nouns name a kind of person.
 * @returns The texts with names added; each the same string when nothing was added to it.
 *
 * @example
 * withRoleHolders(['The governor refused.'], new Map([['governor', new Set(['Varga'])]]), lexicon) // => ['The governor Varga refused.']
 */
export function withRoleHolders(texts: readonly string[], book: RoleBook, lexicon: Lexicon | undefined): string[] {
  const isPerson = lexicon?.isPerson
  if (!isPerson || book.size === 0) return [...texts]
  const byModifier = holdersByModifier(book)
  const surnames = new Set<string>()
  for (const holders of book.values()) for (const holder of holders) surnames.add(holder)
  // When each surname was last written in the source (a running count of tokens).
  const lastSeen = new Map<string, number>()
  let clock = 0
  return texts.map((text) => {
    const list = tokens(text)
    let out = ''
    let copied = 0
    for (let i = 0; i < list.length; i++) {
      const token = list[i]!
      clock++
      if (surnames.has(token.text)) lastSeen.set(token.text, clock)
      if (!token.word || token.text.toLowerCase() !== 'the') continue
      // The noun is the last person noun among the next words (`the Russian leader`, `the Finance Minister`).
      let head = -1
      for (let k = i + 1; k <= i + 1 + MAX_MODIFIERS && k < list.length && list[k]!.word; k++) {
        if (isFunctionWord(list[k]!.text.toLowerCase())) break
        if (endsPersonNoun(list, k, isPerson)) head = k
      }
      if (head < 0 || isCapitalised(list[head + 1])) continue
      const holders = holdersOf(roleWords(list, head, i), book, byModifier)
      let holder: string | null = null
      if (holders.size === 1) holder = [...holders][0]!
      else for (const candidate of holders) if ((lastSeen.get(candidate) ?? 0) > (holder === null ? 0 : lastSeen.get(holder)!)) holder = candidate
      if (holder === null) continue
      out += `${text.slice(copied, list[head]!.end)} ${holder}`
      copied = list[head]!.end
      lastSeen.set(holder, clock)
    }
    return copied === 0 ? text : out + text.slice(copied)
  })
}
