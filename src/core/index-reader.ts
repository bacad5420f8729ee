/**
 * @module
 * The one interface between the query layer and the engine that holds the index.
 *
 * The query layer (`search.ts`, `suggest.ts`, `paragraph-context.ts`, the routes) is synchronous
 * code over a {@link LoadedIndex}. An engine gives it an {@link IndexReader}: `read(reader)` runs
 * that code on an index holding everything it reads. MiniSearch in the isolate holds everything
 * already. An engine whose index lives elsewhere (D1) answers from a {@link PostingStore}: it runs
 * the reader on what it has fetched so far; when the reader asks for the postings of a term or a
 * paragraph not fetched yet, the view throws {@link MissingIndexData}, the reader fetches them and
 * runs the code again. Every term a query reaches is fetched whole, with every paragraph its
 * postings name, and searched by MiniSearch itself with the whole corpus's statistics, so both
 * engines score and answer the same.
 */
import MiniSearch, { type AsPlainObject, type Query, type SearchOptions, type SearchResult } from 'minisearch'
import type { IndexManifest } from './build-index.ts'
import type { ColumnarIndex, ColumnarPostings, HitsAmong, Phrase } from './columnar-search.ts'
import { decodeColumns, type CompactPostings, type DocColumns } from './compact-postings.ts'
import type { D1_META_KEYS, D1Stats } from './d1-content.ts'
import { MINISEARCH_OPTIONS, type IndexedParagraph, type StoredParagraph } from './index-options.ts'
import type { LoadedIndex, StoredParagraphWithId } from './loaded-index.ts'
import type { SearchResult as SearchAnswer } from './search.ts'
import { loadSourceTitles } from './source-titles.ts'
import { SortedWords } from './sorted-words.ts'
import { PARAGRAPH_KINDS, type ParagraphKind } from './types.ts'
import { Vocabulary, type VocabularyEntry } from './vocabulary.ts'

/** Runs the query layer's synchronous code on an index that holds what that code reads. */
export type IndexReader = {
  /** What every request may read without a fetch: manifest, sources, vocabulary, titles. */
  index: LoadedIndex
  /**
   * Runs `reader` on an index holding everything it reads.
   *
   * @param prefetch - Paragraphs the reader will read, fetched up front: by id, or every
   *   paragraph of the sources named (with the paragraphs related to them).
   * @throws whatever `reader` throws, and Error when the store cannot answer.
   */
  read<T>(reader: (index: LoadedIndex) => T, prefetch?: { ids?: readonly string[]; sources?: readonly string[] }): Promise<T>
  /** The answer precomputed for a search (see `prefix-answers.ts`), if the engine keeps one. */
  precomputed?(key: string): Promise<SearchAnswer | undefined>
}

/**
 * The reader of an index held whole in memory (MiniSearch in the isolate).
 *
 * @example
 * const reader = inMemoryReader(loadIndex(texts))
 * await reader.read((index) => searchParagraphs(index, request))
 */
export function inMemoryReader(index: LoadedIndex): IndexReader {
  return { index, read: async (reader) => reader(index) }
}

/** Postings of a term as MiniSearch serialises them: field id to short document id to frequency. */
export type TermPostings = Record<string, Record<string, number>>

/** What ranking reads of every candidate: where the paragraph is, what it is, its fact and quotations. */
export type ParagraphHead = Pick<StoredParagraph, 'sourceId' | 'kind' | 'section' | 'position' | 'fact' | 'quotes'>

/** What only some readers read: the text (phrases, the top of a ranking, a page) and the related paragraphs. */
export type ParagraphBody = Pick<StoredParagraph, 'text' | 'related'>

/** A paragraph as a store keeps it. */
export type StoredDocument = {
  /** MiniSearch's short id. */
  shortId: number
  /** The paragraph id. */
  id: string
  /** The length of each field, by field id, as MiniSearch counts it. */
  lengths: (number | null)[]
  /** Where it is and what it is. */
  head: ParagraphHead
  /** Its text and related paragraphs, when asked for. */
  body?: ParagraphBody
}

