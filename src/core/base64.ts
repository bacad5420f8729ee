/**
 * @module
 * Base64 (RFC 4648, with padding) between bytes and text: the runtime's own
 * `Uint8Array.fromBase64` and `toBase64` where it has them (workerd, recent V8: native code, a
 * tenth of the time of a loop over `atob`'s string for the megabytes of a large D1 index's meta,
 * BENCHMARKS.md), `atob` and `btoa` elsewhere (Node 24). D1 hands back text columns fast and blobs
 * as arrays of numbers, so binary parts of the index are kept there as base64 text.
 */

/** Bytes written at once through `String.fromCharCode` (an argument list has a limit). */
const CHUNK = 0x8000

/** The TC39 base64 methods of `Uint8Array` (ES2026), where the runtime has them. */
const native = Uint8Array as unknown as {
  fromBase64?: (text: string) => Uint8Array
  prototype: { toBase64?: (this: Uint8Array) => string }
}

/**
 * @example
 * bytesToBase64(new Uint8Array([104, 105])) // => 'aGk='
 */
export function bytesToBase64(bytes: Uint8Array): string {
  if (native.prototype.toBase64) return native.prototype.toBase64.call(bytes)
  let binary = ''
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return btoa(binary)
}

/**
 * @throws SyntaxError (`fromBase64`) or DOMException `InvalidCharacterError` (`atob`) when `text`
 *   is not base64.
 * @example
 * base64ToBytes('aGk=') // => Uint8Array [104, 105]
 */
export function base64ToBytes(text: string): Uint8Array {
  if (native.fromBase64) return native.fromBase64(text)
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
