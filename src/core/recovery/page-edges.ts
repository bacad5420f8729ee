/**
 * @module
 * Finds the furniture at pages' edges: page markers and browser print headers and footers (by
 * form), the document's title and running headers and footers (by repetition across pages). Pages
 * are the reader's (form feeds, PDF pages) and those the markers themselves bound.
 */
import { comparisonKey } from '../clean-text.ts'
import { pageMarkerKind, printHeaderTitle, titleBeforePageCount, urlOfLine } from './page-markers.ts'
import type { Piece } from './pieces.ts'
import { endsMidSentence, endsSentence, wordCount } from './text-shape.ts'

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
  pieces.forEach((piece, i) => {
    if (piece.role !== undefined && piece.role !== 'furniture') return
    const kind = pageMarkerKind(piece.text)
    if (kind === null) return
    // A URL a sentence runs through (`… comment on the plans at` / `example.org/plans` / `until
    // 30 April.`) is the text's, not a footer.
    if (kind === 'url' && urlInSentence(pieces, i)) return
    piece.furniture = kind
    if (kind === 'url' && url === '') url = urlOfLine(piece.text)!
    if (kind === 'print-header') headerTitles.push(printHeaderTitle(piece.text)!)
  })
  if (url !== '' && !/^[a-z]+:\/\//i.test(url)) url = `https://${url}`

  const first = pieces.find((piece) => piece.furniture === null)
  let title = knownTitle?.trim() || first?.text || ''
  const { keys: titleKeys, siteNames } = titleVariants([title, ...headerTitles])
  for (const piece of pieces) {
    if (piece.furniture !== null || piece.role === 'heading' || piece.role === 'body') continue
    if (titleKeys.has(comparisonKey(piece.text))) piece.furniture = 'title'
    else {
      const footerTitle = titleBeforePageCount(piece.text)
      if (footerTitle !== null && titleKeys.has(comparisonKey(footerTitle))) piece.furniture = 'page-number'
    }
  }
  if (!knownTitle?.trim() && first && first.furniture === null) first.furniture = 'title'
  const headlines = markHeadlines(pieces, titleKeys)
  // One masthead a page: above the first headline of each page the capture has.
  const pagesSeen = new Set<number>()
  for (const headline of headlines) {
    const page = pieces[headline.start]!.page
    if (pagesSeen.has(page)) continue
    pagesSeen.add(page)
    markMasthead(pieces, headline.start)
  }
  // The headline as printed names the article better than a page title with the site's name.
  if (headlines.length > 0 && !knownTitle?.trim()) title = headlines[0]!.text
  markSiteLines(pieces, siteNames)
  markRunningHeaders(pieces)
  return { title, url }
}

/** Whether the URL line at `i` sits inside a sentence: the line before stops mid-sentence and the one after goes on, on the same page. */
function urlInSentence(pieces: readonly Piece[], i: number): boolean {
  const before = pieces[i - 1]
  const after = pieces[i + 1]
  if (!before || !after || before.page !== pieces[i]!.page || after.page !== pieces[i]!.page) return false
  return endsMidSentence(before.text) && /^\p{Ll}/u.test(after.text)
}

/**
 * The comparison keys a line repeating the title may have: the title itself; without the site's
 * name a page title carries (`Headline | Section | Site`, `Headline - Site`); without a kicker
 * before a colon (`Place: Headline`). Also the site names so found.
 */
function titleVariants(titles: readonly string[]): { keys: Set<string>; siteNames: Set<string> } {
  const keys = new Set<string>()
  const siteNames = new Set<string>()
  for (const candidate of titles) {
    if (candidate.trim() === '') continue
    const key = comparisonKey(candidate)
    keys.add(key)
    const parts = key.split(/\s+[|–—-]\s+/)
    if (parts.length > 1) {
      keys.add(parts[0]!)
      const site = parts[parts.length - 1]!
      if (site.length >= 3 && wordCount(site) <= 5) siteNames.add(site)
    }
    for (const part of [key, parts[0]!]) {
      const afterColon = /^[^:]{2,60}:\s+(.+)$/.exec(part)?.[1]
      if (afterColon && wordCount(afterColon) >= 3) keys.add(afterColon)
    }
  }
  return { keys, siteNames }
}

