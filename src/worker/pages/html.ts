/**
 * @module
 * HTML strings for the pages, escaped by construction: {@link html} escapes every interpolated
 * value unless it is itself the output of `html`, so a page template cannot forget to escape.
 */
import { escapeHtml } from '../../core/snippet.ts'

/** A string of HTML that is safe to send: built by {@link html}. */
export class Html {
  /** The markup. */
  readonly value: string

  constructor(value: string) {
    this.value = value
  }

  toString(): string {
    return this.value
  }
}

/** What a template may interpolate: text (escaped), numbers, `Html`, lists of these; `null`, `undefined` and `false` render nothing. */
export type Interpolation = Html | string | number | null | undefined | false | readonly Interpolation[]

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof Html) return value.value
  if (Array.isArray(value)) return value.map(render).join('')
  return escapeHtml(String(value))
}

/**
 * Tagged template for HTML: the literal parts are markup, every value is escaped.
 *
 * @example
 * html`<p title="${title}">${text}</p>`.value // => '<p title="a &amp; b">&lt;script&gt;</p>' for title 'a & b', text '<script>'
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0]!
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!
  })
  return new Html(out)
}
