/**
 * @module
 * What each unit is: body, caption, heading, list item or comment, each only with evidence. A
 * reader's role is evidence; so is a label (`Image caption`), a photo credit next to a line, a
 * list marker or a run of short lines after a colon, and, for a heading, its form (short, no
 * closing punctuation, opening like a sentence, standing on its own line) or a larger font.
 */
import type { Piece } from './pieces.ts'
import { LIST_MARKER } from './assembly.ts'
import { endsMidSentence, endsSentence, endsWithConnector, startsLikeSentence, startsMidSentence, strandsPreposition, wordCount } from './text-shape.ts'
import { setText, type Unit } from './units.ts'
import { captionText, splitTrailingCredit } from './web-furniture.ts'

const COMMENT = /^(?:comment|editor'?s note|editorial note|anmerkung der redaktion|note de la rédaction|nota del editor)\s*:/i
const MAX_HEADING_WORDS = 12
const MAX_HEADING_LENGTH = 100
const MAX_LIST_ITEM_WORDS = 15
/** A heading set this much larger than the body text is one by its layout. */
const HEADING_FONT_RATIO = 1.15

/**
 * Whether `text` has a heading's form: short, opening like a sentence, not cut at a connector,
 * and either a question or without closing punctuation.
 */
export function hasHeadingForm(text: string): boolean {
  if (wordCount(text) > MAX_HEADING_WORDS || text.length > MAX_HEADING_LENGTH) return false
  if (!startsLikeSentence(text) || (endsWithConnector(text) && !strandsPreposition(text))) return false
  // A footnote's marker at the end is the note's, not the line's (`… agreement.¹`).
  const bare = text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹†‡*]+$/u, '')
  // A quoted phrase set as a heading, whole or at its end: `‘We will be back’`, `„Nie wieder“`,
  // `Opposition calls vote ‘rushed’`, `Un projet « trop cher »` (the quote closes one the line
  // opened, on no sentence's end).
  if (/[’”"'“»«‘]$/.test(bare) && !/[.!,;:…]\s*[’”"'“»«‘]$/.test(bare) && /(?:^|\s)[‘“"'„«»‚]\s?\p{L}/u.test(bare)) return true
  return /[?？]$/.test(bare) || !/[.!,;:…"”’')\]»«“\-。！，、：；」』）]$/u.test(bare)
}

/** A caption under a credit carries no closing full stop and is not cut mid-sentence. */
function looksLikeCaption(text: string): boolean {
  return !endsSentence(text) && !endsMidSentence(text)
}

/**
 * Gives every unit its kind (in place). `pieces` is the whole capture, furniture included, for the
 * credits next to units.
 */
export function classifyUnits(units: Unit[], pieces: readonly Piece[]): void {
  for (const unit of units) classifyByEvidence(unit)
  markCreditedCaptions(units, pieces)
  markLists(units)
  markListRuns(units)
  const bodyFont = medianBodyFont(units)
  for (const unit of units) {
    if (unit.kindFromEvidence) continue
    if (COMMENT.test(unit.text)) unit.kind = 'comment'
    else if (hasHeadingForm(unit.text) && (unit.gap !== 'line' || unit.pieces.length === 1)) unit.kind = 'heading'
    else if (bodyFont !== null && (unit.pieces[0]!.fontSize ?? 0) > bodyFont * HEADING_FONT_RATIO && wordCount(unit.text) <= 20 && !endsSentence(unit.text)) {
      unit.kind = 'heading'
    }
  }
}

function classifyByEvidence(unit: Unit): void {
  const role = unit.pieces[0]!.role
  // A caption with its credit at its end (`X. Photograph: Jane Doe`), as a line or wrapped over two.
  const credited = role === undefined || role === 'caption' ? splitTrailingCredit(unit.text) : null
  if (credited !== null && credited.caption !== '') {
    setText(unit, credited.caption)
    unit.kind = 'caption'
    unit.kindFromEvidence = true
    return
  }
  if (role === 'heading' || role === 'caption' || role === 'list-item' || role === 'body') {
    unit.kind = role
    unit.kindFromEvidence = true
    if (role === 'list-item') setText(unit, unit.text.replace(LIST_MARKER, ''))
    return
  }
  const labelled = captionText(unit.text)
  if (labelled !== null) {
    setText(unit, labelled)
    unit.kind = 'caption'
    unit.kindFromEvidence = true
  }
}

