/**
 * @module
 * Recognises the lines of a printed web page that are not article text: page markers, datelines,
 * photo credits, caption labels, web-page chrome. Each function looks at one cleaned line.
 */

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec'
const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?`
const NUMERIC_DATE = String.raw`\d{1,4}[./-]\d{1,2}[./-]\d{1,4}`
const PAGE_COUNT = String.raw`(?:page\s+)?\d+\s*(?:of|/)\s*\d+`
const TIMESTAMP = String.raw`${NUMERIC_DATE},?\s+${CLOCK}`

/** `2 of 13 29.05.17, 15:24`, `29.05.17, 15:24 2 of 13`, `Page 2 of 13`, a lone print timestamp. */
const PAGE_MARKER = new RegExp(
  String.raw`^(?:${PAGE_COUNT}(?:\s+${TIMESTAMP})?|${TIMESTAMP}(?:\s+${PAGE_COUNT})?)$`,
  'i'
)

/** `53 minutes ago Europe`, `Published 2 hours ago`, `29 May 2017`, `Updated 29 May 2017, 14:10`. */
const DATELINE = new RegExp(
  String.raw`^(?:(?:published|updated|posted|last updated)\s*:?\s*)?` +
    String.raw`(?:\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|` +
    String.raw`\d{1,2}\s+(?:${MONTHS})[a-z]*\.?\s+\d{4}|(?:${MONTHS})[a-z]*\.?\s+\d{1,2},?\s+\d{4})` +
    String.raw`(?:,?\s+${CLOCK})?(?:\s+(?<label>\p{Lu}[\p{L}&'-]*(?:\s+[\p{L}&'-]+){0,2}))?$`,
  'iu'
)

const CREDIT_LABEL = /^(?:image|photo|picture|video)\s+(?:copyright|credit|source)\b\s*[,:]?\s*(?<credit>.*)$/i
const CAPTION_LABEL = /^(?:image|media|video|photo|picture)\s+caption\s*[,:]?\s*(?<caption>.+)$/i
/** A bare URL, possibly with the page count a print footer puts after it. */
const URL_LINE = new RegExp(String.raw`^(?<url>(?:https?:\/\/|www\.)\S+)(?:\s+${PAGE_COUNT})?$`, 'i')

/** Picture agencies and credit lines that appear alone under a photo. */
const AGENCIES = new Set(
  [
    'afp', 'ap', 'epa', 'pa', 'reuters', 'getty images', 'getty', 'afp/getty images',
    'associated press', 'pa media', 'pa wire', 'alamy', 'shutterstock', 'bbc', 'tass', 'ria novosti',
    'anadolu agency', 'xinhua', 'eyevine', 'rex features', 'rex/shutterstock', 'sputnik',
  ].map((name) => name.toLowerCase())
)

/** Web-page chrome that a print of an article page carries along. */
const CHROME_LINES = new Set(
  [
    'share this with', 'share this story', 'share this page', 'about sharing', 'copy this link',
    'email', 'facebook', 'messenger', 'twitter', 'pinterest', 'whatsapp', 'linkedin',
    'more on this story', 'top stories', 'features', 'most read', 'most watched', 'skip to content',
    'related internet links', 'media playback is unsupported on your device',
    'the bbc is not responsible for the content of external sites.',
    'read more about our approach to external linking.', 'advertisement', 'close share panel',
    'these are external links and will open in a new window', 'related content', 'more on this story',
  ].map((line) => line.toLowerCase())
)

/** A BBC-style section label printed under the headline. */
const SECTION_LABEL = /^from the section\s+\S.{0,40}$/i

/** The line that opens a list of topic tags at the end of an article. */
export const RELATED_TOPICS = /^related (?:topics|tags)$/i

/**
 * Whether a line is a page marker left by printing: page number and print timestamp.
 *
 * @example
 * isPageMarker('2 of 13 29.05.17, 15:24') // => true
 * isPageMarker('2 of 13 people agreed')   // => false
 */
export function isPageMarker(line: string): boolean {
  return PAGE_MARKER.test(line)
}

/**
 * Parses a dateline (`53 minutes ago Europe`); returns the section label it carries, `''` when it
 * has none, or `null` when the line is not a dateline.
 *
 * @example
 * parseDateline('53 minutes ago Europe') // => 'Europe'
 * parseDateline('29 May 2017')           // => ''
 * parseDateline('Macron met Putin')      // => null
 */
export function parseDateline(line: string): string | null {
  const match = DATELINE.exec(line)
  if (!match) return null
  return match.groups?.['label']?.trim() ?? ''
}

/**
 * Whether a line is a photo credit: `Image copyright X`, or a picture agency alone on a line
 * (`AFP`, `REUTERS`, `Getty Images`).
 *
 * @example
 * isPhotoCredit('Image copyright Reuters') // => true
 * isPhotoCredit('AFP')                     // => true
 * isPhotoCredit('Reuters reported that')   // => false
 */
export function isPhotoCredit(line: string): boolean {
  if (CREDIT_LABEL.test(line)) return true
  return AGENCIES.has(line.toLowerCase().replace(/[.:]$/, ''))
}

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
 * Splits a credit and a caption printed on one line (`Image copyright AFP Image caption X`) into
 * two lines; any other line is returned alone.
 *
 * @example
 * splitCreditAndCaption('Image copyright AFP Image caption Crowds') // => ['Image copyright AFP', 'Image caption Crowds']
 */
export function splitCreditAndCaption(line: string): string[] {
  const at = line.search(/\s(?:image|media|video|photo)\s+caption\b/i)
  if (at > 0 && CREDIT_LABEL.test(line.slice(0, at))) return [line.slice(0, at), line.slice(at + 1)]
  return [line]
}

/**
 * The URL of a line that is a bare URL (a print footer, perhaps with its page count), which is
 * furniture but may name the source; `null` for any other line.
 *
 * @example
 * urlOfLine('https://www.bbc.com/news/world-europe-40082451 2/13') // => 'https://www.bbc.com/news/world-europe-40082451'
 * urlOfLine('See https://example.com')                            // => null
 */
export function urlOfLine(line: string): string | null {
  return URL_LINE.exec(line)?.groups?.['url'] ?? null
}

/**
 * Whether a line is web-page chrome: sharing buttons, navigation headings, player notices.
 *
 * @example
 * isPageChrome('Share this with') // => true
 */
export function isPageChrome(line: string): boolean {
  return CHROME_LINES.has(line.toLowerCase()) || SECTION_LABEL.test(line)
}
