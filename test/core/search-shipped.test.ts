/**
 * The search over the shipped corpus, for the behaviours of issue 10. Every expected value was
 * worked out by reading the paragraphs (`index/paragraphs.json` after `npm run build:index`);
 * ids are written `<source>#<position>`, `bbc` for the BBC capture and `pc` for the press
 * conference text.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { SearchHit } from '../../src/core/api-types.ts'
import type { LoadedIndex } from '../../src/core/loaded-index.ts'
import { SEARCH_DEFAULTS, searchParagraphs, type SearchRequest } from '../../src/core/search.ts'
import { shippedIndex } from '../support/shipped-index.ts'

let index: LoadedIndex
beforeAll(async () => {
  index = await shippedIndex()
})

const search = (query: string, options: Partial<SearchRequest> = {}) => searchParagraphs(index, { ...SEARCH_DEFAULTS, limit: 50, query, ...options })
const ref = (hit: SearchHit) => `${hit.source.id.startsWith('bbc') ? 'bbc' : 'pc'}#${hit.position}`
const refs = (query: string, options: Partial<SearchRequest> = {}) => search(query, options).hits.map(ref)

/** The 20 paragraphs that name Putin ("Putin", "Putin's", "Macron-Putin"). */
const PUTIN = ['bbc#1', 'bbc#4', 'bbc#11', 'bbc#14', 'bbc#16', 'bbc#17', 'bbc#18', 'bbc#23', 'bbc#26', 'bbc#29']
  .concat(['pc#0', 'pc#1', 'pc#7', 'pc#10', 'pc#11', 'pc#12', 'pc#13', 'pc#14', 'pc#15', 'pc#16'])
  .sort()

describe('phrases made only of common words (issue 10, item 1)', () => {
  it('finds every paragraph holding the phrase', () => {
    expect(refs('"in the"').sort()).toEqual(['bbc#10', 'bbc#11', 'bbc#15', 'bbc#16', 'bbc#2', 'bbc#23', 'bbc#26', 'bbc#3', 'bbc#9', 'pc#10', 'pc#16', 'pc#3', 'pc#4', 'pc#8'])
    // "the importance of the role", "one of the reasons", "issues of the international agenda",
    // "in front of the Eiffel Tower", "the second round of the election".
    expect(refs('"of the"').sort()).toEqual(['bbc#28', 'pc#11', 'pc#3', 'pc#5', 'pc#8'])
    // "believes it is essential", "It is impossible".
    expect(refs('"it is"').sort()).toEqual(['bbc#0', 'pc#12'])
    expect(refs('"would have been"')).toEqual(['bbc#18'])
  })

  it('marks the phrase where it occurs, as typed', () => {
    const [hit] = search('"would have been"').hits
    const start = hit!.text.indexOf('would have been')
    expect(hit!.matches).toEqual([{ start, end: start + 'would have been'.length, query: 'would have been', match: 'exact' }])
  })
})

describe('typographic operators (item 2)', () => {
  it('reads curly, low and angle quotes as phrase quotes', () => {
    expect(refs('"frank exchange"')).toEqual(['bbc#1'])
    for (const query of ['“frank exchange”', '„frank exchange“', '«frank exchange»', '‘frank exchange’', '« frank exchange »']) {
      expect(refs(query), query).toEqual(['bbc#1'])
    }
  })

  it('reads an en dash, em dash or minus sign before a word as an exclusion', () => {
    // "chemical weapons": bbc#13, pc#5 and pc#6; the latter two name Assad.
    expect(refs('chemical weapons').sort()).toEqual(['bbc#13', 'pc#5', 'pc#6'])
    for (const query of ['chemical weapons -Assad', 'chemical weapons –Assad', 'chemical weapons —Assad', 'chemical weapons −Assad']) {
      expect(refs(query), query).toEqual(['bbc#13'])
    }
  })
})

describe('one folding everywhere (item 3)', () => {
  it('gives the same hits in the same order for apostrophes, full-width letters and invisible characters', () => {
    const plain = refs('Putin')
    expect([...plain].sort()).toEqual(PUTIN)
    for (const query of ["Putin's", 'Putin’s', 'Ｐｕｔｉｎ', 'Pu\u00ADtin', 'Pu\u200Btin', '\uFEFFPutin']) {
      expect(refs(query), JSON.stringify(query)).toEqual(plain)
    }
  })

  it('reports a word typed with a curly apostrophe as an exact match', () => {
    const hit = search('Putin’s').hits.find((h) => ref(h) === 'pc#10')!
    expect(hit.words).toEqual([{ query: 'Putin’s', match: 'exact', forms: ['Putin', "Putin's"], field: 'text' }])
  })
})

describe('a quoted phrase prefers the words as written (item 4)', () => {
  it('puts "internal problems" above "international problems"', () => {
    const result = search('"internal problems"')
    expect(result.hits.map(ref)).toEqual(['pc#12', 'pc#3'])
    expect(result.hits.map((hit) => hit.words[0]!.match)).toEqual(['exact', 'stem'])
  })
})

