/**
 * @module
 * Lines that printing puts at a page's edge: page numbers in the common formats, the header and
 * footer a browser prints (date and time in the locale's short format, the page's title, its URL
 * and the page count). Each is evidence of a page break as well as furniture.
 */

/**
 * The word for a page before its number, whole or abbreviated, in the languages of the captures
 * seen and their neighbours (a new language is a new row): English, German, Spanish, Portuguese,
 * Italian, Dutch, French, Swedish, Danish and Norwegian, Finnish, Polish, Czech and Slovak,
 * Croatian and Serbian, Slovene, Romanian, Russian, Ukrainian, Turkish, Hungarian, Greek, Indonesian.
 */
const PAGE_WORD = [
  'page', 'pages', 'pg', 'pp', 'p',
  'seite', 's',
  'página', 'pagina', 'pág', 'pag',
  'sida', 'side', 'sivu',
  'strona', 'str', 'strana', 'stránka', 'stranica', 'stran', 'pagină',
  'страница', 'стр', 'сторінка', 'halaman', 'hal',
  'sayfa', 'oldal', 'σελίδα', 'σελ',
].join('|')
/** What joins a page's number to the count: `of`, `von`, `de`, `sur`, `di`, `van`, `av`, `af`, `z`, `od`, `din`, `из`, `з`, `από`, `dari`, `/`. */
const PAGE_OF = ['of', 'von', 'de', 'sur', 'di', 'van', 'av', 'af', 'z', 'ze', 'od', 'din', 'iz', 'из', 'з', 'от', 'από', 'dari', '/'].join('|')
/** `Page 2`, `p. 2`, `Pág. 2`, `Page | 2`, `Page 2 of 13`, `Seite 2 von 5`, `Strona 2 z 3`: the word, then the number and count. */
const WORD_AND_NUMBER = String.raw`(?:${PAGE_WORD})(?:\.\s*|\s*\|\s*|\s+)\d{1,4}(?:\s*(?:${PAGE_OF})\s*\d{1,4})?`
/** `2 of 13`, `2/13`, `2 z 3`. */
const NUMBER_OF_COUNT = String.raw`\d{1,4}\s*(?:${PAGE_OF})\s*\d{1,4}`
/** The number before the word: a word processor's footer (`2 | P a g e`), Hungarian's `2. oldal`. */
const NUMBER_BAR_WORD = String.raw`\d{1,4}\s*\|\s*(?:p\s?a\s?g\s?e|seite|página|pagina)|\d{1,4}\.\s*(?:oldal|old\.)`
/** Dashes, tildes, bullets and asterisks printers put on both sides of a page number (`- 2 -`, `— 2 —`, `− 2 −`, `~ 2 ~`, `• 2 •`, `-- 2 --`). */
const FLANK = String.raw`[-‐‑–—‒―−~•·*]{1,3}`
/** A page count or number: `2 of 13`, `Page 2`, `Page 2 of 13`, `Seite 2 von 5`, `2/13`, `- 2 -`, `- Page 2 -`, `(2)`, `[2]`, `2`. */
const PAGE_NUMBER = String.raw`(?:${WORD_AND_NUMBER}|${NUMBER_OF_COUNT}|${NUMBER_BAR_WORD}|${FLANK}\s*(?:${WORD_AND_NUMBER}|${NUMBER_OF_COUNT}|\d{1,4})\s*${FLANK}|\[\s*(?:${NUMBER_OF_COUNT}|\d{1,4})\s*\]|\(\s*(?:${NUMBER_OF_COUNT}|\d{1,4})\s*\)|\d{1,4})`
/** A short numeric date as browsers print it: `3/12/21`, `12.03.21`, `12/03/2021`, `2021-03-12`, `2021/03/12`. */
const NUMERIC_DATE = String.raw`(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})`
/** A clock time: `10:15`, `10:15:30`, `10:15 AM`, `10.15 p.m.`, `10h15`. */
const CLOCK = String.raw`\d{1,2}(?:[:.h]\d{2}){1,2}(?:\s*[ap]\.?\s?m\.?)?`
/** A print timestamp: date and time, as a browser's header puts them (`12.03.21, 10:15`, `12/03/2021 10:15`). */
const TIMESTAMP = String.raw`${NUMERIC_DATE}\s*,?\s*(?:à\s+|um\s+|at\s+)?${CLOCK}`

