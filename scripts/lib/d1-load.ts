/**
 * @module
 * Loads the index into D1 for the D1 engine: writes the generation's SQL to `dist/d1/` and runs
 * it with `wrangler d1 execute` against the local database (the one `wrangler dev`, `npm start`,
 * the eval and the bench read, under `.wrangler/state`) or, for `npm run deploy`, the remote one.
 *
 * Idempotent and atomic: a generation already active is left alone; a new one is written into
 * tables of its own while queries keep reading the active one, then switched to in one statement
 * (see `src/core/d1-content.ts`). The generation before stays, for queries still reading it; older
 * ones are dropped.
 */
import { spawnSync } from 'node:child_process'
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { d1Content, d1DropOtherGenerations } from '../../src/core/d1-content.ts'
import { D1_ACTIVE_TABLE, D1_DATABASE_NAME, WORKER_INDEX_FILES, d1Generation, d1Tables } from '../../src/core/index-artifacts.ts'
import { loadIndex } from '../../src/core/loaded-index.ts'
import { heavyShortPrefixes, precomputeAnswers } from '../../src/core/prefix-answers.ts'
import type { VocabularyEntry } from '../../src/core/vocabulary.ts'
import { wranglerCommand } from './dev-server.ts'
import { ROOT } from './paths.ts'

/** Where the SQL file of an index goes: `dist/d1/` beside its `index/` folder. */
export function d1SqlDir(indexDir: string): string {
  return join(dirname(indexDir), 'dist', 'd1')
}

/** Which database: the local simulation or the deployed one. */
export type D1Target = { remote: boolean; database?: string; persistTo?: string }

function wrangler(args: string[], target: D1Target): string {
  const [command, commandArgs] = wranglerCommand([
    'd1',
    'execute',
    target.database ?? D1_DATABASE_NAME,
    target.remote ? '--remote' : '--local',
    ...(target.persistTo ? ['--persist-to', target.persistTo] : []),
    '--yes',
    ...args,
  ])
  const result = spawnSync(command, commandArgs, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' }, maxBuffer: 64 << 20 })
  if (result.status !== 0) throw new Error(`wrangler d1 execute ${args.join(' ')} failed:\n${result.stderr || result.stdout}`)
  return result.stdout
}

/** Runs one query and returns its rows, or `null` when it fails (a table not there yet). */
function query<T>(sql: string, target: D1Target): T[] | null {
  try {
    const output = wrangler(['--json', '--command', sql], target)
    const parsed = JSON.parse(output.slice(output.indexOf('['))) as { results: T[] }[]
    return parsed[0]?.results ?? []
  } catch {
    return null
  }
}

/**
 * The answers precomputed for the short prefixes whose completions reach many paragraphs
 * (see `src/core/prefix-answers.ts`), computed with the in-memory index.
 *
 * @param minParagraphs - Reach from which a prefix is precomputed (default the module's).
 */
export function shortPrefixAnswers(files: { index: string; vocabulary: string; manifest: string }, minParagraphs?: number): [string, string][] {
  const index = loadIndex(files)
  const words = (JSON.parse(files.vocabulary) as VocabularyEntry[]).map(([folded]) => folded)
  return precomputeAnswers(index, heavyShortPrefixes(index.vocabulary, words, minParagraphs))
}

/**
 * Makes the index in `indexDir` the one D1 serves.
 *
 * @returns What was done: `up-to-date` when its generation was already active, else `loaded`.
 * @throws Error with wrangler's message when a statement fails; the active generation is then unchanged.
 */
/** The meta values' encoding for D1 (`META_ENCODING` in `d1-content.ts`): gzip, then base64. */
export function gzipBase64(text: string): string {
  return gzipSync(text).toString('base64')
}

export async function loadIntoD1(indexDir: string, target: D1Target = { remote: false }): Promise<{ generation: string; done: 'up-to-date' | 'loaded'; sqlFile: string; bytes: number }> {
  const read = (name: string) => readFile(join(indexDir, name), 'utf8')
  const files = { index: await read(WORKER_INDEX_FILES.index), vocabulary: await read(WORKER_INDEX_FILES.vocabulary), manifest: await read(WORKER_INDEX_FILES.manifest) }
  const generation = d1Generation((JSON.parse(files.manifest) as { indexVersion: string }).indexVersion)
  const sqlDir = d1SqlDir(indexDir)
  const sqlFile = join(sqlDir, `${generation}.sql`)
  const active = query<{ generation: string }>(`SELECT generation FROM ${D1_ACTIVE_TABLE} WHERE id = 1`, target)?.[0]?.generation
  const tables = (query<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table'`, target) ?? []).map((row) => row.name)
  if (active === generation && tables.includes(d1Tables(generation).docs)) return { generation, done: 'up-to-date', sqlFile, bytes: 0 }
  const content = d1Content({ ...files, answers: shortPrefixAnswers(files), compressMeta: gzipBase64 })

  const keep = [content.generation, ...(active ? [active] : [])]
  const sql = [...content.fill, ...content.activate, ...d1DropOtherGenerations(tables, keep)].map((statement) => `${statement};\n`).join('')
  await mkdir(sqlDir, { recursive: true })
  await writeFile(`${sqlFile}.tmp`, sql)
  await rename(`${sqlFile}.tmp`, sqlFile)
  // Only the latest generation's SQL is kept: the database holds the rest.
  for (const name of await readdir(sqlDir)) if (name.endsWith('.sql') && join(sqlDir, name) !== sqlFile) await rm(join(sqlDir, name), { force: true })
  wrangler(['--file', sqlFile], target)
  return { generation: content.generation, done: 'loaded', sqlFile, bytes: Buffer.byteLength(sql) }
}
