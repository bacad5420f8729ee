import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/** Runs the build CLI on a corpus folder, writing to an index folder. */
function build(corpus: string, out: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/build-index.ts', '--corpus', corpus, '--out', out, ...args], { encoding: 'utf8' })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]))

describe('npm run build:index', () => {
  let work: string
  let corpus: string
  let out: string
  let goodIndex: Record<string, string>

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'build-index-'))
    corpus = join(work, 'corpus')
    out = join(work, 'index')
    cpSync('corpus', corpus, { recursive: true })
    const first = build(corpus, out)
    expect(first.code, first.stderr).toBe(0)
    goodIndex = snapshot(out)
  })

  afterAll(() => rmSync(work, { recursive: true, force: true }))

  it('prints a report per source and the time taken', () => {
    const run = build(corpus, join(work, 'report-index'))
    expect(run.stdout).toMatch(/source\s+lines\s+furniture\s+captions\s+headings\s+joins\s+duplicates\s+paragraphs/)
    expect(run.stdout).toMatch(/bbc-macron-putin-frank-exchange\s+206\s+27\s+5\s+3\s+2\s+25\s+34/)
    expect(run.stdout).toMatch(/macron-putin-press-conference\s+38\s+1\s+0\s+0\s+0\s+0\s+18/)
    expect(run.stdout).toMatch(/written to .* in \d+ ms/)
  })

  it('writes the same bytes as the committed index for the shipped corpus', () => {
    expect(goodIndex).toEqual(snapshot('index'))
  })

  it('skips the build with --if-stale when nothing changed', () => {
    const run = build(corpus, out, '--if-stale')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/index is up to date/)
  })

  it('picks up a new .txt dropped into the corpus', () => {
    const grown = join(work, 'grown')
    cpSync(corpus, grown, { recursive: true })
    writeFileSync(join(grown, 'Kremlin Readout.txt'), 'Kremlin readout of the talks\n\nThe presidents discussed Syria.\n\nThey agreed to meet again.\n')
    const grownOut = join(work, 'grown-index')
    expect(build(grown, grownOut).code).toBe(0)
    const manifest = JSON.parse(readFileSync(join(grownOut, 'manifest.json'), 'utf8'))
    expect(manifest.sources.find((s: { id: string }) => s.id === 'kremlin-readout')).toMatchObject({ title: 'Kremlin readout of the talks', paragraphs: 2 })
    const stale = build(grown, out, '--if-stale')
    expect(stale.stdout).toMatch(/rebuilding the index: the corpus changed/)
    cpSync(join(work, 'report-index'), out, { recursive: true })
  })

  it('copies what the Worker loads into the static assets with --assets, and restores a missing part', () => {
    const assets = join(work, 'assets')
    expect(build(corpus, join(work, 'assets-index'), '--assets', assets).code).toBe(0)
    const listing = JSON.parse(readFileSync(join(assets, '_index', 'parts.json'), 'utf8'))
    expect(listing.indexVersion).toBe(JSON.parse(goodIndex['manifest.json']!).indexVersion)
    const joined = (name: string) => listing.files[name].map((part: string) => readFileSync(join(assets, '_index', part), 'utf8')).join('')
    for (const name of ['vocabulary.json', 'manifest.json']) expect(joined(name), name).toBe(goodIndex[name])
    // The index comes apart into everything but its terms, and its terms in arrays.
    const terms = listing.terms.flatMap((part: string) => JSON.parse(readFileSync(join(assets, '_index', part), 'utf8')))
    expect({ ...JSON.parse(joined('index.json')), index: terms }).toEqual(JSON.parse(goodIndex['index.json']!))
    expect(readdirSync(join(assets, '_index'))).not.toContain('paragraphs.json')

    rmSync(join(assets, '_index', 'vocabulary.json'))
    const run = build(corpus, join(work, 'assets-index'), '--assets', assets, '--if-stale')
    expect(run.stdout).toMatch(/index is up to date/)
    expect(run.stdout).toMatch(/index copied to the static assets/)
    expect(readFileSync(join(assets, '_index', 'vocabulary.json'), 'utf8')).toBe(goodIndex['vocabulary.json'])
  })

  const badInputs: [string, (dir: string) => void, RegExp][] = [
    ['an empty file', (dir) => writeFileSync(join(dir, 'empty.txt'), ''), /empty\.txt: is empty/],
    ['a binary file', (dir) => writeFileSync(join(dir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])), /photo\.txt: is binary/],
    ['a file that is not UTF-8', (dir) => writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Title\nFran\xe7ois said so.\n', 'latin1')), /latin1\.txt: is not valid UTF-8/],
    ['a file with no paragraph', (dir) => writeFileSync(join(dir, 'furniture.txt'), 'Headline\n\n1 of 2 29.05.17, 15:24\n\nAFP\n'), /furniture\.txt: has no paragraph/],
    ['malformed metadata', (dir) => writeFileSync(join(dir, 'sources.json'), '[{"file": "bbc-macron-putin-frank-exchange.txt",}]'), /sources\.json: is not valid JSON/],
    ['metadata that does not fit the schema', (dir) => writeFileSync(join(dir, 'sources.json'), '[{"file": "macron-putin-press-conference.txt", "published": "yesterday"}]'), /sources\.json: malformed metadata: \[0\]\.published/],
    ['metadata naming a missing file', (dir) => writeFileSync(join(dir, 'sources.json'), '[{"file": "missing.txt"}]'), /sources\.json: names missing\.txt, which is not in/],
    [
      'two sources with the same id',
      (dir) => {
        writeFileSync(join(dir, 'macron-putin-press-conference copy.txt'), readFileSync(join(dir, 'macron-putin-press-conference.txt')))
        writeFileSync(join(dir, 'sources.json'), '[{"file": "macron-putin-press-conference.txt", "id": "same"}, {"file": "macron-putin-press-conference copy.txt", "id": "same"}]')
      },
      /has the id "same" \(given in .*sources\.json\), which .* already has/,
    ],
  ]

  for (const [name, spoil, message] of badInputs) {
    it(`stops on ${name}, names the file and keeps the previous index`, () => {
      const dir = mkdtempSync(join(work, 'bad-'))
      cpSync(corpus, dir, { recursive: true })
      spoil(dir)
      const run = build(dir, out)
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(message)
      expect(run.stderr).toMatch(/previous index was left as it was/)
      expect(snapshot(out)).toEqual(goodIndex)
    })
  }
})
