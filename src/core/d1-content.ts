/**
 * @module
 * The D1 engine's artifacts: the SQL that puts a built index into a D1 database (SQLite with
 * FTS5), as one generation of tables, and the statement that makes a generation the one queries
 * read. Pure: the build writes the statements to a file and runs them with
 * `wrangler d1 execute`; the Worker tests run them through the binding.
 *
 * The tables hold exactly what MiniSearch's index holds (they are written from `index.json`), so
 * the D1 engine scores with the same statistics and answers the same:
 * - the postings table keeps each term's postings in the compact text of `compact-postings.ts`,
 *   one row per term (a long list split into parts under the statement limit): what a search
 *   reads, one primary-key look-up per term; the words table the same for each word of the texts
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
 *   manifest, the vocabulary, every index term of a searched field, sorted (for typo tolerance),
 *   the sources' titles indexed (MiniSearch's JSON), every paragraph's columns (source, kind, position, fact, field lengths: what
 *   ranking reads of each match) and the facts they name, split into parts small enough for one
 *   statement each.
 */
import type { AsPlainObject } from 'minisearch'
import { D1_ACTIVE_TABLE, D1_STATEMENT_MAX_BYTES, d1Generation, d1Tables, splitUtf8 } from './index-artifacts.ts'
import type { Manifest } from './build-index.ts'
import { encodeColumns, encodePostingsParts, type DocRow } from './compact-postings.ts'
import { GRAMS_FIELD, INDEX_FIELDS, type StoredParagraph } from './index-options.ts'
import { textTerms } from './highlight.ts'
import { indexSourceTitles } from './source-titles.ts'
import { foldWord, tokenize } from './terms.ts'
import type { VocabularyEntry } from './vocabulary.ts'

/** What MiniSearch's scoring needs besides the postings: kept in the meta table under `stats`. */
export type D1Stats = Pick<AsPlainObject, 'documentCount' | 'nextId' | 'fieldIds' | 'averageFieldLength'>

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

/** The text of the files of `index/` that the D1 tables are made from. */
export type D1Source = {
  /** `index/index.json`: MiniSearch's serialised index. */
  index: string
  /** `index/vocabulary.json`. */
  vocabulary: string
  /** `index/manifest.json`. */
  manifest: string
  /** Answers precomputed for short prefixes, `[query, response JSON]` (see `prefix-answers.ts`). */
  answers?: readonly (readonly [string, string])[]
  /**
   * Compresses each meta value to text, as {@link META_ENCODING} says (gzip, then base64): an
   * isolate's first request reads the meta whole, and local D1 hands over about 8 ms per MB
   * (BENCHMARKS.md). Without it the values are stored as they are.
   */
  compressMeta?: (text: string) => string
}

/** The meta key naming how the other meta values are encoded, and the one encoding written there. */
export const META_ENCODING = { key: 'encoding', gzipBase64: 'gzip-base64' } as const

/** One generation's SQL. */
export type D1Content = {
  /** The generation (see `d1Generation`). */
  generation: string
  /** Statements that (re)create and fill the generation's tables; idempotent, and they leave the active generation alone. */
  fill: string[]
  /** Statements that make the generation the one queries read: one atomic switch. */
  activate: string[]
}

/** A SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}

/**
 * The SQL of a generation from the built index.
 *
 * @throws Error when an index term could not be stored unchanged in FTS5 (a term with a space,
 *   punctuation or an upper-case letter): the tokenizer would split or fold it and the engines
 *   would disagree.
 * @example
 * const { fill, activate } = d1Content(files)
 * // fill: DROP/CREATE of ps_meta_v3_…, ps_docs_v3_…, ps_fts_v3_…, ps_vocab_v3_…, ps_answers_v3_…, ps_postings_v3_…, ps_words_v3_…, then INSERTs
 */
