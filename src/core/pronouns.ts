/**
 * @module
 * Who `he` and `she` stand for. An outlet names a person once and then writes `he` or `she`, often
 * in a later paragraph ("Before becoming president, Mr Macron accused Russia …" / "On Monday he
 * accused pro-Kremlin news outlets …"), while another outlet names the person in its report of the
 * same fact. {@link withPronounReferents} writes the person's surname after each such pronoun of
 * a source, so the two reports meet on the name.
 *
 * The rule is the simplest of the syntactic ones, deterministic and linear: a pronoun stands for
 * the first person named in its own sentence before it, else for the first person named in the
 * nearest sentence before that names one, up to {@link MAX_SENTENCES_BACK} back. Taking the first
 * (leftmost) person of a sentence approximates the left-to-right, breadth-first search of Hobbs's
 * algorithm ("Resolving pronoun references", Lingua 44, 1978), which prefers the subject, and
 * Lappin and Leass's salience ("An algorithm for pronominal anaphora resolution", Computational
 * Linguistics 20(4), 1994), where a subject outweighs recency within a sentence and salience halves
 * with each sentence back, so nothing beyond four sentences is considered. Agreement is by gender,
 * as in both: a person's gender is read from the corpus itself (`Mr`, `Ms`, `Mrs` before the
 * surname; else the pronouns the rule gives them without gender, by majority), unknown when it
 * says nothing. Pronouns inside quotations are the speaker's, not the writer's, and are left alone.
 */

import { SPEECH_VERB } from './quotes.ts'
import { isStopWord } from './terms.ts'

const NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}-]*(?:['’](?!s\\b)\\p{L}+)?"
/**
 * A person named as speaking or with a title: `Varga said`, `Putin also told`, `"…," said Varga`,
 * `Mr Putin`, `Ms Helena Varga` (the surname is the group that matched).
 */
const PERSON_NAMED = new RegExp(
  `(?<!\\p{L})(${NAME_WORD})(?:['’]s)?\\s+(?:(?:also|again|then|later|has|had|have|was|is)\\s+)*${SPEECH_VERB}\\b|["”’,]\\s*${SPEECH_VERB}\\s+(?:${NAME_WORD}\\s+)?(${NAME_WORD})|\\b(?:Mr|Mrs|Ms|Dr)\\.?\\s+(?:${NAME_WORD}\\s+)?(${NAME_WORD})`,
  'gu'
)

/**
 * The people a corpus names, by the key of their surname (lowercase, accents dropped, as
 * `speakerKey` folds it): those it says speak (`Varga said`, `"…," explained Macron`) and those it
 * gives a title (`Mr Putin`). A cheap reading of who speaks, for {@link withPronounReferents}.
 *
 * @example
 * peopleNamed(['Helena Varga said so.', 'Mr Putin left.']) // => Set { 'varga', 'putin' }
 */
export function peopleNamed(texts: Iterable<string>): Set<string> {
  const people = new Set<string>()
  for (const text of texts) {
    for (const match of text.matchAll(PERSON_NAMED)) {
      const name = match[1] || match[2] || match[3]
      if (!name) continue
      const key = /^[\x00-\x7f]*$/.test(name) ? name.toLowerCase() : name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
      if (!isStopWord(key)) people.add(key)
    }
  }
  return people
}

/** What the rule reads of a text: a capitalised word, a pronoun, a quotation mark or the end of a sentence, with where it is. */
type Token = { text: string; start: number; end: number; word: boolean }

/** Sentences further back than this are not searched (Lappin and Leass's cut-off). */
export const MAX_SENTENCES_BACK = 4

/**
 * What the rule reads of a text, and nothing else (most words are neither): capitalised words (a
 * name, an honorific), `he` and `she`, double quotation marks, and the marks that end a sentence,
 * a `.` after an abbreviation or an initial (`Mr.`, `Dec.`, `J.`) excepted.
 */
const TOKEN =
  /\p{Lu}[\p{L}\p{N}\p{M}'’-]*|\b(?:he|she)\b|["“”]|[!?]|(?<!(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Dr|St|Prof|Gen|Gov|Sen|Rep|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|\p{Lu}))\./gu
const POSSESSIVE = /['’]s$/u
/** A name right after a pronoun (`he, Macron,`): the pronoun is resolved already. */
const NAME_AFTER = /^\s*,?\s*(\p{Lu}[\p{L}\p{N}\p{M}'’-]*)/u
/** Letters: whether a stretch of text holds words. */
const LETTER = /\p{L}/u
const PRONOUN: ReadonlyMap<string, Gender> = new Map([
  ['he', 'male'],
  ['she', 'female'],
])
const HONORIFIC: ReadonlyMap<string, Gender> = new Map([
  ['mr', 'male'],
  ['ms', 'female'],
  ['mrs', 'female'],
  ['miss', 'female'],
])

type Gender = 'male' | 'female'

/** A person named in a sentence: their key (see `people`) and the surname as written. */
type Mention = { key: string; name: string }

/**
 * Writes the surname of the person each `he`/`she` of a source stands for after it (`On Monday he
 * accused` → `On Monday he Macron accused`), for the comparison of paragraphs only; nothing stored
 * changes.
 *
 * @param texts - One source's paragraphs, in document order.
 * @param people - The people of the corpus, by the key of their surname (lowercase, e.g. `macron`;
 *   the speakers of its quotations and the holders of its roles): only their names count as
 *   persons.
 * @returns The texts with surnames added; each the same string when nothing was added to it.
 *
 * @example
 * withPronounReferents(['Mr Macron spoke first.', 'Then he left.'], new Set(['macron']))
 * // => ['Mr Macron spoke first.', 'Then he Macron left.']
 */
export function withPronounReferents(texts: readonly string[], people: ReadonlySet<string>): string[] {
  if (people.size === 0) return [...texts]
  const tokenised = texts.map(tokens)
  // First without gender, to learn it from the pronouns the rule gives each person; then with it.
  const honorifics = genderByHonorific(texts, tokenised, people)
  const votes = new Map<string, { male: number; female: number }>()
  resolve(texts, tokenised, people, honorifics, (key, gender) => {
    const count = votes.get(key) ?? { male: 0, female: 0 }
    count[gender]++
    votes.set(key, count)
  })
  const genders = new Map(honorifics)
  for (const [key, { male, female }] of votes) if (!genders.has(key) && male !== female) genders.set(key, male > female ? 'male' : 'female')
  const referents = resolve(texts, tokenised, people, genders)
  return texts.map((text, p) => {
    const found = referents[p]!
    if (found.length === 0) return text
    let out = ''
    let copied = 0
    for (const { at, name } of found) {
      out += `${text.slice(copied, at)} ${name}`
      copied = at
    }
    return out + text.slice(copied)
  })
}

function tokens(text: string): Token[] {
  const list: Token[] = []
  for (const match of text.matchAll(TOKEN)) {
    const word = match[0].length > 1 || LETTER.test(match[0])
    const raw = word && POSSESSIVE.test(match[0]) ? match[0].slice(0, -2) : match[0]
    list.push({ text: raw, start: match.index, end: match.index + raw.length, word })
  }
  return list
}

/** The key of the person a word names, if it names one: a capitalised word the corpus knows as a person's surname. */
function personKey(word: string, people: ReadonlySet<string>): string | null {
  if (!/^\p{Lu}/u.test(word)) return null
  // Folded as `speakerKey` folds (accents dropped), only when there are any to drop.
  const key = /^[\x00-\x7f]*$/.test(word) ? word.toLowerCase() : word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
  // A sentence's `He` or `We` is never a name, whatever the speakers' list holds.
  return people.has(key) && !isStopWord(key) ? key : null
}

/** Genders the corpus states: `Mr`, `Ms`, `Mrs` or `Miss` right before a person's surname or their first name. */
function genderByHonorific(texts: readonly string[], tokenised: readonly Token[][], people: ReadonlySet<string>): Map<string, Gender> {
  const genders = new Map<string, Gender>()
  tokenised.forEach((list, p) => {
    const text = texts[p]!
    for (let i = 0; i < list.length; i++) {
      const gender = list[i]!.word ? HONORIFIC.get(list[i]!.text.toLowerCase()) : undefined
      if (!gender) continue
      // `Mr Putin`, `Mr. Putin`, `Ms Helena Varga`: capitalised words right after it.
      for (let k = i + 1; k <= i + 2 && k < list.length; k++) {
        if (!list[k]!.word || !/^[\s.]*$/.test(text.slice(list[k - 1]!.end, list[k]!.start))) break
        const key = personKey(list[k]!.text, people)
        if (key) {
          genders.set(key, gender)
          break
        }
      }
    }
  })
  return genders
}

/**
 * Resolves each pronoun of a source by the rule (see the module): per paragraph, where to insert
 * which surname. `onResolved` hears each resolution (to learn genders).
 */
function resolve(
  texts: readonly string[],
  tokenised: readonly Token[][],
  people: ReadonlySet<string>,
  genders: ReadonlyMap<string, Gender>,
  onResolved?: (key: string, gender: Gender) => void
): { at: number; name: string }[][] {
  // The persons of the sentences before the current one, nearest last (at most MAX_SENTENCES_BACK).
  const previous: Mention[][] = []
  let current: Mention[] = []
  const endSentence = () => {
    previous.push(current)
    if (previous.length > MAX_SENTENCES_BACK) previous.shift()
    current = []
  }
  const agrees = (mention: Mention, gender: Gender) => (genders.get(mention.key) ?? gender) === gender
  return tokenised.map((list, p) => {
    const text = texts[p]!
    const found: { at: number; name: string }[] = []
    let quoted = false
    // Where the current sentence started: a mark ends a sentence only when it holds words.
    let since = 0
    for (let i = 0; i < list.length; i++) {
      const token = list[i]!
      if (!token.word) {
        if (token.text === '"') quoted = !quoted
        else if (token.text === '“') quoted = true
        else if (token.text === '”') quoted = false
        else if (current.length > 0 || LETTER.test(text.slice(since, token.start))) {
          endSentence()
          since = token.end
        }
        continue
      }
      const key = personKey(token.text, people)
      if (key) {
        current.push({ key, name: token.text })
        continue
      }
      const gender = PRONOUN.get(token.text.toLowerCase())
      if (!gender || quoted) continue
      // A pronoun already followed by a name (`he, Macron,`) is left alone.
      const after = NAME_AFTER.exec(text.slice(token.end, token.end + 40))
      if (after && personKey(after[1]!.replace(POSSESSIVE, ''), people)) continue
      let referent: Mention | undefined = current.find((mention) => agrees(mention, gender))
      for (let back = previous.length - 1; !referent && back >= 0; back--) referent = previous[back]!.find((mention) => agrees(mention, gender))
      if (!referent) continue
      found.push({ at: token.end, name: referent.name })
      onResolved?.(referent.key, gender)
      // The pronoun now names the person for the pronouns after it.
      current.push(referent)
    }
    // A paragraph ends its last sentence.
    if (current.length > 0 || LETTER.test(text.slice(since))) endSentence()
    return found
  })
}
