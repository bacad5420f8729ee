/**
 * The widget's snippet parsing, as pure functions (the browser tests render them): the API's
 * escaped snippets come back to exactly the paragraph's text, with `<mark>` the only markup.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { escapeHtml } from '../../src/core/snippet.ts'
import { decodeEntities, markMatches, parseSnippet } from '../../src/widget/snippet.ts'

describe('decodeEntities', () => {
  it('decodes what an HTML escaper writes, once, and leaves anything else as written', () => {
    expect(decodeEntities('a &lt;b&gt; &amp;lt; &#39;c&#x27; &quot;d&quot; &bogus; &#0; &#xD800;')).toBe(`a <b> &lt; 'c' "d" &bogus; &#0; &#xD800;`)
  })
})

describe('parseSnippet', () => {
  it('splits on <mark> only and joins marks separated by spaces', () => {
    expect(parseSnippet('use of <mark>red</mark> <mark>line</mark> &amp; <b>x</b> &lt;mark&gt;')).toEqual([
      { text: 'use of ', marked: false },
      { text: 'red line', marked: true },
      { text: ' & <b>x</b> <mark>', marked: false },
    ])
  })

  it('gives back exactly the text of any escaped string, unmarked', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(parseSnippet(escapeHtml(text)).map((run) => run.text).join('')).toBe(text)
        expect(parseSnippet(escapeHtml(text)).every((run) => !run.marked)).toBe(true)
      })
    )
  })

  it('gives back the text and the marked runs of any escaped snippet', () => {
    const run = fc.record({ text: fc.string({ minLength: 1 }), marked: fc.boolean() })
    fc.assert(
      fc.property(fc.array(run), (runs) => {
        const snippet = runs.map(({ text, marked }) => (marked ? `<mark>${escapeHtml(text)}</mark>` : escapeHtml(text))).join('')
        const parsed = parseSnippet(snippet)
        expect(parsed.map((r) => r.text).join('')).toBe(runs.map((r) => r.text).join(''))
        const markedText = (list: { text: string; marked: boolean }[]) => list.filter((r) => r.marked).map((r) => r.text.trim()).join('')
        expect(markedText(parsed).replace(/\s+/g, '')).toBe(markedText(runs).replace(/\s+/g, ''))
      })
    )
  })
})

describe('markMatches', () => {
  it('marks the ranges the API gives, joining marks separated by spaces only', () => {
    // "Red" is 0–3, "red" 16–19, "line" 20–24 of the text below.
    expect(markMatches('Red lines and a red line; redder', [{ start: 0, end: 3 }, { start: 16, end: 19 }, { start: 20, end: 24 }])).toEqual([
      { text: 'Red', marked: true },
      { text: ' lines and a ', marked: false },
      { text: 'red line', marked: true },
      { text: '; redder', marked: false },
    ])
  })

  it('counts offsets in UTF-16 code units and skips ranges out of order or outside the text', () => {
    // "🇫🇷" is four code units: "Paris" is 5–10.
    expect(markMatches('🇫🇷 Paris', [{ start: 5, end: 10 }, { start: 2, end: 4 }, { start: 8, end: 30 }])).toEqual([
      { text: '🇫🇷 ', marked: false },
      { text: 'Paris', marked: true },
    ])
  })
})
