/**
 * The D1 engine in workerd with the real D1: generations switch atomically, old ones stay for
 * queries still reading them, and a database with no index gives a clear 503.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { buildIndex } from '../../../src/core/build-index.ts'
import { d1Activate, d1Content, d1DropOtherGenerations } from '../../../src/core/d1-content.ts'
import { createApp } from '../../../src/worker/app.ts'
import { D1_LAYOUT_VERSION, D1_TERM_ORDER_COLUMN, d1Tables } from '../../../src/core/index-artifacts.ts'
import { d1IndexProvider, d1Store, loadD1Shell, worthSending } from '../../../src/worker/engines/d1-engine.ts'
import { storeReader, type StoredDocument } from '../../../src/core/index-reader.ts'
import type { CompactPostings } from '../../../src/core/compact-postings.ts'
import type { HitsAmong } from '../../../src/core/columnar-search.ts'
import { SEARCH_DEFAULTS, searchParagraphs } from '../../../src/core/search.ts'
import type { Env } from '../../../src/worker/env.ts'
import { IndexUnavailableError } from '../../../src/worker/errors.ts'

const testEnv = env as unknown as Env & { INDEX_DB: D1Database }
const db = testEnv.INDEX_DB
const run = (statements: readonly string[]) => db.batch(statements.map((statement) => db.prepare(statement)))
const app = createApp({ index: d1IndexProvider({ generationTtlMs: 0 }) })
// An isolate that reads the active generation at most once a minute.
const cachingApp = createApp({ index: d1IndexProvider({ generationTtlMs: 60_000 }) })
const get = async (path: string, from = app) => {
  const response = await from.fetch(new Request(new URL(path, 'http://search.test')), testEnv)
  return { status: response.status, headers: response.headers, body: (await response.json()) as any }
}
const tableNames = async () => (await db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ps_docs_%'`).all<{ name: string }>()).results.map((row) => row.name).sort()

/** A second corpus: two sources, three paragraphs, words the shipped corpus lacks. */
async function otherIndex() {
  const encoder = new TextEncoder()
  const { files, paragraphs } = await buildIndex({
    sources: [
      { name: 'harbour.txt', bytes: encoder.encode('Harbour news\nThe ferry left the harbour at dawn.\nGulls followed the ferry.') },
      { name: 'weather.txt', bytes: encoder.encode('Weather\nFog closed the harbour.') },
    ],
  })
  const content = d1Content({ paragraphs, vocabulary: files['vocabulary.json'], manifest: files['manifest.json'] })
  return { ...content, fill: [...content.fill] }
}

