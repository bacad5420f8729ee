/**
 * @module
 * The one date format of the widget and the pages: `29 May 2017`, in a fixed locale (`en-GB`), so
 * the Worker and every browser print the same words whatever the reader's locale.
 */

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })

/**
 * A publication date for people, in UTC; an unparsable one is shown as written, an empty one as
 * nothing.
 *
 * @param published - An ISO 8601 date (`YYYY-MM-DD`) or timestamp.
 * @example
 * formatDate('2017-05-29') // => '29 May 2017'
 * formatDate('spring 2017') // => 'spring 2017'
 */
export function formatDate(published: string): string {
  const time = Date.parse(published)
  return Number.isNaN(time) ? published : DATE_FORMAT.format(time)
}
