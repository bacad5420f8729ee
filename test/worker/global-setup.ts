/**
 * @module
 * Before the Worker tests: the Worker reads the index from its bundle or its static assets, both
 * copied from `index/` by the build (`npm test` builds first; this covers a bare `vitest run` too).
 * The D1 engine's statements for the same index are handed to the tests (`inject('d1Content')`),
 * which load them into the test D1 database: the conformance suite forces D1 on the shipped corpus.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { d1Content, type D1Content } from '../../src/core/d1-content.ts'
import { readParagraphs } from '../../scripts/lib/index-files.ts'
import { WORKER_INDEX_FILES } from '../../src/core/index-artifacts.ts'
import { gzipBase64, shortPrefixAnswersInMemory } from '../../scripts/lib/d1-load.ts'
import { INDEX_DIR, writeWorkerIndex } from '../../scripts/lib/index-files.ts'
import { ASSETS_DIR, ROOT } from '../../scripts/lib/paths.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The D1 engine's SQL for the shipped index. */
    d1Content: D1Statements
    /** The public relevance queries (`EVAL_QUERIES`, else `../shared/eval/public-queries.json`), or `null` when absent. */
    publicQueries: string | null
  }
}

/** A generation's statements, taken whole (they cross to workerd as data). */
export type D1Statements = Omit<D1Content, 'fill'> & { fill: string[] }

export default async function setup(project: TestProject): Promise<void> {
  await writeWorkerIndex(INDEX_DIR, ASSETS_DIR)
  const read = (name: string) => readFile(join(INDEX_DIR, name), 'utf8')
  const files = { index: await read(WORKER_INDEX_FILES.index), vocabulary: await read(WORKER_INDEX_FILES.vocabulary), manifest: await read(WORKER_INDEX_FILES.manifest) }
  // Every short prefix precomputed (the shipped corpus is too small for any to reach the build's
  // threshold), so the conformance suite checks the precomputed answers too.
  // The meta compressed as the build writes it, so the workerd tests read it as production does.
  const content = d1Content({ paragraphs: readParagraphs(INDEX_DIR), vocabulary: files.vocabulary, manifest: files.manifest, answers: await shortPrefixAnswersInMemory(files, 0), compressMeta: gzipBase64 })
  project.provide('d1Content', { ...content, fill: [...content.fill] })
  const queries = process.env['EVAL_QUERIES'] ?? join(ROOT, '..', 'shared', 'eval', 'public-queries.json')
  project.provide('publicQueries', await readFile(queries, 'utf8').catch(() => null))
}