/** Where an engine outside the isolate keeps postings and paragraphs (D1: `src/worker/engines/d1-engine.ts`). */
export type PostingStore = {
  /** The postings of each term; a term the corpus lacks is left out. */
  postings(terms: readonly string[]): Promise<Map<string, TermPostings>>
  /**
   * The postings of each term, compact (a term the corpus lacks is left out), with the terms'
   * order in MiniSearch's index when the store keeps it (`TermOrder`): what the columnar first
   * phase of ranking reads (`columnar-search.ts`). Optional: without it every search runs
   * MiniSearch over the fetched postings. Given the paragraphs that match every unit of the
   * search (`hits`, see `HitsAmong`), a store may send them whole (with their bodies) in the same
   * round trip when they are few, as `documents`: then the texts the ranking and the page read
   * need no round of their own.
   */
  compactPostings?(terms: readonly string[], phrases?: readonly Phrase[], words?: readonly string[], hits?: HitsAmong): Promise<ColumnarPostings & { documents?: StoredDocument[] }>
  /**
   * The postings of each term, with the heads of every paragraph they name, in one round trip
   * (optional: without it the reader asks {@link PostingStore.documents} for the heads next).
   */
  postingsWithHeads?(terms: readonly string[]): Promise<{ postings: Map<string, TermPostings>; documents: StoredDocument[] }>
  /** The answer precomputed for `key`, if any. */
  precomputed?(key: string): Promise<SearchAnswer | undefined>
  /**
   * The paragraphs with these short ids or ids (those that do not exist are left out), or all of
   * them; with their bodies for those asked by id, or when `bodies` is set.
   */
  documents(keys: { shortIds?: readonly number[]; ids?: readonly string[]; all?: boolean; bodies?: boolean }): Promise<StoredDocument[]>
}

const phraseKey = (phrase: Phrase): string => JSON.stringify(phrase)

const NO_DOCS = new Uint32Array(0)

/** What a view lacked, by kind: each list empty (or `all` false) when nothing of that kind is. */
export type MissingData = {
  /** Terms whose postings are needed. */
  terms: readonly string[]
  /** Paragraph ids needed. */
  ids: readonly string[]
  /** Whether every paragraph is needed (a wildcard query: exclusions only). */
  all: boolean
  /** Short ids of paragraphs whose text was read. */
  bodies: readonly number[]
  /** Terms whose compact postings are needed (the columnar first phase). */
  compactTerms: readonly string[]
  /** Phrases whose paragraphs are needed (the columnar first phase). */
  phrases: readonly Phrase[]
  /** Folded words whose paragraphs are needed (the columnar first phase). */
  words: readonly string[]
  /** Sources whose every paragraph is needed, with the paragraphs related to them. */
  sources: readonly string[]
  /** The paragraphs that match every unit of the search asking for the compact postings (see `HitsAmong`). */
  hits?: HitsAmong | undefined
}

const NOTHING_MISSING: MissingData = { terms: [], ids: [], all: false, bodies: [], compactTerms: [], phrases: [], words: [], sources: [] }

/** What the view lacked: fetch these, then run the reader again. */
export class MissingIndexData extends Error {
  readonly missing: MissingData

  /** @param missing - What is lacking; kinds left out lack nothing. */
  constructor(missing: Partial<MissingData>) {
    const all = { ...NOTHING_MISSING, ...missing }
    super(
      `index data not fetched: ${all.all ? 'every paragraph' : `${all.terms.length + all.compactTerms.length} terms, ${all.ids.length} paragraphs, ${all.bodies.length} texts, ${all.sources.length} sources`}`
    )
    this.missing = all
  }
}

/** What the engine keeps in the isolate for a store-backed index: small, whatever the corpus's size. */
export type StoreShell = {
  /** The shared parts of the index (manifest, sources, vocabulary, titles). */
  index: LoadedIndex
  /** The corpus statistics MiniSearch scores with. */
  stats: D1Stats
  /** Every index term of a searched field, for completing typo-tolerant and prefix terms. */
  terms: SortedWords
  /** What ranking reads of every paragraph (source, kind, position, fact, field lengths). */
  columns: DocColumns
  /** The facts the columns name (`columns.fact` is 1 + an index here). */
  facts: string[]
  /** The short id of each source's first paragraph: short ids follow the manifest's order, a source's paragraphs in document order. */
  firstShortIds: ReadonlyMap<string, number>
}

