/**
 * @module
 * The coverage view: how the chosen sources cover the event, fact by fact. Reads the facts and
 * quotations the build stored with each paragraph (`facts.ts`, `quotes.ts`); pure, so the API
 * route and the `/compare` page show the same thing.
 */
import { publicSource, type LoadedIndex, type StoredParagraphWithId } from './loaded-index.ts'
import { speakerKey, type Quote } from './quotes.ts'
import type { SourceMetadata } from './types.ts'

/** A quotation as the coverage view lists it: where it is, who said it, what it says. */
export type QuoteView = {
  /** Id of the source that quotes it. */
  source: string
  /** Id of the paragraph that holds it. */
  paragraph: string
  /** Who is quoted; `null` when the text does not say. */
  speaker: string | null
  /** The quoted words. */
  text: string
}

/** How the sources quote a fact's speakers. */
export type FactQuotes = {
  /** Speakers quoted by two sources or more: the same statement in each outlet's words. */
  shared: { speaker: string; quotes: QuoteView[] }[]
  /** Quotations that only one source gives (their speaker is quoted by no other source in this fact). */
  single: QuoteView[]
}

/** One fact and the sources that report it. */
export type FactCoverage = {
  /** The fact's id (stable while its paragraphs are); `/compare#fact-<id>` is its row. */
  id: string
  /** The sources reporting it, in the order asked for, with their paragraphs in document order. */
  sources: { source: string; paragraphs: string[] }[]
  /** Who is quoted on it, by whom. */
  quotes: FactQuotes
}

/** The coverage of some sources. */
export type Coverage = {
  /** The sources compared, in the order asked for. */
  sources: SourceMetadata[]
  /** Facts two or more of these sources report, in reading order (see {@link compareSources}). */
  facts: FactCoverage[]
  /** For each source, its paragraphs that no other of these sources reports (headings left out). */
  own: { source: string; paragraphs: string[] }[]
}

/** A problem with the sources asked for, to be answered with a 400. */
export class CoverageError extends Error {}

/**
 * The sources the coverage and the quotations read: the named ones, or every source when none is
 * named. What an engine that fetches paragraphs before reading them fetches up front.
 */
export function sourcesRead(index: Pick<LoadedIndex, 'sources'>, sourceIds: readonly string[] = []): string[] {
  return sourceIds.length === 0 ? [...index.sources.keys()] : [...sourceIds]
}

/**
 * Groups the paragraphs of the chosen sources into facts.
 *
 * Facts are in reading order: each by the mean of its paragraphs' relative positions in their
 * sources (0 at the start, 1 at the end), so a side-by-side view reads down the articles.
 *
 * @param index - The loaded index.
 * @param sourceIds - The sources to compare, at least two, each once; all sources when empty.
 * @throws {@link CoverageError} naming an unknown or repeated source, or when fewer than two are left.
 *
 * @example
 * compareSources(index, ['bbc', 'rt']).facts[0]
 * // => { id: 'f2fde341xcl', sources: [{ source: 'bbc', paragraphs: ['p2fde341xcl'] }, { source: 'rt', paragraphs: ['p0dwhpjitan'] }], quotes: { … } }
 */
