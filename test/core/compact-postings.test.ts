import { describe, expect, it } from 'vitest'
import { decodeColumns, decodePostings, encodeColumns, encodePostings, encodePostingsParts, joinPostings, toPlainPostings } from '../../src/core/compact-postings.ts'

describe('encodePostings', () => {
  it('writes each field with gaps between ascending short ids in base 36, and frequencies above 1', () => {
    // Field 0: paragraphs 0, 3 (twice), 40 (gap 37 = "11"); field 2: paragraph 5, eleven times ("b").
    expect(encodePostings({ 2: { 5: 11 }, 0: { 40: 1, 0: 1, 3: 2 } })).toBe('0:0,3.2,11;2:5.b')
  })

  it('round-trips through decodePostings', () => {
    const plain = { 0: { 0: 1, 3: 2, 40: 1 }, 2: { 5: 11 } }
    const decoded = decodePostings(encodePostings(plain))
    expect(decoded.map((field) => [field.fieldId, [...field.docs], [...field.tfs]])).toEqual([
      [0, [0, 3, 40], [1, 2, 1]],
      [2, [5], [11]],
    ])
    expect(toPlainPostings(decoded)).toEqual(plain)
  })
})

describe('encodePostingsParts', () => {
  it('cuts between entries, each part starting its gaps from 0', () => {
    // "0:0,3.2" is 7 characters; ",6" would make 9 > 8, so paragraph 9 opens a part as "0:9".
    expect(encodePostingsParts({ 0: { 0: 1, 3: 2, 9: 1 } }, 8)).toEqual(['0:0,3.2', '0:9'])
    // A field that starts in a full part starts the next one.
    expect(encodePostingsParts({ 0: { 1: 1 }, 1: { 2: 1 } }, 5)).toEqual(['0:1', '1:2'])
    expect(encodePostingsParts({ 0: { 1: 1 }, 1: { 2: 1 } }, 7)).toEqual(['0:1;1:2'])
  })

  it('gives back the whole when its parts are decoded and joined', () => {
    const plain: Record<string, Record<string, number>> = { 0: {}, 1: {} }
    for (let doc = 0; doc < 500; doc += 7) plain[0]![doc] = (doc % 3) + 1
    for (let doc = 3; doc < 500; doc += 11) plain[1]![doc] = 1
    const parts = encodePostingsParts(plain, 30)
    expect(parts.length).toBeGreaterThan(10)
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(30)
    expect(toPlainPostings(joinPostings(parts.map(decodePostings)))).toEqual(plain)
  })
})

describe('decodePostings', () => {
  it.each(['0:', '0:1,', '0;1', 'x', '0:1.', '0:1,,2'])('names the offset of malformed postings %j', (text) => {
    expect(() => decodePostings(text)).toThrow(/postings are malformed at offset \d+/)
  })
})

describe('columns', () => {
  const rows = [
    { kind: 'caption', fact: 0, lengths: [7, null, 3] },
    { kind: 'list-item', fact: 36, lengths: [300, 2, 0] },
    { kind: 'body', fact: 1, lengths: [1, 0, 0] },
  ] as const
  // Count 3 and 3 fields; kinds (caption 1, list-item 4, body 0 in PARAGRAPH_KINDS); facts; then
  // each field's lengths. 300 takes two bytes: 300 - 256 = 44, with the high bit 172, then 2.
  const bytes = [3, 3, 1, 4, 0, 0, 36, 1, 7, 172, 2, 1, 0, 2, 0, 3, 0, 0]

  it('encode column after column in varints and decode into typed columns, source and position from the sources\' sizes', () => {
    expect([...encodeColumns(rows, 3)]).toEqual(bytes)
    // Two sources: the first has two paragraphs, the second one.
    const columns = decodeColumns(new Uint8Array(bytes), 3, [2, 1])
    expect(columns.count).toBe(3)
    expect([...columns.source]).toEqual([0, 0, 1])
    expect([...columns.position]).toEqual([0, 1, 0])
    expect([...columns.kind]).toEqual([1, 4, 0])
    expect([...columns.fact]).toEqual([0, 36, 1])
    expect(columns.lengths.map((lengths) => [...lengths])).toEqual([[7, 300, 1], [0, 2, 0], [3, 0, 0]])
  })

  it('name bytes that end early or go on, a count or width that is not the manifest\'s, and an unknown kind', () => {
    expect(() => decodeColumns(new Uint8Array(bytes.slice(0, -1)), 3, [2, 1])).toThrow('paragraph columns are malformed: the bytes end inside the varint at offset 17')
    expect(() => decodeColumns(new Uint8Array([...bytes, 0]), 3, [2, 1])).toThrow('paragraph columns are malformed: 1 bytes past the last column')
    expect(() => decodeColumns(new Uint8Array(bytes), 3, [2])).toThrow('paragraph columns have 3 rows for 2 paragraphs in the manifest')
    // Row 1 names fact 36, that is the 36th of the list kept beside: a list of 35 lacks it.
    expect(decodeColumns(new Uint8Array(bytes), 3, [2, 1], 36).fact[1]).toBe(36)
    expect(() => decodeColumns(new Uint8Array(bytes), 3, [2, 1], 35)).toThrow('paragraph columns are malformed: row 1 names fact 35 of 35')
    expect(() => decodeColumns(new Uint8Array(bytes), 2, [2, 1])).toThrow('paragraph columns are malformed: 3 field lengths a row, not 2')
    expect(() => decodeColumns(new Uint8Array([3, 3, 9, ...bytes.slice(3)]), 3, [2, 1])).toThrow('paragraph columns are malformed: kind 9 of row 0 is past the 5 kinds')
    // 2^32 (0x80 0x80 0x80 0x80 0x10) as a fact: the columns are 32 bits wide.
    expect(() => decodeColumns(new Uint8Array([1, 0, 0, 0x80, 0x80, 0x80, 0x80, 0x10]), 0, [1])).toThrow('paragraph columns are malformed: 4294967296 at offset 8 is past 32 bits')
    expect([...encodeColumns([], 3)]).toEqual([0, 3])
    expect(decodeColumns(encodeColumns([], 3), 3, []).count).toBe(0)
    expect(() => encodeColumns([{ kind: 'footer' as never, fact: 0, lengths: [] }], 3)).toThrow('paragraph kind "footer" is not one of')
    expect(() => encodeColumns([{ kind: 'body', fact: -1, lengths: [] }], 3)).toThrow('a varint holds a non-negative integer, not -1')
  })
})
