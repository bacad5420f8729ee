/**
 * @module
 * Joins across breaks: a paragraph cut by a page break, a blank line or furniture goes on in the
 * next unit when the first part stops mid-sentence and the second can go on from it. Captions
 * that print between the two halves stay where they are. A fuller copy of the first part elsewhere
 * (a capture printed twice) must agree with the join.
 */
import { comparisonKey } from '../clean-text.ts'
import { isEnglishWord } from './english-words.ts'
import { endsMidSentence, endsSentence, endsWithBindingWord, endsWithConnector, isConnector, opensWithQuestionWord, startsMidSentence, startsWithParticleName, strandsPreposition, wordCount } from './text-shape.ts'
import { appendUnit, keyOf, type Gap, type JoinKind, type Unit, type Vocabulary } from './units.ts'

/** A first part of fewer words says too little to name its paragraph, so copies are not checked. */
const MIN_CHECKED_WORDS = 4
/** Opening words that index units by how they start (for finding fuller copies fast). */
const OPENING_WORDS = 4

const HOW: Record<Gap, JoinKind> = {
  line: 'wrapped line',
  blank: 'across a blank line',
  furniture: 'across furniture',
  page: 'across a page break',
}

/** The first `OPENING_WORDS` words of a comparison key. */
export function openingOf(key: string): string {
  let at = -1
  for (let n = 0; n < OPENING_WORDS; n++) {
    at = key.indexOf(' ', at + 1)
    if (at < 0) return key
  }
  return key.slice(0, at)
}

/**
 * Rejoins paragraphs cut at breaks. Returns the units left and how many joins were made.
 */
export function joinAcrossBreaks(units: readonly Unit[], vocabulary: Vocabulary): { units: Unit[]; joins: number } {
  const byOpening = new Map<string, Unit[]>()
  for (const unit of units) {
    if (unit.kind === 'heading') continue
    const opening = openingOf(keyOf(unit))
    const list = byOpening.get(opening)
    if (list) list.push(unit)
    else byOpening.set(opening, [unit])
  }

  // The body's words, where a pull quote's words are found (`isPullQuoteWithin`).
  const bodyTexts = units.filter((unit) => unit.kind === 'body').map((unit) => wordsOf(keyOf(unit)))
  const out: Unit[] = []
  const consumed = new Uint8Array(units.length)
  let joins = 0
  for (let i = 0; i < units.length; i++) {
    if (consumed[i]) continue
    const unit = units[i]!
    out.push(unit)
    let from = i + 1
    for (;;) {
      // Captions may print between the two halves of a paragraph cut at a page break; they keep
      // their place after the joined paragraph.
      let j = from
      let overCaptions = false
      while (j < units.length && (consumed[j] || (units[j]!.kind === 'caption' && units[j]!.gap !== 'line') || isPullQuoteWithin(unit, units[j]!, units[j + 1], bodyTexts))) {
        if (!consumed[j]) overCaptions = true
        j++
      }
      const next = units[j]
      if (!next || !continuesInto(unit, next, overCaptions) || !joinAgreesWithCopies(unit, next, byOpening)) break
      const gap: Gap = overCaptions ? 'page' : next.gap
      if (unit.kind === 'heading' && !unit.kindFromEvidence) unit.kind = 'body'
      if (next.kind === 'caption') {
        unit.kind = 'caption'
        unit.kindFromEvidence = true
      }
      appendUnit(unit, next, HOW[gap], vocabulary)
      consumed[j] = 1
      joins++
      from = j + 1
    }
  }
  return { units: out, joins }
}

/** Whether `next` goes on with the paragraph `unit` began. */
function continuesInto(unit: Unit, next: Unit, overCaptions: boolean): boolean {
  // A list entry wrapped onto a line of its own goes on there (`1. A new depot for` / `their repairs`).
  if (unit.kind === 'list-item') {
    if ((next.kind !== 'body' && next.kind !== 'heading') || next.kindFromEvidence || overCaptions) return false
    return (next.gap === 'line' && startsMidSentence(next.text)) || ((next.gap === 'line' || next.gap === 'page' || next.gap === 'furniture') && endsMidSentence(unit.text))
  }
  if (unit.kind !== 'body' && unit.kind !== 'comment' && !(unit.kind === 'heading' && !unit.kindFromEvidence)) return false
  if (endsSentence(unit.text) || unit.note !== undefined || next.note !== undefined) return false
  const cutHeading = unit.kind === 'heading'
  const midSentence = startsMidSentence(next.text)
  // A quotation opened and not closed goes on where the next line opens mid-sentence, whatever
  // either line looks like (a pull quote set large wraps into short lines).
  if (midSentence && !next.kindFromEvidence && next.gap !== 'page' && hasUnclosedQuote(unit.text)) return true
  // A caption wrapped over two lines: its first line, cut mid-sentence, goes on into the line a credit marked.
  // Only a caption's length, cut at a connector (`… during the storm in` / `January, flooding …`):
  // a paragraph cut by a figure at a comma stays a paragraph.
  if (next.kind === 'caption' && next.kindFromEvidence && next.gap === 'line' && !overCaptions) return unit.kind === 'body' && !unit.kindFromEvidence && unit.pieces.length === 1 && wordCount(unit.text) <= MAX_CAPTION_LINE_WORDS && endsWithConnector(unit.text)
  if (next.kind === 'heading' && !next.kindFromEvidence) {
    // A short continuation looks like a heading; it is one unless the cut says otherwise.
    if (!(endsMidSentence(unit.text) && next.gap === 'page')) return false
  } else if (next.kind !== 'body') return false
  if (overCaptions) return midSentence || endsMidSentence(unit.text)
  switch (next.gap) {
    case 'page':
      // A heading-like line before a page break is a cut paragraph only if the next page goes on
      // mid-sentence, or if it reads as a sentence (`The plan was backed by the council leader`,
      // see readsAsCutSentence): a careful printer keeps no heading alone at a page's foot.
      return cutHeading ? midSentence || endsMidSentence(unit.text) || readsAsCutSentence(unit.text) : true
    case 'furniture':
      return cutHeading ? midSentence && endsMidSentence(unit.text) : midSentence || endsMidSentence(unit.text)
    case 'blank':
    case 'line':
      // A line ending in a word that binds to the next (`damaged the`) goes on in the next line,
      // whatever opens it; over a blank line, only if that opens mid-sentence.
      if (next.gap === 'line' && !cutHeading && endsWithBindingWord(unit.text) && !next.kindFromEvidence && !startsWithParticleName(next.text)) return true
      // A heading's form is evidence too: a line after it opening with a name in lower case
      // (`van Leeuwen, who …`) opens its paragraph; a heading that strands its preposition (`What
      // the row is about`) is not cut at it. Any other lower-case word goes on with the line
      // (`… after a debate` / `that lasted six hours.`).
      if (!midSentence) return false
      if (!cutHeading) return true
      if (startsWithParticleName(next.text)) return false
      if (endsMidSentence(unit.text)) return !strandsPreposition(unit.text)
      // Past a whole heading, only a common word goes on with it (`that lasted six hours.`), not a
      // name written in lower case (`adidas, which …`).
      return opensWithCommonWord(next.text)
  }
}

