/**
 * @module
 * `npm run eval`: runs graded queries against the app (the Worker in `wrangler dev`, or a running
 * instance given with `--url`) and prints nDCG@10, MRR@10, P@1 and Recall@10 per query and
 * overall; checks that no result list repeats a paragraph and that every snippet has a `<mark>`.
 * Exits 1 when the mean nDCG@10 is below `--min-ndcg` or a check fails.
 *
 * Usage: node scripts/eval.ts [--queries FILE] [--url URL] [--min-ndcg 0.9] [--json]
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startDevServer } from './lib/dev-server.ts'
import { ROOT } from './lib/paths.ts'
import { evaluate, type Judgment, type Metrics } from './lib/relevance.ts'

const { values } = parseArgs({
  options: {
    queries: { type: 'string', default: join(ROOT, '..', 'shared', 'eval', 'public-queries.json') },
    url: { type: 'string' },
    'min-ndcg': { type: 'string', default: '0.9' },
    json: { type: 'boolean', default: false },
  },
})

type Hit = { id: string; text: string; snippet: string }
type Row = Metrics & { q: string; hits: number; duplicates: number; unmarked: number }

async function main(): Promise<number> {
  const judgments = JSON.parse(readFileSync(values.queries, 'utf8')) as Judgment[]
  const server = values.url ? undefined : await startDevServer()
  const base = values.url ?? server!.url
  const rows: Row[] = []
  try {
    for (const judgment of judgments) {
      const response = await fetch(`${base}/api/search?${new URLSearchParams({ q: judgment.q, limit: '10' })}`)
      if (!response.ok) throw new Error(`${judgment.q}: HTTP ${response.status} ${await response.text()}`)
      const { hits } = (await response.json()) as { hits: Hit[] }
      const texts = hits.map((hit) => hit.text)
      rows.push({
        q: judgment.q,
        ...evaluate(texts, judgment.relevant),
        hits: hits.length,
        duplicates: hits.length - new Set(hits.map((hit) => hit.id)).size + (texts.length - new Set(texts).size),
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
    console.error('eval failed:', error)
    process.exit(1)
  }
)
