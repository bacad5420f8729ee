/**
 * Held-out samples of the classes of fault the shared capture fixtures show, with other strings:
 * each test writes a small capture the way the class occurs and the paragraphs worked out by hand.
 */
import { describe, expect, it } from 'vitest'
import { readTextCapture } from '../../../src/core/readers/text.ts'
import { recoverParagraphs, type RecoveryOptions } from '../../../src/core/recovery/recover-paragraphs.ts'

const recover = (lines: string[], options?: RecoveryOptions) => recoverParagraphs(readTextCapture(lines.join('\n')), options)
const texts = (lines: string[], options?: RecoveryOptions) => recover(lines, options).paragraphs.map((p) => p.text)
const kinds = (lines: string[], options?: RecoveryOptions) => recover(lines, options).paragraphs.map((p) => [p.kind, p.text])

const CUT = 'Engineers warned that the old bridge would need'
const REST = 'new bearings within two years, the report said.'
const JOINED = `${CUT} ${REST}`

describe('page markers and browser print headers in common formats', () => {
  const markers = [
    'Page 3 of 8',
    'Seite 2 von 4',
    'p. 2',
    '- 7 -',
    '– 7 –',
    '14',
    '3/8',
    '3 / 8',
    '[2]',
    '2 of 5 04.06.22, 09:41',
    '6/4/22, 9:41 AM Council backs bridge repairs',
    '04/06/2022, 09:41 Council backs bridge repairs',
    '04.06.22, 09:41 Council backs bridge repairs',
    '04/06/2022 09:41 Council backs bridge repairs',
    '2022-06-04 09:41 Council backs bridge repairs',
    '2022/06/04 9:41 Council backs bridge repairs',
    'https://news.example.net/local/bridge-repairs 2/5',
    'http://news.example.net/local/bridge-repairs',
    'www.example.net/local/bridge-repairs 1 of 3',
    'example.net/local/bridge-repairs?id=7',
    'bürgerblatt-easton.de/lokales/brücke',
    'news.example.net/local/bridge-repairs - Page 2 of 3',
    // The word for a page in other languages and abbreviations, and other flanks.
    'Pagina 1 van 2',
    'Sida 2 av 3',
    'Pág. 2',
    'Strona 2 z 3',
    'Страница 2 из 3',
    'S. 2',
    'Page | 2',
    '2 | P a g e',
    '- Page 2 -',
    '-- 2 --',
    '• 2 •',
    '− 2 −',
    '(2)',
    '‐ 2 ‐',
    '--- 2 ---',
    'Stranica 2 od 3',
    'Pagina 2 din 3',
    'Σελίδα 2 από 3',
    '2. oldal',
    '(2/3)',
    '[2/3]',
    // The running title with the page's number beside it.
    'Council backs bridge repairs 2',
    'Council backs bridge repairs | Page 2 of 3',
  ]
  for (const marker of markers) {
    it(`drops "${marker}" and rejoins the paragraph it cut`, () => {
      expect(texts(['Council backs bridge repairs', CUT, marker, REST, 'Work starts in May.'])).toEqual([JOINED, 'Work starts in May.'])
    })
  }

  it('drops a running header found by repetition: the same line opening both pages', () => {
    expect(texts(['Bridge repairs', 'THE LEDGER', 'First paragraph.', CUT, 'Page 2', 'THE LEDGER', REST])).toEqual(['First paragraph.', JOINED])
  })

  it('drops a running footer found by repetition: the same line closing two pages', () => {
    const lines = ['Bridge repairs', 'First paragraph.', 'Subscribe at ledger.example for £1', '- 1 -', 'Second paragraph.', 'Third paragraph.', 'Subscribe at ledger.example for £1', '- 2 -', 'Fourth paragraph.']
    expect(texts(lines)).toEqual(['First paragraph.', 'Second paragraph.', 'Third paragraph.', 'Fourth paragraph.'])
  })

  it('keeps a URL a sentence runs through on a line of its own', () => {
    expect(texts(['Bridge repairs', 'Residents can comment on the plans at', 'easton.gov.uk/consultations/bridge-2021', 'until 30 April, the council said.'])).toEqual([
      'Residents can comment on the plans at easton.gov.uk/consultations/bridge-2021 until 30 April, the council said.',
    ])
  })

  it('keeps a line of text that is a URL closing a sentence, which no footer is', () => {
    expect(texts(['Bridge repairs', 'The engineers’ full report is available at', 'easton.gov.uk/bridge-report.', 'Work starts in May.'])).toEqual([
      'The engineers’ full report is available at easton.gov.uk/bridge-report.',
      'Work starts in May.',
    ])
  })

  it('gives the URL a print footer shows, adding the scheme it left out', () => {
    expect(recover(['Bridge repairs', 'One.', 'news.example.net/local/bridge 1/2', 'Two.']).url).toBe('https://news.example.net/local/bridge')
  })
})