/**
 * Whether `quote` is a pull quote set between the halves of a paragraph: a quoted line shaped like
 * a heading whose opening words the body holds, after a unit cut mid-sentence and before a unit
 * going on mid-sentence (`… “If we wait another year, we will lose the` / `“If we wait another
 * year, we will lose the slipway”` / `slipway and the boats with it,” he said.`; or a quote of
 * another paragraph, at the top of the page that goes on). The halves join over it, as over a
 * caption; `pull-quotes.ts` then finds it in the body.
 */
function isPullQuoteWithin(unit: Unit, quote: Unit, after: Unit | undefined, bodyTexts: readonly string[]): boolean {
  if (after === undefined || quote.kind !== 'heading' || quote.kindFromEvidence || !/^["“„«‘‚]/u.test(quote.text)) return false
  if (!startsMidSentence(after.text)) return false
  const cut = endsMidSentence(unit.text) || unit.pieces[unit.pieces.length - 1]!.softHyphenEnd
  if (!cut && quote.gap !== 'page') return false
  const opening = wordsOf(comparisonKey(quote.text)).split(' ').slice(0, 4).join(' ')
  return wordCount(opening) === 4 && bodyTexts.some((text) => text.includes(opening))
}

/** Most words of a caption's first line, wrapped onto the line a credit marked. */
const MAX_CAPTION_LINE_WORDS = 20

/** A heading-like line at least this long may be a sentence cut at a page's foot. */
const MIN_CUT_SENTENCE_WORDS = 6

/**
 * Whether a line shaped like a heading reads as the start of a sentence cut at a page's foot: long
 * enough, and with an auxiliary or a verb of saying, which headlines leave out (`The plan was
 * backed by the council leader`, not `Residents of Northby divided over the cost of the new
 * line`); a question word opens a heading (`What the new line means for Northby`).
 */
function readsAsCutSentence(text: string): boolean {
  if (wordCount(text) < MIN_CUT_SENTENCE_WORDS || opensWithQuestionWord(text)) return false
  // Lower case only, and none that is also a noun, a name or an article (`can`, `may`, `will`, French `a`).
  return /\b(?:is|are|was|were|has|have|had|would|could|should|might|must|said|says|told|ist|sind|war|waren|hat|haben|wird|werden|wurde|sagte|était|ont|sera|fue|han|dijo)\b/u.test(text)
}

/** Whether `text` opens with a common word (an English one, or a connector of the languages above), not a name. */
function opensWithCommonWord(text: string): boolean {
  const first = /^[\p{L}'’]+/u.exec(text)?.[0].toLowerCase() ?? ''
  return isEnglishWord(first) || isConnector(first)
}

/** The words of a comparison key, without punctuation. */
function wordsOf(key: string): string {
  return key.replace(/[^\p{L}\p{N}\s]+/gu, '').replace(/\s+/g, ' ').trim()
}

/** Whether `text` opens a quotation it does not close (`„Wir pflanzen heute für ein Klima, das wir`). */
function hasUnclosedQuote(text: string): boolean {
  const opened = /^["“„«‘‚]/.test(text)
  return opened && !/["”“»’'](?=[\s,.;:!?]|$)/u.test(text.slice(1))
}

/**
 * Fuller copies of `unit` elsewhere must agree with the join; with no fuller copy, anything goes.
 */
function joinAgreesWithCopies(unit: Unit, next: Unit, byOpening: ReadonlyMap<string, Unit[]>): boolean {
  if (wordCount(unit.text) < MIN_CHECKED_WORDS) return true
  const head = keyOf(unit)
  const fuller = (byOpening.get(openingOf(head)) ?? []).filter((other) => other !== unit && keyOf(other).length > head.length && keyOf(other).startsWith(head + ' '))
  if (fuller.length === 0) return true
  // Compared word by word: a pull quote's punctuation differs from its sentence's.
  const joined = wordsOf(comparisonKey(`${unit.text} ${next.text}`))
  return fuller.some((other) => {
    const key = wordsOf(keyOf(other))
    return key === joined || key.startsWith(joined + ' ') || joined.startsWith(key)
  })
}