/**
 * Finds the headline printed in the article (not at a page's top, where a print header repeats
 * the title): runs of consecutive lines that together read as the title, as a headline set large
 * wraps over two or three lines; a capture printed twice has one in each copy. Marks them as the
 * title.
 *
 * @returns Where each headline starts and its text, in order.
 */
function markHeadlines(pieces: Piece[], titleKeys: ReadonlySet<string>): { start: number; text: string }[] {
  const found: { start: number; text: string }[] = []
  const prefixes = [...titleKeys]
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!
    if (piece.furniture === 'title') {
      if (!afterPageEdge(pieces, i) && pieces[i - 1]?.furniture !== 'title') {
        found.push({ start: i, text: piece.text })
        piece.headline = true
      }
      continue
    }
    if (piece.furniture !== null || piece.role === 'body') continue
    let key = comparisonKey(piece.text)
    if (!prefixes.some((title) => title.startsWith(key + ' '))) continue
    for (let j = i + 1; j < pieces.length && j < i + 4; j++) {
      if (pieces[j]!.furniture !== null) break
      key = `${key} ${comparisonKey(pieces[j]!.text)}`
      if (titleKeys.has(key)) {
        for (let k = i; k <= j; k++) {
          pieces[k]!.furniture = 'title'
          pieces[k]!.headline = true
        }
        found.push({ start: i, text: pieces.slice(i, j + 1).map((p) => p.text).join(' ') })
        i = j
        break
      }
      if (!prefixes.some((title) => title.startsWith(key + ' '))) break
    }
  }
  return found
}

/** Whether piece `i` opens a page: nothing but furniture stands between it and a page marker or the page's top. */
function afterPageEdge(pieces: readonly Piece[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const before = pieces[j]!
    if (before.page !== pieces[i]!.page) return true
    if (before.furniture === 'page-number' || before.furniture === 'print-header' || before.furniture === 'url') return true
    if (before.furniture === null) return false
  }
  // The document's first line is where a headline stands, not a page's header.
  return false
}

/** Lines of a masthead are short: a site's name, navigation, a section, a breaking-news ticker. */
const MAX_MASTHEAD_WORDS = 20
const MAX_MASTHEAD_LINES = 20

/**
 * A page prints the site's masthead, navigation and section labels above the article's headline:
 * the short lines between the page's top and the headline are navigation.
 */
function markMasthead(pieces: Piece[], headlineStart: number): void {
  const page = pieces[headlineStart]!.page
  const zone: Piece[] = []
  for (let i = headlineStart - 1; i >= 0 && pieces[i]!.page === page; i--) {
    const piece = pieces[i]!
    if (piece.furniture !== null) continue
    if (wordCount(piece.text) > MAX_MASTHEAD_WORDS || piece.role === 'body' || piece.role === 'caption') return
    // A sentence, or a line cut mid-sentence, above the headline is text, not a label.
    if ((wordCount(piece.text) >= 3 && /[.!?]["”’»]?$/.test(piece.text)) || (endsMidSentence(piece.text) && /(?:^|\s)\p{Ll}[\p{L},-]*$/u.test(piece.text))) return
    zone.push(piece)
  }
  if (zone.length > MAX_MASTHEAD_LINES) return
  for (const piece of zone) piece.furniture = 'navigation'
}

/** Short lines naming the site (`© 2022 The Gazette`, `Our standards: the Gazette's principles`) are its furniture. */
function markSiteLines(pieces: Piece[], siteNames: ReadonlySet<string>): void {
  if (siteNames.size === 0) return
  let previous: Piece | undefined
  for (const piece of pieces) {
    const standsAlone = previous === undefined || previous.furniture !== null || piece.blankBefore || endsSentence(previous.text)
    previous = piece
    if (piece.furniture !== null || piece.role !== undefined || wordCount(piece.text) > 10 || !standsAlone) continue
    const key = comparisonKey(piece.text)
    for (const site of siteNames) {
      if (key === site || (key.includes(site) && !/["“„«]/.test(piece.text) && !/^\p{Ll}/u.test(piece.text))) piece.furniture = 'chrome'
    }
  }
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