export function d1Content(source: D1Source): D1Content {
  const plain = JSON.parse(source.index) as AsPlainObject
  const manifest = JSON.parse(source.manifest) as Pick<Manifest, 'indexVersion' | 'sources'>
  const generation = d1Generation(manifest.indexVersion)
  const tables = d1Tables(generation)
  const fill: string[] = [
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
    `CREATE TABLE ${tables.postings} (term TEXT NOT NULL, part INTEGER NOT NULL, postings TEXT NOT NULL, PRIMARY KEY (term, part)) WITHOUT ROWID`,
    `CREATE TABLE ${tables.words} (word TEXT NOT NULL, part INTEGER NOT NULL, postings TEXT NOT NULL, PRIMARY KEY (word, part)) WITHOUT ROWID`,
  ]

  // The terms of each document in the fields but the text, one per occurrence.
  const fieldNames = Object.fromEntries(Object.entries(plain.fieldIds).map(([name, id]) => [String(id), name]))
  const occurrences = new Map<string, Record<string, string[]>>()
  const vocabularyTerms = new Set((JSON.parse(source.vocabulary) as VocabularyEntry[]).map(([, term]) => term))
  const searchedTerms = new Set<string>()
  const postingRows: string[] = []
  for (const [term, fields] of plain.index) {
    if (!STORABLE_TERM.test(term) || term !== term.toLowerCase()) throw new Error(`index term "${term}" cannot be stored unchanged in FTS5`)
    let searched = false
    for (const [fieldId, postings] of Object.entries(fields)) {
      const field = fieldNames[fieldId]!
      if (field !== GRAMS_FIELD) searched = true
      // The text's terms are written in the text's order below, from the text itself.
      if (field === 'text') continue
      for (const [shortId, frequency] of Object.entries(postings)) {
        let doc = occurrences.get(shortId)
        if (!doc) occurrences.set(shortId, (doc = {}))
        const list = (doc[field] ??= [])
        for (let i = 0; i < frequency; i++) list.push(term)
      }
    }
    if (searched) searchedTerms.add(term)
    encodePostingsParts(fields, POSTINGS_PART_MAX_CHARS).forEach((part, i) => postingRows.push(`(${sqlString(term)}, ${i}, ${sqlString(part)})`))
  }

  const columns = docColumns(plain, manifest.sources)
  const stats: D1Stats = { documentCount: plain.documentCount, nextId: plain.nextId, fieldIds: plain.fieldIds, averageFieldLength: plain.averageFieldLength }
  const metaRows: string[] = []
  const meta: [string, string][] = [
    [D1_META_KEYS.stats, JSON.stringify(stats)],
    [D1_META_KEYS.manifest, source.manifest],
    [D1_META_KEYS.vocabulary, source.vocabulary],
    // Every term of a searched field, sorted as `SortedWords` reads them (the vocabulary's terms too).
    [D1_META_KEYS.terms, JSON.stringify([...new Set([...searchedTerms, ...vocabularyTerms])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))],
    [D1_META_KEYS.titles, JSON.stringify(indexSourceTitles(manifest.sources))],
    [D1_META_KEYS.columns, columns.text],
    [D1_META_KEYS.facts, JSON.stringify(columns.facts)],
  ]
  if (source.compressMeta) {
    for (const entry of meta) entry[1] = source.compressMeta(entry[1])
    meta.push([META_ENCODING.key, META_ENCODING.gzipBase64])
  }
  const decoder = new TextDecoder()
  for (const [key, value] of meta) {
    // A quote doubles in SQL: parts of a third of the limit stay under it whatever the text.
    splitUtf8(value, Math.floor(D1_STATEMENT_MAX_BYTES / 3)).forEach((part, i) => metaRows.push(`(${sqlString(key)}, ${i}, ${sqlString(decoder.decode(part))})`))
    if (value === '') metaRows.push(`(${sqlString(key)}, 0, '')`)
  }
  fill.push(...groupInserts(`INSERT INTO ${tables.meta} (key, part, value) VALUES `, metaRows, 1))

  const docRows: string[] = []
  const ftsRows: string[] = []
  for (const [shortId, id] of Object.entries(plain.documentIds)) {
    const lengths = JSON.stringify(plain.fieldLength[shortId] ?? [])
    const { text, related, ...head } = (plain.storedFields[shortId] ?? {}) as StoredParagraph
    docRows.push(`(${Number(shortId)}, ${sqlString(String(id))}, ${sqlString(lengths)}, ${sqlString(JSON.stringify(head))}, ${sqlString(JSON.stringify({ text, related }))})`)
    const doc = occurrences.get(shortId) ?? {}
    // The text's terms in the text's order, a word without a term kept as a gap: the same
    // occurrences as the postings, in the positions FTS5 matches phrases on.
    const inOrder = textTerms(text ?? '').map((term) => term ?? PHRASE_GAP)
    ftsRows.push(`(${Number(shortId)}, ${INDEX_FIELDS.map((field) => sqlString(field === 'text' ? inOrder.join(' ') : (doc[field] ?? []).join(' '))).join(', ')})`)
  }
  fill.push(...groupInserts(`INSERT INTO ${tables.docs} (rowid, id, lengths, head, body) VALUES `, docRows))
  fill.push(...groupInserts(`INSERT INTO ${tables.fts} (rowid, ${INDEX_FIELDS.join(', ')}) VALUES `, ftsRows))
  fill.push(...groupInserts(`INSERT INTO ${tables.postings} (term, part, postings) VALUES `, postingRows))
  fill.push(...groupInserts(`INSERT INTO ${tables.words} (word, part, postings) VALUES `, wordRows(plain)))
  const answerRows = (source.answers ?? []).map(([query, response]) => `(${sqlString(query)}, ${sqlString(response)})`)
  fill.push(...groupInserts(`INSERT INTO ${tables.answers} (query, response) VALUES `, answerRows))

  return { generation, fill, activate: d1Activate(generation) }
}