export function compareSources(index: LoadedIndex, sourceIds: readonly string[]): Coverage {
  const ids = sourcesRead(index, sourceIds)
  for (const [i, id] of ids.entries()) {
    if (!index.sources.has(id)) throw new CoverageError(`no source with id "${id}"`)
    if (ids.indexOf(id) !== i) throw new CoverageError(`"${id}" is given twice`)
  }
  if (ids.length < 2) throw new CoverageError('name at least two sources to compare')

  type Group = { id: string; bySource: Map<string, StoredParagraphWithId[]>; positions: number[] }
  const groups = new Map<string, Group>()
  const paragraphsOf = new Map<string, StoredParagraphWithId[]>()
  for (const sourceId of ids) {
    const source = index.sources.get(sourceId)!
    const paragraphs = index.paragraphIds(sourceId).map((paragraphId) => index.paragraph(paragraphId)!).filter((paragraph) => paragraph.kind !== 'heading')
    paragraphsOf.set(sourceId, paragraphs)
    for (const paragraph of paragraphs) {
      if (!paragraph.fact) continue
      let group = groups.get(paragraph.fact)
      if (!group) groups.set(paragraph.fact, (group = { id: paragraph.fact, bySource: new Map(), positions: [] }))
      group.bySource.set(sourceId, [...(group.bySource.get(sourceId) ?? []), paragraph])
      group.positions.push(source.paragraphs > 1 ? paragraph.position / (source.paragraphs - 1) : 0)
    }
  }
  const shared = [...groups.values()].filter((group) => group.bySource.size >= 2)
  const sharedIds = new Set(shared.map((group) => group.id))
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
  shared.sort((a, b) => mean(a.positions) - mean(b.positions) || (a.id < b.id ? -1 : 1))

  return {
    sources: ids.map((id) => publicSource(index.sources.get(id)!)),
    facts: shared.map((group) => {
      const sources = ids.filter((id) => group.bySource.has(id)).map((id) => ({ source: id, paragraphs: group.bySource.get(id)! }))
      return {
        id: group.id,
        sources: sources.map(({ source, paragraphs }) => ({ source, paragraphs: paragraphs.map((paragraph) => paragraph.id) })),
        quotes: factQuotes(sources),
      }
    }),
    own: ids.map((id) => ({
      source: id,
      paragraphs: paragraphsOf
        .get(id)!
        .filter((paragraph) => !paragraph.fact || !sharedIds.has(paragraph.fact))
        .map((paragraph) => paragraph.id),
    })),
  }
}

/** The quotations of a fact's paragraphs, by speaker: those two sources quote, those one does. */
function factQuotes(sources: readonly { source: string; paragraphs: readonly StoredParagraphWithId[] }[]): FactQuotes {
  const all: QuoteView[] = sources.flatMap(({ source, paragraphs }) =>
    paragraphs.flatMap((paragraph) => paragraph.quotes.map((quote: Quote) => ({ source, paragraph: paragraph.id, speaker: quote.speaker, text: quote.text })))
  )
  const bySpeaker = new Map<string, QuoteView[]>()
  for (const quote of all) {
    if (!quote.speaker) continue
    const key = speakerKey(quote.speaker)
    bySpeaker.set(key, [...(bySpeaker.get(key) ?? []), quote])
  }
  const sharedSpeakers = new Map<string, QuoteView[]>()
  for (const [key, quotes] of bySpeaker) if (new Set(quotes.map((quote) => quote.source)).size >= 2) sharedSpeakers.set(key, quotes)
  return {
    shared: [...sharedSpeakers.values()].map((quotes) => ({ speaker: longestName(quotes), quotes })),
    single: all.filter((quote) => !quote.speaker || !sharedSpeakers.has(speakerKey(quote.speaker))),
  }
}

/** The fullest form of a speaker's name among their quotations (`Emmanuel Macron` over `Macron`). */
function longestName(quotes: readonly QuoteView[]): string {
  return quotes.map((quote) => quote.speaker!).reduce((a, b) => (b.length > a.length ? b : a))
}

/** Options of {@link listQuotes}. */
export type QuoteQuery = {
  /** Who: matches a speaker whose name holds these words (case and accents ignored); all speakers when absent. */
  speaker?: string
  /** Only these sources; all when absent or empty. */
  sources?: readonly string[]
}

/**
 * The direct quotations of the index, in source order and then document order.
 *
 * @param index - The loaded index.
 * @param query - Speaker and sources to keep.
 * @throws {@link CoverageError} naming an unknown source.
 *
 * @example
 * listQuotes(index, { speaker: 'putin' })[0] // => { source: 'bbc', paragraph: 'p0mgi7xrlc4', speaker: 'Putin', text: 'positive results' }
 */
export function listQuotes(index: LoadedIndex, query: QuoteQuery = {}): QuoteView[] {
  const sourceIds = sourcesRead(index, query.sources)
  for (const id of sourceIds) if (!index.sources.has(id)) throw new CoverageError(`no source with id "${id}"`)
  const wanted = query.speaker ? foldName(query.speaker) : undefined
  const quotes: QuoteView[] = []
  for (const sourceId of sourceIds) {
    for (const paragraphId of index.paragraphIds(sourceId)) {
      for (const quote of index.paragraph(paragraphId)!.quotes) {
        if (wanted !== undefined && (!quote.speaker || !` ${foldName(quote.speaker)} `.includes(` ${wanted} `))) continue
        quotes.push({ source: sourceId, paragraph: paragraphId, speaker: quote.speaker, text: quote.text })
      }
    }
  }
  return quotes
}

function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ')
}
