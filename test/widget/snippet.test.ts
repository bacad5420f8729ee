/**
 * The widget's highlights, as pure functions (the browser tests render them): a hit's text cut to
 * its window, with exactly the API's match offsets marked and nothing parsed.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { markSpans } from '../../src/widget/snippet.ts'

describe('markSpans', () => {
  it('marks exactly the ranges given, over the whole text', () => {
    // "Red" is 0–3, "red" 16–19, "line" 20–24 of the text below; the space between stays unmarked.
    expect(markSpans('Red lines and a red line; redder', [{ start: 0, end: 3 }, { start: 16, end: 19 }, { start: 20, end: 24 }])).toEqual([
      { text: 'Red', marked: true },
      { text: ' lines and a ', marked: false },
      { text: 'red', marked: true },
      { text: ' ', marked: false },
      { text: 'line', marked: true },
      { text: '; redder', marked: false },
    ])
  })

  it('shows only the window, with … where the text is cut, and clips marks to it', () => {
    // "a red line here": "red" 2–5, "line" 6–10, "here" 11–15; the window is "red line".
    expect(markSpans('a red line here', [{ start: 2, end: 5 }, { start: 6, end: 10 }, { start: 11, end: 15 }], { start: 2, end: 10 })).toEqual([
      { text: '…', marked: false },
      { text: 'red', marked: true },
      { text: ' ', marked: false },
      { text: 'line', marked: true },
      { text: '…', marked: false },
    ])
    expect(markSpans('a red line', [{ start: 0, end: 5 }], { start: 2, end: 10 })).toEqual([
      { text: '…', marked: false },
      { text: 'red', marked: true },
      { text: ' line', marked: false },
    ])
  })

  it('counts offsets in UTF-16 code units and skips ranges out of order or past the text', () => {
    // "🇫🇷" is four code units: "Paris" is 5–10.
    expect(markSpans('🇫🇷 Paris', [{ start: 5, end: 10 }, { start: 2, end: 4 }, { start: 8, end: 30 }])).toEqual([
      { text: '🇫🇷 ', marked: false },
      { text: 'Paris', marked: true },
    ])
  })

  it('gives back the window’s text, with the marked runs exactly the ranges inside it', () => {
    const input = fc.string({ minLength: 1, maxLength: 60 }).chain((text) =>
      fc.record({
        text: fc.constant(text),
        cuts: fc.uniqueArray(fc.integer({ min: 0, max: text.length }), { maxLength: 8 }).map((cuts) => cuts.sort((a, b) => a - b)),
        window: fc.tuple(fc.integer({ min: 0, max: text.length }), fc.integer({ min: 0, max: text.length })).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) })),
      })
    )
    fc.assert(
      fc.property(input, ({ text, cuts, window }) => {
        const spans = []
        for (let i = 0; i + 1 < cuts.length; i += 2) spans.push({ start: cuts[i]!, end: cuts[i + 1]! })
        const runs = markSpans(text, spans, window)
        // The ellipses stand for the text cut off at either end of the window.
        const shown = runs.slice(window.start > 0 ? 1 : 0, window.end < text.length ? -1 : undefined)
        if (window.start > 0) expect(runs[0]).toEqual({ text: '…', marked: false })
        if (window.end < text.length) expect(runs.at(-1)).toEqual({ text: '…', marked: false })
        expect(shown.map((run) => run.text).join('')).toBe(text.slice(window.start, window.end))
        const expected = spans.map(({ start, end }) => text.slice(Math.max(start, window.start), Math.min(end, window.end))).filter(Boolean)
        expect(runs.filter((run) => run.marked).map((run) => run.text)).toEqual(expected)
      })
    )
  })
})
