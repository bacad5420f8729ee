/**
 * @module
 * Web-page furniture by kind: the lines a saved or printed news page carries around its article
 * (bylines, datelines and timestamps, photo credits, advertisement, share, read-more, related and
 * most-read lines, navigation). Each function looks at one cleaned line. The word lists cover
 * English, French, German and Spanish, the languages of the captures seen, and the advertisement,
 * read-more and share labels of Italian, Dutch and the Scandinavian languages; a new language is a
 * new row, not a new rule.
 */

import { endsWithConnector } from './text-shape.ts'

/**
 * Month names and their short forms, in English, French, German (Austria's too), Spanish, Italian,
 * Portuguese and Dutch (lower case; a new language is a new word on each row).
 */
const MONTHS: ReadonlyMap<string, number> = new Map(
  (
    [
      'january jan janvier janv januar jän jänner enero ene gennaio genn janeiro januari',
      'february feb février févr fevrier februar feber febrero febbraio febbr fevereiro fev februari',
      'march mar mars märz maerz marzo março maart mrt',
      'april apr avril avr abril abr aprile',
      'may mai mayo maggio magg maio mei',
      'june jun juin juni junio giugno junho',
      'july jul juillet juil juli julio luglio julho',
      'august aug août aout agosto ago augustus',
      'september sep sept septembre septiembre setiembre settembre sett setembro set',
      'october oct octobre oktober okt octubre ottobre ott outubro out',
      'november nov novembre noviembre novembro',
      'december dec décembre decembre dezember dez diciembre dic dicembre dezembro',
    ] as const
  ).flatMap((names, month) => names.split(' ').map((name) => [name, month + 1] as const))
)

/**
 * Whether `word` names a month, whole or short, in the languages above (`March`, `mars`, `Okt`).
 *
 * @example
 * isMonthName('March') // => true
 */
export function isMonthName(word: string): boolean {
  return MONTHS.has(word.toLowerCase().replace(/\.$/, ''))
}

const WEEKDAYS = new Set(
  (
    'monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat sunday sun ' +
    'lundi mardi mercredi jeudi vendredi samedi dimanche lun mer jeu ven sam dim ' +
    'montag dienstag mittwoch donnerstag freitag samstag sonntag mo di mi do fr sa so ' +
    'lunes martes miércoles miercoles jueves viernes sábado sabado domingo'
  ).split(' ')
)

/** Words that name today or yesterday: beside a time, a dateline with one of them and no other date still dates the article. */
const RELATIVE_DAYS = new Set(['today', 'yesterday', 'aujourd’hui', "aujourd'hui", 'hier', 'heute', 'gestern', 'hoy', 'ayer', 'oggi', 'ieri'])

/** Words a dateline may carry around its date: labels, prepositions, time zones, units, the days of {@link RELATIVE_DAYS}. */
const DATELINE_WORDS = new Set([
  ...RELATIVE_DAYS,
  ...(
    'published updated posted last modified first on at am um à a le el de del the ' +
    'publié publiée mis à jour modifié le veröffentlicht aktualisiert zuletzt stand erstellt ' +
    'publicado actualizado actualizada fecha ' +
    'est edt cst cdt mst mdt pst pdt et ct pt gmt bst utc cet cest mez mesz ist jst aest ' +
    'uhr h hs hrs a.m. p.m. am pm ' +
    'read min mins minute minutes lecture lesezeit lectura temps de ' +
    'y und et and e en ligne am il del'
  ).split(' '),
])


const RELATIVE_TIME = [
  // English: `5 hours ago`, `an hour ago`
  /^(?:(?:published|updated|posted|last updated)\s*:?\s*)?(?:\d+|an?|one)\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|month|year)s?\s+ago\b/i,
  // French: `il y a 3 heures`
  /^(?:(?:publié|mis à jour)\s*)?il y a\s+(?:\d+|une?)\s+(?:seconde|minute|heure|jour|semaine|mois|an)s?\b/i,
  // German: `vor 3 Stunden`
  /^(?:(?:veröffentlicht|aktualisiert)\s*)?vor\s+(?:\d+|einer|einem)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)\b/i,
  // Spanish: `hace 3 horas`
  /^(?:(?:publicado|actualizado)\s*)?hace\s+(?:\d+|una?)\s+(?:segundo|minuto|hora|día|dia|semana|mes|año)(?:e?s)?\b/i,
]

/** A dateline as recovered: the date when one can be read, and any section label after it. */
export type Dateline = {
  /** ISO date `YYYY-MM-DD`, or `''` when the line says no full date (`5 hours ago`). */
  date: string
  /** A section label printed after the date (`53 minutes ago Europe` → `Europe`), or `''`. */
  label: string
  /** The author a dateline names (`Posted on 2 May 2021 by Jane Doe`), when it does. */
  author?: string
}

/** Up to three capitalised words after a relative time: a section label (`Europe`, `Middle East`). */
const LABEL = /^(?<label>\p{Lu}[\p{L}&'-]*(?:\s+[\p{L}&'-]+){0,2})$/u

/**
 * Reads a dateline or timestamp line in a common format and language (`29 May 2017`,
 * `March 12, 2021 at 10:15 a.m. EST`, `12. März 2021`, `15 mai 2021`, `15 de mayo de 2021`,
 * `Updated 12/03/2021 10:15 GMT`, `Fri 12 Mar 2021 10.15 GMT`, `5 hours ago`, `il y a 3 heures`),
 * or returns `null` when the line is anything else. A line is a dateline when nothing is left
 * once its date, time, labels and time zone are taken away.
 *
 * @example
 * readDateline('March 12, 2021 at 10:15 a.m. EST') // => { date: '2021-03-12', label: '' }
 * readDateline('53 minutes ago Europe')            // => { date: '', label: 'Europe' }
 * readDateline('29 May 2017 Macron met Putin at Versailles') // => null (a sentence, not a label)
 */
