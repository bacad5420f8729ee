/**
 * @module
 * Small formatting helpers shared by the page templates.
 */

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })

/**
 * A publication date for people; an unparsable one is shown as written, an empty one as nothing.
 *
 * @example
 * formatDate('2017-05-29') // => '29 May 2017'
 */
export function formatDate(published: string): string {
  const time = Date.parse(published)
  return Number.isNaN(time) ? published : dateFormat.format(time)
}

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
