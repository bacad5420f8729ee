import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findHighlights } from '../../src/core/highlight.ts'

const marked = (text: string, spec: Parameters<typeof findHighlights>[1]) => findHighlights(text, spec).map((s) => text.slice(s.start, s.end))

describe('findHighlights', () => {
  it('marks every word whose term is wanted, through stemming', () => {
    expect(marked('Weapons, a weapon, weaponry.', { terms: new Set(['weapon']) })).toEqual(['Weapons', 'weapon'])
  })

  it('marks a phrase as one span, and its words alone only if wanted alone', () => {
    const text = 'A "red line" here; a line there.'
    expect(marked(text, { terms: new Set(), phrases: [['red', 'line']] })).toEqual(['red line'])
    expect(marked(text, { terms: new Set(['line']), phrases: [['red', 'line']] })).toEqual(['red line', 'line'])
  })

  it('marks function words only when nothing else matched', () => {
    expect(marked('The talks in the palace', { terms: new Set(['palac']), weakTerms: new Set(['the']) })).toEqual(['palace'])
    expect(marked('The talks in the palace', { terms: new Set(), weakTerms: new Set(['the']) })).toEqual(['The', 'the'])
  })

  it('property: spans are sorted, disjoint, and inside the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('red', 'line', 'lines', 'Red', 'x', ',', ' ', '"'), { maxLength: 30 }), (parts) => {
        const text = parts.join(' ')
        const spans = findHighlights(text, { terms: new Set(['line', 'x']), phrases: [['red', 'line']] })
        spans.forEach((span, i) => {
          expect(span.start).toBeGreaterThanOrEqual(i === 0 ? 0 : spans[i - 1]!.end)
          expect(span.end).toBeLessThanOrEqual(text.length)
          expect(span.end).toBeGreaterThan(span.start)
        })
      })
    )
  })
})
