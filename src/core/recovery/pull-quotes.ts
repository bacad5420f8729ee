/**
 * @module
 * Pull quotes: a short line in quotation marks that repeats words of the article's body (a page
 * sets a sentence of the body large, in quotes, beside it). It is furniture; the sentence stays in
 * its paragraph. A line repeating a sentence without quotation marks is a paragraph of its own and
 * is kept (see `duplicates.ts`).
 */
import { comparisonKey } from '../clean-text.ts'
import { wordCount } from './text-shape.ts'
import { keyOf, type Unit } from './units.ts'

const MAX_PULL_QUOTE_WORDS = 50
const MIN_PULL_QUOTE_WORDS = 3
/** A quoted line shaped like a heading is a pull quote only from this many words. */
const MIN_QUOTED_HEADING_PULL_QUOTE_WORDS = 6
/** The whole unit in quotation marks of any style, perhaps with closing punctuation after them. */
const QUOTED = /^["“„«‘‚'»]\s*(?<inner>.+?)\s*["”“»«’‘']\s*[.!?…]?$/u

/** The words a pull quote repeats (its text without the quotation marks), as a comparison key. */
/** The comparison key of a phrase without its closing punctuation: how a pull quote and the text it repeats compare. */
function phraseKey(text: string): string {
  return comparisonKey(text.replace(/[\s.,;:!?…]+$/u, ''))
}

function quotedWords(unit: Unit): string | null {
  const heading = unit.kind === 'heading' && !unit.kindFromEvidence
  if ((unit.kind !== 'body' && !heading) || wordCount(unit.text) > MAX_PULL_QUOTE_WORDS) return null
  const inner = QUOTED.exec(unit.text)?.groups?.['inner']
  // A short quoted phrase set apart is a subheading quoting the text (`‘We will be back’`); a pull
  // quote is a sentence.
  if (!inner || wordCount(inner) < (heading ? MIN_QUOTED_HEADING_PULL_QUOTE_WORDS : MIN_PULL_QUOTE_WORDS)) return null
  // One quotation, not two with words between (`«…», dijo. «…»`).
  if (/["“”„«»]/.test(inner)) return null
  return phraseKey(inner)
}

/**
 * Finds the pull quotes among `units`: each quoted unit whose words occur inside a longer body
 * unit. Near-linear: candidates are looked up by their first words.
 *
 * @returns The pull-quote units.
 */
export function findPullQuotes(units: readonly Unit[]): Set<Unit> {
  const candidates = new Map<Unit, string>()
  for (const unit of units) {
    const words = quotedWords(unit)
    if (words !== null) candidates.set(unit, words)
  }
  const found = new Set<Unit>()
  // Index every body unit by each pair of consecutive words it holds that opens a candidate.
  const openings = new Set([...candidates.values()].map(firstPair))
  const byPair = new Map<string, Unit[]>()
  for (const unit of units) {
    if (unit.kind !== 'body') continue
    const words = keyOf(unit).split(' ')
    const seen = new Set<string>()
    for (let i = 0; i + 1 < words.length; i++) {
      const pair = `${strip(words[i]!)} ${strip(words[i + 1]!)}`
      if (seen.has(pair) || !openings.has(pair)) continue
      seen.add(pair)
      const list = byPair.get(pair)
      if (list) list.push(unit)
      else byPair.set(pair, [unit])
    }
  }
  for (const [unit, words] of candidates) {
    const holders = byPair.get(firstPair(words)) ?? []
    if (holders.some((holder) => holder !== unit && keyOf(holder).length > keyOf(unit).length && keyOf(holder).includes(words))) found.add(unit)
  }
  // Without quotation marks: a phrase (not a whole sentence) repeated by a paragraph next to it.
  units.forEach((unit, i) => {
    if (found.has(unit) || !isUnquotedCandidate(unit)) return
    const words = phraseKey(unit.text)
    for (let j = Math.max(0, i - NEARBY); j <= Math.min(units.length - 1, i + NEARBY); j++) {
      const other = units[j]!
      // A cut copy (the paragraph's beginning or end) is a duplicate, not a pull quote.
      const key = keyOf(other)
      if (other !== unit && other.kind === 'body' && key.length > words.length && key.includes(words) && !key.startsWith(words) && !key.endsWith(words)) {
        found.add(unit)
        return
      }
    }
  })
  return found
}

/** How many units either side an unquoted pull quote may stand from the paragraph it repeats. */
const NEARBY = 3

function isUnquotedCandidate(unit: Unit): boolean {
  if (unit.kindFromEvidence || (unit.kind !== 'body' && unit.kind !== 'heading')) return false
  const words = wordCount(unit.text)
  return words >= 5 && words <= MAX_PULL_QUOTE_WORDS && !/[.!?…]["”’»“]?$/.test(unit.text)
}

/**
 * Splits off a pull quote that wrapping glued to the start of the paragraph it repeats (`We were
 * told it was … not if “We were told it was … not if,” said …`): the unit's first line, a phrase
 * that the rest of the unit repeats. Returns the units, the pull quotes as units of their own.
 */
export function separateLeadingPullQuotes(units: readonly Unit[]): Unit[] {
  const out: Unit[] = []
  for (const unit of units) {
    const first = unit.pieces[0]!
    if (unit.kind !== 'body' || unit.pieces.length < 2 || !unit.text.startsWith(first.text + ' ') || unit.joins[0]?.hyphen) {
      out.push(unit)
      continue
    }
    const phrase = phraseKey(first.text)
    const rest = unit.text.slice(first.text.length + 1)
    if (wordCount(phrase) < 5 || /[.!?…]["”’»“]?$/.test(first.text) || !comparisonKey(rest).includes(phrase)) {
      out.push(unit)
      continue
    }
    out.push({ ...unit, pieces: [first], joins: [], text: first.text, key: undefined })
    out.push({ ...unit, pieces: unit.pieces.slice(1), joins: unit.joins.slice(1), text: rest, key: undefined, gap: 'line' })
  }
  return out
}

function firstPair(words: string): string {
  return words.split(' ').slice(0, 2).map(strip).join(' ')
}

function strip(word: string): string {
  return word.replace(/^["'(]+|["'),.;:!?…]+$/g, '')
}