describe('the D1 engine', () => {
  it('answers 503 naming the problem while no index is loaded', async () => {
    const { status, body, headers } = await get('/api/search?q=ferry')
    expect(status).toBe(503)
    expect(body.error.code).toBe('unavailable')
    expect(body.error.message).toContain('npm run build:index')
    expect(headers.get('Retry-After')).toBe('1')
    const unbound = await app.fetch(new Request('http://search.test/api/health'), { ...testEnv, INDEX_DB: undefined })
    expect(unbound.status).toBe(503)
    expect(((await unbound.json()) as any).error.message).toContain('INDEX_DB')
  })

  it('names a meta table it cannot decode as an index to build again', async () => {
    const tables = d1Tables(`v${D1_LAYOUT_VERSION}_0bad0bad0bad`)
    const keys = ['manifest', 'vocabulary', 'stats', 'terms', 'columns', 'facts', 'titles']
    // "AAAA" is base64 for three zero bytes: not gzip.
    await run([
      `CREATE TABLE ${tables.meta} (key TEXT NOT NULL, part INTEGER NOT NULL, value TEXT NOT NULL, PRIMARY KEY (key, part))`,
      `INSERT INTO ${tables.meta} (key, part, value) VALUES ${[...keys.map((key) => `('${key}', 0, 'AAAA')`), "('encoding', 0, 'gzip-base64')"].join(', ')}`,
    ])
    const error = await loadD1Shell(db, tables).catch((error: unknown) => error)
    expect(error).toBeInstanceOf(IndexUnavailableError)
    expect((error as Error).message).toMatch(/^the D1 index's meta cannot be read \(.+\); run npm run build:index$/)
    await run([`DROP TABLE ${tables.meta}`])
  })

  it('answers 503 when the active generation is of another layout: build again for an older one, deploy for a newer one', async () => {
    const cases = [
      [`v${D1_LAYOUT_VERSION - 1}_0123456789ab`, `was built in an older layout than this code reads (${D1_LAYOUT_VERSION}); run npm run build:index`],
      [`v${D1_LAYOUT_VERSION + 1}_0123456789ab`, `has a newer layout (${D1_LAYOUT_VERSION + 1}) than this code reads (${D1_LAYOUT_VERSION}); deploy the code that built it`],
      // Not this layout followed by a 0: ten times it.
      [`v${D1_LAYOUT_VERSION}0_0123456789ab`, `has a newer layout (${D1_LAYOUT_VERSION}0) than this code reads (${D1_LAYOUT_VERSION}); deploy the code that built it`],
    ]
    try {
      for (const [generation, message] of cases) {
        await run(d1Activate(generation!))
        const { status, body } = await get('/api/search?q=ferry')
        expect(status).toBe(503)
        expect(body.error.message).toBe(`the D1 index ${generation} ${message}`)
      }
    } finally {
      await run([`DROP TABLE ps_active`])
    }
  })

  describe('with the shipped index loaded', () => {
    beforeAll(async () => {
      const { fill, activate } = inject('d1Content')
      await run([...fill, ...activate])
    })

    it('answers a short prefix typed alone from its precomputed answer, and only with default parameters', async () => {
      const { generation } = inject('d1Content')
      const planted = { query: 'Zq', total: 1, corrected: 0, unmatched: [], offset: 0, limit: 10, facets: { source: {}, kind: {} }, hits: [] }
      await db.prepare(`INSERT INTO ps_answers_${generation} (query, response) VALUES ('Zq', ?1)`).bind(JSON.stringify(planted)).run()
      const { body } = await get('/api/search?q=Zq')
      expect(body.total).toBe(1)
      // Another limit is another answer: searched live, and "zq" is in no paragraph.
      expect((await get('/api/search?q=Zq&limit=5')).body.total).toBe(0)
      expect((await get('/api/search?q=zq')).body.total).toBe(0)
    })

    it('gathers postings and paragraphs that span several rows, whatever the row size', async () => {
      const { generation } = inject('d1Content')
      const tables = d1Tables(generation)
      const fieldIds = { text: 0, section: 1, grams: 2 }
      // "putin" is in the text of 20 paragraphs of the shipped corpus (index/index.json): with rows of 2, ten rows.
      const whole = await d1Store(db, tables, fieldIds).postings(['putin'])
      const split = await d1Store(db, tables, fieldIds, { postings: 1, documents: 1 }).postings(['putin'])
      expect(Object.keys(whole.get('putin')![0]!).length).toBe(20)
      expect(split).toEqual(whole)
      const shortIds = Object.keys(whole.get('putin')![0]!).map(Number)
      const documents = await d1Store(db, tables, fieldIds, { postings: 1, documents: 1 }).documents({ shortIds })
      expect(documents.map((document) => document.shortId).sort((a, b) => a - b)).toEqual(shortIds.sort((a, b) => a - b))
      // The compact postings name the same 20 paragraphs, ascending, with the same frequencies.
      const compact = (await d1Store(db, tables, fieldIds).compactPostings!(['putin', 'zzzz'])).postings.get('putin')!
      const text = compact.find((field) => field.fieldId === fieldIds.text)!
      expect([...text.docs]).toEqual(shortIds.sort((a, b) => a - b))
      expect([...text.tfs]).toEqual(shortIds.map((shortId) => whole.get('putin')![0]![shortId]))
    })

    it('reads each term\'s place in MiniSearch\'s index with its postings, and gives no order for a generation without it', async () => {
      const { generation } = inject('d1Content')
      const tables = d1Tables(generation)
      const store = d1Store(db, tables, { text: 0, section: 1, grams: 2 })
      const kept = await db.prepare(`SELECT term, ${D1_TERM_ORDER_COLUMN} AS place FROM ${tables.postings} WHERE part = 0`).all<{ term: string; place: number }>()
      const placeOf = new Map(kept.results.map(({ term, place }) => [term, place]))
      // "zzzz" is in no paragraph: left out of both.
      const { postings, termOrder } = await store.compactPostings!(['putin', 'macron', 'zzzz'])
      expect([...postings.keys()].sort()).toEqual(['macron', 'putin'])
      expect(termOrder).toEqual(new Map([['macron', placeOf.get('macron')], ['putin', placeOf.get('putin')]]))
      // Places are distinct, one per term (test/core/d1-content.test.ts checks them against MiniSearch's index).
      expect(new Set(placeOf.values()).size).toBe(placeOf.size)
      await run([`ALTER TABLE ${tables.postings} DROP COLUMN ${D1_TERM_ORDER_COLUMN}`])
      try {
        // Without the column (a generation built before it), no order: typo terms are added alphabetically.
        expect((await store.compactPostings!(['putin', 'macron'])).termOrder).toBeUndefined()
        await run([`ALTER TABLE ${tables.postings} ADD COLUMN ${D1_TERM_ORDER_COLUMN} INTEGER`, `UPDATE ${tables.postings} SET ${D1_TERM_ORDER_COLUMN} = 7 WHERE term = 'putin'`])
        // A term without its place makes the order partial: none is given.
        expect((await store.compactPostings!(['putin', 'chemic'])).termOrder).toBeUndefined()
      } finally {
        const cases = [...placeOf].map(([term, place]) => `WHEN '${term}' THEN ${place}`).join(' ')
        await run([`UPDATE ${tables.postings} SET ${D1_TERM_ORDER_COLUMN} = CASE term ${cases} END`])
      }
      expect((await store.compactPostings!(['putin', 'macron'])).termOrder).toEqual(termOrder)
    })

    it('finds the paragraphs whose text holds a phrase with FTS5, in the postings\' round trip', async () => {
      const { generation } = inject('d1Content')
      const store = d1Store(db, d1Tables(generation), { text: 0, section: 1, grams: 2 })
      // "chemical weapons" and "red line" are each in bbc#13, pc#5 and pc#6 (see search-shipped.test.ts);
      // in the other order nowhere; "a-b" is no term FTS5 could hold.
      const { phrases } = await store.compactPostings!(['chemic'], [[['chemic'], ['weapon']], [['weapon'], ['chemic']], [['red'], ['line', 'lie']], [['a-b'], ['line']]])
      expect(phrases.map((docs) => docs.length)).toEqual([3, 0, 3, 0])
      const chemical = (await store.compactPostings!(['chemic'])).postings.get('chemic')!.find((field) => field.fieldId === 0)!
      for (const doc of phrases[0]!) expect([...chemical.docs]).toContain(doc)
    })

    it('sends the heads of the paragraphs the postings name in the postings\' round trip, with their bodies when few', async () => {
      const { generation } = inject('d1Content')
      const tables = d1Tables(generation)
      const fieldIds = { text: 0, section: 1, grams: 2 }
      // "putin" names 20 paragraphs: one more than the most whose bodies may come along.
      const store = d1Store(db, tables, fieldIds, { postings: 1, documents: 1 }, 19)
      // A term in no paragraph names none and is left out.
      const { postings, documents } = await store.postingsWithHeads!(['putin', 'zqzq'])
      expect(postings).toEqual(await store.postings(['putin']))
      expect([...postings.keys()]).toEqual(['putin'])
      const named = Object.keys(postings.get('putin')![0]!).map(Number).sort((a, b) => a - b)
      expect(named.length).toBe(20)
      expect(documents.map((document) => document.shortId).sort((a, b) => a - b)).toEqual(named)
      expect(documents).toEqual(await store.documents({ shortIds: named }))
      expect(documents.every((document) => document.body === undefined)).toBe(true)
      // With room for 20, the same paragraphs come with their bodies.
      const withBodies = await d1Store(db, tables, fieldIds, { postings: 1, documents: 1 }, 20).postingsWithHeads!(['putin', 'zqzq'])
      expect(withBodies.postings).toEqual(postings)
      const whole = await store.documents({ shortIds: named, bodies: true })
      expect(whole.every((document) => document.body!.text.length > 0)).toBe(true)
      expect(withBodies.documents).toEqual(whole)
    })

    it("sends the paragraphs that match every unit of a search, whole, in the postings' round trip when they are few", async () => {
      const { generation } = inject('d1Content')
      const tables = d1Tables(generation)
      const fieldIds = { text: 0, section: 1, grams: 2 }
      const byShortId = (documents: StoredDocument[]) => [...documents].sort((a, b) => a.shortId - b.shortId)
      const inText = (postings: Map<string, CompactPostings>, term: string) => [...postings.get(term)!.find((field) => field.fieldId === fieldIds.text)!.docs]
      const store = d1Store(db, tables, fieldIds, { postings: 1, documents: 1 }, 20)
      // "putin" is in the text of 20 paragraphs: with room for 20 they come whole, and only they.
      const { postings, documents } = await store.compactPostings!(['putin', 'macron'], [], [], { words: [['putin']], phrases: 0 })
      const putin = inText(postings, 'putin')
      expect(putin.length).toBe(20)
      expect(byShortId(documents!).map((document) => document.shortId)).toEqual(putin)
      expect(byShortId(documents!)).toEqual(byShortId(await store.documents({ shortIds: putin, bodies: true })))
      // Two words: the paragraphs whose text holds both.
      const both = await store.compactPostings!(['putin', 'macron'], [], [], { words: [['putin'], ['macron', 'zzzz']], phrases: 0 })
      const macron = new Set(inText(postings, 'macron'))
      const expected = putin.filter((doc) => macron.has(doc))
      expect(expected.length).toBeGreaterThan(0)
      expect(expected.length).toBeLessThan(putin.length)
      expect(byShortId(both.documents!).map((document) => document.shortId)).toEqual(expected)
      // Told there are more than the room (the vocabulary's count), it does not ask FTS5: nothing.
      expect((await store.compactPostings!(['putin'], [], [], { words: [['putin']], phrases: 0, atLeast: 21 })).documents).toBeUndefined()
      expect((await store.compactPostings!(['putin'], [], [], { words: [['putin']], phrases: 0, atLeast: 20 })).documents!.length).toBe(20)
      // Two words the vocabulary expects fewer of than the page reaches: FTS5 is not asked (the
      // page's other hits need their texts fetched anyway); expected as many as it reaches, it is.
      const twoWords = { words: [['putin'], ['macron', 'zzzz']], phrases: 0 }
      expect((await store.compactPostings!(['putin', 'macron'], [], [], { ...twoWords, expected: 9, reach: 10 })).documents).toBeUndefined()
      expect(byShortId((await store.compactPostings!(['putin', 'macron'], [], [], { ...twoWords, expected: 10, reach: 10 })).documents!)).toEqual(byShortId(both.documents!))
      // With room for 19, none; asked nothing of the hits, nothing.
      expect((await d1Store(db, tables, fieldIds, undefined, 19).compactPostings!(['putin'], [], [], { words: [['putin']], phrases: 0 })).documents).toEqual([])
      expect((await store.compactPostings!(['putin'])).documents).toBeUndefined()
      // A phrase's hits are among its paragraphs (bbc#13, pc#5 and pc#6), however many the terms name.
      const phrase = await store.compactPostings!(['chemic', 'weapon'], [[['chemic'], ['weapon']]], [], { words: [], phrases: 1 })
      expect(phrase.phrases[0]!.length).toBe(3)
      expect(byShortId(phrase.documents!).map((document) => document.shortId)).toEqual([...phrase.phrases[0]!])
      expect(phrase.documents!.every((document) => document.body!.text.length > 0)).toBe(true)
      // A unit FTS5 cannot match is in no paragraph: none matches every unit, and nothing is sent.
      expect((await store.compactPostings!(['line'], [[['a-b'], ['line']]], [], { words: [['line']], phrases: 1 })).documents).toBeUndefined()
      expect((await store.compactPostings!(['putin'], [], [], { words: [['putin'], ['a-b']], phrases: 0 })).documents).toBeUndefined()
    })

    it('answers a search whose hits are few in one round trip, as it answers it in two', async () => {
      const { generation } = inject('d1Content')
      const tables = d1Tables(generation)
      let batches = 0
      const counting = new Proxy(db, {
        get(target, name) {
          if (name === 'batch') return (statements: D1PreparedStatement[]) => (batches++, target.batch(statements))
          const value = Reflect.get(target, name) as unknown
          return typeof value === 'function' ? value.bind(target) : value
        },
      })
      const shell = await loadD1Shell(db, tables)
      // A word (20 paragraphs of the 52), a phrase, a typo, an exclusion, two words, a page past the first.
      for (const [query, offset] of [['Putin', 0], ['"chemical weapons"', 0], ['chemcal', 0], ['Putin -Macron', 0], ['Putin Macron', 0], ['Putin', 10]] as const) {
        const request = { ...SEARCH_DEFAULTS, query, offset }
        batches = 0
        const once = await storeReader(shell, d1Store(counting, tables, shell.stats.fieldIds)).read((index) => searchParagraphs(index, request))
        expect(batches).toBe(1)
        batches = 0
        // With no room for the hits' paragraphs, their texts take a round trip of their own.
        const twice = await storeReader(shell, d1Store(counting, tables, shell.stats.fieldIds, undefined, 0)).read((index) => searchParagraphs(index, request))
        expect(batches).toBe(2)
        expect(once).toEqual(twice)
        expect(once.hits.length).toBeGreaterThan(0)
      }
    })

    it("hands a one-word search's count from the vocabulary to the store, which asks FTS5 nothing past the room", async () => {
      const { generation } = inject('d1Content')
      const tables = d1Tables(generation)
      const shell = await loadD1Shell(db, tables)
      const asked: (HitsAmong | undefined)[] = []
      const recording = (room: number) => {
        const store = d1Store(db, tables, shell.stats.fieldIds, undefined, room)
        return { ...store, compactPostings: (...args: Parameters<NonNullable<typeof store.compactPostings>>) => (asked.push(args[3]), store.compactPostings!(...args)) }
      }
      const request = { ...SEARCH_DEFAULTS, query: 'Putin' }
      // "Putin" is used in 20 paragraphs (the vocabulary's count, the FTS5 table's too).
      const past = await storeReader(shell, recording(19)).read((index) => searchParagraphs(index, request))
      expect(asked.map((hits) => hits?.atLeast)).toEqual([20])
      const within = await storeReader(shell, recording(20)).read((index) => searchParagraphs(index, request))
      expect(within).toEqual(past)
      expect(past.total).toBe(20)
      // Two words: "Putin" used in 20 of the 52 paragraphs, "Macron" in 26 (no word within a typo
      // of either): 52 x 20/52 x 26/52 = 10 expected, and the first page reaches 10, the second 20.
      asked.length = 0
      for (const offset of [0, 10]) await storeReader(shell, recording(200)).read((index) => searchParagraphs(index, { ...SEARCH_DEFAULTS, query: 'Putin Macron', offset }))
      expect(asked.map((hits) => [hits?.expected, hits?.reach])).toEqual([
        [10, 10],
        [10, 20],
      ])
    })

    it('asks FTS5 for the paragraphs matching every unit only when the vocabulary says they may be sent and spare a round trip', () => {
      const one = { words: [['putin']], phrases: 0 }
      const two = { words: [['putin'], ['macron']], phrases: 0 }
      // Nothing known: asked.
      expect(worthSending(one, 200)).toBe(true)
      expect(worthSending(two, 200)).toBe(true)
      // More than the room, at least or as expected: not asked.
      expect(worthSending({ ...one, atLeast: 201 }, 200)).toBe(false)
      expect(worthSending({ ...one, expected: 200.5, reach: 10 }, 200)).toBe(false)
      expect(worthSending({ ...one, expected: 200, reach: 10 }, 200)).toBe(true)
      // One unit: every hit is among them, however few.
      expect(worthSending({ ...one, expected: 3, reach: 10 }, 200)).toBe(true)
      // Several units: fewer expected than the page reaches, not asked.
      expect(worthSending({ ...two, expected: 9.9, reach: 10 }, 200)).toBe(false)
      expect(worthSending({ ...two, expected: 10, reach: 10 }, 200)).toBe(true)
      expect(worthSending({ words: [['putin']], phrases: 1, expected: 3, reach: 10 }, 200)).toBe(false)
    })

    it('switches to a new generation only when it is activated, whole', async () => {
      expect((await get('/api/health')).body.paragraphs).toBe(52)
      expect((await get('/api/health', cachingApp)).body.paragraphs).toBe(52)
      const other = await otherIndex()
      await run(other.fill)
      // Filled but not active: queries still read the shipped corpus, all of it.
      expect((await get('/api/health')).body.paragraphs).toBe(52)
      expect((await get('/api/search?q=ferry')).body.total).toBe(0)
      expect((await get('/api/search?q=Putin')).body.total).toBeGreaterThan(0)

      await run(other.activate)
      const health = (await get('/api/health')).body
      expect(health).toMatchObject({ paragraphs: 3, sources: 2 })
      // "ferry" is in both paragraphs of the harbour source; "harbour" in its first and the weather one's.
      expect((await get('/api/search?q=ferry')).body.total).toBe(2)
      expect((await get('/api/search?q=harbour')).body.total).toBe(2)
      expect((await get('/api/search?q=Putin')).body.total).toBe(0)
      // An isolate that read the shipped generation less than its TTL ago still serves it, whole.
      expect((await get('/api/search?q=ferry', cachingApp)).body.total).toBe(0)
      expect((await get('/api/search?q=Putin', cachingApp)).body.total).toBe(20)

      // Both generations stay until the next build drops all but the new one and the one before.
      const shipped = inject('d1Content').generation
      expect(await tableNames()).toEqual([`ps_docs_${shipped}`, `ps_docs_${other.generation}`].sort())
      const names = (await db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all<{ name: string }>()).results.map((row) => row.name)
      expect(d1DropOtherGenerations(names, [shipped, other.generation])).toEqual([])
      await run(d1DropOtherGenerations(names, [other.generation]))
      expect(await tableNames()).toEqual([`ps_docs_${other.generation}`])
      expect((await get('/api/search?q=harbour')).body.total).toBe(2)
      // Its generation dropped, that isolate reads the active one again and answers from it.
      expect((await get('/api/search?q=harbour', cachingApp)).body.total).toBe(2)
    })

    it('answers a request whose generation was dropped again, whole, from the active one', async () => {
      // Two isolates that read the harbour corpus (active since the test above) and would serve it a minute.
      const isolates = [1, 2].map(() => createApp({ index: d1IndexProvider({ generationTtlMs: 60_000 }) }))
      const harbourSources = (await get('/api/sources', isolates[0])).body.sources.map((source: { id: string }) => source.id)
      expect(harbourSources.length).toBe(2)
      expect((await get('/api/sources', isolates[1])).body.sources.length).toBe(2)
      // A build puts the shipped corpus back and drops the harbour one.
      const shipped = inject('d1Content')
      await run([...shipped.fill, ...shipped.activate])
      const names = (await db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all<{ name: string }>()).results.map((row) => row.name)
      await run(d1DropOtherGenerations(names, [shipped.generation]))
      expect(await tableNames()).toEqual([`ps_docs_${shipped.generation}`])
      const { indexVersion } = (await get('/api/health')).body
      // A source of the harbour corpus, asked of the first: its paragraphs are read from the
      // tables gone, and the request is answered as a fresh isolate answers it, from the shipped
      // corpus, which has no such source.
      const source = `/api/sources/${harbourSources[0]}`
      const absent = await get(source)
      expect(absent.status).toBe(404)
      const stale = await get(source, isolates[0])
      expect({ status: stale.status, body: stale.body }).toEqual({ status: absent.status, body: absent.body })
      // A search, asked of the second: the same hits as a fresh isolate, and an ETag naming the
      // shipped corpus's version.
      const fresh = await get('/api/search?q=Putin')
      const retried = await get('/api/search?q=Putin', isolates[1])
      expect(fresh.body.total).toBe(20)
      expect(retried.status).toBe(200)
      delete fresh.body.tookMs
      delete retried.body.tookMs
      expect(retried.body).toEqual(fresh.body)
      expect(retried.headers.get('ETag')).toBe(fresh.headers.get('ETag'))
      expect(retried.headers.get('ETag')).toContain(indexVersion)
      // The rest of each isolate's requests read the shipped corpus.
      for (const isolate of isolates) expect((await get('/api/health', isolate)).body.paragraphs).toBe(52)
    })
  })
})
