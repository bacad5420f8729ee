/**
 * @module
 * The D1 engine: the index in a D1 database (SQLite with FTS5), read a query's worth at a time.
 *
 * Each request reads which generation of tables is active (one small query; the build switches
 * it in one statement, see `d1-content.ts`), then answers from that generation only, so a query
 * never mixes two builds. What every request needs (manifest, vocabulary, statistics; a few MB
 * at 100k paragraphs) is loaded once per isolate and generation; postings and paragraphs are
 * fetched per request, by the store-backed reader of `core/index-reader.ts`.
 */
import { D1_ACTIVE_TABLE, D1_LAYOUT_VERSION, D1_TERM_ORDER_COLUMN, d1GenerationLayout, d1Tables, type D1Tables } from '../../core/index-artifacts.ts'
import { base64ToBytes } from '../../core/base64.ts'
import { decodePostings, joinPostings, type CompactPostings } from '../../core/compact-postings.ts'
import { D1_META_KEYS, ftsPhraseQuery, META_ENCODING } from '../../core/d1-content.ts'
import {
  loadStoreShell,
  storeReader,
  type IndexReader,
  type ParagraphBody,
  type ParagraphHead,
  type PostingStore,
  type ShellParts,
  type StoredDocument,
  type StoreShell,
  type TermPostings,
} from '../../core/index-reader.ts'
import { RESCORE_WINDOW } from '../../core/rank.ts'
import type { HitsAmong } from '../../core/columnar-search.ts'
import type { SearchResult } from '../../core/search.ts'
import type { Env } from '../env.ts'
import { IndexDroppedError, IndexUnavailableError } from '../errors.ts'

/**
 * Most paragraphs whose bodies come with their heads in the postings' round trip (those a query's
 * terms name, for MiniSearch over the fetched postings; those that match every unit of a search,
 * for the columnar path): the ranking reads the texts of the top it rescores
 * ({@link RESCORE_WINDOW}) and of a phrase's candidates, so a query with no more paragraphs than
 * that reads most of their texts anyway. Fetched at once, they save the texts' round trip and the
 * query layer's run that asks for them.
 */
export const BODIES_WITH_HEADS = RESCORE_WINDOW

/**
 * A {@link PostingStore} over one generation's tables.
 *
 * @param db - The D1 binding.
 * @param tables - The generation's tables.
 * @param fieldIds - MiniSearch's field ids by name (FTS5 names columns by name).
 * @param rowGroups - Base-2 logarithms of how many paragraphs one row of postings, and of
 *   paragraphs, gathers (see below; smaller in tests, to split small answers).
 * @param bodiesWith - Most paragraphs a query's terms may name, or a search's units match, for
 *   their bodies to come with the postings (default {@link BODIES_WITH_HEADS}).
 */
