import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readAmounts } from '../../src/core/amounts.ts'

/** Each amount of a text as [its text, its value, its words]. */
const read = (text: string) => readAmounts(text).map((amount) => [text.slice(amount.start, amount.end), amount.value, amount.words.join(' ')])

describe('readAmounts', () => {
  it('reads figures with grouping, decimals, scale words and suffixes as one number', () => {
    expect(read('84,000 bikes, 1.5 million homes, 2.5bn, 38million')).toEqual([
      ['84,000', '84000', ''],
      ['1.5 million', '1500000', ''],
      ['2.5bn', '2500000000', ''],
      ['38million', '38000000', ''],
    ])
  })

  it('reads numbers written in words, compounds and fractions of a scale included', () => {
    expect(read('Eighty-four thousand riders')).toEqual([['Eighty-four thousand', '84000', '']])
    expect(read('A hundred and sixty thousand people')).toEqual([['A hundred and sixty thousand', '160000', '']])
    // 2.5 × 10^9 and 0.5 × 10^6.
    expect(read('two and a half billion, half a million')).toEqual([
      ['two and a half billion', '2500000000', ''],
      ['half a million', '500000', ''],
    ])
    expect(read('by five votes to four, a dozen packs, Twelve bikes')).toEqual([
      ['five', '5', ''],
      ['four', '4', ''],
      ['a dozen', '12', ''],
      ['Twelve', '12', ''],
    ])
  })

  it('leaves out what only looks like a number: `one` alone, `several hundred`, `half` alone, codes', () => {
    expect(read('one family, several hundred people, half the members, the G7, a 5m fall, dozens')).toEqual([])
  })

  it('writes a currency sign as its word, and reads `m`/`k` as a scale only after one', () => {
    expect(read('€38m, $2.5bn, £5k, US$7')).toEqual([
      ['€38m', '38000000', 'euro'],
      ['$2.5bn', '2500000000', 'dollar'],
      ['£5k', '5000', 'pound'],
      ['US$7', '7', 'dollar'],
    ])
  })

  it('reads percentages, basis points and percentage points into percent and points', () => {
    expect(read('4.75%, 4.75 per cent, 4.75 percent')).toEqual([
      ['4.75%', '4.75', 'percent'],
      ['4.75 per cent', '4.75', 'percent'],
      ['4.75 percent', '4.75', 'percent'],
    ])
    // 50 basis points are 0.5 percentage points.
    expect(read('by 50 basis points, by half a point, by 0.5 percentage points')).toEqual([
      ['50 basis points', '0.5', 'point'],
      ['half a point', '0.5', 'point'],
      ['0.5 percentage points', '0.5', 'point'],
    ])
    // A fraction is a number before a unit or a scale, with or without a dash; a quarter of a year is not.
    expect(read('a quarter-point move, the half-point rise, a quarter of a million, in the first quarter of next year')).toEqual([
      ['a quarter-point', '0.25', 'point'],
      ['half-point', '0.5', 'point'],
      ['a quarter of a million', '250000', ''],
    ])
  })

  it('reads durations in weeks and fortnights as days', () => {
    expect(read('within 14 days, two weeks, a fortnight; a ten-day deadline')).toEqual([
      ['14 days', '14', 'day'],
      ['two weeks', '14', 'day'],
      ['a fortnight', '14', 'day'],
      ['ten-day', '10', 'day'],
    ])
  })

  it('reads a date in either order and abbreviated as month-day, with the month', () => {
    expect(read('due on Dec. 14; on 14 December; December 14th')).toEqual([
      ['Dec. 14', '12-14', 'december'],
      ['14 December', '12-14', 'december'],
      ['December 14th', '12-14', 'december'],
    ])
    // The end of a month is its last day; the end of anything else is no date.
    expect(read('until the end of June, by the end of February, at the end of the day')).toEqual([
      ['end of June', '06-30', 'june'],
      ['end of February', '02-28', 'february'],
    ])
    // A year is no day, and `may` in lowercase is a verb.
    expect(read('January 2023, it may 5')).toEqual([
      ['2023', '2023', ''],
      ['5', '5', ''],
    ])
  })

  it('reads times of day on the 24-hour clock', () => {
    expect(read('at 05:40, 5.40am, 5 p.m. and 12am')).toEqual([
      ['05:40', '05:40', ''],
      ['5.40am', '05:40', ''],
      ['5 p.m.', '17:00', ''],
      ['12am', '00:00', ''],
    ])
  })

  it('marks an amount given roughly, with its key at its own precision; an exact one gets its value rounded down and up', () => {
    const rough = (text: string) => readAmounts(text).map((amount) => [text.slice(amount.start, amount.end), amount.approximate, amount.near])
    // 1,140 at one, two and three significant digits: 1000 and 2000, 1100 and 1200, 1140.
    expect(rough('1,140 flights, more than 1,100 flights, more than a thousand')).toEqual([
      ['1,140', false, ['≈1:1000', '≈1:2000', '≈2:1100', '≈2:1200', '≈3:1140']],
      ['1,100', true, ['≈2:1100']],
      ['a thousand', true, ['≈1:1000']],
    ])
    // A share of something is a rough percentage; 9.4 rounds up to 10 at one digit (not 9.3 by floating point at two).
    expect(rough('almost a tenth of their value, 9.4 per cent')).toEqual([
      ['a tenth of', true, ['≈1:10']],
      ['9.4 per cent', false, ['≈1:9', '≈1:10', '≈2:9.4', '≈3:9.4']],
    ])
    // Years and dates have no keys: "about 2,000" is not 2008.
    expect(rough('in 2008, on 14 December').map(([, , near]) => near)).toEqual([[], []])
  })

  it('gives a time the hours around it, and a time given roughly its nearest hour, on the 12-hour clock', () => {
    const rough = (text: string) => readAmounts(text).map((amount) => [text.slice(amount.start, amount.end), amount.value, amount.approximate, amount.near])
    expect(rough('at 05:40, shortly before six, at 14:30, at 6pm')).toEqual([
      ['05:40', '05:40', false, ['≈h:5', '≈h:6']],
      ['six', '06:00', true, ['≈h:6']],
      ['14:30', '14:30', false, ['≈h:2', '≈h:3']],
      ['6pm', '18:00', false, ['≈h:6']],
    ])
    // An hour in words is a time after words only a time takes, or with o'clock; "around six" may be six of anything.
    expect(rough("just after 6pm, around 5am, since six o'clock, around six people")).toEqual([
      ['6pm', '18:00', true, ['≈h:6']],
      ['5am', '05:00', true, ['≈h:5']],
      ["six o'clock", '06:00', false, ['≈h:6']],
      ['six', '6', true, ['≈1:6']],
    ])
  })

  it('finds nothing in a text without digits or number words', () => {
    expect(readAmounts('The court struck the law down.')).toEqual([])
  })

  it('finds amounts in order, inside the text and apart, whatever the text', () => {
    const piece = fc.constantFrom('84,000', '€38m', '$2.5bn', 'Eighty', '-', 'four', 'thousand', 'a', 'half', 'quarter', 'point', 'per', 'cent', '%', 'Dec', '.', '14', 'June', 'end', 'of', '5.40am', '05:40', 'one', 'weeks', 'and', ' ', ',', 'US$', 'dozen')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(' ')), fc.string(), (words, noise) => {
        for (const text of [words, noise, `${noise} ${words}`]) {
          let end = 0
          for (const amount of readAmounts(text)) {
            expect(amount.start).toBeGreaterThanOrEqual(end)
            expect(amount.end).toBeGreaterThan(amount.start)
            expect(amount.end).toBeLessThanOrEqual(text.length)
            // One token: no spaces, no grouping, no exponent.
            expect(amount.value).toMatch(/^(?:\d+(?:\.\d+)?|\d\d-\d\d|\d\d:\d\d)$/)
            end = amount.end
          }
        }
      }),
      { numRuns: 300 }
    )
  })
})
