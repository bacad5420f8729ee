/**
 * @module
 * Amounts, dates and times as one comparable token each. Outlets reporting one fact write its
 * figures each their own way: "84,000" and "Eighty-four thousand", "€38m", "38 million euros" and
 * "€38million", "4.75%" and "4.75 per cent", "50 basis points" and "half a point", "14 days" and
 * "two weeks", "Dec. 14" and "14 December", "05:40" and "5.40am". {@link readAmounts} finds each
 * such amount in a text and reads it as a value in one base unit (a plain number, a percentage,
 * percentage points, days; a currency as a word beside its number), written one way, so the
 * comparison of paragraphs (`related.ts`) sees one token where the text has several forms.
 *
 * Pure and small on purpose: it runs on every paragraph of a build. The npm libraries that read
 * numbers in text (`@microsoft/recognizers-text-number`, `compromise`) read neither the scale
 * suffixes of news copy (`€38m`, `$2.5bn`) nor, rightly, "two and a half billion" (2.0000000005
 * and 2,000,000,000), and the faster of them took about 0.3 ms a paragraph (30 s at 100k).
 */

/** An amount found in a text. */
export type Amount = {
  /** Offset of the amount's first character (its currency sign, if any). */
  start: number
  /** Offset just past its last character. */
  end: number
  /**
   * The value as one token: a number in its base unit, without grouping or exponent (`84000`,
   * `4.75`, `2500000000`); a date as `MM-DD` (`12-14`); a time of day as `HH:MM` (`05:40`).
   */
  value: string
  /**
   * Words that say what the value counts, written one way: `percent`, `point` (percentage
   * points), `day`, `euro` / `dollar` / `pound` / `yen` for a currency sign, the month's name for
   * a date. Empty for a bare number.
   */
  words: string[]
  /** Whether the text gives the amount roughly (`more than 1,100`, `almost a tenth`, `some 84,000`). */
  approximate: boolean
  /**
   * Keys for meeting the same figure given roughly (`≈2:1100`): an approximate amount has one, its
   * value at its own precision (`more than 1,100`: 1100 at two significant digits); an exact
   * quantity has its value rounded down and up at one to three significant digits (`1,140`:
   * `≈1:1000`, `≈1:2000`, `≈2:1100`, `≈2:1200`, `≈3:1140`). An approximate amount meets an exact
   * one when they share a key; two exact ones never meet this way (1,140 is not 1,190). A time has
   * hours (`≈h:6`: 05:40 and "shortly before six"; see `hourKeys`). Empty for dates and years (a
   * figure of four digits without a comma).
   */
  near: string[]
}

/** A piece of text as the reader sees it: a word, a number (digits with `.`, `,` or `:` inside), a currency sign, `%`, a dash, or another mark. */
type Piece = { kind: 'word' | 'number' | 'sign' | 'percent' | 'dash' | 'mark'; text: string; lower: string; start: number; end: number; suffix: string }

const PIECE = /(US\$|[€$£¥])|(\d+(?:[.,:]\d+)*)([A-Za-z]+)?|([\p{L}][\p{L}\p{N}]*(?:['’]\p{L}+)?)|(%)|([-‐‑–])|(\S)/gu

/**
 * Where an amount may be: a digit, a currency sign, a number word, `end of`. Only the text around
 * these is read (most words of most paragraphs are none of them, and an amount's other words, an
 * approximator before it or a unit after it, are near).
 */
const ANCHOR =
  /[\d€$£¥]|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|fortnight|half|quarter|third|fifth|tenth|end)\b/gi
/** How far around an anchor the text is read, in characters: `just under ` before it, `percentage points` after it. */
const BEFORE_ANCHOR = 24
const AFTER_ANCHOR = 40

const UNITS: ReadonlyMap<string, number> = new Map(
  ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'].map(
    (word, i) => [word, i + 1] as const
  )
)
const TENS: ReadonlyMap<string, number> = new Map(['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((word, i) => [word, (i + 2) * 10] as const))
/** Fractions, read as numbers before a scale or a unit (`half a million`, `a quarter point`). */
const FRACTIONS: ReadonlyMap<string, number> = new Map([
  ['half', 0.5],
  ['quarter', 0.25],
])
/** Scale words, and the suffixes news copy writes after a figure (`2.5bn`, `38million`). */
const SCALES: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3],
  ['million', 1e6],
  ['mn', 1e6],
  ['billion', 1e9],
  ['bn', 1e9],
  ['trillion', 1e12],
  ['tn', 1e12],
])
/** Suffixes that are a scale only after a currency sign (`€60m`, `$5k`): alone, `5m` is as often metres. */
const SIGN_SCALES: ReadonlyMap<string, number> = new Map([
  ['m', 1e6],
  ['k', 1e3],
])
const SIGNS: ReadonlyMap<string, string> = new Map([
  ['€', 'euro'],
  ['$', 'dollar'],
  ['US$', 'dollar'],
  ['£', 'pound'],
  ['¥', 'yen'],
])
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
/** The last day of each month, February's in three years of four. */
const LAST_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
/** Month names and their abbreviations (`Dec`, `Sept`), to the month's number. */
const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map([
  ...MONTHS.map((month, i) => [month, i + 1] as const),
  ...MONTHS.map((month, i) => [month.slice(0, 3), i + 1] as const),
  ['sept', 9],
])

