import { expect, it } from 'vitest'
import { base64ToBytes, bytesToBase64 } from '../../src/core/base64.ts'

/** The base64 cases, run in Node (atob/btoa) and in workerd (`Uint8Array.fromBase64`/`toBase64`). */
export function base64Cases(): void {
  it('turns bytes into RFC 4648 text and back', () => {
    // "hi" is 0x68 0x69: 011010 000110 1001(00) → a G k, one pad.
    expect(bytesToBase64(new Uint8Array([104, 105]))).toBe('aGk=')
    expect([...base64ToBytes('aGk=')]).toEqual([104, 105])
    // 0xfb 0xff: 111110 111111 1111(00) → + / 8, one pad (the two symbols past the alphanumerics).
    expect(bytesToBase64(new Uint8Array([0xfb, 0xff]))).toBe('+/8=')
    expect([...base64ToBytes('+/8=')]).toEqual([0xfb, 0xff])
    expect(bytesToBase64(new Uint8Array(0))).toBe('')
    expect(base64ToBytes('')).toEqual(new Uint8Array(0))
    // Past one chunk of String.fromCharCode's arguments, every byte value.
    const bytes = Uint8Array.from({ length: 0x8000 * 2 + 3 }, (_, i) => i % 256)
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes)
  })

  it('refuses text that is not base64', () => {
    expect(() => base64ToBytes('a*b=')).toThrow()
    // The URL-safe alphabet is another encoding.
    expect(() => base64ToBytes('-_8=')).toThrow()
  })
}
