/**
 * @module
 * Paragraph assembly: groups the text pieces left after furniture into units, deciding the
 * capture's style from evidence. A capture is hard-wrapped when most lines that run on into the
 * next stop mid-sentence near one width; then the lines of a block are joined, and a paragraph
 * ends where a line ends a sentence short of the width (the next word would have fit), at an
 * indent, or at a list marker. Otherwise each line is a unit (one line per paragraph, or blank
 * lines between), and what parts them is left to the joins across breaks. A reader's
 * `paragraphEnd` and `role` end a unit wherever they are given.
 */
import { PAGE_EDGE_KINDS, type Piece } from './pieces.ts'
import { CREDIT_LABEL_AT_END, isMonthName } from './web-furniture.ts'
import { endsMidSentence, endsSentence, endsWithConnector, firstWord, printedWidth, startsMidSentence } from './text-shape.ts'
import { appendUnit, type Gap, type Unit, type Vocabulary } from './units.ts'

/** Wrapped prose is at least this wide, in characters; a column of short lines is a list or verse. */
const MIN_WRAP_WIDTH = 40
/** A newspaper column may be as narrow as this, in characters (of `x`, wider than most), when its lines plainly run on. */
const MIN_COLUMN_WIDTH = 24
/**
 * A line ending a sentence ends its paragraph when it and the next word would have fit in this
 * share of the wrap width (printed widths are estimates: a full line measures 0.95 to 1.05).
 */
const FIT_SHARE = 0.99
/** Paragraphs with clear ends needed before their length says anything. */
const MIN_CLEAR_PARAGRAPHS = 3
/** Where in the lengths of clear paragraphs (shortest first) the typical length is read. */
const TYPICAL_QUANTILE = 0.4
/** Up to this share of the width, a full line ending a sentence may still have ended its paragraph. */
const UNDECIDED_SHARE = 1.1
/** Run-on lines wider than this share of the 80th percentile are not of the body's face. */
const WIDEST_SHARE = 1.05
/** A line list marker: a bullet, or a number or letter with `.` or `)`. */
export const LIST_MARKER = /^(?:[•●▪▫◦‣∙·■□➢►▶✓✔*]|[-–—](?=\s)|\(?(?:\d{1,2}|[a-z])[.)])\s+(?=\S)/u

/** A piece of text with what stood between it and the text piece before it. */
type Spaced = { piece: Piece; gap: Gap }

/**
 * Groups the text pieces (those not marked as furniture) into units.
 *
 * @returns The units in document order; each records the gap before it.
 */
export function assembleUnits(pieces: readonly Piece[], vocabulary: Vocabulary): Unit[] {
  const spaced = spacePieces(pieces)
  const { measure, width } = wrapMeasure(spaced)
  if (width === null) return groupLines(spaced, null, measure, Number.POSITIVE_INFINITY, vocabulary)
  // A line that ends a sentence and is full leaves the paragraph's end undecided. The paragraphs
  // whose ends are clear say how many lines this document's paragraphs run to: a paragraph that
  // long ends at such a line.
  const undecided = new Set<Unit>()
  const firstPass = groupLines(spaced, width, measure, Number.POSITIVE_INFINITY, vocabulary, undecided)
  const lengths = firstPass
    .filter((unit) => unit.pieces.length > 1 && !undecided.has(unit))
    .map((unit) => unit.pieces.length)
    .sort((a, b) => a - b)
  const typical = lengths.length >= MIN_CLEAR_PARAGRAPHS ? lengths[Math.floor(lengths.length * TYPICAL_QUANTILE)]! : Number.POSITIVE_INFINITY
  return groupLines(spaced, width, measure, typical, vocabulary)
}

/**
 * Groups lines into units.
 *
 * @param width - The wrap width, or `null` when the capture is not hard-wrapped.
 * @param typicalLines - At an undecided line, a paragraph of this many lines ends.
 * @param undecided - Given for a first pass that only measures: lines are joined without
 *   recording, and the units holding an undecided join are added to it.
 */
