/**
 * @module
 * `npm run eval:related`: builds the index of a corpus in memory (as `npm run build:index` does,
 * WordNet included) and measures its "also reported by" links against labelled same-fact pairs
 * and non-pairs: recall@3 and precision (`scripts/lib/same-fact.ts`). Prints the misses and the
 * wrong links. Exits 1 when recall@3 is below `--min-recall`, 2 when called wrongly.
 *
 * Usage: node scripts/eval-related.ts [--pairs FILE] [--corpus DIR] [--min-recall 0] [--broader] [--glosses] [--json]
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { buildIndex } from '../src/core/build-index.ts'
import type { IndexedParagraph } from '../src/core/index-options.ts'
import { readCorpus } from './lib/index-files.ts'
import { ROOT } from './lib/paths.ts'
import { measureSameFact, parseSameFactLabels } from './lib/same-fact.ts'
import { loadWordNetLexicon } from './lib/wordnet-files.ts'

const USAGE = `Usage: npm run eval:related -- [--pairs FILE] [--corpus DIR] [--min-recall N] [--broader] [--glosses] [--json]

  --pairs FILE     labelled pairs and non-pairs (default: test/fixtures/same-fact/shipped-corpus.json):
                   { "pairs": [{ "a": text, "b": text }], "nonPairs": [...] }, each text (or { "contains": text })
                   found in exactly one paragraph; pairs may also be [a, b]
  --corpus DIR     the corpus they come from (default: the file's "corpus" field, relative to the
                   file or the project, else corpus/)
  --min-recall N   exit 1 when recall@3 is below N (default 0)
  --broader        let WordNet give broader concepts too (off in the build: see ARCHITECTURE.md)
  --glosses        let WordNet give gloss keys too, words of definitions (off in the build: see ARCHITECTURE.md)
  --json           print the result as JSON`

async function main(): Promise<number> {
  let values
  try {
    values = parseArgs({
      options: {
        pairs: { type: 'string', default: join(ROOT, 'test', 'fixtures', 'same-fact', 'shipped-corpus.json') },
        corpus: { type: 'string' },
        'min-recall': { type: 'string', default: '0' },
        json: { type: 'boolean', default: false },
        broader: { type: 'boolean', default: false },
        glosses: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const minRecall = Number(values['min-recall'])
  if (!Number.isFinite(minRecall)) {
    console.error(`--min-recall: not a number\n\n${USAGE}`)
    return 2
  }
  const file = JSON.parse(readFileSync(values.pairs, 'utf8')) as { corpus?: string }
  const labels = parseSameFactLabels(file)
  // The file's "corpus" is relative to the file, else to the project.
  const named = file.corpus ? [resolve(dirname(values.pairs), file.corpus), join(ROOT, file.corpus)].find((dir) => existsSync(dir)) : undefined
  const corpusDir = values.corpus ? resolve(values.corpus) : (named ?? join(ROOT, 'corpus'))
  const { paragraphs } = await buildIndex({ ...(await readCorpus(corpusDir)), lexicon: await loadWordNetLexicon(undefined, { broader: values.broader, glosses: values.glosses }) })
  const result = measureSameFact(paragraphs, labels)
  if (values.json) {
    console.log(JSON.stringify(result, null, 2))
  } else {
    const show = (id: string) => {
      const paragraph = paragraphs.find((p) => p.id === id)!
      return `${paragraph.sourceId}#${paragraph.position} "${paragraph.text.slice(0, 70)}…"`
    }
    console.log(`${result.pairs} pairs, ${result.nonPairs} non-pairs from ${corpusDir}`)
    console.log(`recall@${result.k}  ${result.recallAtK.toFixed(3)}`)
    console.log(`precision ${result.precision.toFixed(3)}`)
    if (result.missed.length) console.log(`\nmissed (partner not in the first ${result.k}):\n${result.missed.map(({ from, to }) => `  ${show(from)}\n    -> ${show(to)}`).join('\n')}`)
    if (result.wrongLinks.length) console.log(`\nlinked non-pairs:\n${result.wrongLinks.map(({ from, to }) => `  ${show(from)}\n    -> ${show(to)}`).join('\n')}`)
  }
  return result.recallAtK < minRecall ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`eval:related failed: ${(error as Error).message}`)
    process.exit(1)
  }
)
