/**
 * @module
 * Finds the furniture at pages' edges: page markers and browser print headers and footers (by
 * form), the document's title and running headers and footers (by repetition across pages). Pages
 * are the reader's (form feeds, PDF pages) and those the markers themselves bound.
 */
import { comparisonKey } from '../clean-text.ts'
import { pageMarkerKind, printHeaderTitle, titleBeforePageCount, urlOfLine } from './page-markers.ts'
import type { Piece } from './pieces.ts'
import { wordCount } from './text-shape.ts'

/** A running header or footer is short: a title, a section name, a site's name. */
const MAX_RUNNING_HEADER_WORDS = 20

/** What the page-edge pass learned about the document. */
export type PageEdges = {
  /** The document's title: the metadata's, or its first line that is not furniture. */
  title: string
  /** The first URL a print footer showed, or `''`. */
  url: string
}

/**
 * Marks page markers, print headers and footers, the title and its repeats, and running headers
 * and footers on `pieces` (in place).
 *
 * @param knownTitle - A title known from metadata; when given, the first line is the title only
 *   when it repeats it.
 */
export function markPageEdges(pieces: Piece[], knownTitle: string | undefined): PageEdges {
  let url = ''
  const headerTitles: string[] = []
  for (const piece of pieces) {
    if (piece.role !== undefined && piece.role !== 'furniture') continue
    const kind = pageMarkerKind(piece.text)
    if (kind === null) continue
    piece.furniture = kind
    if (kind === 'url' && url === '') url = urlOfLine(piece.text)!
    if (kind === 'print-header') headerTitles.push(printHeaderTitle(piece.text)!)
  }
  if (url !== '' && !/^[a-z]+:\/\//i.test(url)) url = `https://${url}`

  const first = pieces.find((piece) => piece.furniture === null)
  const title = knownTitle?.trim() || first?.text || ''
  const titleKeys = new Set<string>()
  for (const candidate of [title, ...headerTitles]) {
    if (candidate === '') continue
    const key = comparisonKey(candidate)
    titleKeys.add(key)
    // `Headline | Site` and `Headline - Site`: a print header's title often carries the site's name.
    const bare = key.replace(/\s+[|–—-]\s+[^|–—-]{1,60}$/, '')
    if (bare.length >= 3) titleKeys.add(bare)
  }
  for (const piece of pieces) {
    if (piece.furniture !== null || piece.role === 'heading' || piece.role === 'body') continue
    if (titleKeys.has(comparisonKey(piece.text))) piece.furniture = 'title'
    else {
      const footerTitle = titleBeforePageCount(piece.text)
      if (footerTitle !== null && titleKeys.has(comparisonKey(footerTitle))) piece.furniture = 'page-number'
    }
  }
  if (!knownTitle?.trim() && first && first.furniture === null) first.furniture = 'title'
  markRunningHeaders(pieces)
  return { title, url }
}

/**
 * Marks lines that open or close more than half the pages (and at least two) as running headers
 * and footers. Half, so that a line of a capture printed twice, which opens the same page of both
 * copies, is not taken for one; and not a sentence ending in a full stop, which a header never is.
 */
function markRunningHeaders(pieces: Piece[]): void {
  const openers = new Map<string, Piece[]>()
  const closers = new Map<string, Piece[]>()
  let pages = 0
  let page: Piece[] = []
  const endPage = () => {
    const content = page.filter((piece) => piece.furniture === null)
    if (content.length > 0) {
      pages++
      add(openers, content[0]!)
      if (content.length > 1) add(closers, content[content.length - 1]!)
    }
    page = []
  }
  let previous: Piece | undefined
  for (const piece of pieces) {
    const atEdge = piece.furniture === 'page-number' || piece.furniture === 'print-header' || piece.furniture === 'url'
    const newCapturePage = previous !== undefined && piece.page !== previous.page
    if (newCapturePage || (atEdge && page.some((p) => p.furniture === null))) endPage()
    if (!atEdge) page.push(piece)
    previous = piece
  }
  endPage()
  if (pages < 2) return
  for (const group of [openers, closers]) {
    for (const repeats of group.values()) {
      if (repeats.length < 2 || repeats.length * 2 <= pages) continue
      // A sentence opening the same page of two printings is text; a header is a name or a title.
      const text = repeats[0]!.text
      if (wordCount(text) > MAX_RUNNING_HEADER_WORDS || /[.。]["”’»]?$/.test(text)) continue
      for (const piece of repeats) piece.furniture = 'running-header'
    }
  }
}

function add(map: Map<string, Piece[]>, piece: Piece): void {
  if (piece.role !== undefined && piece.role !== 'furniture') return
  const key = comparisonKey(piece.text)
  const list = map.get(key)
  if (list) list.push(piece)
  else map.set(key, [piece])
}
