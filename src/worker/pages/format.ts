/**
 * @module
 * Small formatting helpers shared by the page templates.
 */

/** The one date format of the widget and the pages (`29 May 2017`). */
export { formatDate } from '../../core/format-date.ts'

/**
 * The address if it is an `http:` or `https:` URL, else `null`: only those become links.
 *
 * @example
 * safeHttpUrl('javascript:alert(1)') // => null
 */
export function safeHttpUrl(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null
  } catch {
    return null
  }
}

/**
 * "1 paragraph", "34 paragraphs".
 *
 * @example
 * plural(1, 'paragraph') // => '1 paragraph'
 */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