export function d1Store(
  db: D1Database,
  tables: D1Tables,
  fieldIds: Record<string, number>,
  rowGroups = { postings: 14, documents: 8 },
  bodiesWith = BODIES_WITH_HEADS
): PostingStore {
  // Answers come as a few rows of JSON built by SQLite: a row costs more to hand over than its
  // bytes. Each row gathers a range of rowids, so no string passes D1's size limit (SQLITE_TOOBIG
  // past about 2 MB): postings of 2^14 paragraphs (about 300 KB), or 2^8 paragraphs' fields.
  const postingsOf = db.prepare(
    `SELECT json_group_array(json_array(doc, col, tf)) AS postings FROM (SELECT doc, col, count(*) AS tf FROM ${tables.vocab} WHERE term = ?1 GROUP BY doc, col) GROUP BY doc >> ${rowGroups.postings}`
  )
  // Each paragraph as the JSON array `[rowid, id, lengths, head, body?]` (`readDocuments`), put
  // together from the JSON texts the build stored (`d1-content.ts`) rather than by SQLite's JSON
  // functions, which would parse and write each of them again (0.03–0.11 ms a statement at 100k).
  // `afterHead`: the SQL that adds the body, or nothing.
  const documentsJson = (afterHead: string) => `'[' || group_concat('[' || rowid || ',' || json_quote(id) || ',' || lengths || ',' || head${afterHead} || ']', ',') || ']' AS documents`
  const documentsOf = (where: string, bodies: boolean) =>
    db.prepare(`SELECT ${documentsJson(bodies ? ` || ',' || body` : '')} FROM ${tables.docs} WHERE ${where} GROUP BY rowid >> ${rowGroups.documents}`)
  const byShortId = documentsOf('rowid IN (SELECT value FROM json_each(?1))', false)
  const byShortIdWhole = documentsOf('rowid IN (SELECT value FROM json_each(?1))', true)
  const byId = documentsOf('id IN (SELECT value FROM json_each(?1))', true)
  const every = documentsOf('1', false)
  // The heads of every paragraph the terms name, found by SQLite from the same postings (fts5vocab
  // takes the IN list as one equality lookup per term), sent in the postings' round trip; with
  // their bodies too when they are few (?2 at most), since the ranking will read most of them.
  const namedBy = db.prepare(
    `WITH named AS MATERIALIZED (SELECT DISTINCT doc FROM ${tables.vocab} WHERE term IN (SELECT value FROM json_each(?1))), ` +
      `few AS MATERIALIZED (SELECT count(*) <= ?2 AS yes FROM named) ` +
      `SELECT ${documentsJson(` || CASE WHEN (SELECT yes FROM few) THEN ',' || body ELSE '' END`)} ` +
      `FROM ${tables.docs} WHERE rowid IN named GROUP BY rowid >> ${rowGroups.documents}`
  )
  const phraseDocsOf = db.prepare(`SELECT json_group_array(rowid) AS docs FROM ${tables.fts} WHERE ${tables.fts} MATCH ?1 GROUP BY rowid >> ${rowGroups.postings}`)
  const wordsOf = db.prepare(`SELECT word AS term, postings FROM ${tables.words} WHERE word IN (SELECT value FROM json_each(?1)) ORDER BY word, part`)
  // Every column: the terms' order comes along where the generation has it (D1_TERM_ORDER_COLUMN).
  const compactOf = db.prepare(`SELECT * FROM ${tables.postings} WHERE term IN (SELECT value FROM json_each(?1)) ORDER BY term, part`)
  const readPostings = (results: D1Result<{ postings: string }>[], terms: readonly string[]): Map<string, TermPostings> => {
    const found = new Map<string, TermPostings>()
    results.forEach((result, i) => {
      if (result.results.length === 0) return
      const postings: TermPostings = {}
      for (const row of result.results) {
        for (const [doc, col, tf] of JSON.parse(row.postings) as [number, string, number][]) (postings[fieldIds[col]!] ??= {})[doc] = tf
      }
      found.set(terms[i]!, postings)
    })
    return found
  }
  const readDocuments = (results: D1Result<{ documents: string }>[]): StoredDocument[] =>
    results.flatMap((result) =>
      result.results.flatMap((row) =>
        (JSON.parse(row.documents) as [number, string, (number | null)[], ParagraphHead, ParagraphBody?][]).map(
          ([shortId, id, lengths, head, body]): StoredDocument => (body ? { shortId, id, lengths, head, body } : { shortId, id, lengths, head })
        )
      )
    )
  // The paragraphs that match every unit of a search (`HitsAmong`), whole, when there are at
  // most ?2 of them: FTS5 finds them (?1: the words' terms and the phrases, joined by AND), and
  // LIMIT stops it once there are too many, so a broad search costs little here.
  const matchingEvery = db.prepare(
    `WITH named AS MATERIALIZED (SELECT rowid AS doc FROM ${tables.fts} WHERE ${tables.fts} MATCH ?1 LIMIT ?2 + 1) ` +
      `SELECT ${documentsJson(` || ',' || body`)} ` +
      `FROM ${tables.docs} WHERE (SELECT count(*) FROM named) <= ?2 AND rowid IN named GROUP BY rowid >> ${rowGroups.documents}`
  )
  const answerOf = db.prepare(`SELECT response FROM ${tables.answers} WHERE query = ?1`)
  return {
    async precomputed(key) {
      const row = await answerOf.bind(key).first<{ response: string }>()
      return row ? (JSON.parse(row.response) as SearchResult) : undefined
    },
    async postings(terms) {
      // One statement per term, all in one round trip: fts5vocab looks a term up by equality.
      return readPostings(await db.batch<{ postings: string }>(terms.map((term) => postingsOf.bind(term))), terms)
    },
    async postingsWithHeads(terms) {
      const statements = [...terms.map((term) => postingsOf.bind(term)), namedBy.bind(JSON.stringify(terms), bodiesWith)]
      const results = await db.batch<{ postings: string } & { documents: string }>(statements)
      return { postings: readPostings(results.slice(0, terms.length), terms), documents: readDocuments(results.slice(terms.length)) }
    },
    async documents({ shortIds = [], ids = [], all = false, bodies = false }) {
      const statements = [
        ...(all ? [every] : []),
        ...(shortIds.length > 0 ? [(bodies ? byShortIdWhole : byShortId).bind(JSON.stringify(shortIds))] : []),
        ...(ids.length > 0 ? [byId.bind(JSON.stringify(ids))] : []),
      ]
      if (statements.length === 0) return []
      return readDocuments(await db.batch<{ documents: string }>(statements))
    },
    async compactPostings(terms, phrases = [], words = [], hits) {
      // The postings, the paragraphs of each phrase FTS5 can match and of each word, in one round
      // trip; with the paragraphs that match every unit of the search, whole, when they are few.
      const queries = phrases.map((phrase) => ftsPhraseQuery(phrase, Infinity))
      const asked = queries.flatMap((query) => (query ? [phraseDocsOf.bind(query)] : []))
      const every = hits && [...queries.slice(0, hits.phrases), ...hits.words.map((terms) => ftsPhraseQuery([terms], Infinity))]
      // A unit FTS5 cannot match is in no paragraph: then none matches every unit.
      // Not when the vocabulary tells they are more than the room: FTS5 would count past it for
      // nothing, reading pages no other statement reads. Nor, for several units, when it expects
      // fewer than the page reaches: the page's other hits need a round trip for their texts anyway.
      const whole = every && every.length > 0 && every.every((query) => query) && worthSending(hits, bodiesWith) ? [matchingEvery.bind(every.map((query) => `(${query})`).join(' AND '), bodiesWith)] : []
      const [rows, wordRows, ...found] = await db.batch<{ term: string; postings: string; [D1_TERM_ORDER_COLUMN]?: number | null } & { docs: string } & { documents: string }>([
        compactOf.bind(JSON.stringify(terms)),
        wordsOf.bind(JSON.stringify(words)),
        ...asked,
        ...whole,
      ])
      const documents = whole.length > 0 ? readDocuments(found.splice(asked.length)) : undefined
      const parts = new Map<string, CompactPostings[]>()
      const termOrder = new Map<string, number>()
      for (const { term, postings, [D1_TERM_ORDER_COLUMN]: place } of rows!.results) {
        ;(parts.get(term) ?? parts.set(term, []).get(term)!).push(decodePostings(postings))
        if (typeof place === 'number') termOrder.set(term, place)
      }
      const wordParts = new Map<string, CompactPostings[]>()
      for (const { term, postings } of wordRows!.results) (wordParts.get(term) ?? wordParts.set(term, []).get(term)!).push(decodePostings(postings))
      let next = 0
      return {
        postings: new Map([...parts].map(([term, list]) => [term, joinPostings(list)])),
        // Only when every term found has its place: a partial order would be no order.
        ...(termOrder.size === parts.size ? { termOrder } : {}),
        words: new Map([...wordParts].map(([word, list]) => [word, joinPostings(list)[0]?.docs ?? new Uint32Array(0)])),
        phrases: queries.map((query) => (query ? Uint32Array.from(found[next++]!.results.flatMap((row) => JSON.parse(row.docs) as number[])) : new Uint32Array(0))),
        ...(documents ? { documents } : {}),
      }
    },
  }
}