describe('bylines, datelines and timestamps in common formats and languages', () => {
  const cases: [string[], string, string][] = [
    [['By Ana Ruiz and Tom Berg', 'Updated: June 4, 2022 3:20 PM ET'], 'Ana Ruiz and Tom Berg', '2022-06-04'],
    [['BY LENA MARSH', 'Published 4 June 2022'], 'LENA MARSH', '2022-06-04'],
    [['Par Claire Dubois, envoyée spéciale à Lyon', 'Publié le 4 juin 2022 à 15h20'], 'Claire Dubois', '2022-06-04'],
    [['Von Jonas Weber, Hamburg', '4. Juni 2022, 15:20 Uhr'], 'Jonas Weber', '2022-06-04'],
    [['Por María Gómez | Sevilla', '4 de junio de 2022'], 'María Gómez', '2022-06-04'],
    [['Sat 4 Jun 2022 15.20 BST', 'Lena Marsh, Transport correspondent'], 'Lena Marsh', '2022-06-04'],
    [['2 hours ago', 'By Lena Marsh'], 'Lena Marsh', ''],
    [['vor 3 Stunden'], '', ''],
    [['il y a 2 heures'], '', ''],
    [['hace 5 horas'], '', ''],
    [['June 4, 2022 · 4 min read'], '', '2022-06-04'],
    [['SEVILLA - 4 jun 2022 - 15:20 CEST'], '', '2022-06-04'],
    [['Posted on June 4, 2022 by Lena Marsh · 12 Comments'], 'Lena Marsh', '2022-06-04'],
    [['by | Saturday, June 4th 2022'], '', '2022-06-04'],
    // A byline's job and address on lines of their own; bylines and dates in more languages and formats.
    [['By Robin Hale', 'Staff Writer', 'rhale@northbygazette.com', 'March 12, 2021'], 'Robin Hale', '2021-03-12'],
    [['By Robin Hale, Staff Writer', 'rhale@northbygazette.com', 'Updated March 12, 2021'], 'Robin Hale', '2021-03-12'],
    [['By Marco Rossi', '12 aprile 2021'], 'Marco Rossi', '2021-04-12'],
    [['By Eva de Vries', '15 maart 2021'], 'Eva de Vries', '2021-03-15'],
    [['Von Jonas Weber', '12. Jänner 2021, 10:15'], 'Jonas Weber', '2021-01-12'],
    [['Aktualisiert am 12.03.2021-10:15'], '', '2021-03-12'],
    [['12.03.2021 - 10:15 Uhr'], '', '2021-03-12'],
    [['Par Claire Dubois', 'Publié aujourd’hui à 06h00, mis à jour à 10h15'], 'Claire Dubois', ''],
    [['Mis en ligne le 15 mai 2021 à 10h15'], '', '2021-05-15'],
    [['Par Claire Dubois', 'sam. 15 mai 2021 à 10:15'], 'Claire Dubois', '2021-05-15'],
  ]
  for (const [furniture, author, published] of cases) {
    it(`drops ${JSON.stringify(furniture)}, giving author "${author}" and date "${published}"`, () => {
      const result = recover(['Bridge repairs', ...furniture, 'The council voted on Tuesday.', 'Work starts in May.'])
      expect(result.paragraphs.map((p) => [p.kind, p.text])).toEqual([
        ['body', 'The council voted on Tuesday.'],
        ['body', 'Work starts in May.'],
      ])
      expect([result.author, result.published]).toEqual([author, published])
    })
  }

  it('keeps lines that only look like bylines, datelines or a byline’s job: Italian and Dutch prepositions, today and yesterday, a sentence on staff', () => {
    for (const line of ['di Giuseppe Conte, the minister, and his party.', 'door Mark Rutte and his cabinet.']) {
      expect(texts(['Bridge repairs', 'The plan was drawn up in Rome and The Hague, and backed', line]).join(' ')).toContain(line)
    }
    expect(kinds(['Bridge repairs', 'The council voted on Tuesday.', 'Yesterday and today', 'Work starts in May.'])[1]).toEqual(['heading', 'Yesterday and today'])
    expect(kinds(['Bridge repairs', 'June 4, 2022', 'Staff shortages hit the works', 'The council voted on Tuesday.'])[0]).toEqual(['heading', 'Staff shortages hit the works'])
  })

  it('keeps a timeline’s entries and a heading opening with a month, which are no datelines', () => {
    expect(kinds(['Bridge repairs', 'Key dates:', 'March 12: Council vote', 'April 1: Work begins', 'The vote was close.', 'March on the bridge', 'Hundreds walked across on Sunday.'])).toEqual([
      ['body', 'Key dates:'],
      ['list-item', 'March 12: Council vote'],
      ['list-item', 'April 1: Work begins'],
      ['body', 'The vote was close.'],
      ['heading', 'March on the bridge'],
      ['body', 'Hundreds walked across on Sunday.'],
    ])
    expect(texts(['Brücke', 'Die wichtigsten Termine:', '4. Februar: Anhörung der Anwohner', '12. März: Abstimmung im Stadtrat'])).toHaveLength(3)
  })

  it('keeps a sentence opening like a byline, and one naming a person with a clause after, under the headline', () => {
    expect(texts(['Bridge repairs', 'By Christmas Day, the new deck on the bridge will be', 'finished, the council said.'])).toEqual(['By Christmas Day, the new deck on the bridge will be finished, the council said.'])
    expect(texts(['Bridge repairs', 'June 4, 2022', 'Jane Holt, Easton’s mayor, welcomed the result', 'as a turning point for the town.'])).toEqual(['Jane Holt, Easton’s mayor, welcomed the result as a turning point for the town.'])
  })

  it('keeps sentences that open like bylines and datelines', () => {
    const lines = ['Bridge repairs', 'By Monday the road was closed.', 'June 4 was the wettest day of the year.', 'Today the road reopened.', 'Work starts in May.']
    expect(texts(lines)).toEqual(lines.slice(1))
  })
})