export function readDateline(line: string): Dateline | null {
  if (line.length > 160) return null
  // A date then a colon introduces what happens on it (`March 12: Council vote`, `4. Februar:
  // Anhörung`): an entry of a timeline, no dateline.
  const event = /^(?<date>[^:]{1,40}?):\s+(?<what>\S.*)$/u.exec(line)
  if (event && /\d/.test(event.groups!['date']!) && readAbsoluteDateline(event.groups!['date']!) !== null && readOneDateline(event.groups!['what']!) === null && readTime(event.groups!['what']!) === null) return null
  // `May 3, 2024 9:42 AM UTC · Updated 2 hours ago`, `Published … | Updated …`: every part a dateline.
  const parts = line.split(/\s+[·|•]\s+/)
  if (parts.length > 1) return readDateParts(parts)
  return readOneDateline(line) ?? readPlacedDateline(line)
}

/** A dateline after the place it was filed from: `VALDEMAR - 18 abr 2024 - 07:30 CEST`, `Berlin, 4. Juni 2022`. */
function readPlacedDateline(line: string): Dateline | null {
  const placed = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}\s*(?:[-–—|,·]\s*)(?<rest>.+)$/u.exec(line)
  if (!placed) return null
  return readDateParts(placed.groups!['rest']!.split(/\s+[-–—|·]\s+/))
}

/**
 * Parts of a dateline, each a date (perhaps with its author), a time, a reading time or a count of
 * comments, one at least a date; or `null`.
 */
function readDateParts(parts: readonly string[]): Dateline | null {
  const read = parts.map((part) => readDatedByline(part) ?? readReadingTime(part) ?? readTime(part) ?? readCommentCount(part) ?? readEmptyByline(part))
  if (read.some((part) => part === null) || read.every((part) => part === TIME_ONLY)) return null
  const author = read.find((part) => part!.author)?.author
  const dateline: Dateline = { date: read.find((part) => part!.date !== '')?.date ?? '', label: '' }
  if (author) dateline.author = author
  return dateline
}

/** A date and its author: `Posted on October 2, 2021 by Jane Doe`, `4 juin 2022 par Claire Dubois`. */
function readDatedByline(part: string): Dateline | null {
  const plain = readOneDateline(part)
  if (plain !== null) return plain
  const split = /^(?<date>.+?)\s+(?<byline>(?:by|par|von|por)\s+.+)$/u.exec(part)
  if (!split) return null
  const date = readOneDateline(split.groups!['date']!)
  const author = bylineAuthor(split.groups!['byline']!.replace(/^./, (first) => first.toUpperCase()))
  return date !== null && author !== null ? { ...date, author } : null
}

/** A byline's word left without its name (`by | Thursday, February 8th 2024`). */
function readEmptyByline(part: string): Dateline | null {
  return /^(?:by|par|von|por)$/i.test(part.trim()) ? TIME_ONLY : null
}

/** `6 Comments`, `12 Kommentare`, `3 commentaires`, `5 comentarios`. */
function readCommentCount(part: string): Dateline | null {
  return /^\d+\s+(?:comments?|kommentare?|commentaires?|comentarios?)$/i.test(part.trim()) ? TIME_ONLY : null
}

const TIME_ONLY: Dateline = { date: '', label: '' }

/** A time alone, with its zone: `07:30 CEST`, `9.41am GMT`, `15h20`. */
function readTime(part: string): Dateline | null {
  return /^\d{1,2}(?:[:.h]\d{2}){1,2}\s*(?:[ap]\.?m\.?)?\s*(?:uhr|h|[A-Z]{2,5})?$/i.test(part.trim()) ? TIME_ONLY : null
}

/** `3 min read`, `Lesezeit: 9 Min.`, `Temps de lecture : 4 min`, `Lectura: 5 minutos`. */
function readReadingTime(part: string): Dateline | null {
  const reading = /^(?:\d+\s*(?:min(?:ute)?s?\.?)\s*(?:read|lesezeit|de lecture|de lectura)|(?:reading time|lesezeit|temps de lecture|lectura|tiempo de lectura)\s*:?\s*\d+\s*(?:min(?:ute)?s?|minuten|minutos)\.?)$/i
  return reading.test(part.trim()) ? { date: '', label: '' } : null
}

function readOneDateline(line: string): Dateline | null {
  for (const pattern of RELATIVE_TIME) {
    const match = pattern.exec(line)
    if (!match) continue
    const rest = line.slice(match[0].length).replace(/^[\s·|,•–-]+/, '').trim()
    if (rest === '') return { date: '', label: '' }
    const label = LABEL.exec(rest)?.groups?.['label']
    return label !== undefined ? { date: '', label } : null
  }
  return readAbsoluteDateline(line)
}

type DateParts = { day?: number; month?: number; year?: number }

