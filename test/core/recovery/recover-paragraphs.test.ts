import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readTextCapture } from '../../../src/core/readers/text.ts'
import { recoverParagraphs as recoverCapture, type RecoveryOptions } from '../../../src/core/recovery/recover-paragraphs.ts'

/** Recovery of a text capture. */
const recoverParagraphs = (raw: string, options?: RecoveryOptions) => recoverCapture(readTextCapture(raw), options)

/** Texts of the recovered paragraphs. */
const texts = (raw: string) => recoverParagraphs(raw).paragraphs.map((p) => p.text)
const MARKER = '2 of 9 01.02.20, 10:00'

describe('recoverParagraphs on small captures', () => {
  it('takes a clean one-paragraph-per-line text as it is, the first line being the title', () => {
    const result = recoverParagraphs('A title\nFirst paragraph.\n\nSecond paragraph.\n')
    expect(result.title).toBe('A title')
    expect(result.paragraphs).toEqual([
      { kind: 'body', section: null, text: 'First paragraph.' },
      { kind: 'body', section: null, text: 'Second paragraph.' },
    ])
  })

  it('drops page markers, running headers, datelines, credits and page chrome', () => {
    const raw = ['A title', '', '53 minutes ago Europe', 'Share this with', 'One.', MARKER, 'A title', 'Image copyright AFP', 'AFP', 'Two.'].join('\n')
    const result = recoverParagraphs(raw)
    expect(result.paragraphs.map((p) => p.text)).toEqual(['One.', 'Two.'])
    expect(result.report.furnitureDropped).toBe(7)
  })

  it('drops a running header other than the title: a short line opening three pages', () => {
    const raw = ['Headline', 'One.', MARKER, 'BBC News', 'Two.', MARKER, 'BBC News', 'Three.', MARKER, 'BBC News', 'Four.'].join('\n')
    expect(texts(raw)).toEqual(['One.', 'Two.', 'Three.', 'Four.'])
  })

  it('strips markup left in the text', () => {
    expect(texts('T\nHe held **him in a clenched handshake** and *te-te* in [Paris](#).')).toEqual([
      'He held him in a clenched handshake and te-te in Paris.',
    ])
  })

  it('rejoins a paragraph cut at a page break, whatever the case of the continuation', () => {
    const raw = ['T', 'Tensions rose over Syria, where France and', MARKER, 'T', 'Russia back opposing sides.', 'He left.'].join('\n\n')
    const result = recoverParagraphs(raw)
    expect(result.paragraphs.map((p) => p.text)).toEqual(['Tensions rose over Syria, where France and Russia back opposing sides.', 'He left.'])
    expect(result.report.joins).toBe(1)
  })

  it('does not join across a mere blank line, unless the next line goes on mid-sentence', () => {
    expect(texts('T\n\nIt ended with the words of\n\nAnother thing happened.')).toEqual(['It ended with the words of', 'Another thing happened.'])
    expect(texts('T\n\nIt ended with the words of\n\nthe speaker.')).toEqual(['It ended with the words of the speaker.'])
  })

  it('does not glue a cut to an unrelated continuation when a fuller copy shows what followed', () => {
    const raw = [
      'T',
      'He accused news outlets Russia Today and Sputnik of',
      'T',
      'have been ratcheted up since rebels carved out a region.',
      'He accused news outlets Russia Today and Sputnik of being "organs of influence".',
    ].join('\n\n')
    expect(texts(raw)).toEqual([
      'He accused news outlets Russia Today and Sputnik of being "organs of influence".',
      'have been ratcheted up since rebels carved out a region.',
    ])
  })

  it('keeps a cut whose continuation is lost as a paragraph of its own', () => {
    const raw = ['T', 'Mr Putin agreed it would achieve "positive results" and', 'Did Russia meddle?', MARKER, 'T', 'Mr Putin appeared to support her.'].join('\n\n')
    const result = recoverParagraphs(raw)
    expect(result.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['body', 'Mr Putin agreed it would achieve "positive results" and'],
      ['heading', 'Did Russia meddle?'],
      ['body', 'Mr Putin appeared to support her.'],
    ])
  })

  it('removes exact repeats and truncated copies, keeping the fullest text where it first appeared', () => {
    const raw = ['T', 'Monday was a test after the G7 talks in Sicily and the summit where he turned on', 'Other news.', 'Monday was a test after the G7 talks in Sicily and the summit where he turned on Mr Trump.', 'Other news.'].join('\n\n')
    const result = recoverParagraphs(raw)
    expect(result.paragraphs.map((p) => p.text)).toEqual(['Monday was a test after the G7 talks in Sicily and the summit where he turned on Mr Trump.', 'Other news.'])
    expect(result.report.duplicatesRemoved).toBe(2)
  })

  it('removes a lowercase tail that repeats the end of a fuller paragraph', () => {
    expect(texts('T\n\nHe promised to establish the truth about local authorities.\n\nthe truth about local authorities.')).toEqual([
      'He promised to establish the truth about local authorities.',
    ])
  })

  it('makes captions of labelled captions, and of the same text printed bare', () => {
    const raw = ['T', 'Mr Macron (right) believes it is essential to talk to Russia', 'Body text.', 'Image copyright Reuters', 'Image caption Mr Macron (right) believes it is essential to talk to Russia'].join('\n\n')
    const result = recoverParagraphs(raw)
    expect(result.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['caption', 'Mr Macron (right) believes it is essential to talk to Russia'],
      ['body', 'Body text.'],
    ])
    expect(result.report.captions).toBe(1)
  })

  it('takes an unpunctuated line right under a photo credit for a caption', () => {
    const raw = ['T', 'REUTERS', 'Marine Le Pen had an audience with President Putin in Moscow in March', 'Body text.'].join('\n\n')
    expect(recoverParagraphs(raw).paragraphs[0]).toEqual({ kind: 'caption', section: null, text: 'Marine Le Pen had an audience with President Putin in Moscow in March' })
  })

  it('does not take text after a page break under a credit for a caption', () => {
    const raw = ['T', 'AFP', MARKER, 'Tensions have also risen over the conflicts in Ukraine and Syria, where France and'].join('\n\n')
    expect(recoverParagraphs(raw).paragraphs[0]!.kind).toBe('body')
  })

  it('recognises section headings and records the section of each paragraph', () => {
    const raw = 'T\nIntro.\nWhat did they say about Syria?\nFrance backs the rebels.\nImage caption A photo\nVigilance over Chechnya\nHe was vigilant.'
    expect(recoverParagraphs(raw).paragraphs).toEqual([
      { kind: 'body', section: null, text: 'Intro.' },
      { kind: 'heading', section: 'What did they say about Syria?', text: 'What did they say about Syria?' },
      { kind: 'body', section: 'What did they say about Syria?', text: 'France backs the rebels.' },
      { kind: 'caption', section: 'What did they say about Syria?', text: 'A photo' },
      { kind: 'heading', section: 'Vigilance over Chechnya', text: 'Vigilance over Chechnya' },
      { kind: 'body', section: 'Vigilance over Chechnya', text: 'He was vigilant.' },
    ])
  })

  it('puts a heading that one printing lost back before the paragraph it introduces', () => {
    // First printing: the heading fell into a page break. Second printing: heading, then paragraphs.
    const raw = ['T', 'Before.', 'They discussed Chechnya.', 'He said France would be vigilant.', MARKER, 'T', 'What else did they talk about?', 'They discussed Chechnya.', 'Afterwards, he left.'].join('\n\n')
    expect(recoverParagraphs(raw).paragraphs.map((p) => [p.kind, p.section, p.text])).toEqual([
      ['body', null, 'Before.'],
      ['heading', 'What else did they talk about?', 'What else did they talk about?'],
      ['body', 'What else did they talk about?', 'They discussed Chechnya.'],
      ['body', 'What else did they talk about?', 'He said France would be vigilant.'],
      ['body', 'What else did they talk about?', 'Afterwards, he left.'],
    ])
  })

  it('marks editorial comments', () => {
    expect(recoverParagraphs('T\nComment: Probably not.').paragraphs[0]!.kind).toBe('comment')
  })

  it('keeps Related Topics tags as metadata, not paragraphs', () => {
    const result = recoverParagraphs('T\nBody.\nRelated Topics\nEmmanuel Macron Russia\nFrance elections 2017\nTies became strained.')
    expect(result.topics).toEqual(['Emmanuel Macron Russia', 'France elections 2017'])
    expect(result.paragraphs.map((p) => p.text)).toEqual(['Body.', 'Ties became strained.'])
  })

  it('finds the URL a print footer shows', () => {
    expect(recoverParagraphs('T\nhttps://example.com/news/1\nBody.').url).toBe('https://example.com/news/1')
  })

  it('property: furniture sprinkled into an article and a second printing leave exactly the article', () => {
    const word = fc.constantFrom('macron', 'putin', 'talks', 'syria', 'france', 'russia', 'palace', 'said', 'would', 'leaders', 'media')
    const sentence = fc
      .array(word, { minLength: 5, maxLength: 12 })
      .map((words) => words.join(' '))
      .map((text) => text[0]!.toUpperCase() + text.slice(1) + '.')
    const furniture = fc.constantFrom(MARKER, 'The Title', 'Image copyright AFP', 'AFP', '53 minutes ago Europe', '', ' ')
    fc.assert(
      fc.property(fc.uniqueArray(sentence, { minLength: 1, maxLength: 8 }), fc.array(furniture, { minLength: 16, maxLength: 16 }), fc.boolean(), (sentences, noise, printTwice) => {
        const lines = ['The Title']
        const printing = printTwice ? [...sentences, ...sentences] : sentences
        printing.forEach((text, i) => lines.push(noise[i % noise.length]!, text))
        expect(texts(lines.join('\n'))).toEqual(sentences)
      })
    )
  })
  it('property: a twice-printed article with paragraphs cut at page breaks comes back whole, each paragraph once', () => {
    const vocabulary = 'macron putin talks syria france russia palace said would leaders media press sanctions election ukraine rebels kremlin summit versailles chechnya terrorism journalists propaganda exhibition'.split(' ')
    // Words of a sentence in some order, none twice: text, not a stutter.
    const sentence = fc
      .shuffledSubarray(vocabulary, { minLength: 6, maxLength: 16 })
      .map((words) => words.join(' '))
      .map((text) => text[0]!.toUpperCase() + text.slice(1) + '.')
    fc.assert(
      // Paragraphs of a real article rarely share their first three words.
      fc.property(fc.uniqueArray(sentence, { minLength: 2, maxLength: 7, selector: (s) => s.split(' ').slice(0, 3).join(' ') }), fc.array(fc.nat(), { minLength: 14, maxLength: 14 }), (sentences, cuts) => {
        const lines = ['The Title']
        let page = 1
        const pageBreak = () => lines.push(`${page++} of 9 29.05.17, 15:24`, 'The Title')
        for (const print of [0, 1]) {
          sentences.forEach((text, i) => {
            const words = text.split(' ')
            const cut = cuts[print * 7 + i]! % (words.length + 2)
            if (cut >= 1 && cut < words.length) {
              lines.push(words.slice(0, cut).join(' '))
              pageBreak()
              lines.push(words.slice(cut).join(' '))
            } else {
              lines.push(text)
            }
          })
          pageBreak()
        }
        expect(texts(lines.join('\n\n'))).toEqual(sentences)
      }),
      { numRuns: 500 }
    )
  })
})