describe('web-page furniture by kind', () => {
  const lines = [
    'ADVERTISEMENT',
    'A D V E R T I S E M E N T',
    'AD V ERTISE MENT',
    'Anzeige',
    'Publicité',
    'Continue reading below',
    'Article continues after this advertisement',
    'Share this article',
    'Share on Facebook · Share on X · Copy link',
    'Teilen',
    'Partager sur Facebook',
    'Lire aussi : Le pont fermé jusqu’en mai',
    'Mehr zum Thema: Brücke gesperrt',
    'READ MORE: Bridge closed until May',
    'See also: How the bridge was built',
    'Sign up for our morning newsletter to get the news first.',
    // Controls' labels, reading times and gallery counters, in several languages.
    'Share full article',
    'Listen to this article · 5:12 min',
    'Continue reading the main story',
    'View image in fullscreen',
    'Copy link to article',
    'Ad Feedback',
    'Image 2 of 6',
    'Artikel anhören',
    'Zur Startseite',
    'Lesezeit: 4 Min.',
    'Lire plus tard',
    'Article réservé aux abonnés',
    'Leer más tarde',
    'Lesen Sie mehr',
    'Zum Kommentarbereich',
    'Lee también',
    'Next article',
    'This article is more than 2 years old',
    'Was this article helpful?',
    'Get the latest news delivered to your inbox',
    'Enter your email address',
    // Italian, Dutch and Swedish labels.
    'Pubblicità',
    'Leggi anche: Il ponte chiuso fino a maggio',
    'Condividi',
    'Advertentie',
    'Lees ook: Brug dicht tot mei',
    'Deel dit artikel',
    'Läs också: Bron stängd till maj',
  ]
  for (const line of lines) {
    it(`drops "${line}"`, () => {
      expect(texts(['Bridge repairs', 'The council voted on Tuesday.', line, 'Work starts in May.'])).toEqual(['The council voted on Tuesday.', 'Work starts in May.'])
    })
  }

  // Headings made of a control's words, but naming something else: a control names a part of the page.
  for (const heading of ['Follow the money', 'Save our library', 'Back to school', 'Open letter to the council', 'The full story', 'Close to home', 'Share the load', 'Open to all', 'Die Folgen']) {
    it(`keeps the heading "${heading}"`, () => {
      expect(kinds(['Bridge repairs', 'The council voted on Tuesday.', heading, 'Work starts in May, the council said.'])).toEqual([
        ['body', 'The council voted on Tuesday.'],
        ['heading', heading],
        ['body', 'Work starts in May, the council said.'],
      ])
    })
  }

  it('keeps the tags a "Tags:" line lists as topics, and drops a copyright footer', () => {
    const result = recover(['Bridge repairs', 'The council voted on Tuesday.', 'Tags: bridges, Easton, transport · 4 Comments', 'The Ledger is owned by its readers. © 2022'])
    expect(result.paragraphs.map((p) => p.text)).toEqual(['The council voted on Tuesday.'])
    expect(result.topics).toEqual(['bridges', 'Easton', 'transport'])
  })

  it('drops a most-read list with its links, up to the article text that follows', () => {
    const capture = ['Bridge repairs', 'The council voted on Tuesday.', 'Most popular', 'Mayor opens new library', 'Five walks for the weekend', 'Work starts in May, the council said.']
    expect(recover(capture).report.dropped.related).toBe(3)
    expect(texts(capture)).toEqual(['The council voted on Tuesday.', 'Work starts in May, the council said.'])
  })
})

describe('captions with evidence', () => {
  it('drops a credit in any form under a photo, leaving a sentence above it as body: a photo may carry only a credit', () => {
    const sentence = 'Cyclists crossed the old bridge at dawn on Monday.'
    for (const credit of ['Photograph: Jan Novak/The Ledger', 'Credit...Jan Novak for The Ledger', 'REUTERS/Jan Novak', '(AP Photo/Jan Novak)', '© Jan Novak', 'Photo courtesy of Easton Council', 'AFP']) {
      expect(kinds(['Bridge repairs', 'The council voted on Tuesday.', sentence, credit, 'Work starts in May.'])).toEqual([
        ['body', 'The council voted on Tuesday.'],
        ['body', sentence],
        ['body', 'Work starts in May.'],
      ])
    }
    expect(kinds(['Bridge repairs', 'The council voted on Tuesday.', 'Cyclists cross the old bridge at dawn', 'Credit...Jan Novak for The Ledger', 'Work starts in May.'])[1]).toEqual(['caption', 'Cyclists cross the old bridge at dawn'])
  })

  it('takes the caption above a credit before the line below it, and keeps a sentence opening with Courtesy of', () => {
    expect(kinds(['Bridge repairs', 'The council voted on Tuesday.', 'Cyclists cross the old bridge at dawn', 'Photograph: Jan Novak', 'What happens next', 'Work starts in May.'])).toEqual([
      ['body', 'The council voted on Tuesday.'],
      ['caption', 'Cyclists cross the old bridge at dawn'],
      ['heading', 'What happens next'],
      ['body', 'Work starts in May.'],
    ])
    const sentence = 'Courtesy of a £200,000 grant, the library will also get a new children’s room.'
    expect(texts(['Bridge repairs', 'The council voted on Tuesday.', sentence])).toEqual(['The council voted on Tuesday.', sentence])
  })

  it('joins a caption wrapped over two lines above its credit', () => {
    expect(kinds(['Bridge repairs', 'The council voted on Tuesday.', 'Cyclists cross the old bridge at dawn on the', 'first day of the closure', 'Photograph: Jan Novak', 'Work starts in May.'])).toEqual([
      ['body', 'The council voted on Tuesday.'],
      ['caption', 'Cyclists cross the old bridge at dawn on the first day of the closure'],
      ['body', 'Work starts in May.'],
    ])
  })

  it('splits an outlet named in brackets after a one-sentence caption, and leaves a longer paragraph alone', () => {
    expect(kinds(['Bridge repairs', 'Cyclists cross the old bridge at dawn. (Channel 4 News)', 'Work starts in May.'])[0]).toEqual(['caption', 'Cyclists cross the old bridge at dawn.'])
    const paragraph = 'The council voted on Tuesday. Work starts in May. (Updated Friday)'
    expect(kinds(['Bridge repairs', paragraph])).toEqual([['body', paragraph]])
  })

  it('splits a credit in brackets after the caption', () => {
    expect(kinds(['Bridge repairs', 'Cyclists cross the old bridge at dawn. (AP Photo/Jan Novak)', 'Work starts in May.'])).toEqual([
      ['caption', 'Cyclists cross the old bridge at dawn.'],
      ['body', 'Work starts in May.'],
    ])
  })

  for (const credit of ['Photo: Jan Novak/Reuters', 'Photograph: Jan Novak', 'Foto: dpa', 'Bild: Keystone', 'Getty Images', 'Jan Novak/AFP via Getty Images', '© Jan Novak']) {
    it(`makes a caption of the line before "${credit}"`, () => {
      expect(kinds(['Bridge repairs', 'The council voted on Tuesday.', 'Cyclists cross the old bridge at dawn', credit, 'Work starts in May.'])).toEqual([
        ['body', 'The council voted on Tuesday.'],
        ['caption', 'Cyclists cross the old bridge at dawn'],
        ['body', 'Work starts in May.'],
      ])
    })
  }

  it('splits a credit printed after the caption on the same line', () => {
    expect(kinds(['Bridge repairs', 'Cyclists cross the old bridge at dawn. Photograph: Jan Novak/The Ledger', 'Work starts in May.'])).toEqual([
      ['caption', 'Cyclists cross the old bridge at dawn.'],
      ['body', 'Work starts in May.'],
    ])
  })
})