function readAbsoluteDateline(line: string): Dateline | null {
  const tokens = line
    .replace(/[|·•,()[\]–—]/g, ' ')
    // A time glued to its date by a hyphen (`12.03.2021-10:15`), and a hyphen between them (`12.03.2021 - 10:15 Uhr`).
    .replace(/(\d)-(\d{1,2}[:.h]\d{2})/g, '$1 $2')
    .split(/\s+/)
    .filter((token) => token !== '' && token !== '-')
  const parts: DateParts = {}
  let sawDate = false
  let labelFrom = -1
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    const word = token.toLowerCase().replace(/:$/, '')
    const bare = word.replace(/\.$/, '')
    const month = MONTHS.get(bare)
    if (month !== undefined) {
      parts.month ??= month
      sawDate = true
      continue
    }
    // `Publié aujourd’hui à 06h00`, `Heute, 10:15 Uhr`: a day named beside a time, not alone (`Yesterday and today`).
    if (RELATIVE_DAYS.has(bare) && /\d/.test(line)) sawDate = true
    if (WEEKDAYS.has(bare) || DATELINE_WORDS.has(word) || DATELINE_WORDS.has(bare)) continue
    if (/^\d{1,2}\.?$/.test(word) || /^\d{1,2}(?:st|nd|rd|th|er|º|°)$/.test(word)) {
      parts.day ??= Number.parseInt(word, 10)
      continue
    }
    if (/^(?:1[89]|20)\d\d\.?$/.test(word)) {
      parts.year ??= Number.parseInt(word, 10)
      continue
    }
    const numeric = /^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})\.?$/.exec(word)
    if (numeric) {
      Object.assign(parts, numericDate(numeric[1]!, numeric[2]!, numeric[3]!))
      sawDate = true
      continue
    }
    if (/^\d{4}-\d{2}-\d{2}t[\d:.+z-]*$/.test(word)) {
      Object.assign(parts, numericDate(word.slice(0, 4), word.slice(5, 7), word.slice(8, 10)))
      sawDate = true
      continue
    }
    if (/^\d{1,2}(?:[:.h]\d{2}){1,2}(?:[ap]\.?m\.?)?(?:uhr|h)?$/.test(word)) continue
    if (/^[ap]\.?m\.?$/.test(word)) continue
    // What is left after the date may be a short section label, as in `29 May 2017 Europe`.
    if (sawDate && /^\p{Lu}/u.test(token)) {
      labelFrom = i
      break
    }
    return null
  }
  if (!sawDate) return null
  // A month alone is a word (`March on City Hall`); a date is one with its day or year.
  if (parts.month !== undefined && parts.day === undefined && parts.year === undefined && !/\d/.test(line)) return null
  let label = ''
  if (labelFrom >= 0) {
    label = tokens.slice(labelFrom).join(' ')
    if (!LABEL.test(label)) return null
  }
  const { day, month, year } = parts
  const date = day && month && year && day <= 31 && month <= 12 ? `${year}-${pad(month)}-${pad(day)}` : ''
  return { date, label }
}