/** What a number is followed by, read as a unit: its base unit's word and the factor to it. */
type Unit = { words: string[]; factor: number; length: number }

/**
 * Finds the amounts, dates and times of a text, in order, none overlapping. A number alone is an
 * amount too (its value written one way: `84,000` → `84000`); `one` alone is not (it is as often a
 * pronoun), nor is `a`, `half` or `point` without a number.
 *
 * @param text - Any text.
 * @returns The amounts, by offset.
 *
 * @example
 * readAmounts('a €38m bill').map((a) => [a.value, a.words]) // => [['38000000', ['euro']]]
 * readAmounts('Eighty-four thousand bikes')[0].value       // => '84000'
 * readAmounts('up 4.75 per cent')[0]                       // => { start: 3, end: 16, value: '4.75', words: ['percent'] }
 * readAmounts('due on Dec. 14')[0].value                   // => '12-14'
 */
export function readAmounts(text: string): Amount[] {
  const pieces = piecesAroundAnchors(text)
  if (pieces.length === 0) return []
  const amounts: Amount[] = []
  for (let i = 0; i < pieces.length; ) {
    const found = dateAt(pieces, i) ?? timeAt(pieces, i) ?? quantityAt(pieces, i, approximatorBefore(pieces, i))
    if (found) {
      amounts.push(found.amount)
      i = found.next
    } else i++
  }
  return amounts
}

/** The pieces of the stretches of text around anchors, each stretch whole words, a mark between two stretches. */
function piecesAroundAnchors(text: string): Piece[] {
  const pieces: Piece[] = []
  let end = 0
  for (const anchor of text.matchAll(ANCHOR)) {
    if (anchor.index < end) {
      // Inside the stretch read already: it may need to go on further.
      if (anchor.index + AFTER_ANCHOR > end) end = readStretch(text, end, anchor.index + AFTER_ANCHOR, pieces)
      continue
    }
    let start = Math.max(end, anchor.index - BEFORE_ANCHOR)
    // Whole words: back to the space before.
    while (start > end && !/\s/.test(text[start - 1]!)) start--
    // A stretch apart from the last one is a break (no amount spans it); one that goes on from it is not.
    if (pieces.length > 0 && start > end) pieces.push({ kind: 'mark', text: '|', lower: '|', start, end: start, suffix: '' })
    end = readStretch(text, start, anchor.index + AFTER_ANCHOR, pieces)
  }
  return pieces
}

/** Reads the pieces from `start` up to the first space at or after `until`; returns where it stopped. */
function readStretch(text: string, start: number, until: number, pieces: Piece[]): number {
  let stop = Math.min(text.length, until)
  while (stop < text.length && !/\s/.test(text[stop]!)) stop++
  PIECE.lastIndex = start
  for (let match = PIECE.exec(text); match !== null && match.index < stop; match = PIECE.exec(text)) {
    const [all, sign, digits, suffix, word, percent, dash] = match
    const kind = sign ? 'sign' : digits ? 'number' : word ? 'word' : percent ? 'percent' : dash ? 'dash' : 'mark'
    const body = digits ?? all
    pieces.push({ kind, text: body, lower: body.toLowerCase(), start: match.index, end: match.index + all.length, suffix: (suffix ?? '').toLowerCase() })
    // A piece may end past the stop (a long word): the next stretch starts after it.
    if (match.index + all.length > stop) stop = match.index + all.length
  }
  return stop
}