/**
 * Whether the paragraphs that match every unit of a search are worth asking FTS5 for, to send
 * whole with the postings (at most `room` of them, see {@link HitsAmong}): not when the
 * vocabulary tells there are more than the room, at least or as expected; nor, for a search of
 * several units, when fewer are expected than the page reaches.
 *
 * @example
 * worthSending({ words: [['putin'], ['macron']], phrases: 0, expected: 4, reach: 10 }, 200) // => false
 */
export function worthSending(hits: HitsAmong, room: number): boolean {
  if ((hits.atLeast ?? 0) > room) return false
  if (hits.expected === undefined) return true
  if (hits.expected > room) return false
  return hits.words.length + hits.phrases === 1 || hits.expected >= (hits.reach ?? 0)
}

/**
 * Bytes gzipped then base64-encoded, decoded with the runtime's own `DecompressionStream` (workerd
 * and Node alike).
 *
 * @example
 * new TextDecoder().decode(await gunzipBase64('H4sIAAAAAAAAA8tIzcnJBwCGphA2BQAAAA==')) // => 'hello'
 */
export async function gunzipBase64(text: string): Promise<Uint8Array> {
  const stream = new Blob([base64ToBytes(text)]).stream().pipeThrough(new DecompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** Reads a generation's meta table: its values, each joined from its parts, decoded. */
export async function loadD1Shell(db: D1Database, tables: D1Tables): Promise<StoreShell> {
  const { results } = await db.prepare(`SELECT key, value FROM ${tables.meta} ORDER BY key, part`).all<{ key: string; value: string }>()
  const values: Record<string, string> = {}
  for (const { key, value } of results) values[key] = (values[key] ?? '') + value
  const encoding = values[META_ENCODING.key]
  delete values[META_ENCODING.key]
  for (const key of Object.values(D1_META_KEYS)) if (values[key] === undefined) throw new IndexUnavailableError(`the D1 index lacks its ${key}; run npm run build:index`)
  if (encoding === undefined) return loadStoreShell({ ...(values as ShellParts), columns: base64ToBytes(values[D1_META_KEYS.columns]!) })
  if (encoding !== META_ENCODING.gzipBase64) throw new IndexUnavailableError(`the D1 index's meta is encoded as "${encoding}", which this code does not read; run npm run build:index`)
  const decoder = new TextDecoder()
  const parts: Record<string, string | Uint8Array> = {}
  try {
    await Promise.all(
      Object.entries(values).map(async ([key, value]) => {
        const bytes = await gunzipBase64(value)
        parts[key] = key === D1_META_KEYS.columns ? bytes : decoder.decode(bytes)
      })
    )
    return loadStoreShell(parts as ShellParts)
  } catch (error) {
    throw new IndexUnavailableError(`the D1 index's meta cannot be read (${error instanceof Error ? error.message : String(error)}); run npm run build:index`, { cause: error })
  }
}

/**
 * How long an isolate serves the generation it last read as active before reading it again, in
 * milliseconds: the read costs a round trip per request otherwise. Serving the previous
 * generation that long after a switch is still serving one whole corpus: the build keeps the
 * generation before the new one (see `d1DropOtherGenerations`).
 */
export const GENERATION_TTL_MS = 1_000

/** D1's error for a table that is not there: a generation dropped while an isolate still served it. */
const NO_SUCH_TABLE = /no such table/i

/**
 * A provider of the D1 engine's reader: the active generation, read at most every
 * `generationTtlMs`, its shell cached per isolate.
 *
 * The generation served may have been dropped since it was read (two builds within the TTL): a
 * read that finds its tables gone throws {@link IndexDroppedError}, and the provider reads the
 * active generation on its next call. The app then answers the request again, whole, from that
 * generation (`createApp`), so no part of a request answers from a corpus another part did not.
 *
 * @param options.generationTtlMs - See {@link GENERATION_TTL_MS}.
 * @throws {@link IndexUnavailableError} when the binding is missing, no generation is active, or
 *   the active one is of another layout than {@link D1_LAYOUT_VERSION}.
 */
export function d1IndexProvider(options: { generationTtlMs?: number } = {}): (env: Pick<Env, 'INDEX_DB'>) => Promise<IndexReader> {
  const ttl = options.generationTtlMs ?? GENERATION_TTL_MS
  let cached: { generation: string; shell: Promise<StoreShell>; readAt: number } | undefined
  const activeGeneration = async (db: D1Database): Promise<string> => {
    let active: { generation: string } | null
    try {
      active = await db.prepare(`SELECT generation FROM ${D1_ACTIVE_TABLE} WHERE id = 1`).first<{ generation: string }>()
    } catch {
      active = null
    }
    if (!active) throw new IndexUnavailableError('no index is loaded into D1; run npm run build:index')
    // A generation of another layout has other tables: this code cannot read it. A newer one is
    // the deploy's database switched before its code (or code rolled back): building again here
    // would switch it back, so that is not the advice.
    const layout = d1GenerationLayout(active.generation)
    if (layout !== D1_LAYOUT_VERSION) {
      throw new IndexUnavailableError(
        layout !== undefined && layout > D1_LAYOUT_VERSION
          ? `the D1 index ${active.generation} has a newer layout (${layout}) than this code reads (${D1_LAYOUT_VERSION}); deploy the code that built it`
          : `the D1 index ${active.generation} was built in an older layout than this code reads (${D1_LAYOUT_VERSION}); run npm run build:index`
      )
    }
    return active.generation
  }
  const provide = async (db: D1Database): Promise<{ generation: string; reader: IndexReader }> => {
    const now = Date.now()
    if (!cached || now - cached.readAt >= ttl) {
      const generation = await activeGeneration(db)
      if (cached?.generation === generation) cached.readAt = now
      else {
        const shell = loadD1Shell(db, d1Tables(generation))
        const entry = (cached = { generation, shell, readAt: now })
        shell.catch(() => {
          if (cached === entry) cached = undefined
        })
      }
    }
    const { generation, shell } = cached!
    return { generation, reader: storeReader(await shell, d1Store(db, d1Tables(generation), (await shell).stats.fieldIds)) }
  }
  return async (env) => {
    const db = env.INDEX_DB
    if (!db) throw new IndexUnavailableError('the INDEX_DB binding is missing: see [[d1_databases]] in wrangler.toml')
    const { generation, reader } = await provide(db)
    const orDropped = <A extends unknown[], T>(call: (...args: A) => Promise<T>) =>
      async (...args: A): Promise<T> => {
        try {
          return await call(...args)
        } catch (error) {
          if (!(error instanceof Error) || !NO_SUCH_TABLE.test(error.message)) throw error
          if (cached?.generation === generation) cached = undefined
          throw new IndexDroppedError(`the index generation ${generation} was dropped while this request read it`, { cause: error })
        }
      }
    return {
      index: reader.index,
      read: orDropped((fn, prefetch) => reader.read(fn, prefetch)) as IndexReader['read'],
      ...(reader.precomputed ? { precomputed: orDropped((key: string) => reader.precomputed!(key)) } : {}),
    }
  }
}
