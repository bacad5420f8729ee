/**
 * @module
 * `npm run eval`: runs graded queries against the app (the Worker in `wrangler dev`, or a running
 * instance given with `--url`) and prints nDCG@10, MRR@10, P@1 and Recall@10 per query and
 * overall; checks that no result list repeats a paragraph and that every snippet has a `<mark>`.
 * Exits 1 when the mean nDCG@10 is below `--min-ndcg` or a check fails, 2 when called wrongly.
 *
 * Usage: node scripts/eval.ts [--queries FILE] [--url URL] [--min-ndcg 0.9] [--json]
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startDevServer } from './lib/dev-server.ts'
import { ROOT } from './lib/paths.ts'
import { evaluate, type Judgment, type Metrics } from './lib/relevance.ts'

const USAGE = `Usage: npm run eval -- [--queries FILE] [--url URL] [--min-ndcg 0.9] [--json]

  --queries FILE   graded queries (default: ../shared/eval/public-queries.json beside the repository)
  --url URL        evaluate a running instance instead of starting wrangler dev
  --min-ndcg N     exit 1 when the mean nDCG@10 is below N (default 0.9)
  --json           print the results as JSON`

/** A problem with how the script was called or what it was given: printed without a stack trace. */
class UsageError extends Error {}

function readOptions() {
  try {
    return parseArgs({
      options: {
        queries: { type: 'string', default: join(ROOT, '..', 'shared', 'eval', 'public-queries.json') },
        url: { type: 'string' },
        'min-ndcg': { type: 'string', default: '0.9' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`)
  }
}


type Hit = { id: string; text: string; snippet: string }
type Row = Metrics & { q: string; hits: number; duplicates: number; unmarked: number }

function readJudgments(file: string): Judgment[] {
  if (!existsSync(file)) throw new UsageError(`no graded queries at ${file}: pass --queries FILE (the project's evaluation set is shared/eval/public-queries.json beside the repository)`)
  try {
    const judgments = JSON.parse(readFileSync(file, 'utf8')) as Judgment[]
    if (!Array.isArray(judgments) || !judgments.every((j) => typeof j.q === 'string' && Array.isArray(j.relevant))) throw new Error('expected an array of { q, relevant: [{ contains, grade }] }')
    return judgments
  } catch (error) {
    throw new UsageError(`${file} is not a graded query file: ${(error as Error).message}`)
  }
}

async function fetchHits(base: string, q: string): Promise<Hit[]> {
  let response: Response
  try {
    response = await fetch(`${base}/api/search?${new URLSearchParams({ q, limit: '10' })}`)
  } catch (error) {
    throw new UsageError(`cannot reach ${base}: ${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}`)
  }
  if (!response.ok) throw new Error(`${q}: HTTP ${response.status} ${await response.text()}`)
  return ((await response.json()) as { hits: Hit[] }).hits
}

async function main(): Promise<number> {
  const values = readOptions()
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const judgments = readJudgments(values.queries)
  const server = values.url ? undefined : await startDevServer()
  const base = values.url ?? server!.url
  const rows: Row[] = []
  try {
    for (const judgment of judgments) {
      const hits = await fetchHits(base, judgment.q)
      const texts = hits.map((hit) => hit.text)
      rows.push({
        q: judgment.q,
        ...evaluate(texts, judgment.relevant),
        hits: hits.length,
        // Repeated ids, or the same text under two ids: counted once either way.
        duplicates: Math.max(hits.length - new Set(hits.map((hit) => hit.id)).size, texts.length - new Set(texts).size),
        unmarked: hits.filter((hit) => !hit.snippet.includes('<mark>')).length,
      })
    }
  } finally {
    await server?.stop()
  }

  const mean = (key: keyof Metrics) => rows.reduce((sum, row) => sum + row[key], 0) / rows.length
  const overall = { ndcg: mean('ndcg'), mrr: mean('mrr'), p1: mean('p1'), recall: mean('recall') }
  const failures = rows.filter((row) => row.duplicates > 0 || row.unmarked > 0)
  const minNdcg = Number(values['min-ndcg'])

  if (values.json) {
    console.log(JSON.stringify({ queries: values.queries, overall, rows }, null, 2))
  } else {
    const width = Math.max(5, ...rows.map((row) => row.q.length))
    const fmt = (n: number) => n.toFixed(3)
    console.log(`${'query'.padEnd(width)}  nDCG@10  MRR@10    P@1  R@10  hits  checks`)
    for (const row of rows) {
      const checks = [row.duplicates ? `${row.duplicates} duplicate(s)` : '', row.unmarked ? `${row.unmarked} snippet(s) without <mark>` : ''].filter(Boolean).join(', ') || 'ok'
      console.log(`${row.q.padEnd(width)}  ${fmt(row.ndcg).padStart(7)}  ${fmt(row.mrr).padStart(6)}  ${fmt(row.p1).padStart(5)}  ${fmt(row.recall).padStart(4)}  ${String(row.hits).padStart(4)}  ${checks}`)
    }
    console.log(`${'mean'.padEnd(width)}  ${fmt(overall.ndcg).padStart(7)}  ${fmt(overall.mrr).padStart(6)}  ${fmt(overall.p1).padStart(5)}  ${fmt(overall.recall).padStart(4)}`)
    console.log(`\n${rows.length} queries from ${values.queries}; target nDCG@10 >= ${minNdcg}: ${overall.ndcg >= minNdcg ? 'met' : 'MISSED'}`)
  }
  return overall.ndcg >= minNdcg && failures.length === 0 ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof UsageError ? `eval: ${error.message}` : error)
    process.exit(error instanceof UsageError ? 2 : 1)
  }
)
