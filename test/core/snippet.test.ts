import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildSnippet, escapeHtml, snippetWindow } from '../../src/core/snippet.ts'

const unescape = (html: string) =>
  html.replace(/<\/?mark>/g, '').replace(/&lt;|&gt;|&quot;|&#39;|&amp;/g, (e) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' })[e]!)

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;')
  })
})

describe('buildSnippet', () => {
  it('escapes everything, then marks the spans', () => {
    const text = '<b>Tom</b> & "Jerry"'
    expect(buildSnippet(text, [{ start: 3, end: 6 }, { start: 14, end: 19 }], 200)).toBe('&lt;b&gt;<mark>Tom</mark>&lt;/b&gt; &amp; &quot;<mark>Jerry</mark>&quot;')
  })

  it('keeps a short paragraph whole', () => {
    expect(buildSnippet('Short text.', [], 60)).toBe('Short text.')
  })

  it('cuts a long paragraph at word boundaries around the densest cluster of matches', () => {
    const text = 'Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon.'
    const start = text.indexOf('kappa')
    const spans = [{ start, end: start + 5 }, { start: start + 13, end: start + 15 }]
    expect(buildSnippet(text, spans, 30)).toBe('…iota <mark>kappa</mark> lambda <mark>mu</mark> nu xi…')
  })

  it('never cuts a character in two', () => {
    const text = '𝒜'.repeat(100)
    const html = buildSnippet(text, [{ start: 100, end: 102 }], 61)
    expect(html.replace(/<\/?mark>|…/g, '')).toMatch(/^(?:𝒜)+$/u)
    expect(buildSnippet(text, [], 61).replace(/…/g, '')).toMatch(/^(?:𝒜)+$/u)
  })

  it('shows the start of a paragraph with no match', () => {
    expect(buildSnippet('One two three four five six seven eight nine ten.', [], 20)).toBe('One two three four…')
  })

  it('prefers the window holding more matches', () => {
    const text = 'red ' + 'x '.repeat(40) + 'red line red ' + 'y '.repeat(40)
    const at = (needle: string, from = 0) => text.indexOf(needle, from)
    const second = at('red line')
    const spans = [{ start: 0, end: 3 }, { start: second, end: second + 8 }, { start: at('red', second + 8), end: at('red', second + 8) + 3 }]
    expect(buildSnippet(text, spans, 30)).toContain('<mark>red line</mark> <mark>red</mark>')
  })

  it('property: only <mark> is markup, and the text shown is a piece of the paragraph', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 60, max: 500 }), fc.array(fc.nat(), { maxLength: 6 }), (text, maxLength, cuts) => {
        const points = [...new Set(cuts.map((n) => (text.length ? n % text.length : 0)))].sort((a, b) => a - b)
        const spans = []
        for (let i = 0; i + 1 < points.length; i += 2) if (points[i]! < points[i + 1]!) spans.push({ start: points[i]!, end: points[i + 1]! })
        const html = buildSnippet(text, spans, maxLength)
        expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"']/)
        const shown = unescape(html).replace(/^…|…$/g, '')
        expect(text).toContain(shown)
        expect(shown.length).toBeLessThanOrEqual(maxLength)
      })
    )
  })

  it('property: the window is inside the text and holds the first cluster span', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 400 }), fc.nat(), fc.integer({ min: 60, max: 200 }), (text, at, maxLength) => {
        const start = at % text.length
        const span = { start, end: Math.min(text.length, start + 5) }
        const window = snippetWindow(text, [span], maxLength)
        expect(window.start).toBeGreaterThanOrEqual(0)
        expect(window.end).toBeLessThanOrEqual(text.length)
        expect(window.start).toBeLessThanOrEqual(span.start)
        expect(window.end).toBeGreaterThanOrEqual(span.end)
      })
    )
  })
})

describe('word-safe windows', () => {
  it('starts outside a word when no space comes before the matches', () => {
    // a0-3 b5-8 "pro" 10-12 "-" 13 "Kremlin" 14-20 c22-25: centring a 14-character window on
    // "Kremlin" would start at 11, inside "pro".
    const text = 'aaaa bbbb pro-Kremlin cccc dddd eeee'
    expect(snippetWindow(text, [{ start: 14, end: 21 }], 14)).toEqual({ start: 13, end: 21 })
    expect(buildSnippet(text, [{ start: 14, end: 21 }], 14)).toBe('…-<mark>Kremlin</mark>…')
  })

  it('ends between two words of a match longer than the window', () => {
    const text = 'He spoke of a strategy combining intimidation and information war today.'
    // The match runs from "a" (12) to "war" (66); 30 characters from 12 end inside "intimidation".
    expect(buildSnippet(text, [{ start: 12, end: 66 }], 30)).toBe('…<mark>a strategy combining</mark>…')
  })

  it('property: no window edge falls inside a word', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('red', 'lines', 'pro-Kremlin', 'a', 'intimidation', "didn't", '—', '"x"'), { minLength: 1, maxLength: 40 }), fc.integer({ min: 10, max: 60 }), fc.nat(), (words, maxLength, pick) => {
        const text = words.join(' ')
        const tokens = [...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)]
        fc.pre(tokens.length > 0)
        const token = tokens[pick % tokens.length]!
        const window = snippetWindow(text, [{ start: token.index, end: token.index + token[0].length }], maxLength)
        for (const edge of [window.start, window.end]) {
          const inside = tokens.some((t) => t.index < edge && edge < t.index + t[0].length)
          expect(inside, `${JSON.stringify(text)} ${maxLength} ${JSON.stringify(window)}`).toBe(false)
        }
      })
    )
  })
})
