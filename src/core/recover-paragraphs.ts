/**
 * @module
 * Paragraph recovery: turns a captured article (clean one-paragraph-per-line text, or a messy
 * print-to-text capture with page furniture, page breaks and a second printing) into its real
 * paragraphs, in document order, each exactly once.
 *
 * The rules are generic, so they hold for other captures of the same kind:
 * 1. clean each line (Unicode, white space, markup) and drop page furniture;
 * 2. classify what is left: labelled or credited captions, short headings, comments, body text;
 * 3. rejoin a paragraph cut at a page break with its continuation on the next page, unless a
 *    fuller copy of it elsewhere says the continuation belongs to something else;
 * 4. drop exact repeats and truncated copies, keeping the fullest text at the first position;
 * 5. put each heading before the paragraph it introduces and give every paragraph its section.
 */
import { comparisonKey, normalizeText, stripMarkup } from './clean-text.ts'
import {
  RELATED_TOPICS,
  captionText,
  isPageChrome,
  isPageMarker,
  isPhotoCredit,
  parseDateline,
  splitCreditAndCaption,
  urlOfLine,
} from './page-furniture.ts'
import type { ParagraphKind, RecoveredParagraph } from './types.ts'

/** Options of {@link recoverParagraphs}. */
export type RecoveryOptions = {
  /** A title known from metadata: lines repeating it are running headers, like the first line. */
  title?: string
}

/** What recovery did to one document, for the build report. */
export type RecoveryReport = {
  /** Lines in the document, blank ones included. */
  linesRead: number
  /** Non-blank lines dropped as furniture: title, headers, page markers, credits, datelines, tags. */
  furnitureDropped: number
  /** Caption paragraphs kept. */
  captions: number
  /** Section headings kept. */
  headings: number
  /** Paragraphs rejoined across a page break. */
  joins: number
  /** Exact repeats and truncated copies removed. */
  duplicatesRemoved: number
  /** Paragraphs kept, of every kind. */
  paragraphsKept: number
}

/** The outcome of {@link recoverParagraphs}. */
export type RecoveryResult = {
  /** The document's first line, which names it. */
  title: string
  /** The first bare URL the capture printed (a page footer), or `''`. */
  url: string
  /** Topic tags listed under `Related Topics`. */
  topics: string[]
  /** The paragraphs in document order. */
  paragraphs: RecoveredParagraph[]
  /** Counts of what was done. */
  report: RecoveryReport
}

/** A line of text that survived furniture removal, with what is known of its surroundings. */
type Unit = {
  text: string
  kind: ParagraphKind
  /** A page marker or running header stood between this unit and the one before it. */
  pageBreakBefore: boolean
}

/** Words that cannot end a sentence: a line ending in one was cut. */
const CONNECTORS = new Set(
  (
    'a an the and or but nor of to in on at by for with from as than that which who whom whose ' +
    'his her their its our my your is was were are be been being has have had not into onto over ' +
    'under after before about against between during without within through while if because ' +
    'so very more most such'
  ).split(' ')
)

const COMMENT = /^(?:comment|editor'?s note|editorial note)\s*:/i
const SENTENCE_END = /(?:[.!?…:]|[.!?…]["”’')\]]+)$/
const MAX_HEADING_WORDS = 12
const MAX_TAG_WORDS = 10
/** A copy shorter than this many words is too common to be called a truncated duplicate. */
const MIN_TRUNCATED_WORDS = 4

function wordCount(text: string): number {
  return text.split(' ').filter(Boolean).length
}

function lastWord(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}']+$/u)
  return words ? words[0] : ''
}

/** Whether text ends where a sentence can end. */
function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text)
}

function endsWithConnector(text: string): boolean {
  return CONNECTORS.has(lastWord(text))
}

function startsLowercase(text: string): boolean {
  return /^\p{Ll}/u.test(text)
}

