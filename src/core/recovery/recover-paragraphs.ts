/**
 * @module
 * Paragraph recovery: turns a capture (pages of lines from any format's reader) into the
 * article's real paragraphs, in document order, each exactly once, with the fate of every line.
 *
 * The stages, each a module with one job, know nothing of formats:
 * 1. `pieces.ts`: clean every line (characters kept as written);
 * 2. `page-edges.ts`: page markers, browser print headers and footers, the title, running
 *    headers and footers found by repetition;
 * 3. `furniture.ts`: web furniture by kind (bylines and datelines, which give the author and
 *    date; credits; advertisement, share, read-more and related lines);
 * 4. `assembly.ts`: lines into candidate paragraphs, by the capture's style (blank lines, hard
 *    wrapping, one line per paragraph), decided from evidence;
 * 5. `kinds.ts`: captions, list items, headings and comments, each with evidence;
 * 6. `footnotes.ts`, `joins.ts`: notes taken out, then paragraphs cut at breaks rejoined
 *    (hyphenated words put back with the document's vocabulary as the dictionary);
 * 7. `pull-quotes.ts`, `duplicates.ts`: pull quotes dropped, copies aligned and folded;
 * 8. `sections.ts`: headings placed, sections given; notes placed after their paragraph.
 */
import type { Capture } from '../capture.ts'
import type { ParagraphKind, RecoveredParagraph } from '../types.ts'
import { assembleUnits } from './assembly.ts'
import { removeDuplicates, type Deduplicated } from './duplicates.ts'
import { placeNotes, takeOutNotes } from './footnotes.ts'
import { markWebFurniture } from './furniture.ts'
import { joinAcrossBreaks } from './joins.ts'
import { classifyUnits } from './kinds.ts'
import { markPageEdges } from './page-edges.ts'
import { FURNITURE_KINDS, readPieces, type FurnitureKind, type Piece } from './pieces.ts'
import { findPullQuotes, separateLeadingPullQuotes } from './pull-quotes.ts'
import { placeHeadings } from './sections.ts'
import { collectVocabulary, keyOf, type HyphenRepair, type JoinKind, type Unit } from './units.ts'

export type { FurnitureKind } from './pieces.ts'
export { FURNITURE_KINDS } from './pieces.ts'

/** Options of {@link recoverParagraphs}. */
export type RecoveryOptions = {
  /** A title known from metadata: the first line is then the title only when it repeats it. */
  title?: string
}

/** What happened to one line of the capture (a line split in two, credit and caption, has two). */
export type LineFate =
  | { fate: 'blank' }
  | { fate: 'dropped'; furniture: FurnitureKind }
  | { fate: 'kept'; paragraph: number; kind: ParagraphKind }
  | { fate: 'joined'; paragraph: number; kind: ParagraphKind; how: JoinKind; hyphen?: HyphenRepair }
  | { fate: 'duplicate'; paragraph: number }

/** One line of the capture and its fates, in order. */
export type LineTrail = {
  /** 0-based page of the capture. */
  page: number
  /** The line as read. */
  text: string
  fates: LineFate[]
}

/** What recovery did to one document, for the build report. */
export type RecoveryReport = {
  /** Lines in the capture, blank ones included. */
  linesRead: number
  /** Lines (or parts of lines) dropped as furniture, of every kind. */
  furnitureDropped: number
  /** Lines dropped, per kind of furniture. */
  dropped: Record<FurnitureKind, number>
  /** Caption paragraphs kept. */
  captions: number
  /** Section headings kept. */
  headings: number
  /** List items kept. */
  listItems: number
  /** Paragraphs rejoined across a break (page, blank line, furniture). */
  joins: number
  /** Copies removed (repeats, cut copies). */
  duplicatesRemoved: number
  /** Paragraphs kept, of every kind. */
  paragraphsKept: number
}

/** The outcome of {@link recoverParagraphs}. */
export type RecoveryResult = {
  /** The title: the metadata's when given, otherwise the document's first line that is not furniture. */
  title: string
  /** The first URL a print footer showed (with `https://` added when it had no scheme), or `''`. */
  url: string
  /** Author(s) named by the first byline, or `''`. */
  author: string
  /** ISO date of the first dateline giving a full date, or `''`. */
  published: string
  /** Topic tags listed under `Related Topics` and the like. */
  topics: string[]
  /** The paragraphs in document order. */
  paragraphs: RecoveredParagraph[]
  /** Counts of what was done. */
  report: RecoveryReport
  /** Every line of the capture with its fate (`--explain`). */
  trail: LineTrail[]
}

/**
 * Recovers the real paragraphs of a captured article.
 *
 * @param capture - The capture, from a reader (`readCapture`, `readTextCapture`).
 * @param options - A title known from metadata, if any.
 * @returns The paragraphs in document order with their kind and section; the title, URL, author,
 *   date and topic tags the capture shows; a report; and the fate of every line.
 *
 * @example
 * recoverParagraphs(readTextCapture('Title\n\nFirst paragraph.\n\nImage caption A photo\n\nFirst paragraph.')).paragraphs
 * // => [{ kind: 'body', section: null, text: 'First paragraph.' },
 * //     { kind: 'caption', section: null, text: 'A photo' }]
 */
