/**
 * @module
 * A unit is a candidate paragraph: one or more pieces joined, with what separated it from the unit
 * before. Joining two pieces puts back a word hyphenated at the break when the document's own
 * vocabulary, an English dictionary (`english-words.ts`) or the document's language (one that
 * writes compounds closed) says the joined form is a word (see {@link joinTexts}).
 */
import { isEnglishWord } from './english-words.ts'
import { comparisonKey } from '../clean-text.ts'
import type { Piece } from './pieces.ts'
import type { ParagraphKind } from '../types.ts'
import { joinWithSpace } from './text-shape.ts'

/** What stood between a unit and the one before it. */
export type Gap = 'line' | 'blank' | 'furniture' | 'page'

/** How a piece was joined to the text before it. */
export type JoinKind = 'wrapped line' | 'across a blank line' | 'across a page break' | 'across furniture'

/** How a word cut at the join was put back. */
export type HyphenRepair = 'soft hyphen' | 'hyphen removed' | 'hyphen kept'

/** A candidate paragraph. */
export type Unit = {
  /** Its pieces, in order. */
  pieces: Piece[]
  /** For every piece after the first: how it was joined, and any hyphen repair. */
  joins: { how: JoinKind; hyphen?: HyphenRepair }[]
  /** The text so far. */
  text: string
  kind: ParagraphKind
  /** What stood between this unit and the one before it. */
  gap: Gap
  /** The kind was given by the reader's structure or a label, not guessed from form. */
  kindFromEvidence: boolean
  /** A footnote: its number. */
  note?: string
  /** Memo of {@link comparisonKey} of `text`. */
  key?: string
}

/** The unit's comparison key, computed once per text. */
export function keyOf(unit: Unit): string {
  return (unit.key ??= comparisonKey(unit.text))
}

/** Sets a unit's text, forgetting its memoised key. */
export function setText(unit: Unit, text: string): void {
  unit.text = text
  unit.key = undefined
}

/** The document's words, as a dictionary for putting hyphenated words back together. */
export type Vocabulary = {
  /** Words written whole, lower case. */
  words: ReadonlySet<string>
  /** Hyphenated compounds written on one line, lower case (`pro-russian`). */
  compounds: ReadonlySet<string>
  /**
   * Whether the document is in a language that writes its compounds closed (German, Dutch, the
   * Scandinavian languages: `Straßenbahn`, `tramlijn`), told by its function words.
   */
  closedCompounds: boolean
}

/** Function words of the languages that write compounds closed: German, Dutch, Swedish, Danish and Norwegian. */
const CLOSED_COMPOUND_WORDS = new Set(
  'und der die das nicht ist ein eine mit sich auch zu auf für dem wird werden wurde sind het een niet zijn voor ook och att det som för inte og ikke til'.split(' ')
)
/** English function words, to tell an English document from one of those. */
const ENGLISH_WORDS = new Set('the and of to is with that was for not are this from'.split(' '))
/** French, Spanish and Italian function words: a document of theirs may name `Die Linke` and `Der Spiegel`. */
const ROMANCE_WORDS = new Set('le la les et des est une que qui pour dans el los las y que por para il che della'.split(' '))

/** Twenty-one to ninety-nine, and their ordinals: English writes them with a hyphen. */
const NUMBER_COMPOUND = /^(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)$/

/**
 * Collects the vocabulary of a document's text pieces. The halves of a word hyphenated at a line
 * end are not words: the last word of a piece ending in a hyphen and the first of the next piece
 * are left out.
 */
