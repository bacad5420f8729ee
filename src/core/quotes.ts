/**
 * @module
 * Direct quotations and who said them. A quotation is text between double quotes (straight or
 * curly) or between single quotes that open after a space and close before a space or punctuation
 * (so the apostrophe of `Macron's` opens nothing). Its speaker is read from the same sentence, in
 * the shapes of news English: `"…," Macron said`, `"…," explained Macron`, `Putin told the news
 * conference: "…"`, `Macron said he wanted France to "strengthen" …`, `… according to Bloomberg`.
 * `he` and `she` name the last speaker named before them in the same source. Pure, per source.
 */
import type { RecoveredParagraph } from './types.ts'

/** A direct quotation in a paragraph. */
export type Quote = {
  /** The quoted words, without the quotation marks. */
  text: string
  /** Who is quoted, as the text names them (titles such as `Mr` or `President` dropped); `null` when the text does not say. */
  speaker: string | null
  /** Offset of the first quoted character in the paragraph's text (UTF-16 code units). */
  start: number
  /** Offset just past the last quoted character. */
  end: number
}

const QUOTE_SPANS = /"([^"]+)"|“([^”]+)”|(?<=^|[\s([—–-])'([^']+?)'(?=[\s.,;:!?)\]—–-]|$)|(?<=^|[\s([—–-])‘([^’]+?)’(?=[\s.,;:!?)\]—–-]|$)/g

/** Verbs of saying, in the forms news copy uses them (a pattern: `(?:said|says|…)`). */
export const SPEECH_VERB =
  '(?:said|says|say|told|tells|added|adds|explained|explains|stated|states|declared|declares|insisted|insists|warned|warns|stressed|stresses|noted|notes|argued|argues|claimed|claims|replied|replies|answered|asked|asks|wrote|writes|described|describes|called|calls|accused|accuses|admitted|admits|agreed|agrees|denied|denies|promised|promises|urged|urges|announced|announces|remarked|continued|concluded|responded|suggested|acknowledged|conceded|concede|concedes|recalled|vowed)'

const SPEECH_VERB_WORD = new RegExp(`^${SPEECH_VERB}$`, 'i')

/**
 * Whether a word is a verb of saying (`said`, `told`, `explained`, …): the attribution of a
 * statement, not its content.
 *
 * @example
 * isSpeechVerb('Told') // => true
 */
export function isSpeechVerb(word: string): boolean {
  return SPEECH_VERB_WORD.test(word)
}

/** Words before a name that are not part of it: roles, and the connectives that open sentences. */
const NOT_NAME = /^(?:Mr|Mrs|Ms|Dr|Prof|Professor|Sir|Dame|Lord|Lady|President|Vice|Prime|Minister|Chancellor|Secretary|Spokesman|Spokeswoman|Spokesperson|Senator|Congressman|Congresswoman|Governor|Mayor|Judge|Ambassador|Commissioner|Chief|General|Colonel|Captain|King|Queen|Prince|Princess|Pope|French|Russian|US|British|German|Chinese|The|But|And|As|However|Meanwhile|Afterwards|Then|So|Yet|While|When|Also|Earlier|Later|Still|Now)\.?$/

const PRONOUN = /^(?:he|she|He|She)$/

/** A name: capitalised words, possibly with particles (`Bashar al-Assad`, `Charles de Gaulle`). */
const NAME = "[A-Z][\\p{L}'’.-]*(?:\\s+(?:(?:al|de|du|van|von|bin|le|la)[- ])?[A-Z][\\p{L}'’.-]*)*"
const ADVERBS = '(?:(?:also|again|then|later|previously|once|further|has|had|have|was|is)\\s+)*'

/** `Macron said`, `he also told`: the attribution before a quote (the last one wins). */
const SPEAKER_THEN_VERB = new RegExp(`(${NAME}|\\bhe|\\bshe)\\s+${ADVERBS}${SPEECH_VERB}\\b`, 'gu')
/** `, explained Macron` / `, said he` right after a quote. */
const VERB_THEN_SPEAKER_AFTER = new RegExp(`^[\\s,.!?]*${SPEECH_VERB}\\s+(${NAME}|he\\b|she\\b)`, 'u')
/** `, Macron said` / `, he added.` right after the quote, or ending the sentence it is in. */
const SPEAKER_THEN_VERB_AFTER = new RegExp(`^(?:[\\s,.!?]*|[^.!?]*?,\\s*)(${NAME}|he|she)\\s+${ADVERBS}${SPEECH_VERB}\\b`, 'u')
const ACCORDING_TO = new RegExp(`^[^.!?]*?\\baccording to (${NAME})`, 'u')

/** The text of the sentence before `at`: after the last `. `, `! ` or `? `. */
function sentenceBefore(text: string, at: number): string {
  const before = text.slice(0, at)
  const boundary = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '))
  return boundary === -1 ? before : before.slice(boundary + 2)
}

/**
 * Drops words before the name that are not part of it: `But Mr Macron` → `Macron`, `French
 * President Emmanuel Macron` → `Emmanuel Macron`. `he`/`she` come back as `'pronoun'`.
 */
