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

  it.each([
    ['X', 0],
    // "x" is a digit (33): field 33 lacks its colon.
    ['x', 1],
    ['0:', 2],
    ['0;1', 1],
    ['0:1.', 4],
    ['0:1,,2', 4],
    ['0:1X', 3],
  ])('names the offset of the character out of place in %j: %d', (text, offset) => {
    expect(() => decodePostings(text)).toThrow(`postings are malformed at offset ${offset}:`)
  })

  it('reads fields as dense as the text allows, and sparse ones, to their last entry', () => {
    // Field 0: ten gaps of one digit ("1,1,…": 19 characters, the most entries they hold);
    // field 1: gaps of two and three digits ("10" = 36, "100" = 1296), one with a frequency.
    const dense = Array.from({ length: 10 }, () => '1').join(',')
    const [first, second] = decodePostings(`0:${dense};1:10,100.3`)
    expect([...first!.docs]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect([...first!.tfs]).toEqual(Array(10).fill(1))
    expect(second!.fieldId).toBe(1)
    expect([...second!.docs]).toEqual([36, 36 + 1296])
    expect([...second!.tfs]).toEqual([1, 3])
  })
})

describe('columns', () => {
  const rows = [
    { kind: 'caption', fact: 0, lengths: [7, null, 3] },
    { kind: 'list-item', fact: 36, lengths: [300, 2, 0] },
    { kind: 'body', fact: 1, lengths: [1, 0, 0] },
  ] as const
  // Header: count 3, 3 fields, the five columns' widths (kinds, facts and lengths 1 and 2 under
  // 256: one byte; lengths 0 reach 300: two), a byte of padding to 8. Then each column padded to
  // 4: kinds (caption 1, list-item 4, body 0 in PARAGRAPH_KINDS), facts, lengths 0 little-endian
  // (300 = 256 + 44: 44, 1), lengths 1, lengths 2.
  const bytes = [3, 3, 1, 1, 2, 1, 1, 0, 1, 4, 0, 0, 0, 36, 1, 0, 7, 0, 44, 1, 1, 0, 0, 0, 0, 2, 0, 0, 3, 0, 0, 0]

  it('encode column after column, each in the narrowest width, and decode into typed columns, source and position from the sources\' sizes', () => {
    expect([...encodeColumns(rows, 3)]).toEqual(bytes)
    // Two sources: the first has two paragraphs, the second one.
    const columns = decodeColumns(new Uint8Array(bytes), 3, [2, 1])
    expect(columns.count).toBe(3)
    expect([...columns.source]).toEqual([0, 0, 1])
    expect([...columns.position]).toEqual([0, 1, 0])
    expect([...columns.kind]).toEqual([1, 4, 0])
    expect([...columns.fact]).toEqual([0, 36, 1])
    expect(columns.lengths.map((lengths) => [...lengths])).toEqual([[7, 300, 1], [0, 2, 0], [3, 0, 0]])
    // Bytes at an offset no view can start from decode the same.
    const shifted = new Uint8Array(bytes.length + 1)
    shifted.set(bytes, 1)
    expect(decodeColumns(shifted.subarray(1), 3, [2, 1])).toEqual(columns)
  })

  it('write a value past 16 bits in four bytes', () => {
    // Fact 70,000 = 0x00011170: header count 1, 1 field, widths 1, 4, 1, padded to 8; then the
    // kind (body), the fact little-endian, the length.
    const wide = [1, 1, 1, 4, 1, 0, 0, 0, 0, 0, 0, 0, 0x70, 0x11, 0x01, 0x00, 9, 0, 0, 0]
    expect([...encodeColumns([{ kind: 'body', fact: 70_000, lengths: [9] }], 1)]).toEqual(wide)
    expect(decodeColumns(new Uint8Array(wide), 1, [1]).fact[0]).toBe(70_000)
    // Sources of 0 paragraphs take no rows; positions start again at each source.
    const three = encodeColumns([0, 0, 0].map(() => ({ kind: 'body' as const, fact: 0, lengths: [1] })), 1)
    const columns = decodeColumns(three, 1, [1, 0, 2])
    expect([...columns.source]).toEqual([0, 2, 2])
    expect([...columns.position]).toEqual([0, 0, 1])
  })

  it('name bytes that end early or go on, a count, field count or width that is not right, an unknown kind and a fact past the list', () => {
    expect(() => decodeColumns(new Uint8Array(bytes.slice(0, -1)), 3, [2, 1])).toThrow('paragraph columns are malformed: 31 bytes, not the 32 the header gives')
    expect(() => decodeColumns(new Uint8Array([3]), 3, [2, 1])).toThrow('paragraph columns are malformed: the bytes end inside the varint at offset 1')
    expect(() => decodeColumns(new Uint8Array([...bytes, 0]), 3, [2, 1])).toThrow('paragraph columns are malformed: 1 bytes past the last column')
    expect(() => decodeColumns(new Uint8Array(bytes), 3, [2])).toThrow('paragraph columns have 3 rows for 2 paragraphs in the manifest')
    // Row 1 names fact 36, that is the 36th of the list kept beside: a list of 35 lacks it.
    expect(decodeColumns(new Uint8Array(bytes), 3, [2, 1], 36).fact[1]).toBe(36)
    expect(() => decodeColumns(new Uint8Array(bytes), 3, [2, 1], 35)).toThrow('paragraph columns are malformed: row 1 names fact 35 of 35')
    expect(() => decodeColumns(new Uint8Array(bytes), 2, [2, 1])).toThrow('paragraph columns are malformed: 3 field lengths a row, not 2')
    // Byte 8 is row 0's kind.
    expect(() => decodeColumns(new Uint8Array([...bytes.slice(0, 8), 9, ...bytes.slice(9)]), 3, [2, 1])).toThrow('paragraph columns are malformed: kind 9 of row 0 is past the 5 kinds')
    // Byte 2 is the kinds' width: kind 257 in two bytes would read as 1 in a byte.
    expect(() => decodeColumns(new Uint8Array([1, 0, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0]), 0, [1])).toThrow("paragraph columns are malformed: the kinds' column is 2 bytes wide, not 1")
    // Byte 4 is the width of lengths 0 (column 2).
    expect(() => decodeColumns(new Uint8Array([...bytes.slice(0, 4), 3, ...bytes.slice(5)]), 3, [2, 1])).toThrow('paragraph columns are malformed: column 2 is 3 bytes wide, not 1, 2 or 4')
    // No rows: the header (count 0, 3 fields, five widths of 1) and its byte of padding.
    expect([...encodeColumns([], 3)]).toEqual([0, 3, 1, 1, 1, 1, 1, 0])
    expect(decodeColumns(encodeColumns([], 3), 3, []).count).toBe(0)
    expect(() => encodeColumns([{ kind: 'footer' as never, fact: 0, lengths: [] }], 3)).toThrow('paragraph kind "footer" is not one of')
    expect(() => encodeColumns([{ kind: 'body', fact: -1, lengths: [] }], 3)).toThrow('the fact of row 0 is -1, not an integer from 0 to 2^32 - 1')
    expect(() => encodeColumns([{ kind: 'body', fact: 0, lengths: [1, 2 ** 32] }], 3)).toThrow('length 1 of row 0 is 4294967296, not an integer from 0 to 2^32 - 1')
  })
})