function groupLines(spaced: readonly Spaced[], width: number | null, measure: Measure, typicalLines: number, vocabulary: Vocabulary, undecided?: Set<Unit>): Unit[] {
  const units: Unit[] = []
  let current: Unit | null = null
  // After a line ending in a colon, lines opening with a capital are entries of a list printed
  // without its bullets, until a sentence or a blank line ends it.
  let inList = false
  for (let i = 0; i < spaced.length; i++) {
    const { piece, gap } = spaced[i]!
    const unit: Unit = { pieces: [piece], joins: [], text: piece.text, kind: 'body', gap, kindFromEvidence: false }
    // A list ends at a blank line; it may go on over a page break.
    if (gap === 'blank') inList = false
    // A caption's credit label at a line's end has its name on the next line, whatever the style.
    const creditGoesOn = current !== null && gap !== 'page' && gap !== 'furniture' && CREDIT_LABEL_AT_END.test(current.text)
    const decision = creditGoesOn ? 'join' : current !== null && width !== null && gap === 'line' ? continuesWrappedLine(current, piece, width, measure, inList, typicalLines) : 'break'
    if (decision !== 'break') {
      if (undecided === undefined) appendUnit(current!, unit, 'wrapped line', vocabulary)
      else {
        current!.pieces.push(piece)
        if (decision === 'undecided') undecided.add(current!)
      }
      continue
    }
    if (current !== null) inList = current.text.endsWith(':') || (inList && !/[.!?]["”’»]?$/.test(current.text))
    current = unit
    units.push(unit)
  }
  return units
}

/** Pairs each text piece with the gap before it: a page edge, other furniture, a blank line, or nothing. */
function spacePieces(pieces: readonly Piece[]): Spaced[] {
  const out: Spaced[] = []
  let gap: Gap = 'line'
  let previous: Piece | undefined
  for (const piece of pieces) {
    if (piece.furniture !== null) {
      if (PAGE_EDGE_KINDS.has(piece.furniture)) gap = 'page'
      else if (gap !== 'page') gap = 'furniture'
      continue
    }
    if (previous !== undefined && piece.page !== previous.page) gap = 'page'
    else if (piece.blankBefore && gap === 'line') gap = 'blank'
    if (previous?.paragraphEnd && gap === 'line') gap = 'blank'
    out.push({ piece, gap: previous === undefined ? 'blank' : gap })
    previous = piece
    gap = 'line'
  }
  return out
}

/**
 * How a capture's lines are measured for wrapping: by their printed width (`printedWidth`, text
 * set in a proportional face and wrapped by width), or by their characters, each as wide as an
 * `x` (text wrapped by a count of characters: a plain-text wrapper, a terminal, a mail client).
 */
type Measure = (text: string, indent: number) => number

/** A proportional line's printed width (its indentation, measured in the text's own spaces, left out as before). */
const printed: Measure = (text) => printedWidth(text)
const X_WIDTH = printedWidth('x')
/** A line's characters, its indentation included (a wrapper counts it). */
const characters: Measure = (text, indent) => ([...text].length + indent) * X_WIDTH

/**
 * The measure a capture was wrapped by, with the wrap width it gives (`null`: not hard-wrapped): a
 * greedy wrapper never leaves on the next line a word that would have fit, so of the two, the one
 * by which fewer lines could have taken the next word is it (printed width on a tie).
 */
function wrapMeasure(spaced: readonly Spaced[]): { measure: Measure; width: number | null } {
  const misfits = (measure: Measure) => {
    const width = wrapWidthBy(spaced, measure)
    let count = width === null ? Number.POSITIVE_INFINITY : 0
    for (let i = 0; width !== null && i + 1 < spaced.length; i++) {
      const { piece } = spaced[i]!
      const next = spaced[i + 1]!
      if (next.gap !== 'line' || piece.role !== undefined || endsSentence(piece.text)) continue
      if (measure(`${piece.text} ${firstWord(next.piece.text)}`, piece.indent) <= width * FIT_SHARE) count++
    }
    return { measure, width, count }
  }
  const byCharacters = misfits(characters)
  const byPrint = misfits(printed)
  return byCharacters.count < byPrint.count ? byCharacters : byPrint
}

/**
 * The wrap width of a hard-wrapped capture (the 90th percentile of the lengths of lines that run
 * on into the next), or `null` when the capture is not hard-wrapped: too narrow, or its lines end
 * sentences rather than stop mid-sentence.
 */
function wrapWidthBy(spaced: readonly Spaced[], measure: Measure): number | null {
  const runOn: number[] = []
  let cut = 0
  // Lines a sentence plainly runs on from (a connector or comma at the end, a lower-case word
  // opening the next), outside lists: a narrow column's evidence.
  let runsOn = 0
  let inList = false
  for (let i = 0; i + 1 < spaced.length; i++) {
    const { piece } = spaced[i]!
    const next = spaced[i + 1]!
    if (next.gap !== 'line' || piece.role !== undefined) {
      inList = false
      continue
    }
    runOn.push(measure(piece.text, piece.indent))
    if (!endsSentence(piece.text) && piece.text.length >= MIN_WRAP_WIDTH) cut++
    inList = piece.text.endsWith(':') || (inList && !endsSentence(piece.text))
    if (!inList && !endsSentence(piece.text) && (endsMidSentence(piece.text) || startsMidSentence(next.piece.text))) runsOn++
  }
  if (runOn.length < 2) return null
  // Most run-on lines are nearly full; the widest few may be set in a smaller face (captions) or
  // larger one (headlines), so the width is the widest line not far past the 80th percentile.
  const sorted = [...runOn].sort((a, b) => a - b)
  const typical = sorted[Math.floor(sorted.length * 0.8)]!
  const width = sorted.filter((value) => value <= typical * WIDEST_SHARE).pop()!
  // A newspaper's narrow column: wrapped prose if most of its lines plainly run on.
  if (width < measure('x'.repeat(MIN_WRAP_WIDTH), 0)) {
    return width >= measure('x'.repeat(MIN_COLUMN_WIDTH), 0) && runsOn >= 3 && runsOn >= runOn.length * 0.5 ? width : null
  }
  return cut >= 2 && cut >= runOn.length * 0.4 ? width : null
}

/**
 * Whether a line of a hard-wrapped block goes on in `next`: it stops mid-sentence, or the next
 * line opens mid-sentence, or the next word would not have fit on it. In a list, an entry opening
 * with a capital starts afresh.
 */
function continuesWrappedLine(unit: Unit, next: Piece, width: number, measure: Measure, inList: boolean, typicalLines: number): 'join' | 'break' | 'undecided' {
  const decide = (join: boolean) => (join ? 'join' : 'break')
  const last = unit.pieces[unit.pieces.length - 1]!
  if (last.paragraphEnd || last.role !== next.role) return 'break'
  // A list entry opens afresh; not a number that a full line, cut mid-sentence, wrapped onto the
  // next (`on Tuesday, March` / `12. It passed by 21 votes`).
  const line = last.text
  // The line with the next word on it: did it fit (`fits`), nearly (`undecided`), or not.
  const withNextWord = measure(`${line} ${firstWord(next.text)}`, last.indent)
  const endWord = /[\p{L}.]+$/u.exec(line)?.[0] ?? ''
  const numberWrapped = /^\d/.test(next.text) && (endsWithConnector(line) || isMonthName(endWord)) && withNextWord > width * FIT_SHARE
  // A dash opening a line of a sentence that goes on is a parenthesis, not a bullet (`— the longest in its history —`).
  const dashGoesOn = /^[–—]\s+\p{Ll}/u.test(next.text) && !endsSentence(line)
  if (LIST_MARKER.test(next.text) && !numberWrapped && !dashGoesOn) return 'break'
  // A footnote opens with its number in superscript (`¹ The act was replaced in 2012.`): its own paragraph.
  if (/^[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}\s*\p{Lu}/u.test(next.text)) return 'break'
  // A first-line indent opens a paragraph; a list item's run-on lines hang indented under it.
  if (next.indent > last.indent + 1 && !LIST_MARKER.test(unit.pieces[0]!.text)) return 'break'
  if (endsMidSentence(line) || last.softHyphenEnd || /\p{L}-$/u.test(line)) return 'join'
  if (CREDIT_LABEL_AT_END.test(line)) return 'join'
  // Whether the line and the next word would have fit: if so, the line ended where its writer ended it.
  const fits = withNextWord <= width * FIT_SHARE
  const opensWithCapital = /^\p{Lu}/u.test(next.text)
  if (inList || line.endsWith(':')) return decide(!fits && !opensWithCapital)
  // A line short of the width ended where its writer ended it, even before a lower-case line (a
  // heading over `van Leeuwen, who …`); whether a cut sentence goes on is the joins' to decide.
  if (fits) return 'break'
  if (startsMidSentence(next.text)) return 'join'
  const undecided = endsSentence(line) && withNextWord <= width * UNDECIDED_SHARE
  if (!undecided) return 'join'
  // A full line ending a sentence: the paragraph may end or go on. A paragraph that opened with a
  // quotation goes on with the same speaker's next one; otherwise one as long as this document's
  // paragraphs ends here.
  if (/^["“„«]/.test(unit.pieces[0]!.text) && /^["“„«]/.test(next.text)) return 'undecided'
  return unit.pieces.length >= typicalLines ? 'break' : 'undecided'
}