describe('recoverParagraphs on the shipped corpus', () => {
  const bbc = recoverParagraphs(readFileSync('corpus/bbc-macron-putin-frank-exchange.txt', 'utf8'))
  const second = recoverParagraphs(readFileSync('corpus/macron-putin-press-conference.txt', 'utf8'))
  const count = (kind: string) => bbc.paragraphs.filter((p) => p.kind === kind).length
  const find = (start: string) => bbc.paragraphs.filter((p) => p.text.startsWith(start))

  it('recovers 26 body paragraphs, 5 captions and 3 headings from the BBC print, and nothing else', () => {
    expect([count('body'), count('caption'), count('heading'), bbc.paragraphs.length]).toEqual([26, 5, 3, 34])
    expect(bbc.title).toBe("France's Macron holds 'frank exchange' with Putin")
  })

  it('keeps every paragraph exactly once', () => {
    const keys = bbc.paragraphs.map((p) => p.text.toLowerCase())
    expect(new Set(keys).size).toBe(keys.length)
    for (const a of keys) for (const b of keys) if (a !== b) expect(b.startsWith(a), `${a} is a truncated copy`).toBe(false)
  })

  it('leaves no page furniture in the text', () => {
    for (const { text } of bbc.paragraphs) {
      expect(text).not.toMatch(/\d+ of \d+ \d\d\.\d\d\.\d\d|Image copyright|Image caption|Media caption|^AFP$|^REUTERS$|minutes ago|\*\*|\]\(#\)/)
      expect(text).not.toBe(bbc.title)
    }
  })

  it('rejoins the paragraph cut at the page break', () => {
    expect(find('Tensions have also risen').map((p) => p.text)).toEqual([
      'Tensions have also risen over the conflicts in Ukraine and Syria, where France and Russia back opposing sides.',
    ])
    expect(find('President Macron said they discussed')[0]!.text).toMatch(/whole truth about the activities of local authorities"\.$/)
  })

  it('does not glue "Sputnik of" to "have been ratcheted up"', () => {
    expect(find('On Monday he accused').map((p) => p.text)).toEqual([
      'On Monday he accused pro-Kremlin news outlets Russia Today and Sputnik of being "organs of influence and propaganda" against him.',
    ])
    expect(find('have been ratcheted up since')).toHaveLength(1)
  })

  it('keeps the cut whose continuation is lost as its own paragraph', () => {
    expect(find('Mr Putin agreed that uniting against terrorism').map((p) => p.text)).toEqual([
      'Mr Putin agreed that uniting against terrorism would achieve "positive results" and',
    ])
  })

  it('finds the five captions, labelled or bare, and the three headings with their sections', () => {
    expect(bbc.paragraphs.filter((p) => p.kind === 'caption').map((p) => p.text)).toEqual([
      'Mr Macron (right) believes it is essential to talk to Russia',
      'The first Macron-Putin te-te took place in the royal splendour of Versailles',
      'Marine Le Pen had an audience with President Putin in Moscow in March',
      'Amnesty International activists staged a protest in front of the Eiffel Tower on Monday, calling for an end to homophobia in Chechnya',
      "Donald Trump's handshakes with world leaders have been closely watched",
    ])
    expect(bbc.paragraphs.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual([
      'What did they say about Syria?',
      'Did Russia meddle in the French election?',
      'What else did they talk about?',
    ])
    expect(find('France is in the coalition')[0]!.section).toBe('What did they say about Syria?')
    expect(find('Mr Putin appeared to support')[0]!.section).toBe('Did Russia meddle in the French election?')
    expect(find('He said France would remain')[0]!.section).toBe('What else did they talk about?')
    expect(find('French President Emmanuel Macron says')[0]!.section).toBeNull()
  })

  it('keeps the Related Topics tags as source metadata', () => {
    expect(bbc.topics).toEqual(['Emmanuel Macron Russia Marine Le Pen France', 'Vladimir Putin France elections 2017'])
  })

  it('recovers the 18 paragraphs of the second source, the comment as a comment', () => {
    expect(second.paragraphs).toHaveLength(18)
    expect(second.title).toBe('Putin and Macron press conference')
    expect(second.paragraphs.filter((p) => p.kind === 'comment').map((p) => p.text)).toEqual([
      'Comment: Since the use of chemical weapons in Syria is by the terrorists, not Assad, then France\'s "red line" is against ISIS? Probably not.',
    ])
    expect(second.paragraphs.filter((p) => p.kind !== 'comment').every((p) => p.kind === 'body')).toBe(true)
  })
})
