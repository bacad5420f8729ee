/**
 * @module
 * Superscript and subscript characters: what a page sets raised or lowered (`m<sup>2</sup>`,
 * `agreement<sup>1</sup>`, `H<sub>2</sub>O`, or a smaller raised run in a PDF) written with the
 * Unicode characters that say so (`m²`, `agreement¹`, `H₂O`), so the text keeps the difference
 * between `m2` and `m²` and recovery can tell a footnote marker from a number.
 */

const SUPERSCRIPTS: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾',
}

const SUBSCRIPTS: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎',
}

function mapAll(text: string, table: Record<string, string>): string | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  let out = ''
  for (const char of trimmed) {
    const mapped = table[char]
    if (mapped === undefined) return undefined
    out += mapped
  }
  return out
}

/**
 * `text` in superscript characters when every character has one (digits, `+ − = ( )`), else
 * `undefined` (a raised `th` or `Mme` stays as written).
 *
 * @example
 * superscript('2') // => '²'
 * superscript('th') // => undefined
 */
export function superscript(text: string): string | undefined {
  return mapAll(text, SUPERSCRIPTS)
}

/**
 * `text` in subscript characters when every character has one (digits, `+ − = ( )`), else `undefined`.
 *
 * @example
 * subscript('2') // => '₂'
 */
export function subscript(text: string): string | undefined {
  return mapAll(text, SUBSCRIPTS)
}