/**
 * The columns of every paragraph (see `compact-postings.ts`), in short-id order, and the facts
 * they name.
 *
 * @throws Error when the short ids do not follow the manifest's paragraphs, in its order.
 */
function docColumns(plain: AsPlainObject, sources: Manifest['sources']): { text: string; facts: string[] } {
  const factIndex = new Map<string, number>()
  const rows: DocRow[] = []
  const fieldCount = Object.keys(plain.fieldIds).length
  const ids = sources.flatMap((source) => source.paragraphIds)
  if (ids.length !== plain.nextId) throw new Error(`the index has ${plain.nextId} short ids for the manifest's ${ids.length} paragraphs`)
  for (let shortId = 0; shortId < plain.nextId; shortId++) {
    const stored = plain.storedFields[shortId] as StoredParagraph | undefined
    // The columns leave out source and position: they follow from this order (`compact-postings.ts`).
    if (!stored || plain.documentIds[shortId] !== ids[shortId]) {
      throw new Error(`short id ${shortId} is ${plain.documentIds[shortId] ?? 'no paragraph'}, not ${ids[shortId]}: short ids must follow the manifest's order`)
    }
    let fact = 0
    if (stored.fact) {
      if (!factIndex.has(stored.fact)) factIndex.set(stored.fact, factIndex.size)
      fact = factIndex.get(stored.fact)! + 1
    }
    const lengths = Array.from({ length: fieldCount }, (_, fieldId) => plain.fieldLength[shortId]?.[fieldId] ?? 0)
    rows.push({ kind: stored.kind, fact, lengths })
  }
  return { text: encodeColumns(rows), facts: [...factIndex.keys()] }
}

/**
 * The rows of the words table: for each word of the texts as `foldWord` folds it (function words
 * too), the paragraphs whose text holds it, compact (field 0). The ranking's rescoring asks
 * whether a paragraph holds a word in the form typed (`rank.ts`), which is this.
 */
function wordRows(plain: AsPlainObject): string[] {
  const docs = new Map<string, number[]>()
  for (let shortId = 0; shortId < plain.nextId; shortId++) {
    const { text } = plain.storedFields[shortId] as StoredParagraph
    for (const word of new Set(tokenize(text).map(foldWord))) (docs.get(word) ?? docs.set(word, []).get(word)!).push(shortId)
  }
  const rows: string[] = []
  for (const [word, list] of docs) {
    const postings = { 0: Object.fromEntries(list.map((shortId) => [shortId, 1])) }
    encodePostingsParts(postings, POSTINGS_PART_MAX_CHARS).forEach((part, i) => rows.push(`(${sqlString(word)}, ${i}, ${sqlString(part)})`))
  }
  return rows
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

/** Multi-row inserts of at most `D1_STATEMENT_MAX_BYTES` bytes (or `maxRows` rows) each. */
function groupInserts(head: string, rows: readonly string[], maxRows = Infinity): string[] {
  const statements: string[] = []
  let group: string[] = []
  let bytes = head.length
  const encoder = new TextEncoder()
  for (const row of rows) {
    const size = encoder.encode(row).length + 2
    if (group.length > 0 && (bytes + size > D1_STATEMENT_MAX_BYTES || group.length >= maxRows)) {
      statements.push(head + group.join(', '))
      group = []
      bytes = head.length
    }
    group.push(row)
    bytes += size
  }
  if (group.length > 0) statements.push(head + group.join(', '))
  return statements
}