describe('pull quotes', () => {
  it('drops a pull quote of another paragraph at the top of the page a cut paragraph goes on in, and joins the halves', () => {
    const lines = ['Bridge repairs', 'One resident said: “This plan forgets the cyclists entirely.”', 'Critics said the detour ignored', '2', 'Bridge repairs', '“This plan forgets the cyclists entirely”', 'the town’s schools.', 'Work starts in May.']
    expect(texts(lines)).toEqual(['One resident said: “This plan forgets the cyclists entirely.”', 'Critics said the detour ignored the town’s schools.', 'Work starts in May.'])
  })

  it('drops a pull quote set between the halves of the paragraph it quotes, and joins the halves', () => {
    const lines = ['Bridge repairs', '', 'The engineer said the bridge could not take another winter. “If we wait another year, we will lose the', '', '“If we wait another year, we will lose the whole bridge”', '', 'whole bridge and the road with it,” she said.', '', 'Work starts in May.']
    expect(texts(lines)).toEqual([
      'The engineer said the bridge could not take another winter. “If we wait another year, we will lose the whole bridge and the road with it,” she said.',
      'Work starts in May.',
    ])
  })

  it('drops a quoted line repeating a sentence of the body, in any quotation marks', () => {
    const body = 'Le maire a été clair. « Nous ne pouvons plus attendre un pont parfait », a-t-il dit.'
    expect(texts(['Le pont', body, '« Nous ne pouvons plus attendre un pont parfait »', 'Les travaux commencent en mai.'])).toEqual([body, 'Les travaux commencent en mai.'])
  })

  it('keeps a sentence that repeats part of another paragraph when it is a paragraph of its own', () => {
    const lines = ['Bridge repairs', 'From June, cyclists will be able to use the new lane.', 'The vote was close.', 'Cyclists will be able to use the new lane.']
    expect(texts(lines)).toEqual(lines.slice(1))
  })
})

