/**
 * @module
 * The D1 engine's artifacts: the SQL that puts a built index into a D1 database (SQLite with
 * FTS5), as one generation of tables, and the statement that makes a generation the one queries
 * read. Pure: the build writes the statements to a file and runs them with
 * `wrangler d1 execute`; the Worker tests run them through the binding.
 *
 * The tables hold exactly what MiniSearch's index of the same paragraphs holds (written from the
 * paragraphs by `paragraph-postings.ts`, which indexes them as MiniSearch does, without building
 * MiniSearch), so the D1 engine scores with the same statistics and answers the same:
 * - the postings table keeps each term's postings in the compact text of `compact-postings.ts`,
 *   one row per term (a long list split into parts under the statement limit), with the term's
 *   place in MiniSearch's serialised terms (`term-order.ts`): what a search reads, one
 *   primary-key look-up per term; the words table the same for each word of the texts
 *   as typed (folded, not stemmed): which paragraphs hold a word in the form typed;
 * - the FTS5 table is the inverted index of every field, common grams included: each paragraph's
 *   index terms, one token per occurrence (the text's in the text's order, so FTS5 matches
 *   phrases), read back through `fts5vocab` as postings with their frequencies, and with the
 *   paragraphs they name, for suggestions and exclusions alone, and queried for the paragraphs
 *   that hold a phrase;
 * - the docs table keeps MiniSearch's short id as the rowid, each field's length and the stored
 *   fields in two parts: what ranking reads of every candidate (source, kind, section, position)
 *   and what only some readers read (text, related paragraphs);
 * - the answers table keeps the answers precomputed for short prefixes typed alone;
 * - the meta table keeps the corpus statistics (document count, average field lengths), the
 *   manifest without the paragraph ids (the docs table has them), the vocabulary, every index
 *   term of a searched field, sorted (for typo tolerance), the sources' titles indexed
 *   (`source-titles.ts`), every paragraph's columns (kind, fact, field lengths, as bytes: what
 *   ranking reads of each match; source and position follow from the short id) and the facts
 *   they name, each gzipped and base64-encoded, split into parts small enough for one statement
 *   each.
 */
import { D1_ACTIVE_TABLE, D1_STATEMENT_MAX_BYTES, D1_TERM_ORDER_COLUMN, d1Generation, d1Tables, splitUtf8, type D1Tables } from './index-artifacts.ts'
import type { Manifest } from './build-index.ts'
import { bytesToBase64 } from './base64.ts'
import { ColumnsWriter, encodeFieldPostingsParts } from './compact-postings.ts'
import { GRAMS_FIELD, INDEX_FIELDS, STORE_FIELDS, type IndexedParagraph, type StoredParagraph } from './index-options.ts'
import { KeyDocuments, ParagraphPostings, type IndexStats } from './paragraph-postings.ts'
import { SortedWords } from './sorted-words.ts'
import { miniSearchTermOrder } from './term-order.ts'
import { indexSourceTitles, serializeSourceTitles } from './source-titles.ts'
import { indexManifest } from './loaded-index.ts'
import { foldWord, processTerm } from './terms.ts'
import type { VocabularyEntry } from './vocabulary.ts'

/** What MiniSearch's scoring needs besides the postings: kept in the meta table under `stats`. */
export type D1Stats = IndexStats

/** The keys of the meta table. */
export const D1_META_KEYS = { manifest: 'manifest', vocabulary: 'vocabulary', stats: 'stats', terms: 'terms', columns: 'columns', facts: 'facts', titles: 'titles' } as const

/**
 * Longest part of a term's postings in one row, in characters: a row is written by one INSERT,
 * which must stay under D1's statement limit (`D1_STATEMENT_MAX_BYTES`).
 */
export const POSTINGS_PART_MAX_CHARS = 60_000

/**
 * The FTS5 tokenizer: index terms are written already processed and joined by spaces, so the
 * tokenizer only splits on the spaces. Terms are made of letters, digits and the `_` of common
 * grams (see `terms.ts`); no diacritics are removed (terms are folded already).
 */
const FTS_TOKENIZER = `unicode61 remove_diacritics 0 tokenchars '_'`

