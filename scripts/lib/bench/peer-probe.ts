/**
 * @module
 * Child process of `npm run bench -- --peers` (run with `--expose-gc`): one engine, in a fresh
 * Node process, on one index's paragraphs and the bench's query mix: its load (from what it
 * persists, where it persists anything), the heap it keeps, its latency per query, and the
 * results it finds. Prints one JSON object.
 *
 * Engines: `product-minisearch` (the project's search with MiniSearch in memory),
 * `product-d1` (the project's D1 engine, its code and SQL unchanged, over `node:sqlite`),
 * `minisearch` (plain MiniSearch on the text, prefix on the last word, fuzzy 0.2),
 * `flexsearch` (plain FlexSearch, forward tokenizer; it has no load from a file, so its load is
 * its build), `sqlite-fts5` (plain SQLite FTS5 from its file, porter tokenizer, prefix indexes,
 * the words ANDed, the last one a prefix, bm25 order).
 *
 * Usage: node --expose-gc scripts/lib/bench/peer-probe.ts ENGINE INDEX_DIR QUERIES_JSON WORK_DIR
 */
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Index as FlexIndex } from 'flexsearch'
import MiniSearch from 'minisearch'
import { d1Content } from '../../../src/core/d1-content.ts'
import { storeReader, type IndexReader } from '../../../src/core/index-reader.ts'
import { d1Tables } from '../../../src/core/index-artifacts.ts'
import { inMemoryReader } from '../../../src/core/index-reader.ts'
import { loadIndex } from '../../../src/core/loaded-index.ts'
import { SEARCH_DEFAULTS, searchParagraphs } from '../../../src/core/search.ts'
import { tokenize } from '../../../src/core/terms.ts'
import { d1Store, loadD1Shell } from '../../../src/worker/engines/d1-engine.ts'
import { precomputedKey } from '../../../src/core/prefix-answers.ts'
import { gzipBase64, shortPrefixAnswersInMemory } from '../d1-load.ts'
import { readParagraphs } from '../index-files.ts'
import { openSqlite, sqliteAsD1 } from './sqlite-d1.ts'
import { latency } from './stats.ts'

const [engine, indexDir, queriesFile, workDir] = process.argv.slice(2) as [string, string, string, string]
if (!engine || !indexDir || !queriesFile || !workDir) throw new Error('usage: peer-probe.ts ENGINE INDEX_DIR QUERIES_JSON WORK_DIR')
const gc = (globalThis as { gc?: () => void }).gc!
const heap = () => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}
const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as string[]
const read = (name: string) => readFileSync(join(indexDir, name), 'utf8')
type Engine = { search(q: string): Promise<number> | number }