describe('joins across breaks', () => {
  it('puts back a word hyphenated at a page break when the document writes it whole elsewhere', () => {
    const lines = ['Bridge repairs', 'The infrastructure budget is small.', 'Critics said the infra-', 'Page 2', 'structure plan was late.']
    expect(texts(lines)).toEqual(['The infrastructure budget is small.', 'Critics said the infrastructure plan was late.'])
  })

  it('keeps the hyphen of a compound the document writes with one', () => {
    const lines = ['Bridge repairs', 'A well-known engineer spoke.', 'It was a well-', 'Page 2', 'known problem, she said.']
    expect(texts(lines)).toEqual(['A well-known engineer spoke.', 'It was a well-known problem, she said.'])
  })

  it('joins a sentence cut at a page’s foot where its first half is too long or too punctuated for a heading', () => {
    expect(texts(['Bridge repairs', 'The council voted on Tuesday.', 'The plan was backed by the council leader', '2', 'Bridge repairs', 'Tom Reed and most of his party.'])).toEqual([
      'The council voted on Tuesday.',
      'The plan was backed by the council leader Tom Reed and most of his party.',
    ])
    expect(texts(['Bridge repairs', 'In Easton, drivers said the detour would add', '- 2 -', 'Bridge repairs', '20 minutes to the school run, they said.'])).toEqual([
      'In Easton, drivers said the detour would add 20 minutes to the school run, they said.',
    ])
  })

  it('joins a German sentence cut after a conjunction or preposition at a page’s foot', () => {
    expect(texts(['Brücke gesperrt', 'Die Stadt will die alte Brücke bis', '—2—', 'Brücke gesperrt', '2026 erneuern, sagte ein Sprecher.'])).toEqual(['Die Stadt will die alte Brücke bis 2026 erneuern, sagte ein Sprecher.'])
  })

  it('keeps a short heading, or a question-word one, at a page’s foot apart from the paragraph the next page opens with', () => {
    for (const heading of ['What drivers said', 'Fares, tickets and passes', 'What the new bridge means for people in Easton', 'Residents of Easton divided over the cost of the new bridge']) {
      expect(kinds(['Bridge repairs', 'The council voted on Tuesday.', heading, '2', 'Bridge repairs', 'Most of them backed the plan.'])).toEqual([
        ['body', 'The council voted on Tuesday.'],
        ['heading', heading],
        ['body', 'Most of them backed the plan.'],
      ])
    }
  })

  it('puts back an English word the document does not write whole, though both halves are words', () => {
    const lines = ['Bridge repairs', 'The council met with residents who were out in force.', 'Critics said the vote went ahead with-', 'Page 2', 'out a proper debate.']
    expect(texts(lines)).toEqual(['The council met with residents who were out in force.', 'Critics said the vote went ahead without a proper debate.'])
  })

  it('keeps the hyphen of two English words the document does not write whole, and of names, without a space', () => {
    expect(texts(['Bridge repairs', 'The council called it a long-', 'Page 2', 'term investment.'])).toEqual(['The council called it a long-term investment.'])
    expect(texts(['Bridge repairs', 'The steel came from an Anglo-', 'Page 2', 'French group.'])).toEqual(['The steel came from an Anglo-French group.'])
  })

  it('keeps the hyphen after a number, of a suspended compound and before a word hyphenated itself', () => {
    expect(texts(['Bridge repairs', 'The bridge is a 90-', 'Page 2', 'year-old steel arch.'])).toEqual(['The bridge is a 90-year-old steel arch.'])
    expect(texts(['Brücke', 'Der Bus-', 'Seite 2', 'und Bahnverkehr wird umgeleitet.'])).toEqual(['Der Bus- und Bahnverkehr wird umgeleitet.'])
    expect(texts(['Bridge repairs', 'The steel came from Southend-', 'Page 2', 'on-Sea, the report said.'])).toEqual(['The steel came from Southend-on-Sea, the report said.'])
  })

  it('keeps the hyphen of an English number', () => {
    expect(texts(['Bridge repairs', 'The plan was approved by twenty-', 'Page 2', 'one votes to nine.'])).toEqual(['The plan was approved by twenty-one votes to nine.'])
  })

  it('closes a compound cut at a break in a language that writes compounds closed, though both halves are words', () => {
    const lines = ['Stadtrat beschließt Bahn', 'Die Bahn soll ab 2025 fahren. Auf vielen Straßen der Innenstadt wird es eng.', 'Kritiker sagen, die neue Straßen-', 'Seite 1 von 2', 'bahn sei zu teuer.']
    expect(texts(lines)).toEqual(['Die Bahn soll ab 2025 fahren. Auf vielen Straßen der Innenstadt wird es eng.', 'Kritiker sagen, die neue Straßenbahn sei zu teuer.'])
  })

  it('joins a word cut by a soft hyphen in the line under the headline, which no byline is', () => {
    const lines = ['Stadtrat beschließt neue Brücke', 'Die Pläne der Verkehrs\u00AD', '- 1 -', '\fStadtrat beschließt neue Brücke', 'betriebe sehen einen Takt von zehn Minuten vor.', 'Der Rat stimmt im Mai ab.']
    expect(texts(lines)).toEqual(['Die Pläne der Verkehrsbetriebe sehen einen Takt von zehn Minuten vor.', 'Der Rat stimmt im Mai ab.'])
  })

  it('joins at a soft hyphen without a hyphen', () => {
    expect(texts(['Bridge repairs', 'The council voted for the reno\u00AD', '- 2 -', 'vation of the bridge.'])).toEqual(['The council voted for the renovation of the bridge.'])
  })

  it('does not take an abbreviation at a page end for a sentence end', () => {
    expect(texts(['Bridge repairs', 'The steel came from a mill in St.', 'Page 2 of 2', 'Louis, the report said.'])).toEqual(['The steel came from a mill in St. Louis, the report said.'])
  })

  it('knows the sentence ends and closing quotes of other languages and scripts', () => {
    expect(texts(['Brücke', 'Der Bürgermeister sagte: „Wir warten nicht länger.“', '- 2 -', 'Die Arbeiten beginnen im Mai.'])).toEqual([
      'Der Bürgermeister sagte: „Wir warten nicht länger.“',
      'Die Arbeiten beginnen im Mai.',
    ])
    expect(texts(['Pont', 'Le maire a dit : « Nous n’attendrons plus. »', '- 2 -', 'Les travaux commencent en mai.'])).toHaveLength(2)
    expect(texts(['大桥维修', '市议会周二投票通过了维修计划。', '- 2 -', '工程将于五月开始。'])).toEqual(['市议会周二投票通过了维修计划。', '工程将于五月开始。'])
    expect(kinds(['路面電車の新路線を承認', '市議会は１２日、全長４．５キロの新路線を承認した。', '停留所は１２か所で、２０２４年に着工する。'])).toEqual([
      ['body', '市議会は１２日、全長４．５キロの新路線を承認した。'],
      ['body', '停留所は１２か所で、２０２４年に着工する。'],
    ])
  })

  it('joins CJK text cut at a page break without a space', () => {
    expect(texts(['大桥维修', '市议会周二投票通过了', '- 2 -', '维修计划。'])).toEqual(['市议会周二投票通过了维修计划。'])
  })

  it('moves a note with a plain number, as pdftotext prints a superscript, after the paragraph calling it', () => {
    const lines = ['Bridge repairs', 'The bridge carries 4,000 cars a day3 and two bus routes.', 'The vote was close.', '3. Counted by the council in 2021.']
    expect(texts(lines)).toEqual(['The bridge carries 4,000 cars a day and two bus routes.', 'Counted by the council in 2021.', 'The vote was close.'])
    // Without a marker calling it, a numbered line is text, and G7 keeps its digit.
    expect(texts(['Bridge repairs', 'The G7 met in May.', '7. Leaders agreed on a plan.'])).toEqual(['The G7 met in May.', '7. Leaders agreed on a plan.'])
  })

  it('moves a footnote between the halves of a cut paragraph after the paragraph', () => {
    const lines = ['Bridge repairs', 'The bridge was built under the 1911 act² and carries', '² The act was repealed in 1970.', '- 1 -', 'four thousand cars a day.', 'Work starts in May.']
    expect(texts(lines)).toEqual(['The bridge was built under the 1911 act and carries four thousand cars a day.', 'The act was repealed in 1970.', 'Work starts in May.'])
  })
})