/** The shell's parts as a store keeps them (JSON, and the columns' bytes, see `compact-postings.ts`): D1's meta table, decoded. */
export type ShellParts = Record<Exclude<(typeof D1_META_KEYS)[keyof typeof D1_META_KEYS], 'columns'>, string> & { columns: Uint8Array }

/**
 * Loads what the isolate keeps of a store-backed index.
 *
 * @param parts - The manifest, vocabulary, statistics, other index terms and columns, as the D1 tables keep them.
 */
export function loadStoreShell(parts: ShellParts): StoreShell {
  const manifest = JSON.parse(parts.manifest) as IndexManifest
  const entries = JSON.parse(parts.vocabulary) as VocabularyEntry[]
  const terms = new SortedWords(JSON.parse(parts.terms) as string[])
  const unfetched = (): never => {
    throw new Error('the index shell holds no postings or paragraphs: read it through IndexReader.read')
  }
  const index: LoadedIndex = {
    miniSearch: { search: unfetched, getStoredFields: unfetched } as unknown as MiniSearch<IndexedParagraph>,
    manifest,
    vocabulary: new Vocabulary(entries),
    sources: new Map(manifest.sources.map((source) => [source.id, source])),
    titles: loadSourceTitles(parts.titles),
    paragraph: unfetched,
    paragraphIds: unfetched,
  }
  const stats = JSON.parse(parts.stats) as D1Stats
  const firstShortIds = new Map<string, number>()
  let next = 0
  for (const source of manifest.sources) {
    firstShortIds.set(source.id, next)
    next += source.paragraphs
  }
  const facts = JSON.parse(parts.facts) as string[]
  // Checked while decoding, in the same pass: a fact the list lacks would read as undefined.
  const columns = decodeColumns(parts.columns, Object.keys(stats.fieldIds).length, manifest.sources.map((source) => source.paragraphs), facts.length)
  return { index, stats, terms, columns, facts, firstShortIds }
}

/**
 * Most fetch rounds one read may take: a search takes one for its postings, and one for the texts
 * its ranking reads (its phrases' candidates, the top it rescores, the page); a paragraph in
 * context takes one.
 */
const MAX_ROUNDS = 5

/**
 * Neighbours fetched on each side of a paragraph read by id, with the paragraphs it is related
 * to: what "show in context" reads next (its context is at most 10 on each side).
 */
const NEIGHBOURS = 10

/**
 * The reader of an index in a {@link PostingStore}.
 *
 * @param shell - What the isolate keeps (see {@link loadStoreShell}).
 * @param store - Where the postings and paragraphs are.
 */
export function storeReader(shell: StoreShell, store: PostingStore): IndexReader {
  return {
    index: shell.index,
    ...(store.precomputed ? { precomputed: (key: string) => store.precomputed!(key) } : {}),
    async read(reader, prefetch) {
      const fetched = new FetchedData(shell, store.compactPostings !== undefined)
      if (prefetch?.ids?.length || prefetch?.sources?.length) await fetched.fetch(store, { ...NOTHING_MISSING, ids: prefetch.ids ?? [], sources: prefetch.sources ?? [] })
      for (let round = 0; ; round++) {
        let missing: MissingData
        try {
          const value = reader(fetched.view())
          // Texts read before they were fetched were read as empty: the answer is only a guess at
          // what to fetch, and the reader runs again with them.
          const unread = fetched.takeMissingBodies()
          if (unread.length === 0) return value
          missing = { ...NOTHING_MISSING, bodies: unread }
        } catch (error) {
          if (!(error instanceof MissingIndexData)) throw error
          missing = error.missing
        }
        if (round + 1 >= MAX_ROUNDS) throw new Error(`the index reader still lacked data after ${MAX_ROUNDS} rounds: ${new MissingIndexData(missing).message}`)
        await fetched.fetch(store, missing)
      }
    },
  }
}