export function collectVocabulary(pieces: readonly Piece[]): Vocabulary {
  const words = new Set<string>()
  const compounds = new Set<string>()
  let afterCut = false
  for (const piece of pieces) {
    if (piece.furniture !== null) continue
    const tokens = piece.text.toLowerCase().match(/[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu) ?? []
    const cut = /\p{L}-$/u.test(piece.text) || piece.softHyphenEnd
    tokens.forEach((token, i) => {
      if ((i === 0 && afterCut) || (i === tokens.length - 1 && cut)) return
      if (token.includes('-')) {
        compounds.add(token)
        for (const part of token.split('-')) words.add(part)
      } else words.add(token)
    })
    afterCut = cut
  }
  const count = (list: ReadonlySet<string>) => [...list].filter((word) => words.has(word)).length
  const closed = count(CLOSED_COMPOUND_WORDS)
  return { words, compounds, closedCompounds: closed >= 3 && closed > count(ENGLISH_WORDS) && closed > count(ROMANCE_WORDS) }
}

/**
 * Joins `tail` to `head`, parted by a line or page break.
 *
 * - A soft hyphen at the break joins the word without a hyphen.
 * - A conjunction after the break keeps the hyphen and a space (a suspended compound, `Bus-` /
 *   `und Bahnverkehr`); a number or fraction before it, or a hyphenated word after it, keeps the
 *   hyphen with no space (`90-` / `year-old`, `Southend-` / `on-Sea`).
 * - A hyphen between letters at the break (`pro-` / `posal`) is removed when the joined word is in
 *   the document's vocabulary, kept when the hyphenated compound is; then kept in an English number
 *   (`twenty-` / `one`), removed when the joined word is English (`with-` / `out`, see
 *   `english-words.ts`) or the document's language writes its compounds closed (`Straßen-` /
 *   `bahn`); otherwise kept when both halves are words of the document or of English (`face-` /
 *   `to-face`, `long-` / `term`) and removed when they are not. A capital after the break keeps
 *   it, with no space (`pro-Russian`, `Anglo-French`).
 */
export function joinTexts(head: string, tail: string, headSoftHyphen: boolean, vocabulary: Vocabulary): { text: string; hyphen?: HyphenRepair } {
  if (headSoftHyphen) return { text: head + tail, hyphen: 'soft hyphen' }
  if (!head.endsWith('-')) return { text: joinWithSpace(head, tail) }
  // A suspended compound goes on with its conjunction (`Bus-` / `und Bahnverkehr`): hyphen and space stay.
  if (/^(?:und|oder|bis|sowie|and|or|to|et|ou|y|o|en|of)\s/u.test(tail)) return { text: joinWithSpace(head, tail) }
  // After a number or fraction (`90-` / `year-old`, `5-` / `Jährige`), and before a word hyphenated
  // itself (`Southend-` / `on-Sea`), the hyphen is the compound's: kept, with no space.
  if (/[\p{N}½¼¾⅓⅔]-$/u.test(head) || /^[\p{L}\p{M}]+-\p{L}/u.test(tail)) return { text: head + tail, hyphen: 'hyphen kept' }
  const cut = /([\p{L}\p{M}]+)-$/u.exec(head.slice(-64))
  const next = /^[\p{L}\p{M}]+/u.exec(tail)
  // A compound of names keeps its hyphen and takes no space (`Anglo-` / `French`).
  if (cut && next && /^\p{Lu}/u.test(tail)) return { text: head + tail, hyphen: 'hyphen kept' }
  if (!cut || !next || !/^\p{Ll}/u.test(tail)) return { text: joinWithSpace(head, tail) }
  const left = cut[1]!.toLowerCase()
  const right = next[0].toLowerCase()
  const joined = left + right
  const compound = `${left}-${right}`
  let keep: boolean
  if (vocabulary.words.has(joined)) keep = false
  else if (vocabulary.compounds.has(compound) || NUMBER_COMPOUND.test(compound)) keep = true
  else if (isEnglishWord(joined) || vocabulary.closedCompounds) keep = false
  else {
    // Two words of the document, or of English (`long-` / `term`), make a compound.
    const isWord = (word: string) => vocabulary.words.has(word) || isEnglishWord(word)
    keep = isWord(left) && isWord(right) && right.length > 1
  }
  return keep ? { text: head + tail, hyphen: 'hyphen kept' } : { text: head.slice(0, -1) + tail, hyphen: 'hyphen removed' }
}

/** Appends `tail`'s pieces and text to `head` (in place). */
export function appendUnit(head: Unit, tail: Unit, how: JoinKind, vocabulary: Vocabulary): void {
  const last = head.pieces[head.pieces.length - 1]!
  const { text, hyphen } = joinTexts(head.text, tail.text, last.softHyphenEnd, vocabulary)
  setText(head, text)
  head.joins.push(hyphen ? { how, hyphen } : { how }, ...tail.joins)
  head.pieces.push(...tail.pieces)
}