describe('paragraphs from evidence', () => {
  it('joins text a plain-text wrapper wrapped at a count of characters, where a proportional face would have fitted the next word', () => {
    // Wrapped at 57 characters by a greedy wrapper (Python's textwrap); by printed width, the next word would have fitted on a line of it.
    const lines = [
      'Bridge repairs',
      '',
      'The council approved the repairs on Tuesday after a',
      'debate of six hours. The vote was 21 to 9. Drivers said',
      'the detour would add twenty minutes to every journey, and',
      'the mayor called it a hard day for the town.',
      '',
      'Cyclists said the plan ignored paths such as Mill Lane',
      'and Little Bridge Street. They plan to ask the county to',
      'review the decision before work starts.',
      '',
      'The first lorries are due to cross again in 2026.',
    ]
    expect(texts(lines)).toEqual([
      'The council approved the repairs on Tuesday after a debate of six hours. The vote was 21 to 9. Drivers said the detour would add twenty minutes to every journey, and the mayor called it a hard day for the town.',
      'Cyclists said the plan ignored paths such as Mill Lane and Little Bridge Street. They plan to ask the county to review the decision before work starts.',
      'The first lorries are due to cross again in 2026.',
    ])
  })

  it('joins a number a full line wrapped onto the next after a month, which opens no list', () => {
    const lines = ['Bridge repairs', '', 'The council voted on the repairs on Tuesday, and work will start on March', '12. It will take a year and cost £4m, and the bridge will close to all traffic', 'while it lasts, the council said in a statement on Wednesday morning.', '', 'Work starts in May.']
    expect(texts(lines)).toEqual([
      'The council voted on the repairs on Tuesday, and work will start on March 12. It will take a year and cost £4m, and the bridge will close to all traffic while it lasts, the council said in a statement on Wednesday morning.',
      'Work starts in May.',
    ])
  })

  it('joins the lines of a newspaper’s narrow column, and keeps a list of short lines apart', () => {
    const column = [
      'Bridge repairs',
      '',
      'The old bridge will close on',
      'Monday for repairs, the council',
      'said on Friday, after engineers',
      'found cracks in two of its piers.',
      '',
      'Buses will run on a detour from',
      '7 a.m., and cyclists will use the',
      'ferry, which will run every hour.',
    ]
    expect(texts(column)).toEqual([
      'The old bridge will close on Monday for repairs, the council said on Friday, after engineers found cracks in two of its piers.',
      'Buses will run on a detour from 7 a.m., and cyclists will use the ferry, which will run every hour.',
    ])
    expect(texts(['Bridge repairs', 'The closure will affect:', 'the riverside path', 'the bus station', 'the market square', 'Work starts in May.'])).toHaveLength(5)
  })

  it('keeps headings that end in a capital letter or open with a quote, and one before a name written in lower case', () => {
    expect(kinds(['Bridge repairs', 'The council voted on Tuesday.', 'Why the council chose Plan A', 'de Vries, the finance chief, said it was cheaper.'])[1]).toEqual(['heading', 'Why the council chose Plan A'])
    expect(kinds(['Brücke', 'Der Rat stimmte am Dienstag zu.', '»Nie wieder«', 'Die Arbeiten beginnen im Mai.'])[1]).toEqual(['heading', '»Nie wieder«'])
    expect(kinds(['Jobs cut', 'The company will close two warehouses.', 'Sales slow in Europe', 'adidas, which sells most in Europe, said sales fell.'])).toEqual([
      ['body', 'The company will close two warehouses.'],
      ['heading', 'Sales slow in Europe'],
      ['body', 'adidas, which sells most in Europe, said sales fell.'],
    ])
  })

  it('tells a short paragraph ending in a quote or a note’s marker from a heading ending in a quoted phrase', () => {
    expect(kinds(['Brücke', 'Der Rat stimmte am Dienstag zu.', 'Die Bürgermeisterin sagte: »Wir bauen weiter.«', 'Die Arbeiten beginnen im Mai.'])[1]).toEqual(['body', 'Die Bürgermeisterin sagte: »Wir bauen weiter.«'])
    expect(kinds(['Bridge repairs', 'The council voted on Tuesday.', 'It replaces the 1998 agreement.¹', 'Work starts in May.'])[1]![0]).toBe('body')
    expect(kinds(['Le pont', 'Le conseil a voté mardi.', 'Un projet « trop cher »', 'Les travaux commencent en mai.'])[1]).toEqual(['heading', 'Un projet « trop cher »'])
  })

  it('keeps a heading before a paragraph that opens with a name in lower case, whatever the heading ends in', () => {
    const body = (name: string) => `${name}, who leads the opposition group, said members had too little time.`
    expect(kinds(['Bridge repairs', 'The council voted on Tuesday.', 'What the row is about', body('de Vries')])).toEqual([
      ['body', 'The council voted on Tuesday.'],
      ['heading', 'What the row is about'],
      ['body', body('de Vries')],
    ])
    expect(kinds(['Bridge repairs', 'The council voted on Tuesday.', 'Opposition calls vote ‘rushed’', body('van Leeuwen')])).toEqual([
      ['body', 'The council voted on Tuesday.'],
      ['heading', 'Opposition calls vote ‘rushed’'],
      ['body', body('van Leeuwen')],
    ])
  })

  it('joins a line ending in a word that binds to the next to the line after it, though that opens with a capital', () => {
    expect(texts(['Bridge repairs\u2029Engineers said the flood had damaged the\u2028Riverside footbridge.\u2029Work starts in May.\u2029'])).toEqual([
      'Engineers said the flood had damaged the Riverside footbridge.',
      'Work starts in May.',
    ])
    expect(texts(['Bridge repairs', 'Engineers said the flood had damaged the', 'Riverside footbridge.', 'Work starts in May.'])).toEqual(['Engineers said the flood had damaged the Riverside footbridge.', 'Work starts in May.'])
  })

  it('joins a short line to the lower-case line going on with it, unless that opens with a word written in lower case', () => {
    expect(texts(['Bridge repairs', 'The council voted after a debate', 'that lasted six hours.', 'Work starts in May.'])).toEqual(['The council voted after a debate that lasted six hours.', 'Work starts in May.'])
    expect(kinds(['Bridge repairs', 'The council voted on Tuesday.', 'Safety concerns', 'e-scooters will be banned from the bridge, the council said.'])).toEqual([
      ['body', 'The council voted on Tuesday.'],
      ['heading', 'Safety concerns'],
      ['body', 'e-scooters will be banned from the bridge, the council said.'],
    ])
  })

  it('still joins a line cut at a connector to the lower-case line that goes on with it', () => {
    expect(texts(['Bridge repairs', 'The council voted on Tuesday.', 'The cost of the', 'repairs rose by a third.'])).toEqual(['The council voted on Tuesday.', 'The cost of the repairs rose by a third.'])
  })

  it('joins hard-wrapped lines and ends a paragraph at a short line, at a blank line and at an indent', () => {
    const lines = [
      'Bridge repairs',
      '',
      'The council approved the repairs on Tuesday after a long',
      'debate about the cost of closing the bridge for a year.',
      'Cyclists were pleased.',
      '   Drivers were not, and said the detour through the town',
      'would add twenty minutes to every journey in the morning.',
      '',
      'Work starts in May and is meant to be finished by the',
      'end of next year, the council said in a statement.',
    ]
    expect(texts(lines)).toEqual([
      'The council approved the repairs on Tuesday after a long debate about the cost of closing the bridge for a year. Cyclists were pleased.',
      'Drivers were not, and said the detour through the town would add twenty minutes to every journey in the morning.',
      'Work starts in May and is meant to be finished by the end of next year, the council said in a statement.',
    ])
  })

  it('keeps a heading apart from the lower-case paragraph under it in hard-wrapped text', () => {
    const lines = [
      'Bridge repairs',
      '',
      'The council approved the repairs on Tuesday after a long debate',
      'about the cost of closing the bridge to traffic for a whole year.',
      '',
      'Reaction in the town',
      'de Groot, who runs the ferry, said the closure would double his',
      'passengers and that he would add a boat in the mornings to cope.',
    ]
    expect(kinds(lines)).toEqual([
      ['body', 'The council approved the repairs on Tuesday after a long debate about the cost of closing the bridge to traffic for a whole year.'],
      ['heading', 'Reaction in the town'],
      ['body', 'de Groot, who runs the ferry, said the closure would double his passengers and that he would add a boat in the mornings to cope.'],
    ])
  })

  it('takes each line for a paragraph when that is the capture\'s style', () => {
    const lines = ['Bridge repairs', 'The council approved the repairs on Tuesday.', 'Cyclists were pleased', 'Drivers were not.']
    expect(kinds(lines)).toEqual([
      ['body', 'The council approved the repairs on Tuesday.'],
      ['heading', 'Cyclists were pleased'],
      ['body', 'Drivers were not.'],
    ])
  })
})