/** The columnar postings of nothing. */
const noColumnarPostings = (): ColumnarPostings => ({ postings: new Map(), phrases: [], words: new Map() })

/** A text not fetched yet, as a reader sees it until the next round. */
const UNFETCHED_BODY: ParagraphBody = Object.freeze({ text: '', related: [] })

/** What a {@link ColumnarParagraph} reads of the data its read fetched. */
type FetchedReads = {
  /** The paragraph's text and related paragraphs; empty until fetched (and then noted as missing). */
  body(shortId: number): ParagraphBody
  /** The paragraph's document, once fetched. */
  document(shortId: number): StoredDocument | undefined
}

/**
 * A paragraph of the columnar view (a candidate of the ranking, hundreds per search): what the
 * columns know, set at once; its id and section come with its text, read when read. A class, so
 * that a candidate costs one small object and not a closure per field. Read its fields by name:
 * `id`, `section` and `text` are getters on the prototype, which a spread would not copy.
 */
class ColumnarParagraph implements ReturnType<ColumnarIndex['paragraph']> {
  readonly sourceId: string
  readonly kind: ParagraphKind
  readonly position: number
  readonly fact: string | null
  readonly #reads: FetchedReads
  readonly #shortId: number

  constructor(reads: FetchedReads, shortId: number, sourceId: string, kind: ParagraphKind, position: number, fact: string | null) {
    this.#reads = reads
    this.#shortId = shortId
    this.sourceId = sourceId
    this.kind = kind
    this.position = position
    this.fact = fact
  }

  // The id, like the rest, comes with the text: a hit's id is read with its snippet.
  get id(): string {
    this.#reads.body(this.#shortId)
    return this.#reads.document(this.#shortId)?.id ?? ''
  }

  get section(): string | null {
    this.#reads.body(this.#shortId)
    return this.#reads.document(this.#shortId)?.head.section ?? null
  }

  get text(): string {
    return this.#reads.body(this.#shortId).text
  }
}

/** The part of the index one read has fetched, and the view of it the query layer reads. */
class FetchedData {
  readonly #shell: StoreShell
  readonly #postings = new Map<string, TermPostings | null>()
  readonly #documents = new Map<number, StoredDocument>()
  readonly #bodies = new Map<number, ParagraphBody>()
  readonly #shortIds = new Map<string, number | null>()
  readonly #missingBodies = new Set<number>()
  readonly #compact = new Map<string, CompactPostings | null>()
  readonly #termOrder = new Map<string, number>()
  /** Whether the store gave the order of every term it held (see `TermOrder`). */
  #ordered = true
  readonly #phrases = new Map<string, Uint32Array>()
  readonly #words = new Map<string, Uint32Array>()
  readonly #columnar: ColumnarIndex | undefined
  #all = false
  #miniSearch: MiniSearch<IndexedParagraph> | undefined

  constructor(shell: StoreShell, compact: boolean) {
    this.#shell = shell
    this.#columnar = compact ? this.#columnarIndex() : undefined
  }

