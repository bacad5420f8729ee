/**
 * @module
 * Footnotes: a note (`¹ The agreement expired in 2008.`, or `1. The agreement …` as `pdftotext`
 * prints a superscript) belongs after the paragraph whose marker (`agreement¹`, `agreement1`)
 * calls it, never between the two halves of a paragraph cut at a page's end. A line is a note
 * only when a marker of its number stands in the text before it, and a marker goes from the text
 * only when its note is found, so `m²` and `G7` stay.
 */
import { endsMidSentence, startsMidSentence } from './text-shape.ts'
import { appendUnit, setText, type Unit, type Vocabulary } from './units.ts'

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹'
/** A note's number: superscript digits, or digits with `.`, `)` or nothing before a capital. */
const NOTE = new RegExp(`^(?:([${SUPERSCRIPT_DIGITS}]{1,2})\\s*(?=\\S)|\\[?(\\d{1,2})[.)\\]]?\\s+(?=\\p{Lu}))`, 'u')
/** A marker: superscript digits after a word or its punctuation, or digits glued to a lower-case word's end. */
const MARKER = new RegExp(`(?:(?<=[\\p{L}\\p{N}.,;:!?)"”’»“«‘])([${SUPERSCRIPT_DIGITS}]{1,2})|(?<=\\p{Ll})(\\d{1,2}))(?=[\\s.,;:!?)"”’»]|$)`, 'gu')

/** A unit of length before a square or cube (`m²`, `km²`, `cm³`, `sq ft²`): an exponent, not a note's marker. */
const UNIT_BEFORE = /(?:^|[\s\d/(])(?:[kcmdµ]?m|ft|yd|mi|in)$/u

/** Whether the marker at `index` of `text` (`²` or `³` after a unit of length) is an exponent. */
function isExponent(text: string, index: number, marker: string): boolean {
  return (marker === '²' || marker === '³') && UNIT_BEFORE.test(text.slice(Math.max(0, index - 8), index))
}

/** Digits of a note number written in superscript or not (`¹²` → `12`). */
function digits(value: string): string {
  return value.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (char) => String(SUPERSCRIPT_DIGITS.indexOf(char)))
}

/**
 * Takes the footnotes out of `units` (in place), marking each with its number. A note wrapped over
 * lines takes its run-on lines with it: a line opening mid-sentence under a note cut mid-sentence,
 * on the same page (`¹ The agreement expired in 2008 and` / `was not renewed.`).
 */
export function takeOutNotes(units: Unit[], vocabulary: Vocabulary): Unit[] {
  // Which note numbers the text calls, and from how far down (the note comes after its call).
  const firstCall = new Map<string, number>()
  units.forEach((unit, i) => {
    for (const match of unit.text.matchAll(MARKER)) {
      if (isExponent(unit.text, match.index, match[0])) continue
      const number = digits(match[1] ?? match[2]!)
      if (!firstCall.has(number)) firstCall.set(number, i)
    }
  })
  const notes: Unit[] = []
  for (let i = units.length - 1; i >= 0; i--) {
    const unit = units[i]!
    if (unit.kindFromEvidence) continue
    const match = NOTE.exec(unit.text)
    if (!match) continue
    const number = digits(match[1] ?? match[2]!)
    const call = firstCall.get(number)
    if (call === undefined || call >= i) continue
    unit.note = number
    setText(unit, unit.text.slice(match[0].length))
    unit.kind = 'body'
    let end = i + 1
    while (end < units.length && endsMidSentence(unit.text) && startsMidSentence(units[end]!.text) && units[end]!.gap !== 'page' && !units[end]!.kindFromEvidence) {
      appendUnit(unit, units[end]!, 'wrapped line', vocabulary)
      end++
    }
    notes.unshift(unit)
    units.splice(i, end - i)
  }
  return notes
}

/**
 * Removes the markers of `notes` from the paragraphs in `order` and returns the order with each
 * note right after the first paragraph that calls it (notes nobody calls go after the paragraph
 * printed before them, `fallback`).
 */
export function placeNotes(paragraphs: readonly Unit[], notes: readonly Unit[], fallback: ReadonlyMap<Unit, Unit | undefined>): Unit[] {
  if (notes.length === 0 || paragraphs.length === 0) return [...paragraphs, ...notes]
  const byNumber = new Map(notes.map((note) => [note.note!, note]))
  const after = new Map<Unit, Unit[]>()
  const placed = new Set<Unit>()
  for (const paragraph of paragraphs) {
    const text = paragraph.text.replace(MARKER, (found: string, _super: unknown, _plain: unknown, index: number, whole: string) => {
      if (isExponent(whole, index, found)) return found
      const note = byNumber.get(digits(found))
      if (!note) return found
      if (!placed.has(note)) {
        placed.add(note)
        after.set(paragraph, [...(after.get(paragraph) ?? []), note])
      }
      return ''
    })
    if (text !== paragraph.text) setText(paragraph, text)
  }
  for (const note of notes) {
    if (placed.has(note)) continue
    const host = fallback.get(note) ?? paragraphs[paragraphs.length - 1]!
    after.set(host, [...(after.get(host) ?? []), note])
  }
  return paragraphs.flatMap((paragraph) => [paragraph, ...(after.get(paragraph) ?? [])])
}
