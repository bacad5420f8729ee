/**
 * @module
 * Marks web-page furniture by kind on the pieces left by the page-edge pass: bylines (which name
 * the author), datelines and timestamps (which date the article), photo credits, advertisement,
 * share, read-more and related lines, the link lists under a related or most-read header, topic
 * tags, navigation. A reader's `role` decides where it is given.
 */
import type { Piece } from './pieces.ts'
import { endsMidSentence, endsSentence, startsMidSentence, wordCount } from './text-shape.ts'
import { RELATED_TOPICS, bareBylineAuthor, inlineTags, bylineAuthor, isBylineDetail, isControlLabel, isPhotoCredit, readDateline, webFurnitureKind } from './web-furniture.ts'

/** Link lines under a related header are headlines: short, and not sentences. */
const MAX_LINK_WORDS = 20
const MAX_LINKS = 12
const MAX_TAG_WORDS = 10

/** What the furniture pass learned about the document. */
export type FurnitureFacts = {
  /** Author(s) named by the first byline, or `''`. */
  author: string
  /** ISO date of the first dateline that gives a full date, or `''`. */
  published: string
  /** Topic tags listed under `Related Topics` (and the like). */
  topics: string[]
}

/** Marks web furniture on `pieces` (in place) and returns what it says of the document. */
export function markWebFurniture(pieces: Piece[]): FurnitureFacts {
  const facts: FurnitureFacts = { author: '', published: '', topics: [] }
  let block: 'related' | 'topics' | null = null
  let blockLength = 0
  for (const piece of pieces) {
    // A list of links or tags may go on over a page break, but not into a page's masthead or headline.
    if (piece.headline || piece.furniture === 'navigation') block = null
    if (piece.furniture !== null) continue
    const fromRole = furnitureOfRole(piece, facts)
    if (fromRole !== undefined) {
      piece.furniture = fromRole
      block = null
      continue
    }
    if (block !== null && continuesBlock(piece, block, blockLength)) {
      piece.furniture = block
      if (block === 'topics') facts.topics.push(piece.text)
      blockLength++
      continue
    }
    block = null
    const kind = classify(piece.text, facts)
    if (kind === null) continue
    piece.furniture = kind
    // A header opens a list of links or tags; a line listing its tags itself does not.
    if (kind === 'related' || (kind === 'topics' && RELATED_TOPICS.test(piece.text))) {
      block = kind
      blockLength = 0
    }
  }
  markControls(pieces)
  markBareBylines(pieces, facts)
  return facts
}

/**
 * Marks the page's controls printed as lines (`Share full article`, see `isControlLabel`), each
 * only where no sentence runs through it: the text line before does not stop mid-sentence and
 * the one after does not open mid-sentence (`… would be able to` / `watch the video on the` /
 * `council website` is text).
 */
function markControls(pieces: Piece[]): void {
  // The text lines in order, with the controls already taken: one control beside another is no sentence.
  const text = pieces.filter((piece) => piece.furniture === null || piece.furniture === 'chrome')
  text.forEach((piece, i) => {
    if (piece.furniture !== null || piece.role !== undefined || !isControlLabel(piece.text)) return
    const before = text[i - 1]
    const after = text[i + 1]
    if ((before && endsMidSentence(before.text)) || (after && startsMidSentence(after.text))) return
    piece.furniture = 'chrome'
  })
}

/**
 * A byline without `By` is a name (with an outlet or a job) right next to a dateline or right
 * after the headline: the place says what the line is.
 */
function markBareBylines(pieces: Piece[], facts: FurnitureFacts): void {
  for (let i = 0; i < pieces.length; i++) {
    const anchor = pieces[i]!
    const isDateline = anchor.furniture === 'dateline'
    const isHeadline = anchor.headline === true && pieces[i + 1]?.headline !== true
    if (!isDateline && !isHeadline) continue
    for (const j of isDateline ? [i - 1, i + 1] : [i + 1]) {
      const piece = pieces[j]
      if (!piece || piece.furniture !== null || piece.role !== undefined || piece.page !== anchor.page) continue
      const author = bareBylineAuthor(piece.text)
      if (author === null) continue
      piece.furniture = 'byline'
      if (facts.author === '') facts.author = author
    }
  }
  markBylineDetails(pieces)
}

/**
 * The lines that go with a byline (the writer's job, an address to reach them) next to a byline or
 * dateline, or right after such a line already taken (the pass goes forward): `By Robin Hale` /
 * `Staff Writer` / `rhale@gazette.example` / `March 12, 2021`.
 */
function markBylineDetails(pieces: Piece[]): void {
  const isAnchor = (piece: Piece | undefined) => piece?.furniture === 'byline' || piece?.furniture === 'dateline'
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!
    if (piece.furniture !== null || piece.role !== undefined || !isBylineDetail(piece.text)) continue
    const before = pieces[i - 1]
    const after = pieces[i + 1]
    if ((isAnchor(before) && before!.page === piece.page) || (isAnchor(after) && after!.page === piece.page)) piece.furniture = 'byline'
  }
}

function furnitureOfRole(piece: Piece, facts: FurnitureFacts): Piece['furniture'] | undefined {
  switch (piece.role) {
    case 'furniture':
      return 'reader'
    case 'credit':
      return 'credit'
    case 'byline':
      if (facts.author === '') facts.author = bylineAuthor(piece.text) ?? piece.text.replace(/^(?:by|par|von|por)\s+/i, '')
      return 'byline'
    case 'dateline': {
      if (facts.published === '') facts.published = readDateline(piece.text)?.date ?? ''
      return 'dateline'
    }
    case undefined:
      return undefined
    default:
      // The reader knows the line is text; its kind is for the classifier.
      return null
  }
}

function continuesBlock(piece: Piece, block: 'related' | 'topics', length: number): boolean {
  if (block === 'topics') return wordCount(piece.text) <= MAX_TAG_WORDS && !/[.!?,;:"”]$/.test(piece.text)
  return length < MAX_LINKS && wordCount(piece.text) <= MAX_LINK_WORDS && (!endsSentence(piece.text) || piece.text.endsWith('?'))
}

function classify(text: string, facts: FurnitureFacts): Piece['furniture'] {
  const author = bylineAuthor(text)
  if (author !== null) {
    if (facts.author === '') facts.author = author
    return 'byline'
  }
  const dateline = readDateline(text)
  if (dateline !== null) {
    if (facts.published === '') facts.published = dateline.date
    if (facts.author === '' && dateline.author) facts.author = dateline.author
    return 'dateline'
  }
  const tags = inlineTags(text)
  if (tags !== null) {
    facts.topics.push(...tags)
    return 'topics'
  }
  if (isPhotoCredit(text)) return 'credit'
  if (RELATED_TOPICS.test(text)) return 'topics'
  return webFurnitureKind(text)
}