/** Prepares what the engine loads from (outside the timing), then loads it (timed). */
async function load(): Promise<Engine> {
  const paragraphs = () => JSON.parse(read('paragraphs.json')) as { id: string; text: string }[]
  switch (engine) {
    case 'product-minisearch': {
      const files = { index: read('index.json'), vocabulary: read('vocabulary.json'), manifest: read('manifest.json') }
      return timedLoad(() => {
        const reader = inMemoryReader(loadIndex(files))
        return { search: (q: string) => reader.read((index) => searchParagraphs(index, { ...SEARCH_DEFAULTS, query: q }).total) }
      })
    }
    case 'product-d1': {
      const path = join(workDir, 'product-d1.sqlite')
      if (!existsSync(path)) {
        const db = openSqlite(path)
        const files = { index: read('index.json'), vocabulary: read('vocabulary.json'), manifest: read('manifest.json') }
        const answers = await shortPrefixAnswersInMemory(files)
        const { fill, activate } = d1Content({ paragraphs: readParagraphs(indexDir), vocabulary: files.vocabulary, manifest: files.manifest, answers, compressMeta: gzipBase64 })
        db.exec('BEGIN')
        for (const statement of [...fill, ...activate]) db.exec(statement)
        db.exec('COMMIT')
        db.close()
      }
      return timedLoad(async () => {
        const db = sqliteAsD1(openSqlite(path))
        const { generation } = (await db.prepare('SELECT generation FROM ps_active WHERE id = 1').first<{ generation: string }>())!
        const tables = d1Tables(generation)
        const shell = await loadD1Shell(db, tables)
        const reader: IndexReader = storeReader(shell, d1Store(db, tables, shell.stats.fieldIds))
        // As the route does: a precomputed answer when there is one, else a search.
        return {
          search: async (q: string) => {
            const request = { ...SEARCH_DEFAULTS, query: q }
            const key = precomputedKey(request)
            const answer = (key ? await reader.precomputed?.(key) : undefined) ?? (await reader.read((index) => searchParagraphs(index, request)))
            return answer.total
          },
        }
      })
    }
    case 'minisearch': {
      const plain = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] })
      plain.addAll(paragraphs())
      const json = JSON.stringify(plain)
      return timedLoad(() => {
        const loaded = MiniSearch.loadJSON(json, { fields: ['text'] })
        return { search: (q: string) => loaded.search(q, { prefix: (_term, i, terms) => i === terms.length - 1, fuzzy: 0.2 }).length }
      })
    }
    case 'flexsearch': {
      const all = paragraphs()
      return timedLoad(() => {
        const index = new FlexIndex({ tokenize: 'forward' })
        all.forEach((paragraph, i) => index.add(i, paragraph.text))
        return { search: (q: string) => (index.search(q, { limit: 1_000_000 }) as unknown[]).length }
      })
    }
    case 'sqlite-fts5': {
      const path = join(workDir, 'plain-fts5.sqlite')
      if (!existsSync(path)) {
        const db = openSqlite(path)
        db.exec(`CREATE VIRTUAL TABLE p USING fts5(text, tokenize = 'porter unicode61', prefix = '1 2 3')`)
        const insert = db.prepare('INSERT INTO p (rowid, text) VALUES (?, ?)')
        db.exec('BEGIN')
        paragraphs().forEach((paragraph, i) => insert.run(i + 1, paragraph.text))
        db.exec('COMMIT')
        db.close()
      }
      return timedLoad(() => {
        const db = openSqlite(path)
        const top = db.prepare('SELECT rowid, snippet(p, 0, \'<mark>\', \'</mark>\', \'…\', 20) AS snippet FROM p WHERE p MATCH ? ORDER BY rank LIMIT 10')
        const count = db.prepare('SELECT count(*) AS n FROM p WHERE p MATCH ?')
        return {
          search(q: string) {
            const words = tokenize(q.replace(/-\S+/g, ''))
            if (words.length === 0) return 0
            const match = words.map((word, i) => `"${word.replaceAll('"', '')}"${i === words.length - 1 && !/\s$/.test(q) ? '*' : ''}`).join(' ')
            top.all(match)
            return (count.get(match) as { n: number }).n
          },
        }
      })
    }
    default:
      throw new Error(`unknown engine ${engine}`)
  }
}

let loadMs = 0
async function timedLoad(make: () => Engine | Promise<Engine>): Promise<Engine> {
  const started = performance.now()
  const made = await make()
  loadMs = performance.now() - started
  return made
}

const baseline = heap()
const searcher = await load()
const firstStarted = performance.now()
await searcher.search(queries[0]!)
const firstQueryMs = performance.now() - firstStarted
const kept = heap() - baseline
const samples: number[] = []
const found: number[] = []
for (const q of queries) {
  const started = performance.now()
  found.push(await searcher.search(q))
  samples.push(performance.now() - started)
}
const stats = latency(samples)
console.log(JSON.stringify({ engine, loadMs, firstQueryMs, heap: kept, latency: stats, found: found.reduce((sum, n) => sum + n, 0), withResults: found.filter((n) => n > 0).length, queries: queries.length }))
if (process.env['PEER_PROBE_CLEAN']) rmSync(workDir, { recursive: true, force: true })
