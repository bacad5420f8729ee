/**
 * @module
 * What the shape of a piece of text says: where a sentence can end, whether a line stops
 * mid-sentence, how two pieces of one paragraph are joined. Shared by every recovery stage; knows
 * nothing of formats.
 */

/**
 * Closing marks that may follow a sentence's last punctuation: quotes of every common style (the
 * German `“` closes a quote opened by `„`; French `»` follows a space), brackets, and a footnote's
 * marker (`agreement.¹`, `†`).
 */
const CLOSERS = String.raw`["'”’“‘»«)\]\s⁰¹²³⁴⁵⁶⁷⁸⁹†‡*]*`
/** Sentence ends of Latin, Greek and Cyrillic scripts, and the CJK full stops and marks. */
const SENTENCE_END = new RegExp(String.raw`[.!?…:。！？．｡]${CLOSERS}$`, 'u')

/**
 * Abbreviations after which a full stop does not end a sentence, so a line ending in one was cut:
 * initials such as `U.S.` or `e.g.`, and titles and short forms written before a name or number.
 */
const ABBREVIATION_AT_END = /(?:^|[\s(])(?:(?!(?:[ap]\.m\.|[AP]\.M\.)$)(?:\p{L}\.){2,}|(?:Mr|Mrs|Ms|Dr|St|Sr|Jr|Prof|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Rev|Mt|Ft|No|Nr|Nos|Vol|pp|vs|approx|ca|cf|Hr|Fr|Frau|Mme|Mlle|Sra|Sr|Dra|Av|Abs|Art|Bd|Bhf|Str)\.)$/u

/**
 * Words that bind to the word after them and so never end a sentence, in any clause: articles,
 * `of` and its equivalents, conjunctions (lower case). A stranded preposition (`about`) may end one.
 */
const BINDING = new Set(
  (
    'a an the of and or but nor ' +
    'le la les un une des du de et ou ' +
    'der das dem des ein eine einen einem einer und oder ' +
    'el los las unos unas del y o'
  ).split(' ')
)

/** Words that cannot end a sentence: a line ending in one was cut mid-sentence. The binding words, and: */
const CONNECTORS = new Set([
  ...BINDING,
  ...(
    'to in on at by for with from as than that which who whom whose ' +
    'his her their its our my your is was were are be been being has have had not into onto over ' +
    'under after before about against between during without within through while if because ' +
    'so very more most such ' +
    // French, German and Spanish prepositions and conjunctions
    'à au aux en dans sur pour par avec sans que qui ' +
    'die den mit von zu zum zur im auf für bei aus nach ' +
    'bis dass als wie wenn weil ob um über unter vor durch gegen ohne seit zwischen sowie aber sondern ' +
    'mais donc car entre vers chez depuis lors selon sous contre ' +
    'con por para sin pero hasta desde hacia según sobre tras como cuando porque'
  ).split(' '),
])

/**
 * The last characters of `text`, enough for any test of how it ends: tests anchored at the end
 * would otherwise scan a whole paragraph at every line joined to it.
 */
function tail(text: string): string {
  return text.length > 80 ? text.slice(-80) : text
}

/** The number of words (runs of non-space characters) in `text`. */
export function wordCount(text: string): number {
  let count = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) === 32
    if (!space && !inWord) count++
    inWord = !space
  }
  return count
}

/** The first word of `text`, `''` when it has none. */
export function firstWord(text: string): string {
  const at = text.indexOf(' ')
  return at < 0 ? text : text.slice(0, at)
}

/**
 * Whether `text` ends where a sentence can end: `.`, `!`, `?`, `…`, `:`, `。！？`, perhaps
 * followed by closing quotes and brackets of any style; not after an abbreviation (`U.S.`, `St.`).
 *
 * @example
 * endsSentence('Die Bürgermeisterin sagte: „Wir reden weiter.“') // => true
 * endsSentence('Sanctions imposed by the U.S.')                 // => false
 */
export function endsSentence(text: string): boolean {
  const end = tail(text)
  if (!SENTENCE_END.test(end)) return false
  return !ABBREVIATION_AT_END.test(end)
}

/**
 * The last word of `text`, lower case, without punctuation; `''` when it is written with a capital
 * inside a sentence of a line that is not all capitals (`Plan A`, `Northby`): a name, which no
 * connector is.
 */