/** Day, month and year of a numeric date, `YYYY-MM-DD` or day first (`12.03.2021`, `12/03/21`). */
function numericDate(a: string, b: string, c: string): DateParts {
  if (a.length === 4) return { year: Number(a), month: Number(b), day: Number(c) }
  const year = c.length === 2 ? 2000 + Number(c) : Number(c)
  // Day first is the common order outside the US; a first number over 12 can only be a day, a
  // second number over 12 only a day (US order).
  if (Number(b) > 12) return { year, month: Number(a), day: Number(b) }
  return { year, month: Number(b), day: Number(a) }
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

/**
 * Parses a dateline (`53 minutes ago Europe`); returns the section label it carries, `''` when it
 * has none, or `null` when the line is not a dateline.
 *
 * @example
 * parseDateline('53 minutes ago Europe') // => 'Europe'
 * parseDateline('Macron met Putin')      // => null
 */
export function parseDateline(line: string): string | null {
  return readDateline(line)?.label ?? null
}

/** A name: two to five capitalised words, initials, particles (`van`, `de`) and hyphens allowed. */
const NAME = String.raw`(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)(?:\s+(?:(?:van|von|der|den|de|del|da|di|du|le|la|bin|ibn|al|y)\s+)*(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)){1,4}`
const NAMES = String.raw`${NAME}(?:\s*(?:&|and|und|et|y|e)\s+${NAME})*`
const BYLINE = new RegExp(
  String.raw`^(?:(?:[Ww]ritten|[Ww]ords|[Ss]tory|[Tt]ext|[Rr]eporting|[Rr]eport|[Rr]eported|[Pp]hotos?|[Ii]nterview)\s+)?(?:[Bb]y|BY|[Pp]ar|PAR|[Vv]on|VON|[Pp]or|POR|[Tt]exte?\s*:|[Aa]utor(?:in)?\s*:|[Aa]uthor\s*:)\s+(?<names>${NAMES})(?:\s*(?:[,|·•–—/-]|\bin\b|\ben\b|\bà\b|\baus\b)\s*.{0,80})?$`,
  'u'
)

/**
 * The author named by a byline (`By Robin Hale, Local Affairs Reporter`, `Par Jean Dupont`,
 * `Von Anna Schmidt, Berlin`, `Por María López | Madrid`), or `null` when the line is no byline.
 * A byline names people with capitalised names and does not read as a sentence.
 *
 * @example
 * bylineAuthor('By Robin Hale, Local Affairs Reporter') // => 'Robin Hale'
 * bylineAuthor('By Tuesday, the council will vote.')   // => null
 */
export function bylineAuthor(line: string): string | null {
  if (line.length > 160 || /[.!?]["”’»]?$/.test(line.replace(/\b\p{Lu}\.$/u, ''))) return null
  // A sentence going on is no byline (`By Christmas Day, the new depot at Northby will be`).
  if (endsWithConnector(line)) return null
  const match = BYLINE.exec(line)
  if (!match) return null
  const names = match.groups!['names']!.trim()
  // A weekday or month after `By` is a sentence (`By Monday March the work was done`).
  const first = names.split(/\s+/)[0]!.toLowerCase()
  if (WEEKDAYS.has(first) || MONTHS.has(first)) return null
  return names
}

/** Words naming a writer's job, at the end of a byline without `By`. */
const ROLE_WORDS = /\b(?:correspondent|reporter|editor|writer|columnist|journalist|staff|contributor|analyst|korrespondent(?:in)?|redakteur(?:in)?|reporter(?:in)?|autor(?:in)?|correspondant(?:e)?|journaliste|rédact(?:eur|rice)|envoyée? spéciale?|corresponsal|redactor(?:a)?|periodista|enviad[oa] especial)\b/i
const BARE_BYLINE = new RegExp(String.raw`^(?<name>${NAME}(?:\s*(?:&|and|und|et|y)\s+${NAME})*)(?<rest>\s*(?:[,|·•–—-]\s*|\s).{0,80})?$`, 'u')

/**
 * A line that goes with a byline: the writer's job alone (`Staff Writer`, `Transport
 * Correspondent`, `Redakteurin`), or how to reach them (`rhale@gazette.example`, `@rhale`,
 * `Follow Robin on X @rhale`). Only a line next to a byline or dateline is asked.
 *
 * @example
 * isBylineDetail('Staff Writer')             // => true
 * isBylineDetail('rhale@northbygazette.com') // => true
 * isBylineDetail('The writer left early.')   // => false
 */
export function isBylineDetail(line: string): boolean {
  const text = line.trim()
  if (/^(?:e-?mail:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/iu.test(text) || /^@\w{2,30}$/u.test(text)) return true
  if (/^(?:follow|folgen sie|suivez)\b.{0,40}@\w{2,30}$/iu.test(text)) return true
  // A job line is the job's words in capitals (`Staff Writer`), not a sentence (`Staff shortages hit wards`).
  const titled = text.split(/\s+/).every((word) => /^\p{Lu}/u.test(word) || ROLE_WORDS.test(word) || /^(?:of|for|and|the|de|du|für)$/i.test(word))
  return wordsIn(text) <= 5 && ROLE_WORDS.test(text) && titled && !/[.!?;:]$/.test(text)
}

/** Articles, prepositions and conjunctions that open a sentence and no name (`Les`, `Con`, `An` may open a name). */
const NOT_A_NAME_OPENING =
  /^(?:the|a|die|der|das|ein|eine|la|un|une|el|los|las|il|gli|het|een|in|on|at|since|from|after|before|for|with|during|when|while|as|if|but|and|until|im|seit|nach|vor|mit|bei|dans|depuis|après|avant|pour|en|desde|tras|para)\s/i

/**
 * The author of a byline printed without `By` (`Dana Whitfield, Riverside Gazette`,
 * `Imogen Farrell North of England correspondent`), or `null`. Only a line next to a dateline or
 * the headline is asked: there a name with an outlet or a job is a byline.
 */
export function bareBylineAuthor(line: string): string | null {
  // A line cut in a word goes on below it; a name does not open with an article, a preposition
  // or a conjunction (`Die Pläne der Verkehrs-`, `In Elmstead, supporters said journey times would fall by`).
  if (wordsIn(line) > 12 || /[.!?:;\-\u00AD]$/.test(line) || NOT_A_NAME_OPENING.test(line)) return null
  const match = BARE_BYLINE.exec(line)
  if (!match) return null
  const rest = match.groups!['rest']?.trim() ?? ''
  const hasJob = ROLE_WORDS.test(line)
  if (rest !== '' && !/^[,|·•–—-]/.test(rest) && !hasJob) return null
  // What follows the name is an outlet or a job (`, Riverside Gazette`, `, transport correspondent`), not a clause going on.
  if (!hasJob && rest !== '' && (endsWithConnector(rest) || /[,|·•–—-]\s*\p{Ll}+\s+\p{Ll}/u.test(rest))) return null
  const words = match.groups!['name']!.split(/\s+/)
  // `Imogen Farrell North of England correspondent`: a job's place reads as more name; keep two words.
  return hasJob && rest !== '' && !/^[,|·•–—-]/.test(rest) ? words.slice(0, 2).join(' ') : match.groups!['name']!
}

/** Picture agencies and credit lines that appear alone under a photo. */
const AGENCIES = new Set(
  [
    'afp', 'ap', 'epa', 'epa-efe', 'efe', 'pa', 'reuters', 'getty images', 'getty', 'afp/getty images', 'afp via getty images',
    'associated press', 'the associated press', 'pa media', 'pa wire', 'alamy', 'shutterstock', 'bbc', 'tass', 'ria novosti',
    'anadolu agency', 'xinhua', 'eyevine', 'rex features', 'rex/shutterstock', 'sputnik', 'dpa', 'picture alliance',
    'picture-alliance', 'keystone', 'imago', 'imago images', 'ansa', 'europa press', 'bloomberg', 'ap photo', 'upi',
    'supplied', 'handout', 'file photo', 'archive', 'archiv', 'archives',
  ].map((name) => name.toLowerCase())
)

const CREDIT_LABEL =
  /^(?:courtesy(?: of)?\b|(?:image|photo|picture|video|foto|bild|imagen)\s+(?:copyright|credit|source|quelle|courtesy(?: of)?)\b\s*[,:]?|pics?\s*:|photograph(?:y)?\s*:|photos?\s*:|photo by\b|photographs? by\b|pictures?\s*:|credit\s*(?::|\.{2,}|…)|image\s*:|images\s*:|foto\s*:|fotos\s*:|bild\s*:|crédit(?:s)?(?: photo)?\s*:|photo\s*©|©|\(c\)\s|copyright\s*:?|illustration\s*:|quelle\s*:|fuente\s*:)\s*(?<credit>.*)$/i

/**
 * Whether a line is a photo credit: labelled (`Photograph: X`, `Photo: X`, `Image copyright X`,
 * `Foto: X`, `© X`), or a picture agency alone (`AFP`, `REUTERS`, `Getty Images`, `X/AFP`,
 * `AP Photo/X`).
 *
 * @example
 * isPhotoCredit('Photograph: Gazette Staff') // => true
 * isPhotoCredit('Reuters reported that')     // => false
 */
export function isPhotoCredit(line: string): boolean {
  if (line.length > 120) return false
  // A sentence is no credit (`Courtesy of a £200,000 grant, it will also get a new room.`).
  if (/[.!?]$/.test(line) && wordsIn(line) > 6) return false
  if (CREDIT_LABEL.test(line)) return true
  const bare = line.toLowerCase().replace(/^\(|\)$|[.:]$/g, '').trim()
  if (AGENCIES.has(bare)) return true
  // `Jane Doe/AFP`, `Jane Doe / Reuters`, `AP Photo/Jane Doe`, `AFP via Getty Images`
  const parts = bare.split(/\s*(?:\/|\bvia\b)\s*/)
  if (parts.length > 1 && parts.length <= 3 && parts.some((part) => AGENCIES.has(part)) && wordsIn(bare) <= 8) return true
  // `Jane Doe/The Gazette`, `Meridian Wire/Sofia Brandt`: photographer and outlet, as agencies credit.
  return SLASH_CREDIT.test(line)
}

const CAPITALISED_WORDS = String.raw`\p{Lu}[\p{L}.'’&-]*(?:\s+(?:of|de|the|für|for)?\s*\p{Lu}[\p{L}.'’&-]*){0,3}`
const SLASH_CREDIT = new RegExp(String.raw`^${CAPITALISED_WORDS}\s*\/\s*${CAPITALISED_WORDS}$`, 'u')

function wordsIn(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

/** Where a credit starts inside a line that holds a caption too (`Crowds on Monday. Photograph: X`). */
const INLINE_CREDIT = /(?<=[\p{L}\p{N}.!?)”"’])\s+(?:(?:Photograph|Photo|Photos|Picture|Foto|Fotos|Bild|Image|Credit|Crédit photo|Crédit|Quelle|Fuente)\s*:\s*\S.{0,80}|(?:Photo by|Courtesy of|Courtesy)\s+\p{Lu}.{0,80})$/u
/** A credit after a caption's last sentence without a label: `… on Monday. Jane Doe/AFP`. */
const TRAILING_SLASH_CREDIT = new RegExp(String.raw`(?<=[.!?])\s+(${CAPITALISED_WORDS}\s*\/\s*${CAPITALISED_WORDS})$`, 'u')

/** A credit in brackets after a caption: `… on Tuesday. (AP Photo/Jane Doe)`, `(Foto: dpa)`, `(Reuters)`. */
const PARENTHESISED_CREDIT = /(?<=[.!?”"’])\s+\((?:[^()]*\b(?:photo|photograph|foto|bild|image|credit|crédit|getty|reuters|afp|ap|epa|efe|dpa|pa|xinhua|anadolu)\b[^()]*)\)$/iu

/**
 * A name in brackets after a one-sentence caption, as stations and outlets credit their own
 * photos: `The bridge over the river. (KVAL 7 News)`. Only a short text of one sentence is read so.
 */
const PARENTHESISED_NAME = /(?<=[.!?])\s+\((?:\p{Lu}[\p{L}\p{N}&'’.-]*|\p{N}+)(?:[\s/]+(?:\p{Lu}[\p{L}\p{N}&'’.-]*|\p{N}+)){0,4}\)$/u
const MAX_NAMED_CREDIT_CAPTION_WORDS = 30

/** A credit label left at a line's end, its name on the next line (`… banks. Photograph:`). */
export const CREDIT_LABEL_AT_END = /(?<=[.!?”"’)]\s+)(?:Photograph|Photo|Photos|Picture|Foto|Fotos|Bild|Image|Credit|Crédit photo|Crédit|Quelle|Fuente|Courtesy of|Photo by)\s*:?$/u

/**
 * Splits a credit off the end of a caption (`X. Photograph: Jane Doe/AFP`, `X. Courtesy of Y`,
 * `X. Jane Doe/AFP`): returns the caption and the credit, or `null` when the text ends in none.
 *
 * @example
 * splitTrailingCredit('Crowds on Monday. Photograph: Jo Bloggs') // => { caption: 'Crowds on Monday.', credit: 'Photograph: Jo Bloggs' }
 */
export function splitTrailingCredit(text: string): { caption: string; credit: string } | null {
  const match =
    INLINE_CREDIT.exec(text) ??
    TRAILING_SLASH_CREDIT.exec(text) ??
    PARENTHESISED_CREDIT.exec(text) ??
    CREDIT_LABEL_AT_END.exec(text) ??
    (wordsIn(text) <= MAX_NAMED_CREDIT_CAPTION_WORDS && !/[.!?]\s+\S.*[.!?]\s+\(/.test(text) ? PARENTHESISED_NAME.exec(text) : null)
  if (!match || match.index === 0) return null
  return { caption: text.slice(0, match.index).trim(), credit: match[0].trim() }
}

const CAPTION_LABEL = /^(?:image|media|video|photo|picture)\s+caption\s*[,:]?\s*(?<caption>.+)$/i

/**
 * The text of a labelled caption (`Image caption X`, `Media caption X`), or `null`.
 *
 * @example
 * captionText('Image caption Mr Macron (right) believes it') // => 'Mr Macron (right) believes it'
 */
export function captionText(line: string): string | null {
  return CAPTION_LABEL.exec(line)?.groups?.['caption']?.trim() ?? null
}

/**
 * Splits a credit and a labelled caption printed on one line (`Image copyright AFP Image caption
 * X`) into two lines; any other line is returned alone. (A credit after a caption, `X.
 * Photograph: Y`, is split from the whole caption once its lines are joined: see
 * {@link splitTrailingCredit}.)
 *
 * @example
 * splitCreditAndCaption('Image copyright AFP Image caption Crowds') // => ['Image copyright AFP', 'Image caption Crowds']
 */
export function splitCreditAndCaption(line: string): string[] {
  const at = line.search(/\s(?:image|media|video|photo)\s+caption\b/i)
  if (at > 0 && CREDIT_LABEL.test(line.slice(0, at))) return [line.slice(0, at), line.slice(at + 1)]
  return [line]
}

/** The line that opens a list of topic tags at the end of an article. */
export const RELATED_TOPICS = /^(?:related (?:topics|tags)|topics|tags|themen|thèmes|sujets|temas|schlagwörter)\s*:?$/i

/**
 * The tags of a line listing them after a label (`Tags: libraries, Millbrook · 6 Comments`,
 * `Filed under: …`, `Themen: …`), or `null`.
 *
 * @example
 * inlineTags('Tags: libraries, Millbrook, reading · 6 Comments') // => ['libraries', 'Millbrook', 'reading']
 */
export function inlineTags(line: string): string[] | null {
  const match = /^(?:related topics|topics|tags|filed under|more about|themen|schlagwörter|thèmes|sujets|mots-clés|temas|etiquetas)\s*:\s*(?<tags>.+)$/iu.exec(line)
  if (!match) return null
  const tags = match.groups!['tags']!.split(/\s+[·|•]\s+/)[0]!.split(/\s*[,;]\s*/).filter(Boolean)
  return tags.length > 0 ? tags : null
}

/** What kind of web furniture a line is, when it is one. */
export type WebFurnitureKind = 'advertisement' | 'share' | 'read-more' | 'related' | 'navigation' | 'chrome'

/** Advertisement labels, in the languages above; also when printing letter-spaced them. */
const ADVERTISEMENT = new Set(
  'advertisement advertising advert ad sponsored sponsoredcontent anzeige werbung publicité publicite publicidad pubblicità pubblicita advertentie advertenties annons reklame paidcontent paidpost promoted partnercontent'.split(' ')
)
const ADVERTISEMENT_LINE =
  /^(?:(?:story|article|text|content)\s+continues\s+(?:below|after)\s+(?:this\s+)?(?:advertisement|ad)|continue reading (?:below|after)(?: the)?(?: advertisement| ad)?|scroll (?:down )?to continue(?: with content)?|skip (?:this )?(?:advertisement|ad)|(?:advertisement|anzeige|publicité|publicidad)\s*[-–:]\s*.{0,40}|la suite après (?:cette )?(?:la )?publicité|weiter nach der anzeige|artikel wird nach der anzeige fortgesetzt|el artículo continúa después del anuncio|sponsored by .{1,40}|paid (?:content|post) (?:by|from) .{1,40})$/i

const SHARE_LINE =
  /^(?:share(?: this)?(?: (?:story|article|page|post|on \w+|with))?|share (?:via|on) .{1,30}|about sharing|copy (?:this )?link|link copied|tweet|email|e-mail|print|save|save (?:this )?(?:story|article)|bookmark|facebook|twitter|x|messenger|pinterest|whatsapp|linkedin|reddit|telegram|flipboard|gift (?:this )?article|listen(?: to (?:this )?(?:article|story))?(?: \d+ min)?|partager(?: sur \w+)?|teilen|artikel teilen|compartir(?: en \w+)?|condividi(?: su \w+)?|deel(?: dit artikel| via \w+)?|delen|dela(?: artikeln)?|del artiklen|comments?(?: \(\d+\))?|\d+ comments?|kommentare?(?: \(\d+\))?|commentaires?|comentarios?|close share panel|(?:facebook|twitter|x|email|whatsapp|linkedin|pinterest|reddit|messenger|copy link|share|print)(?:\s+(?:facebook|twitter|x|email|whatsapp|linkedin|pinterest|reddit|messenger|copy link|share|print))+)$/i

const READ_MORE_LINE =
  /^(?:(?:read|see|watch|listen)(?: more| also| next)?|more|related|also read|also|recommended|lire aussi|à lire aussi|a lire aussi|lire plus|voir aussi|mehr zum thema|lesen sie auch|auch interessant|mehr dazu|lea también|lee también|leer más|ver también|te puede interesar|leggi anche|leggi di più|lees ook|lees meer|läs också|læs også|les også)\s*[:›»>|–-]\s*.{1,160}$|^(?:explore more on these topics|more on this topic|weitere themen|plus sur ce sujet)\s*:.{0,200}$|^(?:read more|read more stories|continue reading|read the full (?:story|article)|lire la suite|weiterlesen|mehr lesen|seguir leyendo|leer más|more on this story|more stories|show more|load more|see more)$/i

const RELATED_HEADER =
  /^(?:related(?: (?:articles|stories|content|coverage|news|posts|links|reading))?|most (?:read|popular|viewed|watched|shared|commented)|trending(?: now| stories)?|(?:read|up|watch|what to read) next|top stories|latest(?: news| stories)?|you (?:may|might) (?:also )?(?:like|be interested in)|recommended(?: for you| stories| articles)?|more from .{1,40}|more (?:on|about) (?:this|the) (?:topic|story)|editors'? picks?|popular now|les plus lus|les plus partagés|à lire aussi|sur le même sujet|dans la même rubrique|meistgelesen|meistgelesene artikel|am meisten gelesen|das könnte sie auch interessieren|mehr zum thema|weitere artikel|lo más leído|lo más visto|noticias relacionadas|te puede interesar|más noticias)\s*:?$/i

/** Words of share bars and comment buttons, in the languages above. */
const SHARE_WORDS = new Set(
  (
    'share shares sharing on via this article story page post facebook x twitter linkedin email e-mail mail link links copy copied whatsapp ' +
    'messenger telegram reddit pinterest bluesky threads mastodon flipboard print save gift comments comment reuse content ' +
    'teilen diesen artikel kopieren drucken speichern kommentare kommentar anzeigen ' +
    'partager cet sur copier le lien imprimer commentaires ' +
    'compartir este artículo en copiar enlace imprimir comentarios'
  ).split(' ')
)
const SHARE_VERBS = /\b(?:share|teilen|partager|compartir|facebook|twitter|whatsapp|linkedin)\b/

/** A bar of share and comment buttons: every word a share word (`Share on Facebook · Share via Email`). */
function isShareBar(lower: string): boolean {
  const words = lower.replace(/\(\d+\)|\d+/g, ' ').split(/[\s·|•:,/]+/).filter(Boolean)
  return words.length >= 2 && SHARE_VERBS.test(lower) && words.every((word) => SHARE_WORDS.has(word))
}

/** A promotion for the site's own products: newsletters, subscriptions, apps. */
const PROMOTION =
  /^(?:sign up (?:for|to)|subscribe (?:to|for|now)|get (?:our|the) .{0,40}(?:newsletter|inbox)|enter your e-?mail(?: address)?|download (?:our|the) app|abonnieren sie|melden sie sich .{0,40}newsletter|inscrivez-vous|abonnez-vous|suscríbete|suscribete)\b.{0,200}$/i

/** Three or more short links in a row, parted by bars or bullets (`About Us | Contact Us | Site Map`). */
function isLinkBar(line: string): boolean {
  const parts = line.split(/\s+[|•·]\s+/)
  return parts.length >= 3 && parts.every((part) => wordsIn(part) <= 6 && !/[.!?]$/.test(part) && /^[\p{Lu}\p{N}]/u.test(part))
}

/** Section names a site's navigation lists (compared lower case). */
const NAVIGATION_WORDS = new Set(
  (
    'news home world uk us europe politics business money markets economy tech technology science health sport sports football ' +
    'culture arts entertainment lifestyle life style travel food opinion opinions comment obituaries weather local video videos ' +
    'podcasts photos climate environment education media fashion books music film tv games puzzles crossword newsletters ' +
    'subscribe log in sign login register account menu search more sections things to do legal sustainability ' +
    'politik wirtschaft wissen kultur reisen gesellschaft meinung abo anmelden panorama digital ' +
    'actualités international société économie sciences sports culture idées connexion ' +
    'noticias internacional política economía sociedad deportes cultura opinión'
  ).split(' ')
)

/** A line of section names (`News Opinion Sport Culture Lifestyle`): most words are navigation words. */
function isNavigationLine(line: string): boolean {
  const words = line.toLowerCase().split(/[\s|·•]+/).filter(Boolean)
  if (words.length < 3 || /[.!?,;:]$/.test(line) || !/^\p{Lu}/u.test(line)) return false
  const known = words.filter((word) => NAVIGATION_WORDS.has(word)).length
  return known >= words.length * 0.7
}

/** A page's notice of the article's age or a question about it (`This article is more than 2 years old`, `Was this article helpful?`). */
const ARTICLE_NOTICE = /^(?:(?:supported|presented|brought to you) by|this (?:article|story|page) (?:is|was published) (?:more|over) than \d+ (?:years?|months?|weeks?|days?) (?:old|ago)|was this (?:article|story|page) (?:helpful|useful)\??|loading(?:…|\.\.\.)?)$/i

/** Site navigation and player or consent notices a print carries along (compared lower case). */
const CHROME_LINES = new Set(
  [
    'skip to content', 'skip to main content', 'skip to navigation', 'menu', 'search', 'sign in', 'log in', 'subscribe',
    'subscribe now', 'newsletter', 'sign up', 'home', 'accessibility help', 'media playback is unsupported on your device',
    'the bbc is not responsible for the content of external sites.', 'read more about our approach to external linking.',
    'these are external links and will open in a new window', 'related internet links', 'features', 'most watched',
    'close', 'open menu', 'close menu', 'back to top', 'accept cookies', 'cookie settings', 'all rights reserved',
    'se connecter', "s'abonner", 'anmelden', 'abonnieren', 'iniciar sesión', 'suscríbete', 'zum inhalt springen',
    'aller au contenu', 'ir al contenido',
  ].map((line) => line.toLowerCase())
)

/**
 * The actions a page's controls name (buttons and links: share, listen, save, print, show
 * comments, read later, go to the home page) and the labels that stand for them (`Feedback`,
 * `Supported by`, `réservé aux abonnés`), in the languages above and their neighbours (lower case).
 */
const CONTROL_ACTIONS = new Set(
  (
    'share listen continue continues read reading save print email e-mail comment comments show hide view enlarge toggle copy ' +
    'follow subscribe click scroll gift download reuse skip jump open close expand collapse play watch leave join reply ' +
    'zoom feedback supported bookmark next previous prev ' +
    'teilen anhören vorlesen verschenken merken speichern drucken weiterlesen kommentieren kommentare folgen zur zum zurück ' +
    'vergrößern schließen öffnen abspielen lesen ' +
    'partager lire écouter sauvegarder enregistrer imprimer commenter commentaires suivre voir afficher offrir réagir retour ' +
    'réservé agrandir fermer ' +
    'compartir leer lee escuchar guardar imprimir comentar comentarios seguir ver mostrar regalar volver ampliar cerrar'
  ).split(' ')
)

/**
 * What a control's label names besides its action: the parts of a page a control acts on (the
 * article, a link, an image, the comments, an ad, the site's accounts) and what reading it later
 * or more calls for (lower case). A control names one of them; a heading of a control's words
 * names none (`Share the load`, `Close to home`, `Die Folgen`).
 */
const CONTROL_OBJECTS = new Set(
  (
    'article articles story stories page post link links image images photo photos picture pictures gallery video videos ' +
    'audio podcast caption captions fullscreen content newsletter app feed comment comments ad ads advertisement feedback ' +
    'facebook twitter x instagram whatsapp linkedin later here more also ' +
    'artikel startseite seite bild bilder foto fotos mehr später anzeige kommentar kommentare kommentarbereich vollbild auch ' +
    'lien vidéo commentaires tard aussi accueil abonnés ' +
    'artículo página imagen vídeo enlace comentarios tarde más también inicio suscriptores'
  ).split(' ')
)

/**
 * The words that join a control's action to what it acts on (`to this`, `in`, `for`, `nach der`,
 * `sur`, `en`), in the languages above (lower case).
 */
const CONTROL_WORDS = new Set(
  (
    'this the a an to on in for us all full main screen text home top by of with friends subscriber site list below above ' +
    'discussion conversation thread via size font ' +
    'den die der das dem des diesen dieser dieses nach mit auf bei uns hier sie ' +
    'cet cette ce le la les aux au à sur plus en plein écran nous ici de des du ' +
    'este esta el los las al después pantalla completa nosotros aquí del'
  ).split(' ')
)

/** Reading or listening time, as controls print it (`5:12 min`, `3 min.`, `4 Min.`, `5 minutes`). */
const DURATION = /(?:^|\s)\d{1,2}(?::\d{2})?\s*(?:min|mins|minutes?|minuten|minutos)\.?(?=\s|$)/giu
/** Words that label a reading or listening time (`Lecture 3 min.`, `Lesezeit: 4 Min.`, `5 min read`). */
const DURATION_LABELS = new Set('read reading lecture lesezeit lectura listen écouter anhören hören escuchar'.split(' '))
/** A gallery's counter: `Image 1 of 5`, `Photo 3/12`, `Bild 2 von 7`. */
const GALLERY_COUNTER = /^(?:image|photo|picture|slide|bild|foto|imagen|diapositive)\s+\d{1,3}\s*(?:of|\/|von|de|sur)\s*\d{1,3}$/iu

/**
 * A page's control printed as a line: a button's or link's label (`Share full article`, `Listen
 * to this article · 5:12 min`, `Continue reading the main story`, `View image in fullscreen`,
 * `Artikel anhören`, `Zur Startseite`, `Lire plus tard`), a reading time (`Lecture 3 min.`) or a
 * gallery's counter (`Image 1 of 5`). Such a label is a few words, each an action, a part of the
 * page or a word joining them ({@link CONTROL_ACTIONS}, {@link CONTROL_OBJECTS},
 * {@link CONTROL_WORDS}), with an action on a part of the page, or two actions chained, or a time
 * and what it times; a heading or sentence names something else (`Follow the money`, `Save our
 * library`, `Share the load`). The line alone is asked: `furniture.ts` asks it only of a line no
 * sentence runs through.
 */
export function isControlLabel(line: string): boolean {
  if (GALLERY_COUNTER.test(line)) return true
  const untimed = line.replace(DURATION, ' ')
  if (/[.!?]["'”’]?$/u.test(untimed.trimEnd())) return false
  const timed = untimed !== line
  const words = untimed
    .toLowerCase()
    .split(/[\s·•|:,–—-]+/u)
    .filter(Boolean)
  if (words.length === 0 || words.length > 7) return false
  const known = (word: string) => CONTROL_ACTIONS.has(word) || CONTROL_OBJECTS.has(word) || CONTROL_WORDS.has(word)
  const actions = new Set(words.filter((word) => CONTROL_ACTIONS.has(word) || DURATION_LABELS.has(word)))
  // A time names a control only beside what it times (`Listen to this article · 5:12 min`, `Lecture 3 min.`), not alone (`In 30 minutes`).
  if (timed) return actions.size > 0 && words.every((word) => known(word) || DURATION_LABELS.has(word))
  if (!words.every(known)) return false
  // One word is a control only as a label before its buttons (`Share:`): alone, it may be a heading.
  if (words.length === 1) return line.trimEnd().endsWith(':') && CONTROL_ACTIONS.has(words[0]!)
  // An action on a part of the page (`Share full article`), or actions chained (`Scroll to continue reading`).
  return actions.size > 0 && (words.some((word) => CONTROL_OBJECTS.has(word)) || actions.size >= 2)
}

/** A BBC-style section label printed under the headline. */
const SECTION_LABEL = /^from the section\s+\S.{0,40}$/i
/** A copyright line at a page's foot: `© 2021 The Gazette`, `Copyright 2021 …`, `The Review is … © 2021`. */
const COPYRIGHT_FOOTER = /^(?:(?:©|\([cC]\)|[Cc]opyright|COPYRIGHT)\s*(?:\d{4}|\p{Lu}).{0,100}|.{0,100}(?:©|\([cC]\))\s*(?:\d{4}|\p{Lu})[^.]{0,60}\.?|.{0,100}[Aa]ll [Rr]ights [Rr]eserved\.?)$/u

/**
 * Whether a line is web-page chrome: sharing buttons, navigation, player notices.
 *
 * @example
 * isPageChrome('Share this with') // => true
 */
export function isPageChrome(line: string): boolean {
  return webFurnitureKind(line) !== null
}

/**
 * What kind of web furniture a line is: an advertisement label (also letter-spaced, as print
 * turns `ADVERTISEMENT` into `AD V ERTISE MENT`), a share or comment button, a read-more or
 * related link, the header of a related or most-read list, navigation and notices; `null` for any
 * other line.
 *
 * @example
 * webFurnitureKind('AD V ERTISE MENT')                 // => 'advertisement'
 * webFurnitureKind('Read more: Tram fares to rise')    // => 'read-more'
 * webFurnitureKind('Most read')                        // => 'related'
 * webFurnitureKind('Share this with your friends, he said.') // => null
 */
export function webFurnitureKind(line: string): WebFurnitureKind | null {
  if (line.length > 200) return null
  const lower = line.toLowerCase()
  if (isShareBar(lower)) return 'share'
  if (PROMOTION.test(line)) return 'advertisement'
  if (isLinkBar(line)) return 'navigation'
  if (isNavigationLine(line)) return 'navigation'
  const squeezed = lower.replace(/[\s\-_·•|]+/g, '')
  if (ADVERTISEMENT.has(squeezed) || ADVERTISEMENT_LINE.test(line)) return 'advertisement'
  // Letter-spaced capitals: `A D V E R T I S E M E N T`.
  if (/^(?:\p{Lu}{1,5}\s+){2,}\p{Lu}{1,5}$/u.test(line) && ADVERTISEMENT.has(squeezed)) return 'advertisement'
  if (SHARE_LINE.test(line)) return 'share'
  if (RELATED_HEADER.test(line)) return 'related'
  if (READ_MORE_LINE.test(line)) return 'read-more'
  if (CHROME_LINES.has(lower) || SECTION_LABEL.test(line) || COPYRIGHT_FOOTER.test(line) || ARTICLE_NOTICE.test(line)) return 'chrome'
  return null
}
