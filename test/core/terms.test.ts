import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { containsFoldedWords, editDistance, foldText, foldWord, hasFoldedWords, isInsideWord, isStopWord, processTerm, tokenize, tokenizeWithOffsets, typoBudget } from '../../src/core/terms.ts'

describe('tokenize', () => {
  it('splits on white space and punctuation, keeping inner apostrophes', () => {
    expect(tokenize(`France's Macron-Putin "talks", 2017: didn't.`)).toEqual(["France's", 'Macron', 'Putin', 'talks', '2017', "didn't"])
  })

  it('keeps letters with diacritics and non-Latin scripts inside words', () => {
    expect(tokenize('Françoise Путин')).toEqual(['Françoise', 'Путин'])
  })

  it('gives offsets that point back at each word', () => {
    expect(tokenizeWithOffsets('a  Versailles!')).toEqual([
      { text: 'a', start: 0, end: 1 },
      { text: 'Versailles', start: 3, end: 13 },
    ])
  })

  it('property: offsets slice the text into the same words tokenize returns', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const tokens = tokenizeWithOffsets(text)
        expect(tokens.map((token) => text.slice(token.start, token.end))).toEqual(tokenize(text))
        for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.start).toBeGreaterThanOrEqual(tokens[i - 1]!.end)
      })
    )
  })
})

describe('term processing', () => {
  it('folds case, diacritics, possessives and apostrophes', () => {
    expect(foldWord('Français')).toBe('francais')
    expect(foldWord("France's")).toBe('france')
    expect(foldWord('didn’t')).toBe('didnt')
  })

  it('stems with Porter2, so inflections meet', () => {
    expect(processTerm('weapons')).toBe(processTerm('weapon'))
    expect(processTerm('cooperation')).toBe(processTerm('cooperate'))
    expect(processTerm('journalists')).toBe('journalist')
    // Porter2 keeps "news" whole where the original Porter stemmer made it "new".
    expect(processTerm('news')).toBe('news')
  })

  it('does not stem numbers or words with digits', () => {
    expect(processTerm('2017')).toBe('2017')
    expect(processTerm('G7')).toBe('g7')
  })

  it('property: processing is case- and accent-insensitive', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), (word) => {
        expect(processTerm(word.toUpperCase())).toBe(processTerm(word))
      })
    )
    expect(processTerm('Éclair')).toBe(processTerm('eclair'))
  })

  it('recognises function words', () => {
    expect(isStopWord('the')).toBe(true)
    expect(isStopWord('putin')).toBe(false)
  })
})

describe('typoBudget', () => {
  it('allows no typo up to 4 letters, one from 5 to 8, two from 9', () => {
    expect([1, 4, 5, 8, 9, 14].map((length) => typoBudget('x'.repeat(length)))).toEqual([0, 0, 1, 1, 2, 2])
  })

  it('counts letters, not UTF-16 units', () => {
    expect(typoBudget('𝒜𝒜𝒜𝒜')).toBe(0)
  })
})