/**
 * A photo credit names the photo of the caption next to it: the line right before it (caption
 * first, as most pages print them) when it reads as a caption, otherwise the line right after it
 * (credit first); a credit labelled as opening a photo's block (`Image source, …`, as BBC pages
 * print it) takes the line after it first. A page break between the two parts them.
 */
function markCreditedCaptions(units: Unit[], pieces: readonly Piece[]): void {
  const unitOfPiece = new Map<Piece, Unit>()
  for (const unit of units) for (const piece of unit.pieces) unitOfPiece.set(piece, unit)
  for (let i = 0; i < pieces.length; i++) {
    const credit = pieces[i]!
    if (credit.furniture !== 'credit') continue
    const after = nextText(pieces, i, 1)
    const afterUnit = after && unitOfPiece.get(after)
    // The unit the line above the credit closes, when its kind is still open.
    const before = nextText(pieces, i, -1)
    const beforeUnit = before && unitOfPiece.get(before)
    const above = beforeUnit && !beforeUnit.kindFromEvidence && beforeUnit.pieces[beforeUnit.pieces.length - 1] === before ? beforeUnit : undefined
    const captionAbove = above !== undefined && looksLikeCaption(above.text) && before!.page === credit.page
    // A credit names the photo whose caption comes before it, unless it is labelled as the line
    // opening a photo's block (`Image source, Getty Images` / `Image caption, …`): the caption
    // above it is taken first when it looks like one.
    const opensBlock = /^(?:image|photo|picture)\s+(?:source|copyright)\b/i.test(credit.text)
    if (afterUnit && afterUnit.pieces[0] === after && afterUnit.gap !== 'page' && (opensBlock || !captionAbove)) {
      if (afterUnit.kind === 'caption') continue
      if (!afterUnit.kindFromEvidence && looksLikeCaption(afterUnit.text)) {
        afterUnit.kind = 'caption'
        afterUnit.kindFromEvidence = true
        continue
      }
    }
    if (above && (before!.line === credit.line || captionAbove)) {
      above.kind = 'caption'
      above.kindFromEvidence = true
    }
  }
}

/** The nearest text piece from `i` in `direction` with only credits between, or `undefined`. */
function nextText(pieces: readonly Piece[], i: number, direction: 1 | -1): Piece | undefined {
  for (let j = i + direction; j >= 0 && j < pieces.length; j += direction) {
    const piece = pieces[j]!
    if (piece.furniture === null) return piece
    if (piece.furniture !== 'credit') return undefined
  }
  return undefined
}

/**
 * List items: lines opening with a bullet, or with numbers in sequence (`1.`, `2.`), and runs of
 * two or more short lines after a line ending in a colon (a list printed without its bullets).
 */
function markLists(units: Unit[]): void {
  const NUMBERED = /^\(?(\d{1,2}|[a-z])[.)]\s/
  const numbers = units.map((unit) => (unit.kindFromEvidence ? Number.NaN : ordinal(NUMBERED.exec(unit.text)?.[1] ?? '')))
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!
    if (unit.kindFromEvidence) continue
    const marker = LIST_MARKER.exec(unit.text)
    if (!marker) continue
    const value = numbers[i]!
    // A number alone proves nothing (`1. FC Köln`); a sequence does, an entry's run-on line between.
    if (!Number.isNaN(value) && numberNear(units, numbers, i, -1) !== value - 1 && numberNear(units, numbers, i, 1) !== value + 1) continue
    if (Number.isNaN(value) && NUMBERED.test(unit.text)) continue
    setText(unit, unit.text.slice(marker[0].length))
    unit.kind = 'list-item'
    unit.kindFromEvidence = true
  }
  for (let i = 0; i < units.length; i++) {
    const intro = units[i]!
    if (intro.kind === 'list-item' || !intro.text.endsWith(':') || wordCount(intro.text) < 2) continue
    let end = i + 1
    // A list goes on over a page break once it has begun.
    while (end < units.length && isBareListItem(units[end]!, end > i + 1)) end++
    if (end - (i + 1) < 2) continue
    for (let j = i + 1; j < end; j++) {
      units[j]!.kind = 'list-item'
      units[j]!.kindFromEvidence = true
    }
  }
}

