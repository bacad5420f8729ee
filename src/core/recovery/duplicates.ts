/**
 * @module
 * Duplicates by position: a capture printed twice (or a page printed again after a break) holds
 * copies of its paragraphs, which are aligned and folded into one; containment alone proves
 * nothing, so a paragraph that repeats or extends a sentence of another, or two paragraphs with
 * the same opening, are both kept. A unit is a copy of a kept one when:
 * - its text is the same and it is long or a whole sentence, or it stands right after a copy of
 *   the kept unit's predecessor (the two printings run in parallel);
 * - it is that paragraph cut at a break: the kept one's beginning, stopping mid-sentence, or a
 *   tail of it starting mid-sentence;
 * - the kept one is such a cut of it: then the fuller text takes the kept one's place.
 * Units are looked up by their first and last words, so the pass is near-linear.
 */
import { endsSentence, startsMidSentence, startsWithParticleName, wordCount } from './text-shape.ts'
import { openingOf } from './joins.ts'
import { keyOf, setText, type Unit } from './units.ts'

/** A copy shorter than this many words is too common to be called a cut of another. */
const MIN_CUT_WORDS = 4
/** An exact repeat this long is a copy even with nothing around it repeated. */
const MIN_STANDALONE_REPEAT_WORDS = 6
const CLOSING_WORDS = 4

/** What the pass found. */
export type Deduplicated = {
  /** The kept units, in order of first appearance. */
  kept: Unit[]
  /** For every input unit, the index in `kept` of the unit it is or is a copy of. */
  keptIndexOf: number[]
  /** For every input unit that is a copy, `true`. */
  isCopy: boolean[]
}

function closingOf(key: string): string {
  let at = key.length
  for (let n = 0; n < CLOSING_WORDS; n++) {
    at = key.lastIndexOf(' ', at - 1)
    if (at < 0) return key
  }
  return key.slice(at + 1)
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key)
  if (list) list.push(index)
  else map.set(key, [index])
}

/** Whether the two kinds may be one paragraph's copies: captions match captions, headings only exactly. */
function kindsMatch(a: Unit, b: Unit): boolean {
  if (a.kind === 'heading' || b.kind === 'heading') return false
  return (a.kind === 'caption') === (b.kind === 'caption')
}

/** Folds copies into the paragraphs they copy. */
export function removeDuplicates(units: readonly Unit[]): Deduplicated {
  const kept: Unit[] = []
  const keptIndexOf: number[] = []
  const isCopy: boolean[] = []
  const byKey = new Map<string, number>()
  /** For each kept unit, the input position its text and lines come from. */
  const sourceOf: number[] = []
  /** For each input unit, whether it matched a unit seen before (whichever of the two is kept). */
  const repeats: boolean[] = []
  const byOpening = new Map<string, number[]>()
  const byClosing = new Map<string, number[]>()
  const index = (unit: Unit, at: number) => {
    const key = keyOf(unit)
    byKey.set(key, at)
    push(byOpening, openingOf(key), at)
    push(byClosing, closingOf(key), at)
  }

  units.forEach((unit, position) => {
    const key = keyOf(unit)
    const words = wordCount(unit.text)
    let at = byKey.get(key)
    if (at !== undefined) {
      const previous = keptIndexOf[position - 1]
      const inRun = position > 0 && repeats[position - 1] === true && previous === at - 1
      const sentence = endsSentence(unit.text) && words >= 3
      if (words >= MIN_STANDALONE_REPEAT_WORDS || sentence || inRun || unit.kind === 'caption' || kept[at]!.kind === 'caption') {
        // The same text seen bare and as a labelled caption is one caption.
        if (unit.kind === 'caption') kept[at]!.kind = 'caption'
        keptIndexOf.push(at)
        isCopy.push(true)
        repeats.push(true)
        return
      }
    } else if (words >= MIN_CUT_WORDS) {
      at = findCut(unit, key, kept, byOpening, byClosing)
      if (at !== undefined) {
        keptIndexOf.push(at)
        isCopy.push(true)
        repeats.push(true)
        return
      }
      at = findCutOf(unit, key, kept, byOpening)
      if (at !== undefined) {
        // A fuller copy of a kept cut: its text and lines take the cut's place, and the cut is the copy.
        const old = kept[at]!
        byKey.delete(keyOf(old))
        setText(old, unit.text)
        old.pieces = unit.pieces
        old.joins = unit.joins
        index(old, at)
        isCopy[sourceOf[at]!] = true
        sourceOf[at] = position
        keptIndexOf.push(at)
        isCopy.push(false)
        repeats.push(true)
        return
      }
    }
    const copy: Unit = { ...unit }
    sourceOf.push(position)
    index(copy, kept.length)
    keptIndexOf.push(kept.length)
    isCopy.push(false)
    repeats.push(false)
    kept.push(copy)
  })
  return { kept, keptIndexOf, isCopy }
}

/** A kept unit of which `unit` is a cut: its beginning stopping mid-sentence, or a tail opening mid-sentence. */
function findCut(unit: Unit, key: string, kept: readonly Unit[], byOpening: Map<string, number[]>, byClosing: Map<string, number[]>): number | undefined {
  if (!endsSentence(unit.text)) {
    for (const at of byOpening.get(openingOf(key)) ?? []) {
      const full = kept[at]!
      if (kindsMatch(unit, full) && keyOf(full).length > key.length && keyOf(full).startsWith(key + ' ')) return at
    }
  }
  // A sentence opening with a name in lower case (`van Leeuwen said …`) is one repeated, not a cut tail.
  if (startsMidSentence(unit.text) && !startsWithParticleName(unit.text)) {
    for (const at of byClosing.get(closingOf(key)) ?? []) {
      const full = kept[at]!
      if (kindsMatch(unit, full) && keyOf(full).length > key.length && keyOf(full).endsWith(' ' + key)) return at
    }
  }
  return undefined
}

/** A kept unit that is a cut of `unit` (its beginning, stopping mid-sentence). */
function findCutOf(unit: Unit, key: string, kept: readonly Unit[], byOpening: Map<string, number[]>): number | undefined {
  for (const at of byOpening.get(openingOf(key)) ?? []) {
    const cut = kept[at]!
    const cutKey = keyOf(cut)
    if (!kindsMatch(unit, cut) || endsSentence(cut.text) || wordCount(cut.text) < MIN_CUT_WORDS) continue
    if (key.length > cutKey.length && key.startsWith(cutKey + ' ')) return at
  }
  return undefined
}