/** A date: a month and a day in either order (`Dec. 14`, `December 14`, `14 December`, `14 Dec`). */
function dateAt(pieces: readonly Piece[], i: number): { amount: Amount; next: number } | null {
  const first = pieces[i]!
  const dayOf = (piece: Piece | undefined) => (piece?.kind === 'number' && /^\d{1,2}$/.test(piece.text) && (piece.suffix === '' || /^(?:st|nd|rd|th)$/.test(piece.suffix)) ? Number(piece.text) : 0)
  const amount = (month: number, day: number, last: Piece): Amount => ({
    start: first.start,
    end: last.end,
    value: `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    words: [MONTHS[month - 1]!],
    approximate: false,
    near: [],
  })
  // `the end of June` is its last day, as `30 June` (February: the 28th).
  if (first.lower === 'end' && pieces[i + 1]?.lower === 'of' && pieces[i + 2]?.kind === 'word' && /^\p{Lu}/u.test(pieces[i + 2]!.text)) {
    const month = MONTH_NUMBERS.get(pieces[i + 2]!.lower)
    if (month !== undefined && dayOf(pieces[i + 3]) === 0) return { amount: amount(month, LAST_DAYS[month - 1]!, pieces[i + 2]!), next: i + 3 }
  }
  if (first.kind === 'word') {
    const month = MONTH_NUMBERS.get(first.lower)
    // A month's name is capitalised; `may` and `march` in lowercase are verbs.
    if (month === undefined || !/^\p{Lu}/u.test(first.text)) return null
    const k = pieces[i + 1]?.text === '.' ? i + 2 : i + 1
    const day = dayOf(pieces[k])
    if (day < 1 || day > 31) return null
    return { amount: amount(month, day, pieces[k]!), next: k + 1 }
  }
  const day = dayOf(first)
  const next = pieces[i + 1]
  const month = next?.kind === 'word' && /^\p{Lu}/u.test(next.text) ? MONTH_NUMBERS.get(next.lower) : undefined
  if (day < 1 || day > 31 || month === undefined) return null
  const last = pieces[i + 2]?.text === '.' && next!.lower.length <= 4 ? pieces[i + 2]! : next!
  return { amount: amount(month, day, last), next: pieces.indexOf(last) + 1 }
}

/** Words before a time that make it a rough one (`shortly before six`, `just after 6pm`, `around 5am`). */
const TIME_APPROXIMATOR_PAIR = /^(?:shortly|just|soon|right|sometime) (?:before|after)$/

/** Whether the piece `i` follows words that make a time rough and can stand before a time only (`shortly before`, not `about`). */
function timeWordsBefore(pieces: readonly Piece[], i: number): boolean {
  const [first, before] = [pieces[i - 2], pieces[i - 1]]
  return first?.kind === 'word' && before?.kind === 'word' && TIME_APPROXIMATOR_PAIR.test(`${first.lower} ${before.lower}`)
}

/**
 * The keys of a time for meeting the same time given roughly, on the 12-hour clock (a rough time
 * in words rarely says morning or evening): an exact time has the hours before and after it
 * (05:40: `≈h:5`, `≈h:6`; 06:00: `≈h:6`), a rough one its nearest hour ("shortly before six":
 * `≈h:6`).
 */
function hourKeys(hours: number, minutes: number, approximate: boolean): string[] {
  const key = (hour: number) => `≈h:${hour % 12}`
  if (approximate) return [key(minutes < 30 ? hours : hours + 1)]
  return minutes === 0 ? [key(hours)] : [key(hours), key(hours + 1)]
}

/**
 * A time of day: `05:40`, `5.40am`, `5.40 a.m.`, `5pm`, `six o'clock`, read on the 24-hour clock;
 * and an hour given roughly, in figures or words (`shortly before six`, `just after 6pm`).
 */
function timeAt(pieces: readonly Piece[], i: number): { amount: Amount; next: number } | null {
  const piece = pieces[i]!
  // `around 5am` is rough; `around six` is as often six of something, so an hour in words is a
  // time only with `o'clock` after it or words before it that only a time takes.
  const timeWords = timeWordsBefore(pieces, i)
  const rough = timeWords || approximatorBefore(pieces, i)
  const hourWord = piece.kind === 'word' ? UNITS.get(piece.lower) : piece.kind === 'number' && piece.suffix === '' && /^\d{1,2}$/.test(piece.text) ? Number(piece.text) : undefined
  if (hourWord !== undefined && hourWord >= 1 && hourWord <= 12) {
    const oclock = pieces[i + 1]?.kind === 'word' && /^o['’]clock$/.test(pieces[i + 1]!.lower)
    const meridiem = pieces[i + 1]?.kind === 'word' && /^(?:am|pm)$/.test(pieces[i + 1]!.lower)
    if ((oclock || (timeWords && piece.kind === 'word')) && !meridiem) {
      const next = oclock ? i + 2 : i + 1
      const approximate = rough
      return {
        amount: { start: piece.start, end: pieces[next - 1]!.end, value: `${String(hourWord).padStart(2, '0')}:00`, words: [], approximate, near: hourKeys(hourWord, 0, approximate) },
        next,
      }
    }
  }
  if (piece.kind !== 'number') return null
  const clock = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(piece.text)
  if (!clock) return null
  let [hours, minutes] = [Number(clock[1]), Number(clock[2] ?? 0)]
  let end = piece.end
  let next = i + 1
  // am/pm attached (`5.40am`), as a word (`5 pm`), or dotted (`a.m.`).
  let meridiem = /^(?:am|pm)$/.test(piece.suffix) ? piece.suffix : ''
  if (!meridiem && piece.suffix === '') {
    const word = pieces[i + 1]
    if (word?.kind === 'word' && /^(?:am|pm)$/.test(word.lower)) {
      meridiem = word.lower
      end = word.end
      next = i + 2
    } else if (word?.kind === 'word' && /^[ap]$/.test(word.lower) && pieces[i + 2]?.text === '.' && pieces[i + 3]?.lower === 'm') {
      meridiem = `${word.lower}m`
      next = pieces[i + 4]?.text === '.' ? i + 5 : i + 4
      end = pieces[next - 1]!.end
    }
  }
  if (!meridiem && !(piece.text.includes(':') && piece.suffix === '')) return null
  if (minutes > 59 || hours > (meridiem ? 12 : 23)) return null
  if (meridiem === 'pm' && hours < 12) hours += 12
  if (meridiem === 'am' && hours === 12) hours = 0
  return {
    amount: { start: piece.start, end, value: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`, words: [], approximate: rough, near: hourKeys(hours, minutes, rough) },
    next,
  }
}

/** A quantity: an optional currency sign, a number in figures or words, a scale, a unit; or a fraction of something (`a tenth of their value`: 10 percent). */
function quantityAt(pieces: readonly Piece[], i: number, approximate: boolean): { amount: Amount; next: number } | null {
  const start = pieces[i]!.start
  const share = shareAt(pieces, i)
  if (share) {
    const value = share.fraction * 100
    return { amount: { start, end: pieces[share.next - 1]!.end, value: formatNumber(value), words: ['percent'], approximate: true, near: [nearKey(value, 2)] }, next: share.next }
  }
  let k = i
  const sign = pieces[k]!.kind === 'sign' ? SIGNS.get(pieces[k]!.text)! : null
  if (sign) k++
  const number = pieces[k]?.kind === 'number' ? figuresAt(pieces, k, sign !== null) : wordsAt(pieces, k)
  if (!number) return null
  const year = pieces[k]!.kind === 'number' && /^\d{4}$/.test(pieces[k]!.text) && number.next === k + 1
  k = number.next
  let value = number.value
  const words = sign ? [sign] : []
  const unit = unitAt(pieces, k)
  if (unit) {
    value *= unit.factor
    words.push(...unit.words)
    k += unit.length
  }
  const near = year && !unit ? [] : approximate ? [nearKey(value, 3)] : roundedKeys(value)
  return { amount: { start, end: pieces[k - 1]!.end, value: formatNumber(value), words, approximate, near }, next: k }
}

/** Words that make the amount after them a rough one (`almost`, `more than`, `some`). */
const APPROXIMATOR = /^(?:almost|nearly|about|around|some|roughly|approximately|over|under|circa)$/
const APPROXIMATOR_PAIR = /^(?:more than|less than|fewer than|at least|up to|close to|just over|just under|just below|well over)$/

/** Whether the amount starting at piece `i` is given roughly, by the words before it. */
function approximatorBefore(pieces: readonly Piece[], i: number): boolean {
  const before = pieces[i - 1]
  if (before?.kind !== 'word') return false
  if (APPROXIMATOR.test(before.lower)) return true
  const first = pieces[i - 2]
  return first?.kind === 'word' && APPROXIMATOR_PAIR.test(`${first.lower} ${before.lower}`)
}

/** Fractions of something, read as a share of it: `a tenth of`, `a third of`, `a quarter of`, `half of`. */
const SHARES: ReadonlyMap<string, number> = new Map([
  ['half', 1 / 2],
  ['third', 1 / 3],
  ['quarter', 1 / 4],
  ['fifth', 1 / 5],
  ['tenth', 1 / 10],
])

/** `a tenth of their value`, `half of the members` (not `a quarter of a million`, a number). */
function shareAt(pieces: readonly Piece[], i: number): { fraction: number; next: number } | null {
  const lower = (at: number) => (pieces[at]?.kind === 'word' ? pieces[at]!.lower : '')
  const article = lower(i) === 'a' || lower(i) === 'an'
  const at = article ? i + 1 : i
  const fraction = SHARES.get(lower(at))
  if (fraction === undefined || (!article && lower(at) !== 'half') || lower(at + 1) !== 'of' || lower(at + 2) === 'a' || lower(at + 2) === 'an' || lower(at + 2) === '') return null
  return { fraction, next: at + 2 }
}

/** The key of a value at `digits` significant digits, rounded to the nearest (see {@link Amount.near}). */
function nearKey(value: number, digits: number): string {
  const precision = Math.min(digits, significantDigits(value))
  const step = stepAt(value, precision)
  return `≈${precision}:${formatNumber(Math.round(value / step) * step)}`
}

/** The keys of an exact value: rounded down and up at one to three significant digits. */
function roundedKeys(value: number): string[] {
  if (value === 0) return []
  const keys = new Set<string>()
  for (let digits = 1; digits <= 3; digits++) {
    const step = stepAt(value, digits)
    // 9.4 / 0.1 is 93.99999999999999 in floating point: a quotient that near a whole number is one.
    const quotient = value / step
    const whole = Math.abs(quotient - Math.round(quotient)) < 1e-9 ? Math.round(quotient) : undefined
    keys.add(`≈${digits}:${formatNumber((whole ?? Math.floor(quotient)) * step)}`)
    keys.add(`≈${digits}:${formatNumber((whole ?? Math.ceil(quotient)) * step)}`)
  }
  return [...keys]
}

/** The place value of the last of `digits` significant digits of a value (1140, 2 → 100). */
function stepAt(value: number, digits: number): number {
  return 10 ** (Math.floor(Math.log10(Math.abs(value))) - digits + 1)
}

/** How many significant digits a value is written with (1100 → 2, 9.4 → 2, 0.5 → 1). */
function significantDigits(value: number): number {
  const digits = formatNumber(Math.abs(value)).replace('.', '').replace(/^0+/, '').replace(/0+$/, '')
  return Math.max(1, digits.length)
}

/** A number in figures (`84,000`, `4.75`, `2.5bn`, `38million`), with a scale word after it (`1.5 million`). */
function figuresAt(pieces: readonly Piece[], k: number, afterSign: boolean): { value: number; next: number } | null {
  const piece = pieces[k]!
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(piece.text)) return null
  let value = Number(piece.text.replaceAll(',', ''))
  if (piece.suffix) {
    const scale = SCALES.get(piece.suffix) ?? (afterSign ? SIGN_SCALES.get(piece.suffix) : undefined)
    // Ordinals are numbers (`14th`); any other letters make a code (`5G`, `5m` without a sign).
    if (scale !== undefined) value *= scale
    else if (!/^(?:st|nd|rd|th)$/.test(piece.suffix)) return null
    return { value, next: k + 1 }
  }
  const scale = pieces[k + 1]?.kind === 'word' ? SCALES.get(pieces[k + 1]!.lower) : undefined
  return scale === undefined ? { value, next: k + 1 } : { value: value * scale, next: k + 2 }
}

/**
 * A number in words: `Eighty-four thousand`, `a hundred and sixty thousand`, `two and a half
 * billion`, `half a million`, `a dozen`, `twelve`. `one` alone, `a` and `half` alone are not numbers.
 */
function wordsAt(pieces: readonly Piece[], k: number): { value: number; next: number } | null {
  const lower = (at: number) => (pieces[at]?.kind === 'word' ? pieces[at]!.lower : '')
  const isMultiplier = (word: string) => word === 'hundred' || word === 'dozen' || SCALES.has(word)
  const start = k
  let total = 0
  let current = 0
  let words = 0
  // `a hundred`, `a dozen`, `a fortnight` (read by the unit).
  if ((lower(k) === 'a' || lower(k) === 'an') && isMultiplier(lower(k + 1))) {
    current = 1
    k++
  } else if ((lower(k) === 'a' || lower(k) === 'an') && lower(k + 1) === 'fortnight') {
    return { value: 1, next: k + 1 }
  } else {
    // `half a million`, `a quarter of a million`, `half a point`, `a quarter-point move`: a fraction
    // is a number only before a scale or a unit (`the first quarter of next year` is not).
    const at = lower(k) === 'a' || lower(k) === 'an' ? k + 1 : k
    const fraction = FRACTIONS.get(lower(at))
    if (fraction !== undefined) {
      let m = at + 1
      if (lower(m) === 'a' || lower(m) === 'an') m++
      else if (lower(m) === 'of' && (lower(m + 1) === 'a' || lower(m + 1) === 'an')) m += 2
      if (isMultiplier(lower(m))) {
        current = fraction
        words++
        k = m
      } else if (unitAt(pieces, m) !== null) return { value: fraction, next: m }
      else return null
    }
  }
  for (;;) {
    const word = lower(k)
    const unit = UNITS.get(word)
    const ten = TENS.get(word)
    if (unit !== undefined || ten !== undefined) {
      current += unit ?? ten!
      words++
      k++
      // `eighty-four`
      if (ten !== undefined && pieces[k]?.kind === 'dash' && pieces[k]!.end === pieces[k + 1]?.start && (UNITS.get(lower(k + 1)) ?? 10) < 10) {
        current += UNITS.get(lower(k + 1))!
        k += 2
      }
    } else if ((word === 'hundred' || word === 'dozen') && current > 0) {
      // Only after a number or `a`: `several hundred` and `dozens` are not amounts.
      current *= word === 'hundred' ? 100 : 12
      words++
      k++
    } else if (SCALES.has(word) && current > 0) {
      total += current * SCALES.get(word)!
      current = 0
      words++
      k++
    } else if (word === 'and' && words > 0 && lower(k + 1) === 'a' && FRACTIONS.has(lower(k + 2))) {
      // `two and a half billion`
      current += FRACTIONS.get(lower(k + 2))!
      k += 3
    } else if (word === 'and' && words > 0 && (UNITS.has(lower(k + 1)) || TENS.has(lower(k + 1)))) {
      // `a hundred and sixty`
      k++
    } else break
  }
  const value = total + current
  // `one` alone is as often a pronoun (`one of them`).
  if (words === 0 || (k - start === 1 && lower(start) === 'one')) return null
  return { value, next: k }
}

/** The unit after a number, read into its base unit: percent, percentage points, days. */
function unitAt(pieces: readonly Piece[], k: number): Unit | null {
  // `ten-day`, `two-week`: the unit after a dash touching both words.
  const dashed = pieces[k]?.kind === 'dash' && pieces[k]!.start === pieces[k - 1]?.end && pieces[k]!.end === pieces[k + 1]?.start
  const at = dashed ? k + 1 : k
  const skip = dashed ? 1 : 0
  const piece = pieces[at]
  const word = piece?.kind === 'word' ? piece.lower : ''
  const next = pieces[at + 1]?.kind === 'word' ? pieces[at + 1]!.lower : ''
  if (piece?.kind === 'percent' && !dashed) return { words: ['percent'], factor: 1, length: 1 }
  if (word === 'percent' || word === 'pc') return { words: ['percent'], factor: 1, length: 1 + skip }
  if (word === 'per' && next === 'cent') return { words: ['percent'], factor: 1, length: 2 + skip }
  if (word === 'basis' && /^points?$/.test(next)) return { words: ['point'], factor: 0.01, length: 2 + skip }
  if (word === 'bp' || word === 'bps') return { words: ['point'], factor: 0.01, length: 1 + skip }
  if (word === 'percentage' && /^points?$/.test(next)) return { words: ['point'], factor: 1, length: 2 + skip }
  if (/^points?$/.test(word)) return { words: ['point'], factor: 1, length: 1 + skip }
  if (/^days?$/.test(word)) return { words: ['day'], factor: 1, length: 1 + skip }
  if (/^weeks?$/.test(word)) return { words: ['day'], factor: 7, length: 1 + skip }
  if (/^fortnights?$/.test(word)) return { words: ['day'], factor: 14, length: 1 + skip }
  return null
}

/** A number as one token: no grouping, no exponent, at most 12 significant digits (`2500000000`, `0.5`). */
function formatNumber(value: number): string {
  const rounded = Number(value.toPrecision(12))
  return Number.isInteger(rounded) ? BigInt(rounded).toString() : String(rounded)
}