function lastWord(text: string): string {
  const end = tail(text)
  const match = /[\p{L}']+$/u.exec(end)
  if (!match) return ''
  // A capital opening a sentence is no name: `… the line. The` goes on.
  const opensSentence = /(?:^|[.!?]["”’»]?\s+)[\p{L}']+$/u.test(end)
  if (/^\p{Lu}/u.test(match[0]) && end !== end.toUpperCase() && !opensSentence) return ''
  return match[0].toLowerCase()
}

/** Whether `word` (lower case) is one that cannot end a sentence (`of`, `the`, `und`, `de`). */
export function isConnector(word: string): boolean {
  return CONNECTORS.has(word)
}

/** Whether `text` ends with a word that cannot end a sentence (`of`, `the`, `und`, `de`). */
export function endsWithConnector(text: string): boolean {
  return CONNECTORS.has(lastWord(text))
}

/**
 * Whether `text` ends with a word that binds to the next (`the`, `of`, `and`, `der`, `de`): the
 * sentence goes on past the line's end, whatever the next line opens with (`damaged the` /
 * `Elmstead lifeboat slipway.`).
 *
 * @example
 * endsWithBindingWord('the storm had damaged the') // => true
 * endsWithBindingWord('What the row is about')     // => false
 */
export function endsWithBindingWord(text: string): boolean {
  return BINDING.has(lastWord(text))
}

/** English prepositions a clause may leave at its end (`what the row is about`, `who it is for`). */
const STRANDABLE = new Set('about for with from to on in at by into over after against through without up out of'.split(' '))

/**
 * Whether `text` is a question-word clause ending in the preposition it strands, as English
 * headings do (`What the row is about`, `Where the money comes from`, `Who the plan is for`): a
 * complete heading, though it ends in a connector.
 *
 * @example
 * strandsPreposition('What the row is about') // => true
 * strandsPreposition('The council met in')    // => false
 */
export function strandsPreposition(text: string): boolean {
  return opensWithQuestionWord(text) && STRANDABLE.has(lastWord(text))
}

/** Whether `text` opens with an English question word (`What`, `How`, `Why` …), as many headings do. */
export function opensWithQuestionWord(text: string): boolean {
  return /^(?:what|who|whom|whose|where|when|why|how|which)\b/i.test(text)
}

/**
 * Whether `text` stops mid-sentence: a connector, a comma, a hyphen or a soft hyphen at its end,
 * or a CJK character (those scripts end every sentence with a mark of their own, `。！？`).
 */
export function endsMidSentence(text: string): boolean {
  const end = tail(text)
  return endsWithConnector(end) || /[,\-\u00AD‐、，]$/.test(end) || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u.test(end)
}

/** Whether `text` starts with a lower-case letter. */
export function startsLowercase(text: string): boolean {
  return /^\p{Ll}/u.test(text)
}

/**
 * Whether `text` opens mid-sentence: its first word is all lower case (`the`, `posal`), not a
 * name written in lower case with capitals inside (`iPhone`, `eBay`) nor a word of a letter and a
 * hyphen (`e-scooters`).
 */
export function startsMidSentence(text: string): boolean {
  // `e-scooters`, `e-mail`: a letter and a hyphen, a word written in lower case even opening a sentence.
  return /^\p{Ll}[\p{Ll}'’-]*(?:[\s,.;:!?)"”’»“]|$)/u.test(text) && !/^\p{Ll}-\p{L}/u.test(text)
}

/**
 * Whether `text` opens with a surname whose particle is written in lower case (`van Leeuwen`, `de
 * Vries`, `von der Leyen`, `bin Salman`): a sentence may open so, as with `iPhone`.
 *
 * @example
 * startsWithParticleName('van Leeuwen said the plan was rushed.') // => true
 * startsWithParticleName('de la ville, a-t-il dit.')             // => false
 */
export function startsWithParticleName(text: string): boolean {
  return /^(?:van|von|de|der|den|da|di|do|du|del|della|dos|das|le|la|ter|ten|bin|ibn|al|el)(?:\s+(?:der|den|de|la|le|los|las))?\s+\p{Lu}\p{Ll}/u.test(text)
}

/** Whether `text` opens as a sentence or a heading does: a capital, a digit or an opening quote. */
export function startsLikeSentence(text: string): boolean {
  return /^[\p{Lu}\p{Lt}\p{N}"“„«»‹›‘'¿¡(\p{Lo}]/u.test(text)
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}。、！？]/u

/**
 * Joins two pieces of one paragraph that a line or page break parted: with a space, or without
 * one between two CJK characters (those scripts put no space between words).
 */
export function joinWithSpace(head: string, tail: string): string {
  if (head === '') return tail
  if (tail === '') return head
  if (CJK.test(head[head.length - 1]!) && CJK.test(tail[0]!)) return head + tail
  return `${head} ${tail}`
}

/**
 * Widths of characters in a proportional sans-serif face (Helvetica's metrics, in thousandths of
 * the font size): wrapped text is wrapped by width, not by characters, so comparing lines by this
 * estimate tells a line that was full from one that ended early far better than its length does.
 */
const WIDTHS: Record<string, number> = (() => {
  const table: Record<string, number> = {}
  const set = (chars: string, width: number) => {
    for (const char of chars) table[char] = width
  }
  set('abdeghnopqu0123456789$£€#?_', 556)
  set('ckszvxy', 500)
  set('fjt/![]', 278)
  set('il|', 222)
  set('r-()', 333)
  set('m', 833)
  set('w', 722)
  set('ABEKPSVXY', 667)
  set('CDHNRUw', 722)
  set('FTZ', 611)
  set('GOQ', 778)
  set('IJ', 278)
  set('L', 556)
  set('M', 833)
  set('W', 944)
  set(' .,;:', 278)
  set('\'‘’', 222)
  set('"“”„«»', 333)
  set('–', 556)
  set('—%', 1000)
  set('&', 667)
  return table
})()

/**
 * The estimated printed width of `text`, in thousandths of the font size (see {@link WIDTHS});
 * characters outside the table count as an average lower-case letter, CJK as a full em.
 */
export function printedWidth(text: string): number {
  let width = 0
  for (const char of text) {
    const known = WIDTHS[char]
    if (known !== undefined) width += known
    else if (CJK.test(char)) width += 1000
    else if (/\p{Lu}/u.test(char)) width += 700
    else width += 540
  }
  return width
}
