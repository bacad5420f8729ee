import { describe, expect, it } from 'vitest'
import { ftsPhraseQuery } from '../../src/core/d1-content.ts'

describe('ftsPhraseQuery', () => {
  it('asks FTS5 for the text column, one phrase per choice of terms', () => {
    expect(ftsPhraseQuery([['red'], ['line']])).toBe('text : ("red line")')
    expect(ftsPhraseQuery([['red', 'reddish'], ['line', 'lie']])).toBe('text : ("red line" OR "red lie" OR "reddish line" OR "reddish lie")')
  })

  it('gives undefined past the most choices, and null when a position has no term FTS5 could hold', () => {
    expect(ftsPhraseQuery([['a', 'b', 'c'], ['d', 'e', 'f']], 8)).toBeUndefined()
    expect(ftsPhraseQuery([['a', 'b', 'c'], ['d', 'e', 'f']], 9)).toContain('"c f"')
    expect(ftsPhraseQuery([['red'], ['a"b', '_']])).toBeNull()
    expect(ftsPhraseQuery([['red'], ['a"b', 'line']])).toBe('text : ("red line")')
  })
})
