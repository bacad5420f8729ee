import { describe, expect, it } from 'vitest'
import { base64ToBytes, bytesToBase64 } from '../../src/core/base64.ts'

describe('base64', () => {
  it('turns bytes into RFC 4648 text and back', () => {
    // "hi" is 0x68 0x69: 011010 000110 1001(00) → a G k, one pad.
    expect(bytesToBase64(new Uint8Array([104, 105]))).toBe('aGk=')
    expect([...base64ToBytes('aGk=')]).toEqual([104, 105])
    expect(bytesToBase64(new Uint8Array(0))).toBe('')
    // Past one chunk of String.fromCharCode's arguments, every byte value.
    const bytes = Uint8Array.from({ length: 0x8000 * 2 + 3 }, (_, i) => i % 256)
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes)
  })

  it('refuses text that is not base64', () => {
    expect(() => base64ToBytes('a*b=')).toThrow()
  })
})