describe('typing (item 5)', () => {
  it('completes the last word of an unclosed phrase', () => {
    // "red line" occurs in bbc#13, pc#5 and pc#6.
    const result = search('"red lin')
    expect(result.hits.map(ref).sort()).toEqual(['bbc#13', 'pc#5', 'pc#6'])
    for (const hit of result.hits) expect(hit.words).toEqual([{ query: 'red lin', match: 'completion', forms: ['red line'], field: 'text' }])
  })

  it('takes a trailing * as a prefix: "Pu*" finds Putin, pursuing and public', () => {
    const result = search('Pu*')
    // bbc#20 has "pursuing"; pc#7 "public" (and Putin).
    expect(result.hits.map(ref).sort()).toEqual([...PUTIN, 'bbc#20'].sort())
    expect(result.hits.find((hit) => ref(hit) === 'bbc#20')!.words).toEqual([{ query: 'Pu', match: 'completion', forms: ['pursuing'], field: 'text' }])
    // Without the star the word is complete: two letters find nothing.
    expect(search('Pu ').total).toBe(0)
  })

  it('counts a swap of two adjacent letters as one typo', () => {
    const ptuin = search('Ptuin')
    expect(ptuin.hits.map(ref).sort()).toEqual(PUTIN)
    expect(ptuin.corrected).toBe(20)
    expect(ptuin.hits.find((hit) => ref(hit) === 'bbc#1')!.words).toEqual([{ query: 'Ptuin', match: 'typo', forms: ['Putin'], field: 'text' }])
    // 26 paragraphs name Macron (as "Macron", "Macron's" or "Macron-Putin").
    const macorn = search('Macorn')
    expect(macorn.total).toBe(26)
    expect(macorn.hits.every((hit) => hit.text.includes('Macron'))).toBe(true)
  })

  it('gives every paragraph without an excluded word, in document order, when there is nothing else', () => {
    const result = search('-Putin')
    // 52 paragraphs, 20 of which name Putin.
    expect(result.total).toBe(32)
    expect(result.hits.slice(0, 4).map(ref)).toEqual(['bbc#0', 'bbc#2', 'bbc#3', 'bbc#5'])
    expect(result.hits.map((hit) => hit.score)).toEqual(result.hits.map(() => 0))
    expect(result.unmatched).toEqual([])
  })
})

describe('snippets (item 6)', () => {
  it('never cut inside a word, even when one match is longer than the window', () => {
    // bbc#20: … of pursuing "a hybrid strategy combining military intimidation and an information war".
    // The phrase is 72 characters; a 60-character window holds it up to "and an" (56), not "an inf".
    const [hit] = search('"a hybrid strategy combining military intimidation and an information war"', { snippetLength: 60 }).hits
    expect(hit!.snippet).toBe('…<mark>a hybrid strategy combining military intimidation and an</mark>…')
    const start = hit!.text.indexOf('a hybrid')
    expect(hit!.snippetWindow).toEqual({ start, end: start + 56 })
  })
})

describe('honest matches (item 8)', () => {
  it('names the words that matched nothing', () => {
    const result = search('Putin Merkel')
    expect(result.unmatched).toEqual(['Merkel'])
    expect(result.hits.map(ref).sort()).toEqual(PUTIN)
  })

  it('counts corrections apart, with the corrected words', () => {
    // No paragraph has "hacking"; bbc#7 has "back" and bbc#9 "backing", one edit from it (and of one stem).
    const result = search('hacking')
    expect(result.total).toBe(2)
    expect(result.corrected).toBe(2)
    expect(Object.fromEntries(result.hits.map((hit) => [ref(hit), hit.words]))).toEqual({
      'bbc#7': [{ query: 'hacking', match: 'typo', forms: ['back'], field: 'text' }],
      'bbc#9': [{ query: 'hacking', match: 'typo', forms: ['backing'], field: 'text' }],
    })
  })

  it('says how each word matched: exact, stem, completion, in the text, section or title', () => {
    // bbc#13: "But the use of chemical weapons would be a "red line"…", in the section "What did they say about Syria?".
    const hit = search('weapon Syria coopera').hits.find((h) => ref(h) === 'bbc#13')!
    expect(hit.words).toEqual([
      { query: 'weapon', match: 'stem', forms: ['weapons'], field: 'text' },
      { query: 'Syria', match: 'exact', forms: ['Syria'], field: 'section' },
    ])
    // bbc#2 holds "Versailles"; Putin only in the BBC title "France's Macron holds 'frank exchange' with Putin".
    const titled = search('Putin Versailles').hits.find((h) => ref(h) === 'bbc#2')!
    expect(titled.words).toEqual([
      { query: 'Putin', match: 'exact', forms: ['Putin'], field: 'title' },
      { query: 'Versailles', match: 'exact', forms: ['Versailles'], field: 'text' },
    ])
    // pc#4 "…intensifying cooperation with Russia…": the word being typed, completed.
    const completed = search('Russia coopera').hits.find((h) => ref(h) === 'pc#4')!
    expect(completed.words.find((word) => word.query === 'coopera')).toEqual({ query: 'coopera', match: 'completion', forms: ['cooperation'], field: 'text' })
  })
})

describe('questions (item 9)', () => {
  it('lets no function word decide the ranking', () => {
    // what, did, about and the are function words: the question ranks as its other words do.
    expect(refs('what did Putin say about the election')).toEqual(refs('Putin say election'))
    expect(refs('why was Versailles chosen for the meeting')).toEqual(refs('Versailles chosen meeting'))
  })

  it('does not put the heading "What did they say about Syria?" first for a question that shares its function words', () => {
    const hits = search('what did Putin say about the election').hits
    expect(ref(hits[0]!)).not.toBe('bbc#8')
    // bbc#18 is Putin's answer on the election: "…we somehow tried to influence the election…".
    expect(hits.slice(0, 2).map(ref)).toContain('bbc#18')
  })
})

describe('offsets (item 10)', () => {
  it('gives each match as UTF-16 offsets into text, with the query word and how it matched', () => {
    for (const hit of search('Macron weapons "red line"').hits) {
      for (const match of hit.matches) {
        const form = hit.text.slice(match.start, match.end)
        expect(form.length).toBeGreaterThan(0)
        expect(['Macron', 'weapons', 'red line']).toContain(match.query)
        if (match.match === 'exact') expect(form.toLowerCase().replace(/['’]s$/, '')).toBe(match.query.toLowerCase())
      }
    }
  })
})