/** The token written in the FTS text for a word that has no index term: never a term, so no phrase spans it. */
const PHRASE_GAP = '_'

/**
 * The FTS5 query of the paragraphs whose text holds a phrase: each position's terms, in order,
 * consecutive (one FTS5 phrase per choice of terms, joined by OR).
 *
 * @returns The query; `null` when a position has no term an index could hold (no paragraph
 *   holds the phrase); `undefined` when the choices number more than `maxPhrases`.
 * @example
 * ftsPhraseQuery([['red'], ['line', 'lie']]) // => 'text : ("red line" OR "red lie")'
 */
export function ftsPhraseQuery(positions: readonly (readonly string[])[], maxPhrases = 64): string | null | undefined {
  let phrases: string[][] = [[]]
  for (const all of positions) {
    // A term FTS5 could not hold is in no paragraph.
    const terms = all.filter((term) => STORABLE_TERM.test(term) && term !== PHRASE_GAP)
    if (terms.length === 0) return null
    if (phrases.length * terms.length > maxPhrases) return undefined
    phrases = phrases.flatMap((phrase) => terms.map((term) => [...phrase, term]))
  }
  return `text : (${phrases.map((phrase) => `"${phrase.join(' ')}"`).join(' OR ')})`
}

/** A term FTS5's tokenizer above gives back unchanged: lower-case letters, digits, `_`. */
const STORABLE_TERM = /^[\p{L}\p{N}_]+$/u

/** What the D1 tables are made from: the paragraphs and the small files of `index/`. */
export type D1Source = {
  /**
   * Every paragraph, in the manifest's order (its sources in order, each source's paragraphs in
   * order): the order gives the short ids. Read once, as the statements are taken.
   */
  paragraphs: Iterable<IndexedParagraph>
  /** `index/vocabulary.json`. */
  vocabulary: string
  /** `index/manifest.json`. */
  manifest: string
  /** Answers precomputed for short prefixes, `[query, response JSON]` (see `prefix-answers.ts`), written with the rest. */
  answers?: readonly (readonly [string, string])[]
  /**
   * Compresses each meta value's bytes (UTF-8 JSON, or the columns' bytes) to text, as
   * {@link META_ENCODING} says (gzip, then base64): an isolate's first request reads the meta
   * whole, and local D1 hands over about 8 ms per MB (BENCHMARKS.md). Without it the JSON values
   * are stored as they are and the columns in base64.
   */
  compressMeta?: (bytes: Uint8Array) => string
}

/** The meta key naming how the other meta values are encoded, and the one encoding written there. */
export const META_ENCODING = { key: 'encoding', gzipBase64: 'gzip-base64' } as const

/** One generation's SQL. */
export type D1Content = {
  /** The generation (see `d1Generation`). */
  generation: string
  /**
   * Statements that (re)create and fill the generation's tables; idempotent, and they leave the
   * active generation alone. Made as they are taken, from one pass over the paragraphs: take
   * them once, and keep no more of them than the writer needs (a million paragraphs give about
   * 1 GB of SQL).
   */
  fill: Iterable<string>
  /** Statements that make the generation the one queries read: one atomic switch. */
  activate: string[]
}

/** A SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}

/**
 * The SQL of a generation, from the paragraphs: the postings, statistics and field lengths are
 * MiniSearch's for the same paragraphs (`paragraph-postings.ts`), so both engines score alike.
 *
 * @throws Error, as the statements are taken, when the paragraphs do not follow the manifest's
 *   order, or when an index term could not be stored unchanged in FTS5 (a term with a space,
 *   punctuation or an upper-case letter): the tokenizer would split or fold it and the engines
 *   would disagree.
 * @example
 * const { fill, activate } = d1Content({ paragraphs, vocabulary, manifest })
 * // fill: DROP/CREATE of ps_meta_v4_…, ps_docs_v4_…, ps_fts_v4_…, ps_vocab_v4_…, ps_answers_v4_…, ps_postings_v4_…, ps_words_v4_…, then INSERTs
 */
export function d1Content(source: D1Source): D1Content {
  const manifest = JSON.parse(source.manifest) as Manifest
  const generation = d1Generation(manifest.indexVersion)
  return { generation, fill: fillStatements(source, manifest, d1Tables(generation)), activate: d1Activate(generation) }
}