function cleanSpeaker(name: string): string | 'pronoun' | null {
  const words = name.trim().replace(/[.'’-]+$/, '').replace(/['’]s$/, '').split(/\s+/)
  while (words.length > 0 && NOT_NAME.test(words[0]!)) words.shift()
  if (words.length === 0) return null
  if (words.length === 1 && PRONOUN.test(words[0]!)) return 'pronoun'
  return words.join(' ')
}

/** The attribution of a quote in its sentence: a name, `'pronoun'`, or `null`. */
function attribution(before: string, after: string): string | 'pronoun' | null {
  let last: RegExpExecArray | undefined
  for (const match of before.matchAll(SPEAKER_THEN_VERB)) {
    if (!/["“”]/.test(before.slice(match.index + match[0].length))) last = match
  }
  const found = last ?? VERB_THEN_SPEAKER_AFTER.exec(after) ?? SPEAKER_THEN_VERB_AFTER.exec(after) ?? ACCORDING_TO.exec(after)
  return found ? cleanSpeaker(found[1]!) : null
}

/**
 * Extracts the direct quotations of one source's paragraphs, in document order, with their
 * speakers.
 *
 * @param paragraphs - A source's paragraphs in document order (only `text` is read).
 * @returns For each paragraph, its quotations in order of appearance (empty when none).
 *
 * @example
 * extractQuotes([{ kind: 'body', section: null, text: '"We talked," Macron said.' }])
 * // => [[{ text: 'We talked,', speaker: 'Macron', start: 1, end: 11 }]]
 */
export function extractQuotes(paragraphs: readonly Pick<RecoveredParagraph, 'text'>[]): Quote[][] {
  let lastSpeaker: string | null = null
  return paragraphs.map(({ text }) => {
    const quotes: Quote[] = []
    // People named as speaking outside quotations (`Mr Macron said France was ready`) are who a
    // later `he` stands for too.
    const named = [...text.matchAll(SPEAKER_THEN_VERB)].flatMap((match) => {
      const name = cleanSpeaker(match[1]!)
      return name && name !== 'pronoun' ? [{ at: match.index, name }] : []
    })
    const catchUp = (until: number) => {
      while (named.length > 0 && named[0]!.at < until) lastSpeaker = named.shift()!.name
    }
    for (const match of text.matchAll(QUOTE_SPANS)) {
      const quoted = match[1] ?? match[2] ?? match[3] ?? match[4]!
      const start = match.index + 1
      const end = start + quoted.length
      const before = sentenceBefore(text, match.index)
      const after = text.slice(end + 1)
      const found = attribution(before, after)
      // `he` is the last person named before this sentence.
      catchUp(match.index - before.length)
      let speaker: string | null = found === 'pronoun' ? lastSpeaker : found
      // A quote with no attribution of its own, after another in the same paragraph, goes on
      // quoting the same person (`"…" Macron said. "…"`).
      if (found === null && quotes.length > 0) speaker = quotes.at(-1)!.speaker
      catchUp(end)
      if (speaker) lastSpeaker = speaker
      quotes.push({ text: quoted, speaker, start, end })
    }
    catchUp(Infinity)
    return quotes
  })
}

/**
 * The key a speaker is compared by: folded to lowercase, last word only, so `Emmanuel Macron`
 * and `Macron` are one speaker.
 *
 * @example
 * speakerKey('Emmanuel Macron') // => 'macron'
 */
export function speakerKey(speaker: string): string {
  const words = speaker.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().split(/\s+/)
  return words.at(-1)!
}

/**
 * The people a source's paragraphs report as speaking: the speakers of their quotations, and the
 * subjects of verbs of saying outside quotations (`Putin again denied …`, `Mr Putin agreed that
 * …`), `he`/`she` standing for the last one named before in the source. Keys as {@link speakerKey}.
 *
 * @param paragraphs - A source's paragraphs in document order.
 * @returns For each paragraph, the keys of who speaks in it (empty when nobody is said to).
 *
 * @example
 * speakersOf([{ text: 'Putin denied it.' }, { text: 'He also said "no".' }]) // => [Set {'putin'}, Set {'putin'}]
 */
export function speakersOf(paragraphs: readonly Pick<RecoveredParagraph, 'text'>[]): Set<string>[] {
  const quotes = extractQuotes(paragraphs)
  let last: string | null = null
  return paragraphs.map(({ text }, i) => {
    const speakers = new Set<string>()
    const events: { at: number; speaker: string | null }[] = []
    for (const match of text.matchAll(SPEAKER_THEN_VERB)) {
      const found = cleanSpeaker(match[1]!)
      events.push({ at: match.index, speaker: found === 'pronoun' ? null : found })
    }
    for (const quote of quotes[i]!) events.push({ at: quote.start, speaker: quote.speaker })
    events.sort((a, b) => a.at - b.at)
    for (const event of events) {
      const speaker = event.speaker ?? last
      if (speaker) {
        speakers.add(speakerKey(speaker))
        last = speaker
      }
    }
    return speakers
  })
}