describe('list items', () => {
  it('keeps a numbered entry wrapped onto a second line whole, its number dropped', () => {
    expect(kinds(['Bridge repairs', 'The plan has three parts.', '1. A new deck, which will carry the buses and a lane for', 'cyclists and walkers', '2. Wider paths', '3. New lights', 'The vote was close.'])).toEqual([
      ['body', 'The plan has three parts.'],
      ['list-item', 'A new deck, which will carry the buses and a lane for cyclists and walkers'],
      ['list-item', 'Wider paths'],
      ['list-item', 'New lights'],
      ['body', 'The vote was close.'],
    ])
  })

  it('keeps a numbered entry cut by a page break whole, the next page going on with a capital', () => {
    expect(kinds(['Bridge repairs', 'The plan has three parts.', '1. A new deck, to be built and paid for by', 'Page 1 of 2', 'Bridge repairs', 'Easton Council', '2. Wider paths', '3. New lights', 'The vote was close.'])).toEqual([
      ['body', 'The plan has three parts.'],
      ['list-item', 'A new deck, to be built and paid for by Easton Council'],
      ['list-item', 'Wider paths'],
      ['list-item', 'New lights'],
      ['body', 'The vote was close.'],
    ])
  })

  it('goes on with a list printed without bullets over a page break', () => {
    expect(kinds(['Bridge repairs', 'The closure will affect:', 'the riverside path', 'the bus station', 'Page 1 of 2', 'Bridge repairs', 'the market square', 'the ferry landing', 'Work starts in May.'])).toEqual([
      ['body', 'The closure will affect:'],
      ['list-item', 'the riverside path'],
      ['list-item', 'the bus station'],
      ['list-item', 'the market square'],
      ['list-item', 'the ferry landing'],
      ['body', 'Work starts in May.'],
    ])
  })

  it('finds bulleted, numbered and unmarked lists and drops the markers', () => {
    expect(kinds(['Bridge repairs', 'What changes:', '• a new deck', '• wider paths', 'Phases:', '1) survey', '2) repair', 'It will close for:', 'ten weeks in summer', 'two weekends in autumn', 'The vote was close.'])).toEqual([
      ['body', 'What changes:'],
      ['list-item', 'a new deck'],
      ['list-item', 'wider paths'],
      ['body', 'Phases:'],
      ['list-item', 'survey'],
      ['list-item', 'repair'],
      ['body', 'It will close for:'],
      ['list-item', 'ten weeks in summer'],
      ['list-item', 'two weekends in autumn'],
      ['body', 'The vote was close.'],
    ])
  })

  it('finds a list printed without bullets or colon: short lines one under the other, under their heading', () => {
    expect(kinds(['Bridge repairs', 'The council voted on Tuesday.', '', 'How to get across', 'Take the ferry from the quay', 'Use the rail bridge footpath', 'Drive round by Easton', 'The vote was close.'])).toEqual([
      ['body', 'The council voted on Tuesday.'],
      ['heading', 'How to get across'],
      ['list-item', 'Take the ferry from the quay'],
      ['list-item', 'Use the rail bridge footpath'],
      ['list-item', 'Drive round by Easton'],
      ['body', 'The vote was close.'],
    ])
  })

  it('finds a list by its indentation past the body text', () => {
    expect(kinds(['Bridge repairs', 'The council voted on Tuesday.', '', 'How to get across', '', '      Take the ferry', '      Use the footpath', '', 'The vote was close.'])).toEqual([
      ['body', 'The council voted on Tuesday.'],
      ['heading', 'How to get across'],
      ['list-item', 'Take the ferry'],
      ['list-item', 'Use the footpath'],
      ['body', 'The vote was close.'],
    ])
  })

  it('does not take a lone number for a list', () => {
    expect(kinds(['Bridge repairs', '1. FC Köln played at home.', 'The vote was close.'])).toEqual([
      ['body', '1. FC Köln played at home.'],
      ['body', 'The vote was close.'],
    ])
  })
})

