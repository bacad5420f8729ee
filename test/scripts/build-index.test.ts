import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { d1Generation } from '../../src/core/index-artifacts.ts'
import { pdfBytes, type PdfPageSpec } from '../support/pdf-bytes.ts'

/** Runs the build CLI on a corpus folder, writing to an index folder. */
function build(corpus: string, out: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/build-index.ts', '--corpus', corpus, '--out', out, ...args], { encoding: 'utf8' })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** A page of a hand-written PDF: a heading and two paragraphs of 10-point text, 12 points apart. */
const textPage = (heading: string, first: string, second: string): PdfPageSpec => ({
  texts: [
    { text: heading, x: 72, y: 760, size: 16, bold: true },
    { text: first, x: 72, y: 720, size: 10 },
    { text: second, x: 72, y: 690, size: 10 },
  ],
})

/** A saved web page with an article of two paragraphs, and the facts its meta tags state. */
const ARTICLE_HTML = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Kremlin readout | Wire</title>
<meta property="og:title" content="Kremlin readout of the talks"><meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2017-05-29T18:00:00Z"><link rel="canonical" href="https://wire.example/kremlin-readout"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Kremlin readout of the talks</h1>
<p>The two presidents discussed the situation in Syria and the fight against terrorism at length, the Kremlin said in a statement released after the talks.</p>
<p>They agreed to keep in regular contact and to meet again before the end of the year, according to the statement, which gave no date for the meeting.</p>
</article><footer><a href="/terms">Terms</a></footer></body></html>`

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

  it('lists its options with --help, and names an unknown option with exit code 2, writing nothing', () => {
    const help = spawnSync(process.execPath, ['scripts/build-index.ts', '--help'], { encoding: 'utf8' })
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('--engine E')
    const wrong = spawnSync(process.execPath, ['scripts/build-index.ts', '--engin', 'd1'], { encoding: 'utf8' })
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toContain("Unknown option '--engin'")
    expect(wrong.stderr).toContain('Usage: npm run build:index')
  })

  it('prints a report per source and the time taken', () => {
    const run = build(corpus, join(work, 'report-index'))
    expect(run.stdout).toMatch(/source\s+lines\s+furniture\s+captions\s+headings\s+joins\s+duplicates\s+paragraphs/)
    expect(run.stdout).toMatch(/bbc-macron-putin-frank-exchange\s+206\s+27\s+5\s+3\s+2\s+25\s+34/)
    expect(run.stdout).toMatch(/macron-putin-press-conference\s+38\s+1\s+0\s+0\s+0\s+0\s+18/)
    expect(run.stdout).toMatch(/written to .* in \d+ ms/)
  })

  it('counts each kind of drop apart in the report', () => {
    const run = build(corpus, join(work, 'drops-index'))
    // The BBC print: the title and its repeats (9), page markers (7), one dateline, credits (7), topics (3).
    expect(run.stdout).toMatch(/dropped\s+title\s+page-number\s+dateline\s+credit\s+topics/)
    expect(run.stdout).toMatch(/bbc-macron-putin-frank-exchange\s+9\s+7\s+1\s+7\s+3\n/)
    expect(run.stdout).toMatch(/macron-putin-press-conference\s+1\s+0\s+0\s+0\s+0\n/)
  })

  it('explains the fate of every line of one source with --explain, writing nothing', () => {
    const target = join(work, 'explained')
    const file = join(work, 'bridge.txt')
    writeFileSync(file, ['Bridge repairs', 'By Lena Marsh', 'Engineers said the old bridge would need', 'Page 2', 'new bearings soon.', '', 'ADVERTISEMENT', 'Engineers said the old bridge would need new bearings soon.'].join('\n'))
    const run = build(corpus, target, '--explain', file)
    expect(run.code, run.stderr).toBe(0)
    expect(existsSync(target)).toBe(false)
    const lines = run.stdout.split('\n')
    const fate = (text: string) => lines.find((line) => line.endsWith(`│ ${text}`))?.replace(/│.*$/, '').trim()
    expect(fate('Bridge repairs')).toBe('1  dropped: title')
    expect(fate('By Lena Marsh')).toBe('2  dropped: byline')
    expect(fate('Engineers said the old bridge would need')).toBe('3  ¶1 body')
    expect(fate('Page 2')).toBe('4  dropped: page-number')
    expect(fate('new bearings soon.')).toBe('5  ¶1 body, joined across a page break')
    expect(fate('')).toBe('6  (blank)')
    expect(fate('ADVERTISEMENT')).toBe('7  dropped: advertisement')
    expect(fate('Engineers said the old bridge would need new bearings soon.')).toBe('8  duplicate of ¶1')
    expect(run.stdout).toContain('by Lena Marsh')
    expect(run.stdout).toContain('¶1 [body] Engineers said the old bridge would need new bearings soon.')
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

  it('picks up a .pdf and a .html dropped into the corpus, with the facts they state, and reports skipped pages', () => {
    const grown = join(work, 'grown-formats')
    cpSync(corpus, grown, { recursive: true })
    writeFileSync(
      join(grown, 'Talks Report.pdf'),
      pdfBytes({
        title: 'Report on the talks',
        pages: [
          textPage('Report on the talks', 'The presidents met at Versailles for three hours on Monday.', 'They spoke about Syria and about Ukraine.'),
          { texts: [], image: true },
        ],
      })
    )
    writeFileSync(join(grown, 'kremlin.html'), ARTICLE_HTML)
    const grownOut = join(work, 'grown-formats-index')
    const run = build(grown, grownOut)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('Talks Report.pdf: skipped page 2 has no text layer (an image only)')
    const manifest = JSON.parse(readFileSync(join(grownOut, 'manifest.json'), 'utf8'))
    const byId = (id: string) => manifest.sources.find((source: { id: string }) => source.id === id)
    expect(byId('talks-report')).toMatchObject({ file: 'Talks Report.pdf', title: 'Report on the talks' })
    expect(byId('talks-report').paragraphs).toBeGreaterThan(0)
    expect(byId('kremlin')).toMatchObject({
      file: 'kremlin.html',
      title: 'Kremlin readout of the talks',
      publisher: 'Example Wire',
      published: '2017-05-29T18:00:00Z',
      url: 'https://wire.example/kremlin-readout',
    })
    expect(byId('kremlin').paragraphs).toBeGreaterThan(0)
  })

  it('reads a UTF-16 text file by its byte-order mark', () => {
    const grown = join(work, 'grown-utf16')
    cpSync(corpus, grown, { recursive: true })
    writeFileSync(join(grown, 'notes.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Notes from Versailles\n\nThe presidents discussed Syria.\n\nThey agreed to meet again.\n', 'utf16le')]))
    const grownOut = join(work, 'grown-utf16-index')
    expect(build(grown, grownOut).code).toBe(0)
    const manifest = JSON.parse(readFileSync(join(grownOut, 'manifest.json'), 'utf8'))
    expect(manifest.sources.find((source: { id: string }) => source.id === 'notes')).toMatchObject({ title: 'Notes from Versailles', paragraphs: 2 })
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

  it('with --engine d1, writes no MiniSearch index, loads the local D1 from the paragraphs in parts, and leaves it alone when it already serves them', () => {
    const project = join(work, 'd1-project')
    const state = join(project, 'state')
    const d1Out = join(project, 'index')
    const run = build(corpus, d1Out, '--engine', 'd1', '--assets', join(project, 'dist', 'assets'), '--d1-persist-to', state)
    expect(run.code, run.stderr).toBe(0)
    const manifest = JSON.parse(readFileSync(join(d1Out, 'manifest.json'), 'utf8'))
    const generation = d1Generation(manifest.indexVersion)
    expect(run.stdout).toContain(`loaded ${generation} into the local D1`)
    expect(readdirSync(d1Out).sort()).toEqual(['manifest.json', 'paragraphs.json', 'vocabulary.json'])
    // The same paragraphs as the MiniSearch build, byte for byte; the Worker's assets hold no index.
    expect(readFileSync(join(d1Out, 'paragraphs.json'), 'utf8')).toBe(goodIndex['paragraphs.json'])
    expect(existsSync(join(project, 'dist', 'assets', '_index'))).toBe(false)
    const parts = JSON.parse(readFileSync(join(project, 'dist', 'd1', generation, 'parts.json'), 'utf8'))
    expect(parts).toEqual({ generation, fill: ['fill-0001.sql'], answers: 'answers.sql' })
    // What the local D1 serves, asked through wrangler as `npm start` reads it.
    const query = spawnSync(
      process.execPath,
      [
        'node_modules/wrangler/bin/wrangler.js',
        'd1',
        'execute',
        'paragraph-search-index',
        '--local',
        '--persist-to',
        state,
        '--json',
        '--command',
        `SELECT (SELECT generation FROM ps_active WHERE id = 1) AS active, (SELECT count(*) FROM ps_docs_${generation}) AS docs, (SELECT count(*) FROM ps_meta_${generation} WHERE key = 'columns') AS columns`,
      ],
      { encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } }
    )
    expect(query.status, query.stderr).toBe(0)
    const [{ results }] = JSON.parse(query.stdout.slice(query.stdout.indexOf('[')))
    expect(results).toEqual([{ active: generation, docs: 52, columns: 1 }])
    const again = build(corpus, d1Out, '--engine', 'd1', '--assets', join(project, 'dist', 'assets'), '--d1-persist-to', state, '--if-stale')
    expect(again.stdout).toContain(`local D1 already serves ${generation}`)
    // The SQL parts gone (a cleaned dist/): written again for the remote load, the served tables left alone.
    rmSync(join(project, 'dist', 'd1'), { recursive: true, force: true })
    const rewritten = build(corpus, d1Out, '--engine', 'd1', '--assets', join(project, 'dist', 'assets'), '--d1-persist-to', state, '--if-stale')
    expect(rewritten.stdout).toContain(`local D1 already serves ${generation}`)
    expect(JSON.parse(readFileSync(join(project, 'dist', 'd1', generation, 'parts.json'), 'utf8'))).toEqual(parts)
  }, 120_000)

  const badInputs: [string, (dir: string) => void, RegExp][] = [
    ['an empty file', (dir) => writeFileSync(join(dir, 'empty.txt'), ''), /empty\.txt: is empty/],
    ['a binary file', (dir) => writeFileSync(join(dir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])), /photo\.txt: is binary/],
    ['a file that is not UTF-8', (dir) => writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Title\nFran\xe7ois said so.\n', 'latin1')), /latin1\.txt: is not valid UTF-8/],
    ['a PDF with no text layer (a scan)', (dir) => writeFileSync(join(dir, 'scan.pdf'), pdfBytes({ pages: [{ texts: [], image: true }] })), /scan\.pdf: has no text layer on any of its 1 page/],
    [
      'an encrypted PDF',
      (dir) => writeFileSync(join(dir, 'locked.pdf'), pdfBytes({ encrypted: true, pages: [textPage('Locked', 'The presidents met.', 'They spoke.')] })),
      /locked\.pdf: is encrypted and needs a password/,
    ],
    [
      'a truncated PDF',
      (dir) => {
        const whole = pdfBytes({ pages: [textPage('Cut', 'The presidents met.', 'They spoke.')] })
        writeFileSync(join(dir, 'cut.pdf'), whole.subarray(0, Math.floor(whole.length * 0.6)))
      },
      /cut\.pdf: is not a readable PDF: it is damaged or truncated/,
    ],
    [
      'an HTML page with no article',
      (dir) => writeFileSync(join(dir, 'sign-in.html'), '<html><head><title>Sign in</title></head><body><nav><a href="/">Home</a></nav><form><input><button>Sign in</button></form></body></html>'),
      /sign-in\.html: holds no article/,
    ],
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
