import { describe, expect, it } from 'vitest'
import { VarintReader, VarintWriter } from '../../src/core/varint.ts'

describe('varints', () => {
  it('write seven bits a byte, least significant first, and read them back', () => {
    const writer = new VarintWriter(1)
    // 127 fits one byte; 128 is 0 with the high bit, then 1; 2^53 - 1 takes eight bytes.
    for (const value of [0, 127, 128, 16_384, Number.MAX_SAFE_INTEGER]) writer.write(value)
    const bytes = writer.written()
    expect([...bytes.subarray(0, 6)]).toEqual([0, 127, 0x80, 1, 0x80, 0x80])
    expect(bytes.length).toBe(1 + 1 + 2 + 3 + 8)
    const reader = new VarintReader(bytes)
    expect([reader.read(), reader.read(), reader.read(), reader.read(), reader.read()]).toEqual([0, 127, 128, 16_384, Number.MAX_SAFE_INTEGER])
    expect(reader.done).toBe(true)
  })

  it('refuse what is not a safe non-negative integer, and bytes that end inside a varint', () => {
    const writer = new VarintWriter()
    expect(() => writer.write(-1)).toThrow(RangeError)
    expect(() => writer.write(1.5)).toThrow('a varint holds a non-negative integer, not 1.5')
    const cut = new VarintReader(new Uint8Array([5, 0x80]))
    expect(cut.read()).toBe(5)
    expect(() => cut.read()).toThrow('the bytes end inside the varint at offset 1')
    expect(() => new VarintReader(new Uint8Array(9).fill(0xff)).read()).toThrow('the varint at offset 0 is longer than a safe integer')
    // Eight bytes hold 56 bits: seven of 0x7f and a last 0x7f is 2^56 - 1, past 2^53 - 1.
    expect(() => new VarintReader(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])).read()).toThrow('the varint at offset 0 is longer than a safe integer')
  })
})