export function recoverParagraphs(capture: Capture, options: RecoveryOptions = {}): RecoveryResult {
  const { lines, pieces } = readPieces(capture)
  const edges = markPageEdges(pieces, options.title)
  const facts = markWebFurniture(pieces)
  const vocabulary = collectVocabulary(pieces)

  const assembled = assembleUnits(pieces, vocabulary)
  classifyUnits(assembled, pieces)
  const notes = takeOutNotes(assembled, vocabulary)
  const joined = joinAcrossBreaks(separateLeadingPullQuotes(assembled), vocabulary)
  const { units, joins } = joined
  const pullQuotes = findPullQuotes(units)
  for (const unit of pullQuotes) for (const piece of unit.pieces) piece.furniture = 'pull-quote'
  const deduplicatedInput = units.filter((unit) => !pullQuotes.has(unit))
  const deduplicated = removeDuplicates(deduplicatedInput)
  const ordered = placeHeadings(deduplicated).map((index) => deduplicated.kept[index]!)
  // A capture printed twice prints each note twice.
  const uniqueNotes: Unit[] = []
  const noteCopies = new Map<Unit, Unit>()
  for (const note of notes) {
    const same = uniqueNotes.find((other) => other.note === note.note && keyOf(other) === keyOf(note))
    if (same) noteCopies.set(note, same)
    else uniqueNotes.push(note)
  }
  const final = placeNotes(ordered, uniqueNotes, fallbackHosts(uniqueNotes, ordered))

  let section: string | null = null
  const paragraphs = final.map((unit): RecoveredParagraph => {
    if (unit.kind === 'heading') section = unit.text
    return { kind: unit.kind, section, text: unit.text }
  })

  const trail = traceLines(lines, pieces, final, deduplicatedInput, deduplicated, noteCopies)
  const dropped = Object.fromEntries(FURNITURE_KINDS.map((kind) => [kind, 0])) as Record<FurnitureKind, number>
  for (const piece of pieces) if (piece.furniture !== null) dropped[piece.furniture]++
  const count = (kind: ParagraphKind) => paragraphs.filter((paragraph) => paragraph.kind === kind).length
  return {
    title: edges.title,
    url: edges.url,
    author: facts.author,
    published: facts.published,
    topics: facts.topics,
    paragraphs,
    report: {
      linesRead: lines.length,
      furnitureDropped: pieces.filter((piece) => piece.furniture !== null).length,
      dropped,
      captions: count('caption'),
      headings: count('heading'),
      listItems: count('list-item'),
      joins,
      duplicatesRemoved: deduplicated.isCopy.filter(Boolean).length + noteCopies.size,
      paragraphsKept: paragraphs.length,
    },
    trail,
  }
}

/** For each note, the paragraph holding the last line printed before it. */
function fallbackHosts(notes: readonly Unit[], paragraphs: readonly Unit[]): Map<Unit, Unit | undefined> {
  const hosts = new Map<Unit, Unit | undefined>()
  if (notes.length === 0) return hosts
  const byLine: { line: number; unit: Unit }[] = []
  for (const unit of paragraphs) for (const piece of unit.pieces) byLine.push({ line: piece.line, unit })
  byLine.sort((a, b) => a.line - b.line)
  for (const note of notes) {
    const line = note.pieces[0]!.line
    let host: Unit | undefined
    for (const entry of byLine) {
      if (entry.line >= line) break
      host = entry.unit
    }
    hosts.set(note, host)
  }
  return hosts
}

/** The fate of every line: dropped as which furniture, kept or joined in which paragraph, or a copy of which. */
function traceLines(
  lines: readonly { page: number; text: string }[],
  pieces: readonly Piece[],
  final: readonly Unit[],
  deduplicatedInput: readonly Unit[],
  deduplicated: Deduplicated,
  noteCopies: ReadonlyMap<Unit, Unit>
): LineTrail[] {
  const position = new Map<Unit, number>()
  final.forEach((unit, index) => position.set(unit, index))
  const fateOfPiece = new Map<Piece, LineFate>()
  for (const [copy, note] of noteCopies) for (const piece of copy.pieces) fateOfPiece.set(piece, { fate: 'duplicate', paragraph: position.get(note)! })
  deduplicatedInput.forEach((unit, i) => {
    if (!deduplicated.isCopy[i]) return
    const paragraph = position.get(deduplicated.kept[deduplicated.keptIndexOf[i]!]!)!
    for (const piece of unit.pieces) fateOfPiece.set(piece, { fate: 'duplicate', paragraph })
  })
  for (const unit of final) {
    const paragraph = position.get(unit)!
    unit.pieces.forEach((piece, i) => {
      if (fateOfPiece.has(piece)) return
      const join = unit.joins[i - 1]
      fateOfPiece.set(
        piece,
        i === 0 || !join
          ? { fate: 'kept', paragraph, kind: unit.kind }
          : { fate: 'joined', paragraph, kind: unit.kind, how: join.how, ...(join.hyphen ? { hyphen: join.hyphen } : {}) }
      )
    })
  }
  const trail: LineTrail[] = lines.map((line) => ({ page: line.page, text: line.text, fates: [] }))
  for (const piece of pieces) {
    const fate = piece.furniture !== null ? { fate: 'dropped' as const, furniture: piece.furniture } : fateOfPiece.get(piece)
    if (fate) trail[piece.line]!.fates.push(fate)
  }
  for (const line of trail) if (line.fates.length === 0) line.fates.push({ fate: 'blank' })
  return trail
}
