import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_SENTENCES_BACK, peopleNamed, withPronounReferents } from '../../src/core/pronouns.ts'

const people = new Set(['renn', 'kask', 'varga', 'lohan'])

describe('peopleNamed', () => {
  it('names who the texts say speak and who they give a title, by surname, and nobody else', () => {
    const texts = ['Helena Varga said rates would rise.', '"We let them down," explained Jonas Fell.', "Mr Putin's visit ended.", 'Ms Amara Osei runs it.', 'He said Russia and France were close.', 'Velora shares fell.']
    // `He` is no name; Russia, France and Velora are named, but not as people.
    expect([...peopleNamed(texts)].sort()).toEqual(['fell', 'osei', 'putin', 'varga'])
  })
})

describe('withPronounReferents', () => {
  it('reads a pronoun as the first person named in its sentence, or in the nearest sentence before that names one', () => {
    // Hobbs's left-to-right search: the subject Renn, not Kask, the person named last.
    expect(withPronounReferents(['President Alda Renn met Ivo Kask.', 'On Monday he said the talks went well.'], people)).toEqual([
      'President Alda Renn met Ivo Kask.',
      'On Monday he Renn said the talks went well.',
    ])
    // In its own sentence: `Kask said he`; a possessive names the person too.
    expect(withPronounReferents(["Renn left. Kask's aide said he would stay."], people)).toEqual(["Renn left. Kask's aide said he Kask would stay."])
  })

  it('agrees in gender, as `Mr`/`Ms` say or as the pronouns the rule gives a person say by majority', () => {
    expect(withPronounReferents(['Ms Renn met Mr Kask.', 'He said the talks went well.'], people)).toEqual(['Ms Renn met Mr Kask.', 'He Kask said the talks went well.'])
    // Without gender, Varga gets two `she` and one `he`: she is read as a woman, so `He` is Lohan.
    expect(withPronounReferents(['Varga spoke. She was firm. She left.', 'Varga met Lohan. He smiled.'], people)).toEqual([
      'Varga spoke. She Varga was firm. She Varga left.',
      'Varga met Lohan. He Lohan smiled.',
    ])
  })

  it(`leaves alone pronouns in quotations, already named, or with nobody named within ${MAX_SENTENCES_BACK} sentences`, () => {
    expect(withPronounReferents(['Renn said: "He is wrong."', 'He, Kask, agreed.'], people)).toEqual(['Renn said: "He is wrong."', 'He, Kask, agreed.'])
    const far = ['Kask arrived.', 'Rain fell. Wind rose. Trains stopped. Roads shut.', 'He waited.']
    expect(withPronounReferents(far, people)).toEqual(far)
    expect(withPronounReferents(['Bell arrived. He waited.'], people)).toEqual(['Bell arrived. He waited.'])
    // `Mr.` ends no sentence.
    expect(withPronounReferents(['Mr. Kask arrived. He waited.'], people)).toEqual(['Mr. Kask arrived. He Kask waited.'])
  })

  it('only ever adds a known surname right after a pronoun', () => {
    const word = fc.constantFrom('Renn', 'Kask', 'Mr', 'Ms', 'he', 'she', 'He', 'She', 'said', 'the', '"', '“', '”', '.', ',', '!', 'Bell', "Kask's")
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 12 }).map((words) => words.join(' ')), { maxLength: 6 }), (texts) => {
        const out = withPronounReferents(texts, people)
        expect(out).toHaveLength(texts.length)
        out.forEach((text, i) => {
          // Nothing but surnames is added, each right after a pronoun.
          const withoutNames = (x: string) => x.replace(/ (?:Renn|Kask)\b/g, '')
          expect(withoutNames(text)).toBe(withoutNames(texts[i]!))
          const afterPronoun = (x: string) => (x.match(/\b(?:[Hh]e|[Ss]he) (?:Renn|Kask)\b/g) ?? []).length
          const names = (x: string) => (x.match(/ (?:Renn|Kask)\b/g) ?? []).length
          expect(names(text) - names(texts[i]!)).toBe(afterPronoun(text) - afterPronoun(texts[i]!))
        })
      }),
      { numRuns: 300 }
    )
  })
})