  /** The columnar view of what is fetched (see `columnar-search.ts`). */
  #columnarIndex(): ColumnarIndex {
    const { columns, stats, terms, index, facts } = this.#shell
    const sources = index.manifest.sources
    const reads: FetchedReads = { body: (shortId) => this.#body(shortId), document: (shortId) => this.#documents.get(shortId) }
    return {
      stats,
      columns,
      dictionary: terms,
      sourceIds: sources.map((source) => source.id),
      paragraphsWithTerm: (term) => index.vocabulary.paragraphsWithTerm(term),
      memo: new Map(),
      postings: (wanted, phrases, words, hits) => {
        const missing = wanted.filter((term) => !this.#compact.has(term))
        const missingPhrases = phrases.filter((phrase) => !this.#phrases.has(phraseKey(phrase)))
        const missingWords = words.filter((word) => !this.#words.has(word))
        if (missing.length + missingPhrases.length + missingWords.length > 0) {
          // `hits` only when the phrases it counts are the ones asked for (all of them missing).
          const among = hits && missingPhrases.length === phrases.length ? hits() : undefined
          throw new MissingIndexData({ compactTerms: missing, phrases: missingPhrases, words: missingWords, hits: among })
        }
        const found = new Map<string, CompactPostings>()
        for (const term of wanted) {
          const postings = this.#compact.get(term)
          if (postings) found.set(term, postings)
        }
        return {
          postings: found,
          phrases: phrases.map((phrase) => this.#phrases.get(phraseKey(phrase))!),
          words: new Map(words.map((word) => [word, this.#words.get(word)!])),
          ...(this.#ordered ? { termOrder: this.#termOrder } : {}),
        }
      },
      texts: (shortIds) => {
        const missing = shortIds.filter((shortId) => !this.#bodies.has(shortId))
        if (missing.length > 0) throw new MissingIndexData({ bodies: missing })
        return shortIds.map((shortId) => this.#bodies.get(shortId)!.text)
      },
      paragraph: (shortId) => {
        const fact = columns.fact[shortId]!
        return new ColumnarParagraph(reads, shortId, sources[columns.source[shortId]!]!.id, PARAGRAPH_KINDS[columns.kind[shortId]!]!, columns.position[shortId]!, fact ? facts[fact - 1]! : null)
      },
    }
  }

  /**
   * Fetches what a view lacked: the postings with the paragraphs they name (their heads); the
   * texts read; the paragraphs read by id whole, with their neighbours and the paragraphs related
   * to them; the sources read whole, with the paragraphs related to theirs.
   */
  async fetch(store: PostingStore, missing: MissingData): Promise<void> {
    const wholeShortIds = [...missing.bodies, ...missing.sources.flatMap((sourceId) => this.#shortIdsOf(sourceId))]
    const withHeads = missing.terms.length > 0 && store.postingsWithHeads !== undefined
    const [{ postings, documents: named }, byId, whole, compact] = await Promise.all([
      missing.terms.length === 0
        ? { postings: new Map<string, TermPostings>(), documents: [] }
        : (store.postingsWithHeads?.(missing.terms) ?? store.postings(missing.terms).then((postings) => ({ postings, documents: [] as StoredDocument[] }))),
      missing.ids.length > 0 ? store.documents({ ids: missing.ids }) : [],
      wholeShortIds.length > 0 ? store.documents({ shortIds: wholeShortIds, bodies: true }) : [],
      missing.compactTerms.length + missing.phrases.length + missing.words.length > 0
        ? store.compactPostings!(missing.compactTerms, missing.phrases, missing.words, missing.hits)
        : noColumnarPostings(),
    ])
    // The paragraphs that match every unit of the search, whole, when the store sent them along.
    if ('documents' in compact && compact.documents) this.#add(compact.documents)
    if (missing.all) {
      this.#add(await store.documents({ all: true }))
      this.#all = true
    }
    this.#add(whole)
    for (const term of missing.compactTerms) this.#compact.set(term, compact.postings.get(term) ?? null)
    // A store that keeps no order gives none: the terms within typos are then added alphabetically.
    if (compact.termOrder) for (const [term, place] of compact.termOrder) this.#termOrder.set(term, place)
    else if (compact.postings.size > 0) this.#ordered = false
    missing.phrases.forEach((phrase, i) => this.#phrases.set(phraseKey(phrase), compact.phrases[i]!))
    for (const word of missing.words) this.#words.set(word, compact.words.get(word) ?? NO_DOCS)
    for (const term of missing.terms) this.#postings.set(term, postings.get(term) ?? null)
    this.#add(byId)
    this.#add(named)
    for (const id of missing.ids) if (!this.#shortIds.has(id)) this.#shortIds.set(id, null)
    const unnamed = new Set<number>()
    if (!withHeads) {
      for (const fields of postings.values()) {
        for (const docs of Object.values(fields)) for (const shortId in docs) if (!this.#documents.has(Number(shortId))) unnamed.add(Number(shortId))
      }
    }
    const related = new Set<string>()
    const neighbours = new Set<number>()
    for (const { head, body } of byId) {
      for (const shortId of this.#shortIdsOf(head.sourceId, head.position - NEIGHBOURS, head.position + NEIGHBOURS + 1)) neighbours.add(shortId)
      for (const { id } of body?.related ?? []) related.add(id)
    }
    if (missing.sources.length > 0) for (const { body } of whole) for (const { id } of body?.related ?? []) related.add(id)
    for (const id of related) if (this.#hasBody(id)) related.delete(id)
    for (const shortId of neighbours) if (this.#bodies.has(shortId)) neighbours.delete(shortId)
    const [heads, near] = await Promise.all([
      unnamed.size > 0 ? store.documents({ shortIds: [...unnamed] }) : [],
      related.size + neighbours.size > 0 ? store.documents({ ids: [...related], shortIds: [...neighbours], bodies: true }) : [],
    ])
    this.#add(heads)
    this.#add(near)
    if (missing.terms.length > 0 || missing.all) this.#miniSearch = undefined
  }

  /** Short ids of the paragraphs whose text the last run read before it was fetched; forgets them. */
  takeMissingBodies(): number[] {
    const missing = [...this.#missingBodies]
    this.#missingBodies.clear()
    return missing
  }

  /** The short ids of a source's paragraphs at positions `from` up to `to` (excluded), clamped to the source. */
  #shortIdsOf(sourceId: string, from = 0, to = Infinity): number[] {
    const first = this.#shell.firstShortIds.get(sourceId)
    const source = this.#shell.index.sources.get(sourceId)
    if (first === undefined || !source) return []
    const shortIds: number[] = []
    for (let position = Math.max(0, from); position < Math.min(to, source.paragraphs); position++) shortIds.push(first + position)
    return shortIds
  }

  #hasBody(id: string): boolean {
    const shortId = this.#shortIds.get(id)
    return shortId !== undefined && (shortId === null || this.#bodies.has(shortId))
  }

  #add(documents: readonly StoredDocument[]): void {
    for (const document of documents) {
      this.#documents.set(document.shortId, document)
      this.#shortIds.set(document.id, document.shortId)
      if (document.body) this.#bodies.set(document.shortId, document.body)
    }
  }

  /** A paragraph's text and related paragraphs; until fetched, empty, and noted for the next round. */
  #body(shortId: number): ParagraphBody {
    const body = this.#bodies.get(shortId)
    if (body) return body
    this.#missingBodies.add(shortId)
    return UNFETCHED_BODY
  }

  /** The index as far as fetched: it throws {@link MissingIndexData} for anything else. */
  view(): LoadedIndex {
    const withBodies = (results: SearchResult[]): SearchResult[] => {
      for (const result of results) {
        const shortId = this.#shortIds.get(result.id as string)!
        // Read when the query layer reads them, not when MiniSearch copies the stored fields.
        Object.defineProperty(result, 'text', { get: () => this.#body(shortId).text, enumerable: true, configurable: true })
        Object.defineProperty(result, 'related', { get: () => this.#body(shortId).related, enumerable: true, configurable: true })
      }
      return results
    }
    const search = (query: Query | typeof MiniSearch.wildcard, options: SearchOptions = {}): SearchResult[] => {
      if (query === MiniSearch.wildcard) {
        if (!this.#all) throw new MissingIndexData({ all: true })
        return withBodies(this.#searchable().search(query, options))
      }
      const needed = termsReached(query, options, this.#shell.terms)
      const missing = [...needed].filter((term) => !this.#postings.has(term))
      if (missing.length > 0) throw new MissingIndexData({ terms: missing })
      return withBodies(this.#searchable().search(query, options))
    }
    const paragraph = (id: string): StoredParagraphWithId | undefined => {
      if (!this.#hasBody(id)) throw new MissingIndexData({ ids: [id] })
      const shortId = this.#shortIds.get(id)
      if (shortId === null || shortId === undefined) return undefined
      return { id, ...this.#documents.get(shortId)!.head, ...this.#bodies.get(shortId)! }
    }
    const paragraphIds = (sourceId: string, from?: number, to?: number): string[] => {
      const shortIds = this.#shortIdsOf(sourceId, from, to)
      const unread = shortIds.filter((shortId) => !this.#bodies.has(shortId))
      // Read whole, a source is fetched with the paragraphs related to its own (what pages of it show).
      if (unread.length > 0) throw new MissingIndexData(from === undefined && to === undefined ? { sources: [sourceId] } : { bodies: unread })
      return shortIds.map((shortId) => this.#documents.get(shortId)!.id)
    }
    return { ...this.#shell.index, miniSearch: { search } as unknown as MiniSearch<IndexedParagraph>, paragraph, paragraphIds, ...(this.#columnar ? { columnar: this.#columnar } : {}) }
  }

  /** MiniSearch over the fetched postings, with the whole corpus's statistics. */
  #searchable(): MiniSearch<IndexedParagraph> {
    if (this.#miniSearch) return this.#miniSearch
    const { stats } = this.#shell
    const documentIds: Record<string, string> = {}
    const fieldLength: Record<string, (number | null)[]> = {}
    const storedFields: Record<string, ParagraphHead> = {}
    for (const [shortId, document] of [...this.#documents].sort(([a], [b]) => a - b)) {
      documentIds[shortId] = document.id
      fieldLength[shortId] = document.lengths
      storedFields[shortId] = document.head
    }
    const index: AsPlainObject['index'] = []
    for (const [term, postings] of this.#postings) if (postings) index.push([term, postings])
    const plain = { ...stats, documentIds, fieldLength, storedFields, dirtCount: 0, index, serializationVersion: 2 } as unknown as AsPlainObject
    this.#miniSearch = MiniSearch.loadJS<IndexedParagraph>(plain, MINISEARCH_OPTIONS)
    return this.#miniSearch
  }
}

/** MiniSearch's default largest edit distance of a fractional `fuzzy`. */
const MAX_FUZZY = 6

/**
 * Every index term a MiniSearch query can reach: its terms, and the terms of the corpus its
 * prefix and typo-tolerant terms complete to, with MiniSearch's own rules for each (the options
 * of a combination apply to its subqueries; a string is tokenized and processed as MiniSearch
 * would).
 *
 * @param query - The query, as given to `MiniSearch.search`.
 * @param options - The search options.
 * @param dictionary - The corpus's index terms.
 */
export function termsReached(query: Query, options: SearchOptions, dictionary: SortedWords): Set<string> {
  const reached = new Set<string>()
  const walk = (query: Query, options: SearchOptions): void => {
    if (typeof query !== 'string') {
      if (typeof query === 'symbol' || !('queries' in query)) throw new Error('the store-backed index does not answer wildcard queries')
      const merged = { ...options, ...query, queries: undefined } as SearchOptions
      for (const subquery of query.queries) walk(subquery, merged)
      return
    }
    const tokenize = options.tokenize ?? MINISEARCH_OPTIONS.tokenize!
    const processTerm = options.processTerm ?? MINISEARCH_OPTIONS.processTerm!
    const terms = tokenize(query).flatMap((token) => processTerm(token) ?? []).filter((term): term is string => !!term)
    terms.forEach((term, i) => {
      reached.add(term)
      const fuzzy = typeof options.fuzzy === 'function' ? options.fuzzy(term, i, terms) : options.fuzzy || false
      const prefix = typeof options.prefix === 'function' ? options.prefix(term, i, terms) : options.prefix === true
      if (prefix) for (const key of dictionary.withPrefix(term)) reached.add(key)
      if (fuzzy) {
        const distance = fuzzy === true ? 0.2 : fuzzy
        const maxDistance = distance < 1 ? Math.min(options.maxFuzzy ?? MAX_FUZZY, Math.round(term.length * distance)) : distance
        if (maxDistance) for (const { index } of dictionary.fuzzy(term, maxDistance)) reached.add(dictionary.words[index]!)
      }
    })
  }
  walk(query, options)
  return reached
}
