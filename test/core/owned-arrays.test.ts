import { describe, expect, it } from 'vitest'
import { releaseArrays, resized } from '../../src/core/owned-arrays.ts'

describe('releaseArrays', () => {
  it('leaves each array empty, its buffer detached, whatever its type', () => {
    const ints = Int32Array.of(1, 2, 3)
    const doubles = Float64Array.of(0.5, 0.25)
    const bytes = new Uint8Array(1024)
    releaseArrays(ints, doubles, bytes)
    expect([ints.length, doubles.length, bytes.length]).toEqual([0, 0, 0])
    expect([ints.buffer.byteLength, doubles.buffer.byteLength, bytes.buffer.byteLength]).toEqual([0, 0, 0])
    expect(ints[0]).toBeUndefined()
  })

  it('lets an empty or already released array be released again', () => {
    const once = Int16Array.of(7)
    releaseArrays(once)
    expect(() => releaseArrays(once, new Int32Array(0))).not.toThrow()
    expect(once.length).toBe(0)
  })

  it('refuses a view sharing its buffer, and empties nothing', () => {
    const whole = Int32Array.of(10, 20, 30, 40)
    const tail = whole.subarray(2)
    const head = whole.subarray(0, 2)
    expect(() => releaseArrays(tail)).toThrow(/shares its buffer \(offset 8, 16 bytes\)/)
    expect(() => releaseArrays(head)).toThrow(/a typed array of 2 values shares its buffer \(offset 0, 16 bytes\)/)
    expect([...whole]).toEqual([10, 20, 30, 40])
  })
})

describe('resized', () => {
  it('grows an array, the new values 0, and empties the old one', () => {
    const old = Int32Array.of(5, -6, 7)
    const grown = resized(old, 5)
    expect(grown).toBeInstanceOf(Int32Array)
    expect([...grown]).toEqual([5, -6, 7, 0, 0])
    expect(old.length).toBe(0)
  })

  it('cuts an array to its first values, keeping its type', () => {
    const cut = resized(Float64Array.of(0.125, 2.5, 3), 2)
    expect(cut).toBeInstanceOf(Float64Array)
    expect([...cut]).toEqual([0.125, 2.5])
    const shorts = resized(Int16Array.of(-300, 300, 1), 1)
    expect(shorts).toBeInstanceOf(Int16Array)
    expect([...shorts]).toEqual([-300])
  })

  it('makes a fresh array of zeros from a released one', () => {
    const gone = Uint8Array.of(9, 9)
    releaseArrays(gone)
    expect([...resized(gone, 3)]).toEqual([0, 0, 0])
  })

  it('refuses a view sharing its buffer', () => {
    const whole = Int32Array.of(1, 2, 3, 4)
    expect(() => resized(whole.subarray(1, 3), 4)).toThrow(/a typed array of 2 values shares its buffer \(offset 4, 16 bytes\)/)
    expect([...whole]).toEqual([1, 2, 3, 4])
  })
})
