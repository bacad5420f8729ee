/**
 * @module
 * Footnotes: a note printed at a page's foot (`¹ The agreement expired in 2008.`) belongs after
 * the paragraph whose marker (`agreement¹`) calls it, never between the two halves of a paragraph
 * cut at that page's end. Markers go from the text only when their note is found, so `m²` stays.
 */
import { setText, type Unit } from './units.ts'

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹'
const NOTE = new RegExp(`^([${SUPERSCRIPT_DIGITS}]+)\\s*(?=\\S)`, 'u')

/** Takes the footnotes out of `units` (in place), marking each with its number. */
export function takeOutNotes(units: Unit[]): Unit[] {
  const notes: Unit[] = []
  for (let i = units.length - 1; i >= 0; i--) {
    const unit = units[i]!
    if (unit.kindFromEvidence) continue
    const match = NOTE.exec(unit.text)
    if (!match) continue
    unit.note = match[1]!
    setText(unit, unit.text.slice(match[0].length))
    unit.kind = 'body'
    notes.unshift(unit)
    units.splice(i, 1)
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
  const marker = new RegExp(`(?<=[\\p{L}\\p{N}.,;:!?)"”’»])([${SUPERSCRIPT_DIGITS}]+)(?=[\\s.,;:!?)"”’»]|$)`, 'gu')
  for (const paragraph of paragraphs) {
    const text = paragraph.text.replace(marker, (found: string) => {
      const note = byNumber.get(found)
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