const PAGE_MARKER = new RegExp(String.raw`^(?:${PAGE_NUMBER}(?:\s+${TIMESTAMP})?|${TIMESTAMP}(?:\s+${PAGE_NUMBER})?)$`, 'i')
/** A timestamp opening a line, with the page's title after it (a browser's print header). */
const PRINT_HEADER = new RegExp(String.raw`^(?:${PAGE_NUMBER}\s+)?${TIMESTAMP}\s+(?<title>\S.*)$`, 'i')
/** A page's title before a timestamp (some locales' headers put the date on the right). */
const PRINT_HEADER_DATE_LAST = new RegExp(String.raw`^(?<title>\S.*?)\s+${TIMESTAMP}$`, 'i')
/** A URL, with or without scheme, with an optional page count after it (a browser's print footer). */
const URL_LINE = new RegExp(
  String.raw`^(?<url>(?:https?:\/\/|file:\/\/\/?|www\.)\S+|[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,24}(?::\d+)?\/\S*)(?:\s+(?:[-–—|·]\s+)?${PAGE_NUMBER})?$`,
  'iu'
)
/**
 * A page number or count after a title, as a running header or footer prints it: `Tram line
 * approved 2/5`, `Tram line approved    Page 2 of 3`, `Tram line approved | 2`, `Tram line approved
 * 2` (spaces are collapsed by then; a bare number of up to three digits, not a year). Taken only
 * when the title is the document's.
 */
const TITLE_AND_COUNT = new RegExp(String.raw`^(?<title>\S.*?)\s+(?:[|·–—-]\s+)?(?:${NUMBER_OF_COUNT}|${WORD_AND_NUMBER}|\d{1,3})$`, 'i')

/** What a page-edge line is. */
export type PageMarkerKind = 'page-number' | 'print-header' | 'url'

/**
 * Whether a line is a page marker: a page number or count in a common format, maybe with the
 * print timestamp, or a timestamp alone.
 *
 * @example
 * isPageMarker('2 of 13 29.05.17, 15:24') // => true
 * isPageMarker('- 2 -')                   // => true
 * isPageMarker('2 of 13 people agreed')   // => false
 */
export function isPageMarker(line: string): boolean {
  return PAGE_MARKER.test(line)
}

/**
 * The URL of a line that is a bare URL, with or without scheme (a print footer, perhaps with its
 * page count); `null` for any other line.
 *
 * @example
 * urlOfLine('https://www.bbc.com/news/world-europe-40082451 2/13') // => 'https://www.bbc.com/news/world-europe-40082451'
 * urlOfLine('news.example.org/local/tram')                         // => 'news.example.org/local/tram'
 * urlOfLine('See https://example.com')                             // => null
 */
export function urlOfLine(line: string): string | null {
  // A URL closing a sentence (`… is available at example.org/report.`) is the text's, not a footer.
  if (/[.,;:!?”"’]$/u.test(line) && !/(?:\.\.\.|…)$/u.test(line)) return null
  return URL_LINE.exec(line)?.groups?.['url'] ?? null
}

/**
 * The title a browser's print header or footer carries beside its timestamp or page count, or
 * `null` when the line is no such header. The title part is what the caller should compare with
 * the document's title; a header is only taken for one when its title is known or short.
 *
 * @example
 * printHeaderTitle('3/12/21, 10:15 AM Tram line approved') // => 'Tram line approved'
 */
export function printHeaderTitle(line: string): string | null {
  const match = PRINT_HEADER.exec(line) ?? PRINT_HEADER_DATE_LAST.exec(line)
  return match?.groups?.['title']?.trim() ?? null
}

/** The title of a footer line `Title 2/5`, or `null`. */
export function titleBeforePageCount(line: string): string | null {
  return TITLE_AND_COUNT.exec(line)?.groups?.['title']?.trim() ?? null
}

/**
 * What kind of page-edge line `line` is, or `null`. A print header is a timestamp with at most
 * `maxTitleWords` words of title beside it (a line of body text never opens with a timestamp
 * followed by a whole sentence, but a title may be long).
 */
export function pageMarkerKind(line: string, maxTitleWords = 30): PageMarkerKind | null {
  if (PAGE_MARKER.test(line)) return 'page-number'
  if (urlOfLine(line) !== null) return 'url'
  const title = printHeaderTitle(line)
  if (title !== null && title.split(' ').length <= maxTitleWords) return 'print-header'
  return null
}