/** Short, capitalised, and either a question or without closing punctuation. */
function looksLikeHeading(text: string): boolean {
  if (wordCount(text) > MAX_HEADING_WORDS || text.length > 100) return false
  if (!/^[\p{Lu}\p{N}"“‘']/u.test(text)) return false
  if (endsWithConnector(text)) return false
  return text.endsWith('?') || !/[.!,;:…"”’')\]]$/.test(text)
}

/** A caption printed under a credit carries no closing full stop and is not cut mid-sentence. */
function looksLikeCreditedCaption(text: string): boolean {
  return !endsSentence(text) && !endsWithConnector(text) && !/[,;]$/.test(text)
}

function looksLikeTagLine(text: string): boolean {
  return wordCount(text) <= MAX_TAG_WORDS && !/[.!?,;:"”]$/.test(text)
}

/** Whether `long` starts with all the words of `short` (compared by {@link comparisonKey}). */
function startsWithWords(long: string, short: string): boolean {
  const longKey = comparisonKey(long)
  const shortKey = comparisonKey(short)
  return longKey.length > shortKey.length && longKey.startsWith(shortKey + ' ')
}

/**
 * Whether `copy` is a truncated copy of `full`: its beginning, or a lowercase tail of it.
 *
 * @param key - {@link comparisonKey}, or a memo of it: deduplication compares every pair of units.
 */
function isTruncationOf(copy: Unit, full: Unit, key: (text: string) => string = comparisonKey): boolean {
  if (copy.kind === 'heading' || full.kind === 'heading') return false
  if ((copy.kind === 'caption') !== (full.kind === 'caption')) return false
  const fullKey = key(full.text)
  const copyKey = key(copy.text)
  if (fullKey.length <= copyKey.length) return false
  const truncated = fullKey.startsWith(copyKey + ' ') || (startsLowercase(copy.text) && fullKey.endsWith(' ' + copyKey))
  return truncated && wordCount(copy.text) >= MIN_TRUNCATED_WORDS
}

function joinText(head: string, tail: string): string {
  return /\p{L}-$/u.test(head) ? head + tail : `${head} ${tail}`
}

type ScanResult = {
  title: string
  url: string
  topics: string[]
  units: Unit[]
  furnitureDropped: number
}

/** Step 1 and 2: drop furniture line by line and classify what is left. */
function scanLines(lines: string[], options: RecoveryOptions): ScanResult {
  const title = lines.find((line) => line !== '') ?? ''
  const headerKeys = new Set([title, options.title ?? ''].filter(Boolean).map(comparisonKey))
  for (const [key, count] of countLinesOpeningPages(lines)) {
    // A short unpunctuated line that opens three or more pages is a running header.
    if (count >= 3 && wordCount(key) <= MAX_HEADING_WORDS && !endsSentence(key)) headerKeys.add(key)
  }

  const units: Unit[] = []
  const topics: string[] = []
  let url = ''
  let furnitureDropped = 0
  let pageBreak = false
  let afterCredit = false
  let inTopics = false

  for (const line of lines) {
    if (line === '') continue
    const dropped = classifyFurniture(line, headerKeys)
    if (dropped !== null) {
      furnitureDropped++
      if (dropped === 'break') pageBreak = true
      if (dropped === 'url' && url === '') url = urlOfLine(line)!
      afterCredit = dropped === 'credit'
      inTopics = dropped === 'topics'
      continue
    }
    if (inTopics && looksLikeTagLine(line)) {
      topics.push(line)
      furnitureDropped++
      continue
    }
    inTopics = false
    units.push({ text: captionText(line) ?? line, kind: classifyText(line, afterCredit), pageBreakBefore: pageBreak })
    pageBreak = false
    afterCredit = false
  }
  return { title, url, topics, units, furnitureDropped }
}

type Furniture = 'break' | 'credit' | 'topics' | 'url' | 'other'

function classifyFurniture(line: string, headerKeys: ReadonlySet<string>): Furniture | null {
  if (isPageMarker(line) || headerKeys.has(comparisonKey(line))) return 'break'
  if (isPhotoCredit(line)) return 'credit'
  if (RELATED_TOPICS.test(line)) return 'topics'
  if (urlOfLine(line) !== null) return 'url'
  if (parseDateline(line) !== null || isPageChrome(line)) return 'other'
  return null
}

function classifyText(line: string, afterCredit: boolean): ParagraphKind {
  if (captionText(line) !== null) return 'caption'
  if (afterCredit && looksLikeCreditedCaption(line)) return 'caption'
  if (COMMENT.test(line)) return 'comment'
  if (looksLikeHeading(line)) return 'heading'
  return 'body'
}

/** How often each line is the first one after a page marker. */
function countLinesOpeningPages(lines: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  let afterMarker = false
  for (const line of lines) {
    if (line === '') continue
    if (afterMarker) {
      const key = comparisonKey(line)
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    afterMarker = isPageMarker(line)
  }
  return counts
}

/**
 * A short first piece of a paragraph cut at a page break looks like a heading. It was body text
 * when the next line goes on mid-sentence, or another copy of the text goes on past it.
 */
function unmaskCutParagraphs(units: Unit[]): Unit[] {
  return units.map((unit, i) => {
    if (unit.kind !== 'heading' || unit.text.endsWith('?')) return unit
    const next = units[i + 1]
    const continued = next?.kind === 'body' && startsLowercase(next.text)
    const copied = units.some((other) => other.kind !== 'heading' && startsWithWords(other.text, unit.text))
    return continued || copied ? { ...unit, kind: 'body' } : unit
  })
}

/**
 * Step 3: rejoins body text cut at a page break. `units[i]` is joined with `units[i + 1]` when it
 * ends mid-sentence, the next one is body text that follows a page break or starts in lowercase,
 * and no fuller copy of `units[i]` elsewhere continues differently. Returns the units and the
 * number of joins.
 */
function rejoinPageBreaks(units: Unit[]): { units: Unit[]; joins: number } {
  const out: Unit[] = []
  let joins = 0
  for (let i = 0; i < units.length; i++) {
    const unit = { ...units[i]! }
    while (unit.kind === 'body' || unit.kind === 'comment') {
      const next = units[i + 1]
      if (!next || next.kind !== 'body' || endsSentence(unit.text)) break
      // A page break, or a continuation that starts mid-sentence, says the two belong together.
      if (!next.pageBreakBefore && !startsLowercase(next.text)) break
      const joined = joinText(unit.text, next.text)
      if (!continuationAgreesWithCopies(unit.text, joined, units)) break
      unit.text = joined
      joins++
      i++
    }
    out.push(unit)
  }
  return { units: out, joins }
}

/**
 * Fuller copies of `head` elsewhere must agree with `joined`; with no fuller copy, anything goes.
 * A head of a few words says too little to name its paragraph, so it is not checked.
 */
function continuationAgreesWithCopies(head: string, joined: string, units: Unit[]): boolean {
  if (wordCount(head) < MIN_TRUNCATED_WORDS) return true
  const fuller = units.filter((other) => startsWithWords(other.text, head))
  if (fuller.length === 0) return true
  return fuller.some(
    (other) => comparisonKey(other.text) === comparisonKey(joined) || startsWithWords(other.text, joined) || startsWithWords(joined, other.text)
  )
}

/**
 * Step 4: removes repeats. Returns the kept units in first-appearance order, and for every input
 * unit the index of the kept unit it became.
 */
function removeDuplicates(units: Unit[]): { kept: Unit[]; keptIndexOf: number[]; removed: number } {
  const kept: Unit[] = []
  const byKey = new Map<string, number>()
  const keptIndexOf: number[] = []
  let removed = 0
  // Every unit is compared with every kept one: compute each text's key once (quadratic otherwise).
  const keys = new Map<string, string>()
  const keyOf = (text: string) => {
    let key = keys.get(text)
    if (key === undefined) keys.set(text, (key = comparisonKey(text)))
    return key
  }

  for (const unit of units) {
    const key = keyOf(unit.text)
    let index = byKey.get(key)
    if (index !== undefined) {
      // The same text seen bare and as a labelled caption is one caption.
      if (unit.kind === 'caption') kept[index]!.kind = 'caption'
    } else if ((index = kept.findIndex((full) => isTruncationOf(unit, full, keyOf))) >= 0) {
      // A truncated copy of a paragraph already kept.
    } else if ((index = kept.findIndex((copy) => isTruncationOf(copy, unit, keyOf))) >= 0) {
      // A fuller copy of a paragraph already kept: keep its text at the earlier position.
      byKey.delete(keyOf(kept[index]!.text))
      kept[index]!.text = unit.text
      byKey.set(key, index)
    } else {
      byKey.set(key, kept.length)
      keptIndexOf.push(kept.length)
      kept.push({ ...unit })
      continue
    }
    removed++
    keptIndexOf.push(index)
  }
  return { kept, keptIndexOf, removed }
}

/**
 * Step 5a: a heading belongs right before the paragraph it introduces. When a printing lost a
 * heading, its first appearance comes after that paragraph; move it back.
 */
function placeHeadings(kept: Unit[], keptIndexOf: number[]): number[] {
  const order = kept.map((_, index) => index)
  for (let headingIndex = 0; headingIndex < kept.length; headingIndex++) {
    if (kept[headingIndex]!.kind !== 'heading') continue
    let anchor: number | undefined
    keptIndexOf.forEach((keptIndex, occurrence) => {
      const following = keptIndexOf[occurrence + 1]
      if (keptIndex !== headingIndex || following === undefined || following === headingIndex) return
      if (anchor === undefined || order.indexOf(following) < order.indexOf(anchor)) anchor = following
    })
    if (anchor === undefined || order.indexOf(anchor) > order.indexOf(headingIndex)) continue
    order.splice(order.indexOf(headingIndex), 1)
    order.splice(order.indexOf(anchor), 0, headingIndex)
  }
  return order
}

/**
 * Recovers the real paragraphs of a captured article.
 *
 * @param raw - The document's text as read from the file.
 * @param options - A title known from metadata, if any.
 * @returns The paragraphs in document order with their kind and section, the document's title,
 *   URL and topic tags when it shows them, and a report of what was done.
 *
 * @example
 * recoverParagraphs('Title\n\nFirst paragraph.\n\nImage caption A photo\n\nFirst paragraph.').paragraphs
 * // => [{ kind: 'body', section: null, text: 'First paragraph.' },
 * //     { kind: 'caption', section: null, text: 'A photo' }]
 */
export function recoverParagraphs(raw: string, options: RecoveryOptions = {}): RecoveryResult {
  const rawLines = normalizeText(raw).split('\n')
  const lines = rawLines.flatMap((line) => splitCreditAndCaption(stripMarkup(line)))
  const scan = scanLines(lines, options)
  const { units, joins } = rejoinPageBreaks(unmaskCutParagraphs(scan.units))
  const { kept, keptIndexOf, removed } = removeDuplicates(units)
  const order = placeHeadings(kept, keptIndexOf)

  let section: string | null = null
  const paragraphs = order.map((index): RecoveredParagraph => {
    const { kind, text } = kept[index]!
    if (kind === 'heading') section = text
    return { kind, section, text }
  })

  return {
    title: scan.title,
    url: scan.url,
    topics: scan.topics,
    paragraphs,
    report: {
      linesRead: rawLines.length,
      furnitureDropped: scan.furnitureDropped,
      captions: paragraphs.filter((p) => p.kind === 'caption').length,
      headings: paragraphs.filter((p) => p.kind === 'heading').length,
      joins,
      duplicatesRemoved: removed,
      paragraphsKept: paragraphs.length,
    },
  }
}