/**
 * A list printed without bullets and without an introducing colon: a run of short lines shaped
 * like headings, one right under the other. Headings are followed by text, not by more headings,
 * so in a run of three or more the first may be the list's heading and the rest are its entries;
 * lines indented past the body's left edge are entries from two on.
 */
function markListRuns(units: Unit[]): void {
  const bodyIndent = commonIndent(units)
  const isCandidate = (unit: Unit | undefined) => unit !== undefined && !unit.kindFromEvidence && unit.kind !== 'caption' && hasHeadingForm(unit.text) && unit.pieces.length === 1
  for (let start = 0; start < units.length; start++) {
    if (!isCandidate(units[start])) continue
    let end = start + 1
    while (end < units.length && isCandidate(units[end]) && units[end]!.gap === 'line') end++
    const run = units.slice(start, end)
    const indented = run.every((unit) => unit.pieces[0]!.indent > bodyIndent)
    if (indented && run.length >= 2) markItems(run)
    else if (run.length >= 3) {
      const [first, ...rest] = run
      const standsApart = first!.gap !== 'line' && first!.pieces[0]!.indent <= bodyIndent
      markItems(standsApart ? rest : run)
    }
    start = end - 1
  }
}

function markItems(units: readonly Unit[]): void {
  for (const unit of units) {
    unit.kind = 'list-item'
    unit.kindFromEvidence = true
  }
}

/** The indentation most lines of the capture's text share. */
function commonIndent(units: readonly Unit[]): number {
  const counts = new Map<number, number>()
  for (const unit of units) for (const piece of unit.pieces) counts.set(piece.indent, (counts.get(piece.indent) ?? 0) + 1)
  let best = 0
  let bestCount = -1
  for (const [indent, count] of counts) if (count > bestCount) [best, bestCount] = [indent, count]
  return best
}

function isBareListItem(unit: Unit, acrossPages: boolean): boolean {
  if (unit.kindFromEvidence || (unit.gap === 'page' && !acrossPages) || wordCount(unit.text) > MAX_LIST_ITEM_WORDS) return false
  return !endsSentence(unit.text) || /[;,]$/.test(unit.text)
}

/**
 * The number of the numbered entry next to `i` in `direction`, past one line opening mid-sentence
 * (an entry's run-on line, `1. A new depot, which will house the trams and a workshop for` /
 * `their repairs`); `NaN` when there is none.
 */
function numberNear(units: readonly Unit[], numbers: readonly number[], i: number, direction: 1 | -1): number {
  const next = i + direction
  if (!Number.isNaN(numbers[next] ?? Number.NaN)) return numbers[next]!
  const runOn = units[next]
  const entry = units[direction === 1 ? i : next + direction]
  if (runOn === undefined || entry === undefined || !(startsMidSentence(runOn.text) || endsMidSentence(entry.text))) return Number.NaN
  return numbers[next + direction] ?? Number.NaN
}

function ordinal(value: string): number {
  if (value === '') return Number.NaN
  return /^\d+$/.test(value) ? Number(value) : value.charCodeAt(0) - 96
}

function medianBodyFont(units: readonly Unit[]): number | null {
  const sizes = units.flatMap((unit) => unit.pieces.map((piece) => piece.fontSize)).filter((size): size is number => size !== undefined)
  if (sizes.length === 0) return null
  sizes.sort((a, b) => a - b)
  return sizes[sizes.length >> 1]!
}