describe('one definition of a word, one folding', () => {
  it('keeps soft hyphens, zero-width characters and combining marks inside a word, and folds them away', () => {
    expect(tokenize('Pu\u00ADtin met Ma\u200Bcron in Franc\u0327ais')).toEqual(['Pu\u00ADtin', 'met', 'Ma\u200Bcron', 'in', 'Franc\u0327ais'])
    expect(['Pu\u00ADtin', 'Ma\u200Bcron', 'Franc\u0327ais', 'Ｐｕｔｉｎ', 'Putin’s', "Putin's", '\uFEFFPutin'].map(foldWord)).toEqual(['putin', 'macron', 'francais', 'putin', 'putin', 'putin', 'putin'])
    expect(processTerm('Ｗｅａｐｏｎｓ')).toBe('weapon')
  })

  it('says whether an offset falls inside a word', () => {
    const text = "pro-Kremlin didn't"
    // p0 r1 o2 -3 K4…n10 space11 d12 … t17
    expect([0, 2, 3, 4, 5, 11, 12, 15, 18].map((at) => isInsideWord(text, at))).toEqual([false, true, false, false, true, false, false, true, false])
  })

  it('counts a swap of adjacent letters as one edit', () => {
    expect(editDistance('ptuin', 'putin', 2)).toBe(1)
    expect(editDistance('macorn', 'macron', 2)).toBe(1)
    expect(editDistance('hacking', 'backing', 2)).toBe(1)
    expect(editDistance('putin', 'putin', 1)).toBe(0)
    // Levenshtein would say 2; bounded at max + 1 past the limit.
    expect(editDistance('abcdef', 'badcfe', 2)).toBe(3)
    expect(editDistance('a', 'abcd', 2)).toBe(3)
  })

  it('lists the Snowball function words, so questions keep only their content', () => {
    expect(['what', 'did', 'about', 'does', 'how', 'why', 'didnt', 'the'].every(isStopWord)).toBe(true)
    expect(['putin', 'say', 'election', 'two'].some(isStopWord)).toBe(false)
  })

  it('leaves out the contractions that fold into other words, and keeps "us"', () => {
    // she'll, he'll, I'll, I'd, we'd, she'd fold to real words a query may need to count.
    expect(['shell', 'hell', 'ill', 'id', 'wed', 'shed'].map((word) => isStopWord(foldWord(word)))).toEqual([false, false, false, false, false, false])
    expect([isStopWord(foldWord("didn't")), isStopWord(foldWord("they'll")), isStopWord('us')]).toEqual([true, true, true])
  })
})

describe('hasFoldedWords', () => {
  it('finds words in the form typed, as foldWord compares them', () => {
    expect(hasFoldedWords(foldText('Ｐｕｔｉｎ’s internal problems'), ['putin'])).toBe(true)
    expect(hasFoldedWords(foldText('Some internal, problems'), ['internal', 'problems'])).toBe(true)
    expect(hasFoldedWords(foldText('international problems'), ['internal', 'problems'])).toBe(false)
    expect(hasFoldedWords(foldText('Putins and l’Elysée'), ['putin'])).toBe(false)
    expect(hasFoldedWords(foldText('Putins and l’Elysée'), ['elysee'])).toBe(false)
    expect(hasFoldedWords(foldText("He didn't"), ['didnt'])).toBe(true)
  })

  it('property: agrees with folding every word of the text', () => {
    const pieces = ['Putin', "Putin's", "putin's's", "Putin's'", 'Putin’s', 'putins', 'PU\u00ADTIN', 'Ｐｕｔｉｎ', "didn't", 'didnt', 'Élysée', 'elysee', "l'Elysée", 'red', 'Red-line', 'line', ',', ' ', '"', '—', '🇫🇷']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.constantFrom('putin', 'didnt', 'elysee', 'red', 'line', 'putins'), (parts, word) => {
        const text = parts.join(' ')
        const expected = tokenize(text).some((token) => foldWord(token) === word)
        expect(hasFoldedWords(foldText(text), [word]), JSON.stringify(text)).toBe(expected)
      })
    )
  })

  it('property: finds the same on the text itself, ASCII or not, without folding a copy', () => {
    const pieces = ['Putin', "Putin's", "PUTIN'S", "putin's's", 'putins', "Putin'", "'Putin", "l'Putin", "didn't", 'didnt', "rock'n'roll", 'rocknroll', 'Élysée', 'Putin’s', 'red', 'Red-line', 'line', ',', ' ', "'", '"', '2017']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.constantFrom(' ', ''), fc.constantFrom(['putin'], ['didnt'], ['rocknroll'], ['red', 'line'], ['putins'], ['2017']), (parts, glue, words) => {
        const text = parts.join(glue)
        expect(containsFoldedWords(text, words), JSON.stringify(text)).toBe(hasFoldedWords(foldText(text), words))
      })
    )
  })
})