describe('duplicates by position', () => {
  it('keeps one copy of a capture printed twice, with its page breaks in other places', () => {
    const article = ['The council approved the repairs on Tuesday.', 'Drivers said the detour through the town would add twenty minutes.', 'Work starts in May.']
    const lines = ['Bridge repairs', article[0]!, 'Drivers said the detour through', '- 1 -', 'the town would add twenty minutes.', article[2]!, '- 2 -', 'Bridge repairs', ...article, '- 3 -']
    expect(texts(lines)).toEqual(article)
  })

  it('keeps two paragraphs with the same opening, and a paragraph extending an earlier sentence', () => {
    const lines = ['Bridge repairs', 'The mayor said the plan was sound.', 'The mayor said the plan was sound, but too expensive for the town.', 'The mayor said the plan would wait.']
    expect(texts(lines)).toEqual(lines.slice(1))
  })

  it('keeps a sentence repeated as its own paragraph when it opens with a name in lower case', () => {
    const lines = ['Bridge repairs', 'After the vote, van Leeuwen said the plan had been rushed through.', 'The repairs will cost £4m.', 'van Leeuwen said the plan had been rushed through.']
    expect(texts(lines)).toEqual(lines.slice(1))
  })

  it('still drops the tail of a paragraph printed twice when it opens mid-sentence', () => {
    const lines = ['Bridge repairs', 'After the vote, the mayor said the plan had been rushed through.', 'The repairs will cost £4m.', 'the mayor said the plan had been rushed through.']
    expect(texts(lines)).toEqual(lines.slice(1, 3))
  })
})

describe('stored text and title', () => {
  it('takes a note at a page’s foot out of a hard-wrapped paragraph cut by the page, and its run-on line with it', () => {
    const lines = [
      'Bridge repairs',
      'The old bridge, built under the 1921 roads act¹, will close in June for a year. Buses will run on a detour',
      'through the town centre and along the river road, which the council resurfaced in 2020 for the',
      '¹ The act set the first national standards for bridges and',
      'was repealed in 1980.',
      '1 of 2 6/14/23, 9:02 AM',
      'Bridge repairs',
      'heavy lorries it now carries.',
      'Work starts in May.',
    ]
    expect(texts(lines)).toEqual([
      'The old bridge, built under the 1921 roads act, will close in June for a year. Buses will run on a detour through the town centre and along the river road, which the council resurfaced in 2020 for the heavy lorries it now carries.',
      'The act set the first national standards for bridges and was repealed in 1980.',
      'Work starts in May.',
    ])
  })

  it('keeps a square metre’s ² in a text whose notes number to 2, and places each note after its call', () => {
    const lines = ['Tram line approved', 'The depot covers 3,000 m² of land¹ next to the station.', 'It replaces a route closed under the 1998 agreement².', '¹ Council figures.', '² The agreement expired in 2008.']
    expect(texts(lines)).toEqual([
      'The depot covers 3,000 m² of land next to the station.',
      'Council figures.',
      'It replaces a route closed under the 1998 agreement.',
      'The agreement expired in 2008.',
    ])
  })

  it('keeps fractions, superscripts and other compatibility characters as written, but unties ligatures', () => {
    expect(texts(['Bridge repairs', 'The deck is 2½ m wide and covers 840 m²; the ﬁrst span is ¾ done.'])).toEqual(['The deck is 2½ m wide and covers 840 m²; the first span is ¾ done.'])
  })

  it('keeps the first line as text when the metadata gives another title', () => {
    expect(texts(['The council approved the repairs on Tuesday.', 'Work starts in May.'], { title: 'Bridge repairs' })).toEqual(['The council approved the repairs on Tuesday.', 'Work starts in May.'])
    expect(texts(['Bridge repairs', 'Work starts in May.'], { title: 'Bridge repairs' })).toEqual(['Work starts in May.'])
  })

  it('records the fate of every line', () => {
    const result = recover(['Bridge repairs', CUT, 'Page 2', REST, '', 'ADVERTISEMENT'])
    expect(result.trail.map((line) => line.fates)).toEqual([
      [{ fate: 'dropped', furniture: 'title' }],
      [{ fate: 'kept', paragraph: 0, kind: 'body' }],
      [{ fate: 'dropped', furniture: 'page-number' }],
      [{ fate: 'joined', paragraph: 0, kind: 'body', how: 'across a page break' }],
      [{ fate: 'blank' }],
      [{ fate: 'dropped', furniture: 'advertisement' }],
    ])
  })
})