function* fillStatements(source: D1Source, manifest: Manifest, tables: D1Tables): Generator<string> {
  yield* [
    `DROP TABLE IF EXISTS ${tables.vocab}`,
    `DROP TABLE IF EXISTS ${tables.fts}`,
    `DROP TABLE IF EXISTS ${tables.docs}`,
    `DROP TABLE IF EXISTS ${tables.meta}`,
    `DROP TABLE IF EXISTS ${tables.answers}`,
    `DROP TABLE IF EXISTS ${tables.postings}`,
    `DROP TABLE IF EXISTS ${tables.words}`,
    `CREATE TABLE ${tables.meta} (key TEXT NOT NULL, part INTEGER NOT NULL, value TEXT NOT NULL, PRIMARY KEY (key, part))`,
    `CREATE TABLE ${tables.docs} (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, lengths TEXT NOT NULL, head TEXT NOT NULL, body TEXT NOT NULL)`,
    // Contentless: the terms are only ever read back through the vocabulary table.
    `CREATE VIRTUAL TABLE ${tables.fts} USING fts5(${INDEX_FIELDS.join(', ')}, content='', tokenize="${FTS_TOKENIZER}")`,
    `CREATE VIRTUAL TABLE ${tables.vocab} USING fts5vocab(${tables.fts}, instance)`,
    `CREATE TABLE ${tables.answers} (query TEXT PRIMARY KEY, response TEXT NOT NULL)`,
    `CREATE TABLE ${tables.postings} (term TEXT NOT NULL, part INTEGER NOT NULL, postings TEXT NOT NULL, ${D1_TERM_ORDER_COLUMN} INTEGER NOT NULL, PRIMARY KEY (term, part)) WITHOUT ROWID`,
    `CREATE TABLE ${tables.words} (word TEXT NOT NULL, part INTEGER NOT NULL, postings TEXT NOT NULL, PRIMARY KEY (word, part)) WITHOUT ROWID`,
  ]

  const index = new ParagraphPostings()
  const words = new KeyDocuments()
  const ids = manifest.sources.flatMap((source) => source.paragraphIds)
  const factIndex = new Map<string, number>()
  // The columns (see `compact-postings.ts`), a row per paragraph: source and position are left
  // out, as they follow from the manifest's order, checked here.
  const columns = new ColumnsWriter(INDEX_FIELDS.length)
  const docs = new InsertGroups(`INSERT INTO ${tables.docs} (rowid, id, lengths, head, body) VALUES `)
  const fts = new InsertGroups(`INSERT INTO ${tables.fts} (rowid, ${INDEX_FIELDS.join(', ')}) VALUES `)
  for (const paragraph of source.paragraphs) {
    const { shortId, lengths, terms, tokens } = index.add(paragraph)
    const textTokens = tokens[index.fieldIds['text']!]!
    if (paragraph.id !== ids[shortId]) {
      throw new Error(`paragraph ${shortId} is ${paragraph.id}, not ${ids[shortId] ?? 'past the last'}: the paragraphs must follow the manifest's order, which gives the short ids`)
    }
    let fact = 0
    if (paragraph.fact) {
      if (!factIndex.has(paragraph.fact)) factIndex.set(paragraph.fact, factIndex.size)
      fact = factIndex.get(paragraph.fact)! + 1
    }
    columns.add({ kind: paragraph.kind, fact, lengths })
    // The stored fields as MiniSearch stores them (those not undefined, in `STORE_FIELDS` order).
    const stored = Object.fromEntries(STORE_FIELDS.filter((field) => paragraph[field] !== undefined).map((field) => [field, paragraph[field]])) as StoredParagraph
    const { text, related, ...head } = stored
    yield* docs.add(`(${shortId}, ${sqlString(paragraph.id)}, ${sqlString(JSON.stringify(lengths))}, ${sqlString(JSON.stringify(head))}, ${sqlString(JSON.stringify({ text, related }))})`)
    // The text's terms in the text's order (`textTerms`, from the tokens just read), a word
    // without a term kept as a gap: the same occurrences as the postings, in the positions FTS5
    // matches phrases on.
    const inOrder = textTokens.map((token) => processTerm(token) ?? PHRASE_GAP)
    yield* fts.add(`(${shortId}, ${INDEX_FIELDS.map((field, fieldId) => sqlString(field === 'text' ? inOrder.join(' ') : terms[fieldId]!.join(' '))).join(', ')})`)
    // The words table: each word of the text as `foldWord` folds it (function words too), the
    // paragraphs holding it. The ranking's rescoring asks whether a paragraph holds a word in
    // the form typed (`rank.ts`), which is this.
    for (const word of new Set(textTokens.map(foldWord))) words.add(word, shortId)
  }
  if (index.stats().documentCount !== ids.length) throw new Error(`the manifest names ${ids.length} paragraphs, ${index.stats().documentCount} were given`)
  yield* docs.flush()
  yield* fts.flush()

  const vocabularyTerms = new Set((JSON.parse(source.vocabulary) as VocabularyEntry[]).map(([, term]) => term))
  const searchedTerms = new Set<string>()
  // Each term's place in MiniSearch's serialised terms, which orders the typo terms of a word as
  // MiniSearch sums them (`term-order.ts`): worked out from the order the terms were met.
  const met = index.terms()
  const sorted = met.map((term, rank) => [term, rank] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const places = miniSearchTermOrder(new SortedWords(sorted.map(([term]) => term)), Uint32Array.from(sorted, ([, rank]) => rank))
  const placeOfRank = new Uint32Array(met.length)
  sorted.forEach(([, rank], i) => (placeOfRank[rank] = places[i]!))
  const postings = new InsertGroups(`INSERT INTO ${tables.postings} (term, part, postings, ${D1_TERM_ORDER_COLUMN}) VALUES `)
  let rank = 0
  for (const [term, fields] of index.postings()) {
    if (!STORABLE_TERM.test(term) || term !== term.toLowerCase()) throw new Error(`index term "${term}" cannot be stored unchanged in FTS5`)
    if (fields.some((field) => INDEX_FIELDS[field.fieldId] !== GRAMS_FIELD)) searchedTerms.add(term)
    const place = placeOfRank[rank++]!
    for (const [i, part] of encodeFieldPostingsParts(fields, POSTINGS_PART_MAX_CHARS).entries()) yield* postings.add(`(${sqlString(term)}, ${i}, ${sqlString(part)}, ${place})`)
  }
  yield* postings.flush()
  const wordRows = new InsertGroups(`INSERT INTO ${tables.words} (word, part, postings) VALUES `)
  for (const [word, field] of words.entries()) {
    for (const [i, part] of encodeFieldPostingsParts([field], POSTINGS_PART_MAX_CHARS).entries()) yield* wordRows.add(`(${sqlString(word)}, ${i}, ${sqlString(part)})`)
  }
  yield* wordRows.flush()

  const json: [string, string][] = [
    [D1_META_KEYS.stats, JSON.stringify(index.stats() satisfies D1Stats)],
    // Without the paragraph ids: the docs table has them, and an isolate reads the meta whole.
    [D1_META_KEYS.manifest, JSON.stringify(indexManifest(manifest))],
    [D1_META_KEYS.vocabulary, source.vocabulary],
    // Every term of a searched field, sorted as `SortedWords` reads them (the vocabulary's terms too).
    [D1_META_KEYS.terms, JSON.stringify([...new Set([...searchedTerms, ...vocabularyTerms])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))],
    [D1_META_KEYS.titles, serializeSourceTitles(indexSourceTitles(manifest.sources))],
    [D1_META_KEYS.facts, JSON.stringify([...factIndex.keys()])],
  ]
  const { compressMeta } = source
  const encoder = new TextEncoder()
  const meta: [string, string][] = compressMeta
    ? [
        ...json.map(([key, value]): [string, string] => [key, compressMeta(encoder.encode(value))]),
        [D1_META_KEYS.columns, compressMeta(columns.finish())],
        [META_ENCODING.key, META_ENCODING.gzipBase64],
      ]
    : [...json, [D1_META_KEYS.columns, bytesToBase64(columns.finish())]]
  const decoder = new TextDecoder()
  const metaRows = new InsertGroups(`INSERT INTO ${tables.meta} (key, part, value) VALUES `, 1)
  for (const [key, value] of meta) {
    // A quote doubles in SQL: parts of a third of the limit stay under it whatever the text.
    for (const [i, part] of splitUtf8(value, Math.floor(D1_STATEMENT_MAX_BYTES / 3)).entries()) yield* metaRows.add(`(${sqlString(key)}, ${i}, ${sqlString(decoder.decode(part))})`)
    if (value === '') yield* metaRows.add(`(${sqlString(key)}, 0, '')`)
  }
  yield* metaRows.flush()
  yield* d1AnswerInserts(tables, source.answers ?? [])
}

/**
 * The statements that put precomputed answers (`[query, response JSON]`) into a generation's
 * answers table, one after the other (at a million paragraphs they are 45 MB of SQL: the caller
 * writes and sends each as it comes rather than holding them all).
 */
export function* d1AnswerInserts(tables: Pick<D1Tables, 'answers'>, answers: Iterable<readonly [string, string]>): Generator<string> {
  const rows = new InsertGroups(`INSERT INTO ${tables.answers} (query, response) VALUES `)
  for (const [query, response] of answers) yield* rows.add(`(${sqlString(query)}, ${sqlString(response)})`)
  yield* rows.flush()
}

/**
 * The statements that make `generation` the one queries read: the active table is created if
 * need be, then its one row switched in a single statement, so a query sees either generation
 * whole.
 */
export function d1Activate(generation: string): string[] {
  d1Tables(generation)
  return [
    `CREATE TABLE IF NOT EXISTS ${D1_ACTIVE_TABLE} (id INTEGER PRIMARY KEY CHECK (id = 1), generation TEXT NOT NULL)`,
    `INSERT INTO ${D1_ACTIVE_TABLE} (id, generation) VALUES (1, ${sqlString(generation)}) ON CONFLICT (id) DO UPDATE SET generation = excluded.generation`,
  ]
}

/**
 * The statements that drop every generation's tables but those kept: the build keeps the new
 * generation and the one before it, which queries already running may still be reading.
 *
 * @param tableNames - The names of the database's tables (`SELECT name FROM sqlite_master`).
 * @param keep - Generations to keep.
 */
export function d1DropOtherGenerations(tableNames: readonly string[], keep: readonly string[]): string[] {
  const kept = new Set(keep.flatMap((generation) => Object.values(d1Tables(generation))))
  // The vocabulary tables first: they read the FTS tables. FTS5's shadow tables go with their table.
  const prefixes = ['ps_vocab_', 'ps_fts_', 'ps_docs_', 'ps_meta_', 'ps_answers_', 'ps_postings_', 'ps_words_']
  return prefixes.flatMap((prefix) =>
    tableNames.filter((name) => name.startsWith(prefix) && /^ps_[a-z]+_v\d+_[0-9a-f]+$/.test(name) && !kept.has(name)).map((name) => `DROP TABLE IF EXISTS ${name}`)
  )
}

/**
 * Multi-row inserts of at most `D1_STATEMENT_MAX_BYTES` bytes (or `maxRows` rows) each, made as
 * rows come: {@link InsertGroups.add} gives the statements a row completes, {@link InsertGroups.flush} the last.
 */
class InsertGroups {
  readonly head: string
  readonly maxRows: number
  #group: string[] = []
  #bytes: number
  static #encoder = new TextEncoder()

  constructor(head: string, maxRows = Infinity) {
    this.head = head
    this.maxRows = maxRows
    this.#bytes = head.length
  }

  add(row: string): string[] {
    const size = InsertGroups.#encoder.encode(row).length + 2
    const done = this.#group.length > 0 && (this.#bytes + size > D1_STATEMENT_MAX_BYTES || this.#group.length >= this.maxRows) ? this.flush() : []
    this.#group.push(row)
    this.#bytes += size
    return done
  }

  flush(): string[] {
    if (this.#group.length === 0) return []
    const statement = this.head + this.#group.join(', ')
    this.#group = []
    this.#bytes = this.head.length
    return [statement]
  }
}
