import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readTextCapture } from '../../../src/core/readers/text.ts'
import { recoverParagraphs } from '../../../src/core/recovery/recover-paragraphs.ts'

/**
 * The shared capture fixtures: `shared/fixtures/captures/` beside the clone (`../shared` from the
 * repository's root in CI), or beside the nearest folder above it that has one (a worktree);
 * failing that (a clone anywhere else), the copy of them kept in `test/fixtures/shared-captures/`.
 * Each folder's capture must give exactly its expected paragraphs, compared after collapsing
 * Unicode white space, as that folder's README says.
 */
function findFixtures(): string {
  let dir = join(import.meta.dirname, '../../..')
  for (;;) {
    const candidate = join(dir, '..', 'shared', 'fixtures', 'captures')
    if (existsSync(candidate)) return candidate
    if (dirname(dir) === dir) return join(import.meta.dirname, '../../fixtures/shared-captures')
    dir = dirname(dir)
  }
}
const FIXTURES = findFixtures()

type Expected = { paragraphs: { kind: string; text: string }[]; metadata?: { title?: string } }

const collapse = (text: string) => text.replace(/\s+/gu, ' ').trim()

describe('the shared capture fixtures', () => {
  const folders = readdirSync(FIXTURES, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)

  it('are all there', () => {
    expect(folders.length).toBeGreaterThanOrEqual(23)
  })

  it.each(folders)('%s', (folder) => {
    const capture = readTextCapture(readFileSync(join(FIXTURES, folder, 'capture.txt'), 'utf8'))
    const expected = JSON.parse(readFileSync(join(FIXTURES, folder, 'expected.json'), 'utf8')) as Expected
    const result = recoverParagraphs(capture, expected.metadata?.title ? { title: expected.metadata.title } : {})
    expect(result.paragraphs.map((p) => ({ kind: p.kind, text: collapse(p.text) }))).toEqual(
      expected.paragraphs.map((p) => ({ kind: p.kind, text: collapse(p.text) }))
    )
  })
})
