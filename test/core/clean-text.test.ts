import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { comparisonKey, stripMarkup } from '../../src/core/clean-text.ts'

describe('stripMarkup', () => {
  it('keeps the text of links and emphasis', () => {
    expect(stripMarkup('accused of [launching cyber attacks](#) by **holding him** and *te-te*')).toBe(
      'accused of launching cyber attacks by holding him and te-te'
    )
  })

  it('drops images and HTML formatting tags, decodes entities, keeps other tags as text', () => {
    expect(stripMarkup('![photo](x.jpg)Tom &amp; <b>Jerry</b> &#8220;hi&#x201D;<br/>')).toBe('Tom & Jerry “hi”')
    expect(stripMarkup('They injected <script>alert(1)</script> into <P class="x">pages</p>')).toBe('They injected <script>alert(1)</script> into pages')
  })

  it('leaves lone asterisks and arithmetic alone', () => {
    expect(stripMarkup('2 * 3 = 6 and a footnote*')).toBe('2 * 3 = 6 and a footnote*')
  })

  it('property: output has no leading, trailing or doubled spaces', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (line) => {
        const out = stripMarkup(line)
        expect(out).toBe(out.trim())
        expect(out).not.toMatch(/\s\s/)
      })
    )
  })
})

describe('comparisonKey', () => {
  it('folds case, quotes, dashes and white space', () => {
    expect(comparisonKey('“Frank”  exchange — Putin’s')).toBe(comparisonKey('"frank" exchange - putin\'s'))
  })
})
